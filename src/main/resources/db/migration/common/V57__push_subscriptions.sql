-- Where a user's notifications are pushed: browsers' Web Push subscriptions and mobile
-- devices' FCM or APNs tokens. A user may have several of each.
CREATE TABLE push_subscriptions (
    id              UUID                     NOT NULL PRIMARY KEY,
    user_id         UUID                     NOT NULL,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      UUID,
    endpoint        VARCHAR(1024)            NOT NULL,
    p256dh          VARCHAR(100)             NOT NULL,
    auth            VARCHAR(40)              NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    user_agent      VARCHAR(255),
    last_pushed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_push_subscriptions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    -- An endpoint is one browser profile: subscribing it again updates it.
    CONSTRAINT uq_push_subscriptions_endpoint UNIQUE (endpoint)
);

CREATE INDEX ix_push_subscriptions_user ON push_subscriptions (user_id, created_at);

CREATE TABLE push_devices (
    id              UUID                     NOT NULL PRIMARY KEY,
    user_id         UUID                     NOT NULL,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      UUID,
    platform        VARCHAR(10)              NOT NULL,
    token           VARCHAR(512)             NOT NULL,
    last_pushed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_push_devices_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT uq_push_devices_token UNIQUE (platform, token)
);

CREATE INDEX ix_push_devices_user ON push_devices (user_id, created_at);
