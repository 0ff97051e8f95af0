-- Appointments: a patient's booked time with a doctor. A doctor is never booked twice at once:
-- an exclusion constraint over half-open ranges decides, so no two requests, however timed,
-- can both win. Doctors' weekly working hours (in the doctor's time zone) and days off give
-- the free slots.
create extension if not exists btree_gist;

create table appointments (
  id integer generated always as identity primary key,
  patient_id integer not null references patients (id) on delete cascade,
  doctor_id integer not null references doctors (id),
  start_at timestamptz not null,
  end_at timestamptz not null,
  status text not null default 'booked',
  reason text,
  notes text,
  created_by integer not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by integer,
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by integer,
  constraint appointments_end_check check (end_at > start_at),
  constraint appointments_length_check check (end_at - start_at <= interval '24 hours'),
  constraint appointments_status_check
    check (status in ('booked', 'arrived', 'fulfilled', 'cancelled', 'noshow')),
  constraint appointments_reason_check check (char_length(reason) <= 2000),
  constraint appointments_notes_check check (char_length(notes) <= 2000),
  -- Cancelled, no-show and deleted appointments free their time.
  constraint appointments_doctor_overlap exclude using gist
    (doctor_id with =, tstzrange(start_at, end_at, '[)') with &&)
    where (status in ('booked', 'arrived', 'fulfilled') and deleted_at is null)
);
create index appointments_patient_idx on appointments (patient_id, start_at);
create index appointments_start_idx on appointments (start_at, id);

-- The moves a status may make; anything else is refused by the database itself.
create function appointment_status_move() returns trigger language plpgsql as $$
begin
  if new.status is distinct from old.status and (old.status, new.status) not in (
    ('booked', 'arrived'), ('arrived', 'fulfilled'), ('booked', 'cancelled'),
    ('booked', 'noshow'), ('arrived', 'cancelled')
  ) then
    raise exception 'an appointment cannot move from % to %', old.status, new.status
      using errcode = 'check_violation', constraint = 'appointments_status_move';
  end if;
  return new;
end
$$;
create trigger appointments_status before update of status on appointments
  for each row execute function appointment_status_move();

create trigger appointments_bump before update on appointments
  for each row execute function bump_version();
create trigger appointments_version after insert or update on appointments
  for each row execute function record_version('appointment');

alter table versions drop constraint versions_resource_type_check;
alter table versions add constraint versions_resource_type_check
  check (resource_type in ('patient', 'doctor', 'mapping', 'appointment'));
alter table audit_events drop constraint audit_events_resource_type_check;
alter table audit_events add constraint audit_events_resource_type_check
  check (resource_type in ('patient', 'doctor', 'mapping', 'user', 'clinic', 'appointment'));

-- A version names the patient whose data it holds: the patient's own, or the patient_id of
-- an assignment or appointment (null for a doctor).
create or replace function record_version() returns trigger
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
    case tg_argv[0] when 'patient' then new.id else (snap ->> 'patient_id')::integer end);
  return null;
end
$$;

-- An appointment follows its patient, as an assignment does.
grant select, insert, update on appointments to healthcare_app;
grant usage on sequence appointments_id_seq to healthcare_app;
alter table appointments enable row level security;
alter table appointments force row level security;
create policy appointments_read on appointments for select
  using (exists (select 1 from patients p where p.id = patient_id));
create policy appointments_write on appointments for all
  using (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ))
  with check (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ));

-- Whether PostgreSQL knows `name` as a time zone.
create function is_time_zone(name text) returns boolean language plpgsql immutable as $$
begin
  perform now() at time zone name;
  return true;
exception when others then
  return false;
end
$$;

-- A doctor's working week: the zone its hours are in, the hours of each ISO weekday
-- (1 is Monday; several spans a day, never overlapping) and the days off.
create table doctor_schedules (
  doctor_id integer primary key references doctors (id),
  timezone text not null,
  updated_at timestamptz not null default now(),
  updated_by integer not null references users (id),
  version integer not null default 1,
  constraint doctor_schedules_timezone_check
    check (char_length(timezone) <= 64 and is_time_zone(timezone))
);
create table doctor_hours (
  doctor_id integer not null references doctor_schedules (doctor_id) on delete cascade,
  weekday smallint not null,
  start_time time not null,
  end_time time not null,
  constraint doctor_hours_weekday_check check (weekday between 1 and 7),
  constraint doctor_hours_end_check check (end_time > start_time),
  constraint doctor_hours_overlap exclude using gist (
    doctor_id with =, weekday with =,
    numrange(extract(epoch from start_time), extract(epoch from end_time)) with &&
  )
);
create table doctor_days_off (
  doctor_id integer not null references doctor_schedules (doctor_id) on delete cascade,
  day date not null,
  primary key (doctor_id, day)
);

-- The free slots of `slot` length inside a doctor's hours that fall in [low, high): each
-- day's hours are read in the doctor's zone (so a day of a daylight-saving change is an hour
-- shorter or longer), slots follow each other from the start of the hours, and a slot that
-- overlaps a booked, arrived or fulfilled appointment is taken. It reads every patient's
-- appointments (as an admin would) but answers times only.
create function doctor_free_slots(doctor integer, low timestamptz, high timestamptz,
  slot interval)
returns table (slot_start timestamptz, slot_end timestamptz)
language sql stable security definer set search_path = public, pg_temp set app.admin = 'on' as $$
  with schedule as (
    select timezone from doctor_schedules where doctor_id = doctor
  ), days as (
    select d::date as day, s.timezone
    from schedule s, generate_series((low at time zone s.timezone)::date - 1,
      (high at time zone s.timezone)::date, interval '1 day') d
  ), spans as (
    select (days.day + h.start_time) at time zone days.timezone as span_start,
      (days.day + h.end_time) at time zone days.timezone as span_end
    from days join doctor_hours h
      on h.doctor_id = doctor and h.weekday = extract(isodow from days.day)
    where not exists (select 1 from doctor_days_off o where o.doctor_id = doctor and o.day = days.day)
  ), slots as (
    select t as slot_start, t + slot as slot_end
    from spans, generate_series(span_start, span_end - slot, slot) t
  )
  select slot_start, slot_end from slots
  where slot_start >= low and slot_end <= high
    and not exists (
      select 1 from appointments a
      where a.doctor_id = doctor and a.deleted_at is null
        and a.status in ('booked', 'arrived', 'fulfilled')
        and tstzrange(a.start_at, a.end_at, '[)') && tstzrange(slot_start, slot_end, '[)')
    )
  order by slot_start
$$;
revoke all on function doctor_free_slots(integer, timestamptz, timestamptz, interval) from public;
grant execute on function doctor_free_slots(integer, timestamptz, timestamptz, interval)
  to healthcare_app;
