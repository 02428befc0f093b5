-- Tasks with an optional goal and an optional recurrence rule (RFC 5545 subset), and the
-- history of completed occurrences.
CREATE TABLE tasks (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   UUID,
    user_id      UUID                     NOT NULL,
    sync_seq     BIGINT                   NOT NULL,
    title        VARCHAR(200)             NOT NULL,
    notes        VARCHAR(4000),
    due_date     DATE,
    due_time     TIME,
    priority     INTEGER                  NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    goal_id      UUID,
    recurrence   VARCHAR(200),
    series_start DATE,
    completed_at TIMESTAMP WITH TIME ZONE,
    assigned_by  UUID,
    CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_tasks_user_status_due ON tasks (user_id, status, due_date);
CREATE INDEX ix_tasks_user_goal ON tasks (user_id, goal_id);
CREATE INDEX ix_tasks_user_seq ON tasks (user_id, sync_seq);

-- One row per completed occurrence; undoing keeps the row (undone_at set) so completing
-- the same occurrence again does not announce it twice.
CREATE TABLE task_completions (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   UUID,
    user_id      UUID                     NOT NULL,
    task_id      UUID                     NOT NULL,
    occurrence   DATE                     NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_task_completions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_completions_task FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT uq_task_completions UNIQUE (task_id, occurrence)
);

CREATE INDEX ix_task_completions_user ON task_completions (user_id);
