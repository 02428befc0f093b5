-- The country a device last signed in from, as a trusted proxy reported it (ISO 3166-1
-- alpha-2), so that a sign-in from another country can be told to the account's owner.
ALTER TABLE user_devices ADD COLUMN last_country VARCHAR(2);
