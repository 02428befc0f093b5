-- The next evening check of each habit owner's streaks ("streak at risk"), one row per user.
-- The row is also what serialises changes to the user's reminder rows (SELECT ... FOR UPDATE).
CREATE TABLE streak_check_schedule (
    user_id        UUID                     NOT NULL PRIMARY KEY,
    local_time     TIME                     NOT NULL,
    zone           VARCHAR(64)              NOT NULL,
    day_start_hour INT                      NOT NULL,
    next_fire_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_streak_check_schedule_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_streak_check_schedule_next ON streak_check_schedule (next_fire_at);
