-- Files uploaded into a conversation. An upload is pending (message_id null, visible only to
-- its uploader) until a message carries it; deleting the message deletes its files.
CREATE TABLE chat_attachments (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   UUID,
    chat_id      UUID                     NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    uploader_id  UUID                     REFERENCES users (id) ON DELETE SET NULL,
    message_id   UUID                     REFERENCES chat_messages (id) ON DELETE CASCADE,
    storage_key  VARCHAR(200)             NOT NULL,
    file_name    VARCHAR(200)             NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL
);

CREATE INDEX ix_chat_attachments_message ON chat_attachments (message_id);
CREATE INDEX ix_chat_attachments_chat ON chat_attachments (chat_id, uploader_id);
