-- The next time each habit reminder fires: one row per habit and local reminder time, with
-- the owner's calendar beside it, so the minute job finds what is due with one range read
-- of the index and advances each row in the owner's zone.
CREATE TABLE habit_reminder_schedule (
    habit_id       UUID                     NOT NULL,
    local_time     TIME                     NOT NULL,
    user_id        UUID                     NOT NULL,
    zone           VARCHAR(64)              NOT NULL,
    day_start_hour INT                      NOT NULL,
    next_fire_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_habit_reminder_schedule PRIMARY KEY (habit_id, local_time),
    CONSTRAINT fk_habit_reminder_schedule_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_habit_reminder_schedule_next ON habit_reminder_schedule (next_fire_at);
CREATE INDEX ix_habit_reminder_schedule_user ON habit_reminder_schedule (user_id);
