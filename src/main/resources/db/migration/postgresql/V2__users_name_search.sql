-- Case-insensitive name search in the admin user list uses lower(display_name).
CREATE INDEX ix_users_display_name_lower ON users (lower(display_name));
