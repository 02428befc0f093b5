-- Accounts (spec: users). Every mutable table carries the audit columns and a version.
CREATE TABLE users (
    id            UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(320)             NOT NULL,
    password_hash VARCHAR(255),
    display_name  VARCHAR(120)             NOT NULL,
    role          VARCHAR(32)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    time_zone     VARCHAR(64)              NOT NULL,
    locale        VARCHAR(35)              NOT NULL,
    version       BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    CONSTRAINT uk_users_email UNIQUE (email),
    CONSTRAINT ck_users_role CHECK (role IN ('USER', 'COACH', 'ADMIN', 'ORGANIZATION_ADMIN')),
    CONSTRAINT ck_users_status CHECK (status IN ('ACTIVE', 'SUSPENDED'))
);

CREATE INDEX ix_users_role_status ON users (role, status);
CREATE INDEX ix_users_created_at ON users (created_at);
