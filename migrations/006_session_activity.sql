-- What a user sees of their sessions: when each was last used and from where.
alter table sessions
  add column last_used_at timestamptz not null default now(),
  add column client_ip text;
create index sessions_live_user_idx on sessions (user_id, created_at) where revoked_at is null;

-- Failures of one account across every address, for the per-account ceiling.
create index login_failures_email_idx on login_failures (email, at);
