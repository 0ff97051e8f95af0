-- Events: every change to a patient, an assignment or an appointment leaves one row here, in
-- the same statement as the change (a transactional outbox): no change without its event, no
-- event without its change. Events name records by id; they never hold patient data.
--
-- An event's `seq` is given once its transaction has committed, by `sequence_events()`, one
-- caller at a time: each batch takes the events committed and not yet numbered, and numbers
-- them after every earlier batch. So a reader that has seen up to some `seq` can never find a
-- smaller one later, however the writing transactions' commits interleaved.
create table events (
  id uuid primary key default gen_random_uuid(),
  seq bigint,
  type text not null,
  occurred_at timestamptz not null default now(),
  clinic_id integer,
  resource_type text not null,
  resource_id integer not null,
  version integer not null,
  -- The patient whose record changed (visibility); not answered.
  patient_id integer not null,
  -- The writing transaction: the order of a batch.
  txid xid8 not null default pg_current_xact_id(),
  constraint events_seq_key unique (seq),
  constraint events_resource_type_check
    check (resource_type in ('patient', 'mapping', 'appointment'))
);
create index events_unsequenced_idx on events (txid) where seq is null;
create index events_patient_idx on events (patient_id, seq);

-- Versions and events come from the same trigger: one call per row written.
create or replace function record_version() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  snap jsonb := to_jsonb(new) - 'scope_key';
  act text := 'create';
  changed text[] := '{}';
  patient integer;
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
  patient := case tg_argv[0] when 'patient' then new.id else (snap ->> 'patient_id')::integer end;
  insert into versions (resource_type, resource_id, version, by, action, changed_fields,
    snapshot, patient_id)
  values (tg_argv[0], new.id, new.version,
    coalesce((snap ->> 'updated_by')::integer, (snap ->> 'created_by')::integer,
      (snap ->> 'assigned_by')::integer),
    act, changed, snap, patient);
  if tg_argv[0] <> 'doctor' then
    insert into events (type, clinic_id, resource_type, resource_id, version, patient_id)
    values (tg_argv[0] || '.' || act || 'd', case tg_argv[0]
        when 'patient' then (snap ->> 'clinic_id')::integer
        else (select clinic_id from patients where id = patient) end,
      tg_argv[0], new.id, new.version, patient);
  end if;
  return null;
end
$$;

-- Numbers the committed events that have no `seq` yet, after every earlier batch; one caller
-- at a time (another one meanwhile returns 0 at once: that caller's batch will follow). Within
-- a batch, events keep their transactions' order, except that one record's events take the
-- places its events hold in the order of its versions: a later change of a record may have
-- begun (and taken its transaction id) before the earlier one committed.
create function sequence_events() returns integer
language plpgsql volatile security definer set search_path = public, pg_temp
set app.admin = 'on' as $$
declare
  numbered integer;
begin
  if not pg_try_advisory_xact_lock(hashtext('sequence_events')) then
    return 0;
  end if;
  with pending as (
    select id, resource_type, resource_id, version,
      row_number() over (order by txid, id) as pos
    from events where seq is null
  ), held as (
    -- The places a record's events hold in the batch, in order...
    select resource_type, resource_id, pos,
      row_number() over (partition by resource_type, resource_id order by pos) as r
    from pending
  ), ranked as (
    -- ...which its events take in their versions' order.
    select id, resource_type, resource_id,
      row_number() over (partition by resource_type, resource_id order by version) as r
    from pending
  ), ordered as (
    -- A long backlog is numbered a batch at a time: later calls number the rest after it.
    select ranked.id, held.pos as k
    from ranked join held using (resource_type, resource_id, r)
    order by k limit 10000
  ), base as (
    select coalesce(max(seq), 0) as last from events
  )
  update events e set seq = base.last + ordered.k
  from ordered, base where e.id = ordered.id;
  get diagnostics numbered = row_count;
  return numbered;
end
$$;
revoke all on function sequence_events() from public;
grant execute on function sequence_events() to healthcare_app;

-- The last number given, as the calling statement sees it (stable: its snapshot), so that a
-- reader can skip the events about records it may not see.
create function last_event_seq() returns bigint
language sql stable security definer set search_path = public, pg_temp set app.admin = 'on' as $$
  select coalesce(max(seq), 0) from events
$$;
revoke all on function last_event_seq() from public;
grant execute on function last_event_seq() to healthcare_app;

-- The service reads the events of the patients it may see; only the trigger writes them.
grant select on events to healthcare_app;
alter table events enable row level security;
alter table events force row level security;
create policy events_read on events for select
  using ((select app_is_admin()) or exists (select 1 from patients p where p.id = patient_id));
create policy events_insert on events for insert with check (true);
create policy events_sequence on events for update using (true);
