-- Conversations: direct (exactly two people, one conversation per pair) and groups (a coach
-- with some of their clients, private; or a community group anyone may find and join,
-- public). last_seq is the sequence of the conversation's newest message: posting locks the
-- row and takes the next value, so within a conversation sequence order is commit order and
-- cursors over it never skip a message that commits late.
CREATE TABLE chats (
    id               UUID                     NOT NULL PRIMARY KEY,
    version          BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    kind             VARCHAR(16)              NOT NULL,
    visibility       VARCHAR(16)              NOT NULL,
    title            VARCHAR(100),
    owner_id         UUID                     REFERENCES users (id) ON DELETE SET NULL,
    -- The two members' ids in order, for direct conversations only: a pair has one.
    direct_key       VARCHAR(80),
    last_seq         BIGINT                   NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL,
    member_count     INT                      NOT NULL,
    CONSTRAINT uq_chats_direct_key UNIQUE (direct_key)
);

CREATE INDEX ix_chats_visibility_activity ON chats (visibility, last_activity_at);

-- Who is in a conversation, with which role (owner, admin, member) and how far they have read.
CREATE TABLE chat_members (
    id                   UUID                     NOT NULL PRIMARY KEY,
    version              BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           UUID,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           UUID,
    chat_id              UUID                     NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    user_id              UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role                 VARCHAR(16)              NOT NULL,
    last_read_seq        BIGINT                   NOT NULL,
    last_read_message_id UUID,
    last_read_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_chat_members UNIQUE (chat_id, user_id)
);

CREATE INDEX ix_chat_members_user ON chat_members (user_id, chat_id);
