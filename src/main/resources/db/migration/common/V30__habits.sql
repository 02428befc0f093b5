-- Habits: groups, habits (schedule, target, reminders), pauses (vacations) and the daily
-- check-ins. Every row a client syncs carries its owner and the owner's change sequence.
CREATE TABLE habit_groups (
    id         UUID                     NOT NULL PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    user_id    UUID                     NOT NULL,
    sync_seq   BIGINT                   NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    colour     VARCHAR(20),
    sort_order INTEGER                  NOT NULL,
    CONSTRAINT fk_habit_groups_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_habit_groups_user_order ON habit_groups (user_id, sort_order);
CREATE INDEX ix_habit_groups_user_seq ON habit_groups (user_id, sync_seq);

CREATE TABLE habits (
    id             UUID                     NOT NULL PRIMARY KEY,
    version        BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID,
    user_id        UUID                     NOT NULL,
    sync_seq       BIGINT                   NOT NULL,
    name           VARCHAR(100)             NOT NULL,
    description    VARCHAR(2000),
    icon           VARCHAR(50),
    colour         VARCHAR(20),
    kind           VARCHAR(10)              NOT NULL,
    unit           VARCHAR(30),
    target_value   NUMERIC(12, 2)           NOT NULL,
    target_type    VARCHAR(10)              NOT NULL,
    schedule_type  VARCHAR(20)              NOT NULL,
    schedule_days  INTEGER                  NOT NULL,
    schedule_count INTEGER                  NOT NULL,
    start_date     DATE                     NOT NULL,
    reminders      VARCHAR(200)             NOT NULL,
    group_id       UUID,
    sort_order     INTEGER                  NOT NULL,
    archived_at    TIMESTAMP WITH TIME ZONE,
    assigned_by    UUID,
    CONSTRAINT fk_habits_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_habits_group FOREIGN KEY (group_id) REFERENCES habit_groups (id) ON DELETE SET NULL,
    CONSTRAINT ck_habits_kind CHECK (kind IN ('yes_no', 'numeric')),
    CONSTRAINT ck_habits_target_type CHECK (target_type IN ('at_least', 'at_most'))
);

CREATE INDEX ix_habits_user_order ON habits (user_id, sort_order);
CREATE INDEX ix_habits_user_seq ON habits (user_id, sync_seq);
CREATE INDEX ix_habits_user_group ON habits (user_id, group_id);
CREATE INDEX ix_habits_group ON habits (group_id);

-- A vacation: the habit is not due from first_day to last_day (open-ended while null).
CREATE TABLE habit_pauses (
    id         UUID                     NOT NULL PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    habit_id   UUID                     NOT NULL,
    user_id    UUID                     NOT NULL,
    first_day  DATE                     NOT NULL,
    last_day   DATE,
    CONSTRAINT fk_habit_pauses_habit FOREIGN KEY (habit_id) REFERENCES habits (id) ON DELETE CASCADE,
    CONSTRAINT fk_habit_pauses_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_habit_pauses_user_habit ON habit_pauses (user_id, habit_id);
CREATE INDEX ix_habit_pauses_habit ON habit_pauses (habit_id);

-- One check-in per habit and local day: a value, a skip, or a spent streak freeze.
CREATE TABLE habit_logs (
    id         UUID                     NOT NULL PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    user_id    UUID                     NOT NULL,
    sync_seq   BIGINT                   NOT NULL,
    habit_id   UUID                     NOT NULL,
    log_date   DATE                     NOT NULL,
    amount     NUMERIC(12, 2)           NOT NULL,
    status     VARCHAR(10)              NOT NULL,
    note       VARCHAR(500),
    CONSTRAINT fk_habit_logs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_habit_logs_habit FOREIGN KEY (habit_id) REFERENCES habits (id) ON DELETE CASCADE,
    CONSTRAINT uq_habit_logs_habit_day UNIQUE (habit_id, log_date),
    CONSTRAINT ck_habit_logs_status CHECK (status IN ('value', 'skipped', 'frozen'))
);

CREATE INDEX ix_habit_logs_user_day ON habit_logs (user_id, log_date);
CREATE INDEX ix_habit_logs_user_seq ON habit_logs (user_id, sync_seq);
