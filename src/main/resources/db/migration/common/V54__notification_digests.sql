-- Weekly digest emails sent (created_at: when): one per user and ISO week (e.g. 2027-W01),
-- however many nodes run the hourly digest job and however often it runs.
CREATE TABLE notification_digests (
    id         UUID                     NOT NULL PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    user_id    UUID                     NOT NULL,
    week       VARCHAR(8)               NOT NULL,
    CONSTRAINT fk_notification_digests_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT uq_notification_digests UNIQUE (user_id, week)
);
