-- H2 has no expression indexes; a plain index serves the admin user list's name search.
CREATE INDEX ix_users_display_name ON users (display_name);
