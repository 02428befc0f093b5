-- In-app notifications. seq orders a user's notifications and is the server-sent event id
-- that a reconnecting stream resumes from.
CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE notifications (
    id         UUID                     NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL,
    seq        BIGINT                   NOT NULL,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    type       VARCHAR(40)              NOT NULL,
    title      VARCHAR(200)             NOT NULL,
    body       VARCHAR(2000),
    link       VARCHAR(500),
    data       VARCHAR(4000)            NOT NULL,
    dedupe_key VARCHAR(200),
    read_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT uq_notifications_seq UNIQUE (seq),
    -- A reminder or an event republished after a restart is notified once.
    CONSTRAINT uq_notifications_dedupe UNIQUE (user_id, dedupe_key)
);

-- The list and the stream read a user's notifications by position; the unread count by read_at.
CREATE INDEX ix_notifications_user_seq ON notifications (user_id, seq);
CREATE INDEX ix_notifications_user_read ON notifications (user_id, read_at);
