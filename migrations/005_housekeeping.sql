-- Indexes for the background purge of expired sign-in failures and dead sessions.
create index login_failures_at_idx on login_failures (at);
create index sessions_expires_at_idx on sessions (expires_at);
