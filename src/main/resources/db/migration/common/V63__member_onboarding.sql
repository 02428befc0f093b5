-- Whether a member has been through the app's first-run welcome (finished or skipped), so it
-- is offered once.
CREATE TABLE member_onboarding (
    user_id     UUID                     NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    outcome     VARCHAR(20)              NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL
);
