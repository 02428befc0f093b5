-- Each user's notification preferences; a user without a row has the defaults.
-- id is the user's id. channels holds, as a JSON object, the channels the user chose per
-- type ({"habit_reminder":{"in_app":true,"email":false,"push":true}}); a type missing there
-- keeps its default. Quiet hours are local times in the user's zone and may cross midnight.
CREATE TABLE notification_preferences (
    id            UUID                     NOT NULL PRIMARY KEY,
    version       BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    channels      VARCHAR(4000)            NOT NULL,
    quiet_enabled BOOLEAN                  NOT NULL,
    quiet_start   TIME                     NOT NULL,
    quiet_end     TIME                     NOT NULL,
    CONSTRAINT fk_notification_preferences_user FOREIGN KEY (id) REFERENCES users (id) ON DELETE CASCADE
);
