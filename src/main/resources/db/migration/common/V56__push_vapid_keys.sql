-- The VAPID key pair (RFC 8292) that identifies this server to browsers' push services.
-- One row that every node shares: the first node to start creates it, and the primary key
-- makes a second node's concurrent insert fail, so both end up with the same key. The
-- private key is encrypted with the application's encryption key.
CREATE TABLE push_vapid_keys (
    name        VARCHAR(20)              NOT NULL PRIMARY KEY,
    public_key  VARCHAR(100)             NOT NULL,
    private_key VARCHAR(300)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
