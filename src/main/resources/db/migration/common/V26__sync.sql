-- Offline sync: each user's change sequence (the row is locked by every write, so one
-- user's writes commit in sequence order) and the tombstones of deleted resources.
CREATE TABLE sync_counters (
    user_id UUID   NOT NULL PRIMARY KEY,
    seq     BIGINT NOT NULL,
    CONSTRAINT fk_sync_counters_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE sync_tombstones (
    resource_type VARCHAR(40)              NOT NULL,
    resource_id   UUID                     NOT NULL,
    user_id       UUID                     NOT NULL,
    seq           BIGINT                   NOT NULL,
    version       BIGINT                   NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (resource_type, resource_id),
    CONSTRAINT fk_sync_tombstones_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_sync_tombstones_user_seq ON sync_tombstones (user_id, seq);
