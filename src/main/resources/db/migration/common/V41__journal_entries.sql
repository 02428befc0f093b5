-- Journal entries: text, or voice with an uploaded recording kept in the file storage.
CREATE TABLE journal_entries (
    id                 UUID                     NOT NULL PRIMARY KEY,
    user_id            UUID                     NOT NULL,
    sync_seq           BIGINT                   NOT NULL,
    version            BIGINT                   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         UUID,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         UUID,
    kind               VARCHAR(10)              NOT NULL,
    title              VARCHAR(200),
    body               VARCHAR(20000)           NOT NULL,
    local_day          DATE                     NOT NULL,
    mood_log_id        UUID,
    audio_key          VARCHAR(200),
    audio_content_type VARCHAR(40),
    audio_size         BIGINT,
    transcript         VARCHAR(20000),
    transcript_status  VARCHAR(12),
    transcript_message VARCHAR(300),
    emotion            VARCHAR(30),
    CONSTRAINT fk_journal_entries_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_journal_entries_kind CHECK (kind IN ('text', 'voice')),
    CONSTRAINT ck_journal_entries_transcript CHECK (transcript_status IN ('pending', 'done', 'unavailable', 'failed'))
);

-- Lists by day, the sync feed, mood-link clean-up and the coach's "last written".
CREATE INDEX ix_journal_entries_user_day ON journal_entries (user_id, local_day, created_at);
CREATE INDEX ix_journal_entries_user_seq ON journal_entries (user_id, sync_seq);
CREATE INDEX ix_journal_entries_user_mood ON journal_entries (user_id, mood_log_id);
CREATE INDEX ix_journal_entries_user_updated ON journal_entries (user_id, updated_at);

CREATE TABLE journal_entry_tags (
    journal_entry_id UUID        NOT NULL,
    tag              VARCHAR(30) NOT NULL,
    PRIMARY KEY (journal_entry_id, tag),
    CONSTRAINT fk_journal_entry_tags_entry FOREIGN KEY (journal_entry_id) REFERENCES journal_entries (id) ON DELETE CASCADE
);
