-- Coach–client relationships. An invitation (by email or code) and a client's request are
-- a relationship in status PENDING; accepting makes it ACTIVE; declining, withdrawing,
-- revoking or ending closes it. open_key is set only while a relationship is PENDING or
-- ACTIVE (coach id and client id or invited email), so its unique constraint allows one
-- open relationship per pair without a partial index, which H2 lacks.
CREATE TABLE coaching_relationships (
    id            UUID                     NOT NULL PRIMARY KEY,
    version       BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    coach_id      UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id     UUID                     REFERENCES users (id) ON DELETE CASCADE,
    invitee_email VARCHAR(320),
    kind          VARCHAR(16)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    shared_areas  VARCHAR(100)             NOT NULL,
    code_hash     VARCHAR(64),
    message       VARCHAR(500),
    expires_at    TIMESTAMP WITH TIME ZONE,
    accepted_at   TIMESTAMP WITH TIME ZONE,
    closed_at     TIMESTAMP WITH TIME ZONE,
    closed_by     UUID,
    open_key      VARCHAR(400),
    CONSTRAINT uk_coaching_relationships_open UNIQUE (open_key),
    CONSTRAINT uk_coaching_relationships_code UNIQUE (code_hash)
);

CREATE INDEX ix_coaching_relationships_coach ON coaching_relationships (coach_id, status, client_id);
CREATE INDEX ix_coaching_relationships_client ON coaching_relationships (client_id, status, coach_id);
CREATE INDEX ix_coaching_relationships_email ON coaching_relationships (invitee_email, status);

-- Session notes a coach keeps about a client: private to the coach or shared with the client.
CREATE TABLE coaching_notes (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   UUID,
    coach_id     UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body         VARCHAR(10000)           NOT NULL,
    visibility   VARCHAR(16)              NOT NULL,
    session_date DATE
);

CREATE INDEX ix_coaching_notes_coach_client ON coaching_notes (coach_id, client_id, created_at);
CREATE INDEX ix_coaching_notes_client_visibility ON coaching_notes (client_id, visibility, created_at);
