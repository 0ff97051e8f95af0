-- The refresh token a session's current one replaced, and when: presented again within
-- JWT_REFRESH_REUSE_SECONDS it answers the same next token instead of ending the session.
alter table sessions
  add column previous_refresh_hash text,
  add column rotated_at timestamptz;

-- Admins deactivate accounts instead of deleting them; a deactivated user cannot sign in
-- or refresh. last_login_at is shown in the admin's user list.
alter table users
  add column is_active boolean not null default true,
  add column last_login_at timestamptz;

-- Admins' changes to accounts are audited like changes to records.
alter table audit_events drop constraint audit_events_resource_type_check;
alter table audit_events add constraint audit_events_resource_type_check
  check (resource_type in ('patient', 'doctor', 'mapping', 'user'));
