-- The audit trail partitioned by month (UTC), so that it can grow for years: a query over a period reads
-- that period's partitions only, and old months can be detached whole for archiving
-- (AUDIT_DETACH_AFTER_MONTHS) instead of deleted row by row, which the trail refuses anyway.
--
-- The table as it stands is not copied: it becomes the partition of everything before the first
-- day of next month (`audit_events_before_YYYY_MM`), checked once as it is attached. From then on
-- each month has its partition (`audit_events_YYYY_MM`), made ahead by the service
-- (audit_partitions_ensure(), at start-up and with the housekeeping). The identity of `id` becomes
-- a sequence (a partitioned table cannot have an identity column on PostgreSQL 15) that continues
-- where the identity stood; the primary key becomes (id, at), as a partitioned table's must hold
-- its partition key.

-- The append-only rule (audit_events_append_only(), migration 004), for every partition: updates
-- and deletes by a row trigger on the parent (each partition gets its copy), truncation by a
-- trigger on each partition (such triggers are not copied).

do $$
declare
  bound date := (date_trunc('month', now() at time zone 'UTC') + interval '1 month')::date;
  legacy text := format('audit_events_before_%s', to_char(bound, 'YYYY_MM'));
  last_id bigint;
begin
  select coalesce(max(id), 0) into last_id from audit_events;
  alter table audit_events alter column id drop identity if exists;
  alter table audit_events rename to audit_events_legacy;
  -- The parent takes these names; the old table's indexes are attached to the parent's.
  -- Its key is rebuilt as the parent's (id, at) when it is attached.
  alter table audit_events_legacy drop constraint audit_events_pkey;
  alter index audit_events_at_idx rename to audit_events_legacy_at_idx;
  alter index audit_events_user_idx rename to audit_events_legacy_user_idx;
  alter index audit_events_patient_ids_idx rename to audit_events_legacy_patient_ids_idx;
  alter index audit_events_clinic_idx rename to audit_events_legacy_clinic_idx;
  -- The parent's row trigger takes its place (a partition gets its copy, by the same name).
  drop trigger audit_events_no_update_delete on audit_events_legacy;
  revoke all on audit_events_legacy from healthcare_app;

  create sequence audit_events_id_seq;
  perform setval('audit_events_id_seq', last_id + 1, false);
  create table audit_events (
    id bigint not null default nextval('audit_events_id_seq'),
    at timestamptz not null default now(),
    user_id integer,
    action text not null,
    resource_type text not null,
    resource_id integer,
    patient_ids integer[] not null default '{}',
    client_ip text,
    request_id text not null,
    status smallint not null,
    clinic_id integer,
    constraint audit_events_pkey primary key (id, at),
    constraint audit_events_action_check check (action in (
      'read', 'list', 'create', 'update', 'delete', 'restore', 'purge',
      'member_add', 'member_change', 'member_remove'
    )),
    constraint audit_events_resource_type_check check (resource_type in (
      'patient', 'doctor', 'mapping', 'user', 'clinic', 'appointment', 'webhook'
    ))
  ) partition by range (at);
  alter sequence audit_events_id_seq owned by audit_events.id;
  create index audit_events_at_idx on audit_events (at desc, id desc);
  create index audit_events_user_idx on audit_events (user_id, at desc);
  create index audit_events_patient_ids_idx on audit_events using gin (patient_ids);
  create index audit_events_clinic_idx on audit_events (clinic_id, at desc)
    where clinic_id is not null;
  create trigger audit_events_no_update_delete before update or delete on audit_events
    for each row execute function audit_events_append_only();
  create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_append_only();

  execute format('alter table audit_events_legacy rename to %I', legacy);
  execute format(
    'alter table audit_events attach partition %I for values from (minvalue) to (%L)',
    legacy, bound::timestamp at time zone 'UTC');
end
$$;

grant select, insert on audit_events to healthcare_app;
grant usage on sequence audit_events_id_seq to healthcare_app;
alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy audit_events_read on audit_events for select
  using ((select app_is_admin()) or clinic_id is null
    or clinic_id = any ((select app_read_keys())::integer[]));
create policy audit_events_insert on audit_events for insert with check (true);

-- Makes the partitions of this month and the `ahead` months after it that do not exist yet, each
-- refusing truncation; answers how many it made. A month inside the converted partition's range
-- has no partition of its own.
create function audit_partitions_ensure(ahead integer) returns integer
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  month date;
  name text;
  made integer := 0;
begin
  -- One caller at a time (instances start together); the next sees what the first made.
  perform pg_advisory_xact_lock(hashtext('audit_partitions'));
  for month in
    select generate_series(date_trunc('month', now() at time zone 'UTC'),
      date_trunc('month', now() at time zone 'UTC') + make_interval(months => ahead),
      interval '1 month')::date
  loop
    name := format('audit_events_%s', to_char(month, 'YYYY_MM'));
    continue when to_regclass(name) is not null;
    continue when exists (
      select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'audit_events'::regclass
        and c.relname like 'audit_events\_before\_%'
        and to_date(substr(c.relname, length('audit_events_before_') + 1), 'YYYY_MM') > month
    );
    execute format(
      'create table %I partition of audit_events for values from (%L) to (%L)',
      name, month::timestamp at time zone 'UTC', (month + interval '1 month') at time zone 'UTC');
    execute format('create trigger audit_events_no_truncate before truncate on %I
      for each statement execute function audit_events_append_only()', name);
    made := made + 1;
  end loop;
  return made;
end
$$;

-- Detaches (never drops) the partitions whose every event is older than `months` whole months
-- before this one; each stays a table of its own, still refusing updates, deletes and
-- truncation, for the operator to archive. Answers the tables detached.
create function audit_partitions_detach(months integer) returns setof text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  cutoff date := (date_trunc('month', now() at time zone 'UTC')
    - make_interval(months => months))::date;
  part record;
begin
  perform pg_advisory_xact_lock(hashtext('audit_partitions'));
  for part in
    select c.relname as name,
      case when c.relname like 'audit_events\_before\_%'
        then to_date(substr(c.relname, length('audit_events_before_') + 1), 'YYYY_MM')
        else (to_date(substr(c.relname, length('audit_events_') + 1), 'YYYY_MM')
          + interval '1 month')::date
      end as upper_bound
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'audit_events'::regclass
    order by 2
  loop
    continue when part.upper_bound > cutoff;
    execute format('alter table audit_events detach partition %I', part.name);
    execute format('create or replace trigger audit_events_no_update_delete
      before update or delete on %I for each row execute function audit_events_append_only()',
      part.name);
    return next part.name;
  end loop;
end
$$;

select audit_partitions_ensure(3);
