-- WebAuthn / passkeys: the credentials users register, and the single-use challenges of
-- ceremonies in progress (kept in the database so any node can finish what another began).
CREATE TABLE webauthn_credentials (
    id                       UUID                     NOT NULL PRIMARY KEY,
    user_id                  UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- base64url, as browsers send it; at most 1023 bytes raw
    credential_id            VARCHAR(1400)            NOT NULL,
    -- AAGUID, credential id and COSE public key, as the authenticator encoded them
    attested_credential_data TEXT                     NOT NULL,
    aaguid                   VARCHAR(36)              NOT NULL,
    sign_count               BIGINT                   NOT NULL,
    uv_initialized           BOOLEAN                  NOT NULL,
    backup_eligible          BOOLEAN                  NOT NULL,
    backup_state             BOOLEAN                  NOT NULL,
    transports               VARCHAR(128),
    name                     VARCHAR(64)              NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_webauthn_credentials_credential_id UNIQUE (credential_id)
);
CREATE INDEX ix_webauthn_credentials_user ON webauthn_credentials (user_id);

CREATE TABLE webauthn_challenges (
    id          UUID                     NOT NULL PRIMARY KEY,
    purpose     VARCHAR(16)              NOT NULL,
    user_id     UUID REFERENCES users (id) ON DELETE CASCADE,
    challenge   VARCHAR(64)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_webauthn_challenges_purpose CHECK (purpose IN ('REGISTER', 'SIGN_IN', 'SECOND_FACTOR'))
);
CREATE INDEX ix_webauthn_challenges_expires ON webauthn_challenges (expires_at);
