create table users (
  id integer generated always as identity primary key,
  name text not null,
  email text not null,
  password_hash text not null,
  role text not null default 'user',
  created_at timestamptz not null default now(),
  constraint users_email_key unique (email),
  constraint users_email_check check (email = lower(email) and email <> ''),
  constraint users_name_check check (char_length(name) between 1 and 150),
  constraint users_role_check check (role in ('user', 'admin'))
);

-- One row per sign-in; the refresh token is kept only as its SHA-256 digest.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id integer not null references users (id) on delete cascade,
  refresh_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_id_idx on sessions (user_id);
create index sessions_revoked_at_idx on sessions (revoked_at) where revoked_at is not null;

-- Failed logins per email and client address, shared by every instance.
create table login_failures (
  email text not null,
  client_ip text not null,
  at timestamptz not null default now()
);
create index login_failures_key_idx on login_failures (email, client_ip, at);

-- Secrets the service makes for itself (the embedded database's JWT secret).
create table service_secrets (
  name text primary key,
  value text not null
);
