-- Messages. The id is chosen by the client, so a retried post finds the message it already
-- made. A deleted message keeps its row as a tombstone (body null, deleted_at set) so the
-- history keeps its shape.
CREATE TABLE chat_messages (
    id         UUID                     NOT NULL PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    chat_id    UUID                     NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    seq        BIGINT                   NOT NULL,
    sender_id  UUID                     REFERENCES users (id) ON DELETE SET NULL,
    body       VARCHAR(4000),
    edited_at  TIMESTAMP WITH TIME ZONE,
    deleted_at TIMESTAMP WITH TIME ZONE,
    deleted_by UUID,
    CONSTRAINT uq_chat_messages_seq UNIQUE (chat_id, seq)
);
