-- Transactional mail: written in the sender's transaction, delivered by a background job.
CREATE TABLE mail_outbox (
    id         UUID                     NOT NULL PRIMARY KEY,
    recipient  VARCHAR(320)             NOT NULL,
    subject    VARCHAR(255)             NOT NULL,
    text_body  TEXT                     NOT NULL,
    html_body  TEXT,
    status     VARCHAR(24)              NOT NULL,
    attempts   INTEGER                  NOT NULL,
    last_error VARCHAR(1000),
    sent_at    TIMESTAMP WITH TIME ZONE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED_LOCALLY', 'FAILED'))
);

-- The mail catcher's "latest mail to this address" and the delivery overview.
CREATE INDEX ix_mail_outbox_recipient_created_at ON mail_outbox (recipient, created_at);
CREATE INDEX ix_mail_outbox_status ON mail_outbox (status);
