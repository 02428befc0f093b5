-- The hour at which a user's day starts (0 = midnight): a check-in at 01:30 counts for the
-- evening before when the day starts at 03:00.
ALTER TABLE users ADD COLUMN day_start_hour INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE users ADD CONSTRAINT ck_users_day_start_hour CHECK (day_start_hour BETWEEN 0 AND 6);
