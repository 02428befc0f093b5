-- The client ids of increments that added to a day's existing check-in (another id), so that
-- a retried increment (an answer lost on the way back) is recognised instead of adding again.
CREATE TABLE habit_log_increments (
    id     UUID NOT NULL PRIMARY KEY,
    log_id UUID NOT NULL REFERENCES habit_logs (id) ON DELETE CASCADE
);

CREATE INDEX ix_habit_log_increments_log ON habit_log_increments (log_id);
