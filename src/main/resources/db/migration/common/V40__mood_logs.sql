-- Mood logs: several a day, each counted for the user's local day at the time it was logged.
CREATE TABLE mood_logs (
    id          UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL,
    sync_seq    BIGINT                   NOT NULL,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    score       INTEGER                  NOT NULL,
    energy      INTEGER,
    stress      INTEGER,
    sleep_hours NUMERIC(3, 1),
    note        VARCHAR(2000),
    logged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    local_day   DATE                     NOT NULL,
    CONSTRAINT fk_mood_logs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_mood_logs_score CHECK (score BETWEEN 1 AND 5),
    CONSTRAINT ck_mood_logs_energy CHECK (energy BETWEEN 1 AND 5),
    CONSTRAINT ck_mood_logs_stress CHECK (stress BETWEEN 1 AND 5),
    CONSTRAINT ck_mood_logs_sleep CHECK (sleep_hours BETWEEN 0 AND 24)
);

-- Lists, stats and the coach's risk signal read a user's logs by day; the sync feed by sequence.
CREATE INDEX ix_mood_logs_user_day ON mood_logs (user_id, local_day, logged_at);
CREATE INDEX ix_mood_logs_user_logged ON mood_logs (user_id, logged_at);
CREATE INDEX ix_mood_logs_user_seq ON mood_logs (user_id, sync_seq);

CREATE TABLE mood_log_tags (
    mood_log_id UUID        NOT NULL,
    tag         VARCHAR(30) NOT NULL,
    PRIMARY KEY (mood_log_id, tag),
    CONSTRAINT fk_mood_log_tags_log FOREIGN KEY (mood_log_id) REFERENCES mood_logs (id) ON DELETE CASCADE
);
