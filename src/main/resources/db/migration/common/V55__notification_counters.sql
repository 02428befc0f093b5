-- A notification's seq is the user's own position, taken from this row under its lock,
-- which is held until the notification commits: a user's notifications commit in seq
-- order, so a stream resuming after seq N can never miss one that committed later with a
-- smaller seq (as a global sequence allows; ADR 0009 makes the same choice for sync).
CREATE TABLE notification_counters (
    user_id UUID   NOT NULL PRIMARY KEY,
    seq     BIGINT NOT NULL,
    CONSTRAINT fk_notification_counters_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

INSERT INTO notification_counters (user_id, seq)
SELECT user_id, MAX(seq) FROM notifications GROUP BY user_id;

ALTER TABLE notifications DROP CONSTRAINT uq_notifications_seq;
ALTER TABLE notifications ADD CONSTRAINT uq_notifications_user_seq UNIQUE (user_id, seq);
DROP SEQUENCE notification_seq;
