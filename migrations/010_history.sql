-- History and soft deletion: patients, doctors and assignments are marked deleted instead of
-- being destroyed, and every change to one appends a version, written by a trigger in the
-- same statement as the change.
alter table patients
  add column updated_by integer,
  add column deleted_at timestamptz,
  add column deleted_by integer;
alter table doctors
  add column updated_by integer,
  add column deleted_at timestamptz,
  add column deleted_by integer;
alter table patient_doctors
  add column version integer not null default 1,
  add column updated_at timestamptz,
  add column updated_by integer,
  add column deleted_at timestamptz,
  add column deleted_by integer;
update patient_doctors set updated_at = assigned_at;
alter table patient_doctors alter column updated_at set not null,
  alter column updated_at set default now();

-- Lists read live patients only: the owner indexes hold those, and deleted ones (shown to
-- owners with include_deleted) have their own small index.
drop index patients_scope_id_idx;
drop index patients_scope_name_idx;
drop index patients_scope_dob_idx;
drop index patients_scope_created_idx;
drop index patients_scope_updated_idx;
drop index patients_scope_gender_idx;
drop index patients_scope_blood_idx;
create index patients_scope_id_idx on patients (scope_key, id) where deleted_at is null;
create index patients_scope_name_idx on patients (scope_key, name, id) where deleted_at is null;
create index patients_scope_dob_idx on patients (scope_key, date_of_birth, id)
  where deleted_at is null;
create index patients_scope_created_idx on patients (scope_key, created_at, id)
  where deleted_at is null;
create index patients_scope_updated_idx on patients (scope_key, updated_at, id)
  where deleted_at is null;
create index patients_scope_gender_idx on patients (scope_key, gender, id)
  where deleted_at is null;
create index patients_scope_blood_idx on patients (scope_key, blood_group, id)
  where deleted_at is null;
create index patients_deleted_idx on patients (scope_key, id) where deleted_at is not null;

-- Uniqueness counts live records only (same names: the error funnel maps them to fields).
alter table doctors drop constraint doctors_email_key;
alter table doctors drop constraint doctors_license_number_key;
create unique index doctors_email_key on doctors (email) where deleted_at is null;
create unique index doctors_license_number_key on doctors (license_number)
  where deleted_at is null;
alter table patient_doctors drop constraint patient_doctors_doctor_key;
create unique index patient_doctors_doctor_key on patient_doctors (patient_id, doctor_id)
  where deleted_at is null;
drop index patient_doctors_is_primary_key;
create unique index patient_doctors_is_primary_key on patient_doctors (patient_id)
  where is_primary and deleted_at is null;
create index patient_doctors_patient_idx on patient_doctors (patient_id, id);

-- Versions: append-only. `snapshot` is the row after the change (null in a purge's tombstone);
-- `patient_id` names the patient whose data it holds (a patient's or an assignment's).
create table versions (
  resource_type text not null,
  resource_id integer not null,
  version integer not null,
  at timestamptz not null default now(),
  by integer,
  action text not null,
  changed_fields text[] not null default '{}',
  snapshot jsonb,
  patient_id integer,
  primary key (resource_type, resource_id, version),
  constraint versions_resource_type_check
    check (resource_type in ('patient', 'doctor', 'mapping')),
  constraint versions_action_check
    check (action in ('create', 'update', 'delete', 'restore', 'purge'))
);
create index versions_patient_idx on versions (patient_id) where patient_id is not null;

create function versions_append_only() returns trigger language plpgsql as $$
begin
  if current_setting('app.purging', true) = 'on' and tg_op = 'DELETE' then
    return old;
  end if;
  raise exception 'versions are append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger versions_no_update_delete before update or delete on versions
  for each row execute function versions_append_only();
create trigger versions_no_truncate before truncate on versions
  for each statement execute function versions_append_only();

-- One version per row written. Who: the row's `updated_by` (set by every change), else its
-- creator. The action follows `deleted_at`; `changed_fields` are the columns whose values moved.
create function record_version() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  snap jsonb := to_jsonb(new) - 'scope_key';
  act text := 'create';
  changed text[] := '{}';
begin
  if tg_op = 'UPDATE' then
    act := case
      when old.deleted_at is null and new.deleted_at is not null then 'delete'
      when old.deleted_at is not null and new.deleted_at is null then 'restore'
      else 'update' end;
    select coalesce(array_agg(n.key order by n.key), '{}') into changed
    from jsonb_each(snap) n join jsonb_each(to_jsonb(old)) o on o.key = n.key
    where n.value is distinct from o.value and n.key not in
      ('version', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by');
  end if;
  insert into versions (resource_type, resource_id, version, by, action, changed_fields,
    snapshot, patient_id)
  values (tg_argv[0], new.id, new.version,
    coalesce((snap ->> 'updated_by')::integer, (snap ->> 'created_by')::integer,
      (snap ->> 'assigned_by')::integer),
    act, changed, snap,
    case tg_argv[0] when 'patient' then new.id when 'mapping' then (snap ->> 'patient_id')::integer end);
  return null;
end
$$;
-- Every change is a new version, also one made by hand that forgot to bump it.
create function bump_version() returns trigger language plpgsql as $$
begin
  if new.version = old.version then
    new.version := old.version + 1;
  end if;
  return new;
end
$$;
create trigger patients_bump before update on patients
  for each row execute function bump_version();
create trigger doctors_bump before update on doctors
  for each row execute function bump_version();
create trigger patient_doctors_bump before update on patient_doctors
  for each row execute function bump_version();

create trigger patients_version after insert or update on patients
  for each row execute function record_version('patient');
create trigger doctors_version after insert or update on doctors
  for each row execute function record_version('doctor');
create trigger patient_doctors_version after insert or update on patient_doctors
  for each row execute function record_version('mapping');

-- The records that exist today start their history where they are.
insert into versions (resource_type, resource_id, version, at, by, action, snapshot, patient_id)
select 'patient', id, version, updated_at, created_by, 'create', to_jsonb(p) - 'scope_key', id
from patients p;
insert into versions (resource_type, resource_id, version, at, by, action, snapshot)
select 'doctor', id, version, updated_at, created_by, 'create', to_jsonb(d) from doctors d;
insert into versions (resource_type, resource_id, version, at, by, action, snapshot, patient_id)
select 'mapping', id, version, assigned_at, assigned_by, 'create', to_jsonb(m), patient_id
from patient_doctors m;

-- The service role reads versions; only the trigger (as the owner) writes them.
grant select on versions to healthcare_app;
alter table versions enable row level security;
alter table versions force row level security;
create policy versions_read on versions for select
  using (resource_type = 'doctor' or (select app_is_admin())
    or exists (select 1 from patients p where p.id = patient_id));
create policy versions_insert on versions for insert with check (true);
create policy versions_purge on versions for delete using (true);

alter table audit_events drop constraint audit_events_action_check;
alter table audit_events add constraint audit_events_action_check check (action in (
  'read', 'list', 'create', 'update', 'delete', 'restore', 'purge',
  'member_add', 'member_change', 'member_remove'
));

-- Whether a doctor has an assignment that counts: live, on a live patient, whoever's it is.
-- Volatile, so that each call takes a fresh snapshot: an assignment committed while a delete
-- waited for the doctor's lock is seen. Runs as the owner with an admin's view.
create function doctor_has_assignments(doctor integer) returns boolean
language sql volatile security definer set search_path = public, pg_temp set app.admin = 'on' as $$
  select exists (
    select 1 from patient_doctors m join patients p on p.id = m.patient_id
    where m.doctor_id = doctor and m.deleted_at is null and p.deleted_at is null
  )
$$;
revoke all on function doctor_has_assignments(integer) from public;
grant execute on function doctor_has_assignments(integer) to healthcare_app;

-- Purge (admins): the patient, its assignments and every version of both go for good; one
-- tombstone version is left. Returns the tombstone's version, or null when there is no such
-- patient. Runs as the owner: the service role may not delete versions.
create function purge_patient(target integer, actor integer) returns integer
language plpgsql volatile security definer set search_path = public, pg_temp
set app.purging = 'on' as $$
declare
  last integer;
begin
  if not app_is_admin() then
    raise exception 'only admins purge' using errcode = 'insufficient_privilege';
  end if;
  select version into last from patients where id = target for update;
  if not found then
    return null;
  end if;
  delete from versions where patient_id = target;
  delete from patients where id = target;
  insert into versions (resource_type, resource_id, version, by, action, patient_id)
  values ('patient', target, last + 1, actor, 'purge', target);
  return last + 1;
end
$$;
revoke all on function purge_patient(integer, integer) from public;
grant execute on function purge_patient(integer, integer) to healthcare_app;
