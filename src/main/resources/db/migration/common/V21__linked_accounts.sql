-- Sign-in identities at Google, Apple, Facebook or an OpenID Connect provider, linked to
-- an account. One identity belongs to one account; an account links one per provider.
CREATE TABLE linked_accounts (
    id               UUID                     NOT NULL PRIMARY KEY,
    user_id          UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider         VARCHAR(32)              NOT NULL,
    provider_subject VARCHAR(255)             NOT NULL,
    email            VARCHAR(320),
    linked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_linked_accounts_subject UNIQUE (provider, provider_subject),
    CONSTRAINT uk_linked_accounts_user_provider UNIQUE (user_id, provider)
);
