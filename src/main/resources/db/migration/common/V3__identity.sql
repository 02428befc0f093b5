-- Identity and access (spec: users, user_profiles, user_sessions, refresh_tokens,
-- user_devices, two_factor_secrets) plus single-use account tokens, signing keys and
-- the security audit log.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN deletion_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users DROP CONSTRAINT ck_users_status;
ALTER TABLE users ADD CONSTRAINT ck_users_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'PENDING_DELETION'));

CREATE TABLE user_profiles (
    user_id              UUID         NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    avatar_url           VARCHAR(2048),
    bio                  VARCHAR(2000),
    coaching_preferences TEXT
);

-- One row per signed-in client: an API session (refresh token family) or a page session.
CREATE TABLE user_sessions (
    id            UUID                     NOT NULL PRIMARY KEY,
    user_id       UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id     UUID,
    kind          VARCHAR(8)               NOT NULL,
    method        VARCHAR(16)              NOT NULL,
    ip_address    VARCHAR(45),
    user_agent    VARCHAR(512),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoke_reason VARCHAR(32),
    CONSTRAINT ck_user_sessions_kind CHECK (kind IN ('API', 'PAGE'))
);
CREATE INDEX ix_user_sessions_user ON user_sessions (user_id, revoked_at);

-- Refresh tokens are stored as SHA-256 hashes; a session is one rotation family.
CREATE TABLE refresh_tokens (
    id          UUID                     NOT NULL PRIMARY KEY,
    session_id  UUID                     NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64)              NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_refresh_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE user_devices (
    id                 UUID                     NOT NULL PRIMARY KEY,
    user_id            UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    fingerprint        VARCHAR(64)              NOT NULL,
    name               VARCHAR(120)             NOT NULL,
    first_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_ip_address    VARCHAR(45),
    trust_token_hash   VARCHAR(64),
    trusted_until      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_user_devices_fingerprint UNIQUE (user_id, fingerprint)
);

-- Email verification, password reset and second-factor challenges: single use, expiring.
CREATE TABLE account_tokens (
    id          UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     VARCHAR(16)              NOT NULL,
    token_hash  VARCHAR(64)              NOT NULL,
    payload     VARCHAR(1024),
    attempts    INTEGER                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_account_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX ix_account_tokens_user ON account_tokens (user_id, purpose);

CREATE TABLE two_factor_secrets (
    user_id          UUID                     NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_encrypted VARCHAR(255)             NOT NULL,
    enabled_at       TIMESTAMP WITH TIME ZONE,
    last_used_step   BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE recovery_codes (
    id        UUID                     NOT NULL PRIMARY KEY,
    user_id   UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash VARCHAR(64)              NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_recovery_codes_user ON recovery_codes (user_id);

-- Access-token signing keys shared by every node; old keys stay published until the
-- tokens they signed have expired.
CREATE TABLE signing_keys (
    kid          VARCHAR(64)              NOT NULL PRIMARY KEY,
    algorithm    VARCHAR(8)               NOT NULL,
    public_jwk   TEXT                     NOT NULL,
    private_key  TEXT                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE
);

-- Append-only security audit log.
CREATE TABLE audit_events (
    id          UUID                     NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    type        VARCHAR(48)              NOT NULL,
    outcome     VARCHAR(16)              NOT NULL,
    actor_id    UUID,
    target_id   UUID,
    ip_address  VARCHAR(45),
    user_agent  VARCHAR(512),
    request_id  VARCHAR(64),
    details     VARCHAR(2000)
);
CREATE INDEX ix_audit_events_occurred ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_actor ON audit_events (actor_id, occurred_at);
CREATE INDEX ix_audit_events_target ON audit_events (target_id, occurred_at);
CREATE INDEX ix_audit_events_type ON audit_events (type, occurred_at);
