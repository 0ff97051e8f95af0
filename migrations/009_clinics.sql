-- Clinics: teams of users sharing patients, each member with one role.
create table clinics (
  id integer generated always as identity primary key,
  name text not null,
  created_by integer references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint clinics_name_check check (char_length(name) between 1 and 200)
);

create table clinic_members (
  clinic_id integer not null references clinics (id) on delete cascade,
  user_id integer not null references users (id) on delete cascade,
  role text not null,
  added_at timestamptz not null default now(),
  added_by integer references users (id) on delete set null,
  primary key (clinic_id, user_id),
  constraint clinic_members_role_check
    check (role in ('owner', 'clinician', 'front_desk', 'viewer'))
);
create index clinic_members_user_idx on clinic_members (user_id, clinic_id);

-- A patient belongs to its creator alone (clinic_id null) or to one clinic. scope_key names
-- who may see it in one integer: the clinic's id, or minus the creator's id. Every patient
-- query filters on it first, so the owner indexes are rebuilt on it.
alter table patients
  add column clinic_id integer references clinics (id) on delete restrict,
  add column scope_key integer generated always as (coalesce(clinic_id, -created_by)) stored;
drop index patients_owner_id_idx;
drop index patients_owner_name_idx;
drop index patients_owner_dob_idx;
drop index patients_owner_created_idx;
drop index patients_owner_updated_idx;
drop index patients_owner_gender_idx;
drop index patients_owner_blood_idx;
create index patients_scope_id_idx on patients (scope_key, id);
create index patients_scope_name_idx on patients (scope_key, name, id);
create index patients_scope_dob_idx on patients (scope_key, date_of_birth, id);
create index patients_scope_created_idx on patients (scope_key, created_at, id);
create index patients_scope_updated_idx on patients (scope_key, updated_at, id);
create index patients_scope_gender_idx on patients (scope_key, gender, id);
create index patients_scope_blood_idx on patients (scope_key, blood_group, id);
create index patients_clinic_idx on patients (clinic_id) where clinic_id is not null;

-- Audit events name the patient's clinic at the time, and membership changes are audited.
alter table audit_events add column clinic_id integer;
create index audit_events_clinic_idx on audit_events (clinic_id, at desc) where clinic_id is not null;
alter table audit_events drop constraint audit_events_action_check;
alter table audit_events add constraint audit_events_action_check check (action in (
  'read', 'list', 'create', 'update', 'delete', 'member_add', 'member_change', 'member_remove'
));
alter table audit_events drop constraint audit_events_resource_type_check;
alter table audit_events add constraint audit_events_resource_type_check
  check (resource_type in ('patient', 'doctor', 'mapping', 'user', 'clinic'));

-- The role the service's queries on patient data run as (SET LOCAL ROLE in each
-- transaction): not a superuser, owns nothing, so row-level security always applies to it.
-- Roles belong to the whole server, so another database may have made it already.
do $$
begin
  create role healthcare_app nologin;
exception when duplicate_object or unique_violation then
  null;
end
$$;
do $$
begin
  execute format('grant healthcare_app to %I', current_user);
exception when others then
  null;
end
$$;
grant usage on schema public to healthcare_app;
grant select, insert, update, delete on patients, patient_doctors to healthcare_app;
grant select, insert on audit_events to healthcare_app;
grant select on doctors, clinics, clinic_members to healthcare_app;
-- An assignment holds its doctor with FOR KEY SHARE, which asks for an UPDATE privilege on
-- some column: `id`, which no one can update (an identity column), is enough.
grant update (id) on doctors to healthcare_app;
grant select (id, email, name, role) on users to healthcare_app;
grant usage on all sequences in schema public to healthcare_app;

-- The request's context, set per transaction with set_config(..., true): whether the caller
-- is an admin, and the scope keys they may read and write (minus their own id, and the ids
-- of their clinics, by role). Unset, a caller sees and writes nothing.
create function app_is_admin() returns boolean language sql stable as $$
  select coalesce(current_setting('app.admin', true), '') = 'on'
$$;
create function app_read_keys() returns integer[] language sql stable as $$
  select coalesce(nullif(current_setting('app.read_keys', true), ''), '{}')::integer[]
$$;
create function app_write_keys() returns integer[] language sql stable as $$
  select coalesce(nullif(current_setting('app.write_keys', true), ''), '{}')::integer[]
$$;

-- Each function is wrapped in a sub-select so that it runs once per statement, not per row.
alter table patients enable row level security;
alter table patients force row level security;
create policy patients_read on patients for select
  using ((select app_is_admin()) or scope_key = any ((select app_read_keys())::integer[]));
create policy patients_insert on patients for insert
  with check ((select app_is_admin()) or scope_key = any ((select app_write_keys())::integer[]));
create policy patients_update on patients for update
  using ((select app_is_admin()) or scope_key = any ((select app_write_keys())::integer[]))
  with check ((select app_is_admin()) or scope_key = any ((select app_write_keys())::integer[]));
create policy patients_delete on patients for delete
  using ((select app_is_admin()) or scope_key = any ((select app_write_keys())::integer[]));

-- An assignment follows its patient: the sub-selects see only what patients' policies show.
alter table patient_doctors enable row level security;
alter table patient_doctors force row level security;
create policy patient_doctors_read on patient_doctors for select
  using (exists (select 1 from patients p where p.id = patient_id));
create policy patient_doctors_write on patient_doctors for all
  using (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ))
  with check (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ));

-- Events about a clinic's patients and members are readable inside that clinic only.
alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy audit_events_read on audit_events for select
  using ((select app_is_admin()) or clinic_id is null
    or clinic_id = any ((select app_read_keys())::integer[]));
create policy audit_events_insert on audit_events for insert with check (true);

-- Substring search on patients. Under row-level security the planner may not use the
-- trigram index for a LIKE (LIKE is not leakproof, and the policies must run first), so the
-- service searches through this function instead: it applies the same visibility rule as the
-- policies, from the same context, and runs as the owner of the tables (security definer),
-- which reaches the index when that owner is exempt from row-level security (a superuser).
create function patients_matching(pattern text) returns setof integer
language sql stable security definer set search_path = public, pg_temp as $$
  select id from patients
  where (app_is_admin() or scope_key = any (app_read_keys()))
    and (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, ''))
      like pattern
$$;
revoke all on function patients_matching(text) from public;
grant execute on function patients_matching(text) to healthcare_app;
