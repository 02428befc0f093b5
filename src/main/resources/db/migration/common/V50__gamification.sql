-- Gamification: computed on the server from module events, never synced.

-- One row per user: the running total and the streak-freeze balance. Every award and every
-- freeze spend locks this row first, so one user's changes apply one at a time on any node.
CREATE TABLE gamification_profiles (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        UUID,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        UUID,
    total_points      BIGINT                   NOT NULL,
    best_streak       INTEGER                  NOT NULL,
    freezes_available INTEGER                  NOT NULL,
    CONSTRAINT fk_gamification_profiles_user FOREIGN KEY (id) REFERENCES users (id) ON DELETE CASCADE
);

-- What earned points, once per source key (check_in:{habit}:{day}, task:{task}:{occurrence},
-- milestone:{id}, goal:{id}, achievement:{code}). An undone award stays, inactive, so a
-- re-check restores the same points instead of earning again.
CREATE TABLE gamification_awards (
    id            UUID                     NOT NULL PRIMARY KEY,
    version       BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    user_id       UUID                     NOT NULL,
    source_key    VARCHAR(200)             NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    subject_id    UUID,
    award_day     DATE                     NOT NULL,
    points        INTEGER,
    active        BOOLEAN                  NOT NULL,
    last_event_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_gamification_awards_source UNIQUE (user_id, source_key),
    CONSTRAINT fk_gamification_awards_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_gamification_awards_user_kind_day ON gamification_awards (user_id, kind, award_day);

-- The ledger: every change to a user's points, with the reason shown to them.
CREATE TABLE gamification_point_entries (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    user_id     UUID                     NOT NULL,
    award_id    UUID                     NOT NULL,
    source_key  VARCHAR(200)             NOT NULL,
    kind        VARCHAR(20)              NOT NULL,
    points      INTEGER                  NOT NULL,
    reason      VARCHAR(300)             NOT NULL,
    entry_day   DATE                     NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_gamification_point_entries_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_gamification_point_entries_award FOREIGN KEY (award_id) REFERENCES gamification_awards (id)
        ON DELETE CASCADE
);

CREATE INDEX ix_gamification_point_entries_user_occurred ON gamification_point_entries (user_id, occurred_at);
CREATE INDEX ix_gamification_point_entries_user_day ON gamification_point_entries (user_id, entry_day);
CREATE INDEX ix_gamification_point_entries_award ON gamification_point_entries (award_id);

-- Unlocked achievements; the catalogue itself lives in code.
CREATE TABLE gamification_achievements (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    user_id     UUID                     NOT NULL,
    code        VARCHAR(40)              NOT NULL,
    unlocked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_gamification_achievements_code UNIQUE (user_id, code),
    CONSTRAINT fk_gamification_achievements_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Streak freezes earned (once per source key freeze:{habit}:{run start}:{streak}), forfeited
-- with a full wallet, and spent (once per user and day: spent:{day}).
CREATE TABLE gamification_streak_freezes (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    user_id     UUID                     NOT NULL,
    source_key  VARCHAR(200)             NOT NULL,
    kind        VARCHAR(20)              NOT NULL,
    freeze_day  DATE                     NOT NULL,
    habit_id    UUID,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_gamification_streak_freezes_source UNIQUE (user_id, source_key),
    CONSTRAINT fk_gamification_streak_freezes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_gamification_streak_freezes_user_occurred ON gamification_streak_freezes (user_id, occurred_at);
CREATE INDEX ix_gamification_streak_freezes_user_kind ON gamification_streak_freezes (user_id, kind);
