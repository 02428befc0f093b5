-- A notification whose in-app channel is off is still stored when email or push needs it
-- (the channels read it, the dedupe key holds), but it is not listed or streamed.
ALTER TABLE notifications ADD COLUMN in_app BOOLEAN DEFAULT TRUE NOT NULL;

-- System announcements by admins: broadcast live, then written to every active user's
-- notifications by a background job.
CREATE TABLE announcements (
    id         UUID                     NOT NULL PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID,
    title      VARCHAR(200)             NOT NULL,
    body       VARCHAR(2000),
    link       VARCHAR(500),
    delivered  INTEGER                  NOT NULL
);
