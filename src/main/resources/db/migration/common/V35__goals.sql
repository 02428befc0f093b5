-- Goals with SMART fields and the way their progress is computed (milestones, linked
-- habits and tasks, or a measured value), their milestones, the latest strength of each
-- linked habit, and the history of progress changes.
CREATE TABLE goals (
    id                   UUID                     NOT NULL PRIMARY KEY,
    version              BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           UUID,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           UUID,
    user_id              UUID                     NOT NULL,
    sync_seq             BIGINT                   NOT NULL,
    title                VARCHAR(200)             NOT NULL,
    why                  VARCHAR(2000),
    measure              VARCHAR(500),
    progress_mode        VARCHAR(20)              NOT NULL,
    start_value          NUMERIC(19, 4),
    target_value         NUMERIC(19, 4),
    current_value        NUMERIC(19, 4),
    unit                 VARCHAR(40),
    target_date          DATE,
    category             VARCHAR(60),
    priority             INTEGER                  NOT NULL,
    status               VARCHAR(20)              NOT NULL,
    progress             DOUBLE PRECISION         NOT NULL,
    completed_at         TIMESTAMP WITH TIME ZONE,
    completion_announced BOOLEAN                  NOT NULL,
    assigned_by          UUID,
    CONSTRAINT fk_goals_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_goals_progress CHECK (progress BETWEEN 0 AND 100)
);

CREATE INDEX ix_goals_user_status ON goals (user_id, status);
CREATE INDEX ix_goals_user_seq ON goals (user_id, sync_seq);

CREATE TABLE goal_milestones (
    id               UUID                     NOT NULL PRIMARY KEY,
    version          BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    user_id          UUID                     NOT NULL,
    sync_seq         BIGINT                   NOT NULL,
    goal_id          UUID                     NOT NULL,
    title            VARCHAR(200)             NOT NULL,
    due_date         DATE,
    completed_at     TIMESTAMP WITH TIME ZONE,
    reach_announced  BOOLEAN                  NOT NULL,
    CONSTRAINT fk_goal_milestones_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_goal_milestones_goal FOREIGN KEY (goal_id) REFERENCES goals (id) ON DELETE CASCADE
);

CREATE INDEX ix_goal_milestones_user_goal ON goal_milestones (user_id, goal_id);
CREATE INDEX ix_goal_milestones_goal ON goal_milestones (goal_id);
CREATE INDEX ix_goal_milestones_user_seq ON goal_milestones (user_id, sync_seq);

-- A habit linked to a goal, with the habit's latest strength as its events told it
-- (NULL until the first event arrives).
CREATE TABLE goal_habits (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    user_id     UUID                     NOT NULL,
    goal_id     UUID                     NOT NULL,
    habit_id    UUID                     NOT NULL,
    strength    DOUBLE PRECISION,
    strength_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_goal_habits_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_goal_habits_goal FOREIGN KEY (goal_id) REFERENCES goals (id) ON DELETE CASCADE,
    CONSTRAINT uq_goal_habits UNIQUE (goal_id, habit_id)
);

CREATE INDEX ix_goal_habits_user_habit ON goal_habits (user_id, habit_id);

-- Append-only: every change of a goal's progress or measured value.
CREATE TABLE goal_progress_history (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    user_id     UUID                     NOT NULL,
    goal_id     UUID                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    progress    DOUBLE PRECISION         NOT NULL,
    measured_value NUMERIC(19, 4),
    source      VARCHAR(20)              NOT NULL,
    CONSTRAINT fk_goal_progress_history_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_goal_progress_history_goal FOREIGN KEY (goal_id) REFERENCES goals (id) ON DELETE CASCADE
);

CREATE INDEX ix_goal_progress_history_goal ON goal_progress_history (goal_id, recorded_at);
CREATE INDEX ix_goal_progress_history_user ON goal_progress_history (user_id);
