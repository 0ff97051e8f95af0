-- Numbering a long backlog of events (a bulk import, a seed) a batch at a time: each call now
-- takes the oldest 10,000 unnumbered events by transaction, with every other unnumbered event of
-- their records, so that one record's events are still numbered together in the order of their
-- versions; it no longer numbers the whole backlog in one statement, whose cost grew with the
-- square of the backlog. No plan may depend on the statistics of the unnumbered events: they
-- come and go faster than ANALYZE follows, and a session keeps the plans it made while they
-- looked few. So both functions plan on the indexes (`enable_seqscan` off while they run), and
-- a batch's records meet their events in a hash join (`enable_nestloop` off for that statement):
-- believing both sides a row long, the planner took a nested loop that read every unnumbered
-- event once per record of the batch (2.3 s at 8,000 events; past the 5 s statement timeout
-- a little further, so that nothing was ever numbered again). The hash join reads the unnumbered
-- events once: 12 ms at 8,000, 420 ms at a million. And JIT compilation is off while they run: a
-- scan the settings disable still runs where no index serves (the few rows of `webhooks`), at a
-- cost that passes every JIT threshold, and compiling it at every call made a fan-out 50-60 ms
-- (250 ms at a session's first), against under 1.5 ms without.
create index events_unsequenced_record_idx on events (resource_type, resource_id)
  where seq is null;

create or replace function sequence_events() returns integer
language plpgsql volatile security definer set search_path = public, pg_temp
set app.admin = 'on' set enable_seqscan = off set jit = off as $$
declare
  ids uuid[];
  places bigint[];
  last bigint;
  numbered integer;
  nestloop text;
begin
  if not pg_try_advisory_xact_lock(hashtext('sequence_events')) then
    return 0;
  end if;
  nestloop := current_setting('enable_nestloop');
  perform set_config('enable_nestloop', 'off', true);
  with oldest as (
    -- The cut follows the index of unnumbered events (by transaction), read no further.
    select distinct resource_type, resource_id from (
      select resource_type, resource_id from events where seq is null
      order by txid limit 10000
    ) cut
  ), pending as (
    -- Each record's unnumbered events.
    select e.id, e.resource_type, e.resource_id, e.version,
      row_number() over (order by e.txid, e.id) as pos
    from oldest o join events e
      on e.resource_type = o.resource_type and e.resource_id = o.resource_id and e.seq is null
  ), placed as (
    -- A record's events take the places its events hold in the batch, in their versions'
    -- order (the two lists are read side by side).
    select unnest(array_agg(id order by version)) as id,
      unnest(array_agg(pos order by pos)) as place
    from pending group by resource_type, resource_id
  )
  select array_agg(id), array_agg(place) into ids, places from placed;
  -- The update finds its rows by key, in a nested loop.
  perform set_config('enable_nestloop', nestloop, true);
  if ids is null then
    return 0;
  end if;
  select coalesce(max(seq), 0) into last from events;
  update events e set seq = last + u.place
  from unnest(ids, places) as u (id, place) where e.id = u.id;
  get diagnostics numbered = row_count;
  return numbered;
end
$$;

-- The fan-out reads the events numbered since the webhooks it takes last stood, by their
-- numbers' index, and their patients by key: it no longer joins every event to every patient,
-- which cost a scan of both each round, webhooks or none.
create or replace function fan_out_events() returns integer
language plpgsql volatile security definer set search_path = public, pg_temp
set app.admin = 'on' set enable_seqscan = off set jit = off as $$
declare
  hooks integer[];
  since bigint;
  upto bigint;
  made integer;
begin
  -- Locked until this call's transaction ends; those another caller holds are skipped.
  select array_agg(id), min(fanned_seq) into hooks, since
  from (select id, fanned_seq from webhooks where active for update skip locked) h;
  if hooks is null then
    return 0;
  end if;
  upto := last_event_seq();
  if upto <= since then
    return 0;
  end if;
  insert into webhook_deliveries (webhook_id, event_id, event_seq, type, resource_type,
    resource_id)
  select h.id, e.id, e.seq, e.type, e.resource_type, e.resource_id
  from events e
  join patients p on p.id = e.patient_id
  join webhooks h on h.id = any (hooks) and e.seq > h.fanned_seq
  where e.seq > since and e.seq <= upto
    and ('*' = any (h.events) or e.type = any (h.events))
    and case when h.clinic_id is null then p.scope_key = -h.owner_id
      else p.clinic_id = h.clinic_id end
  on conflict do nothing;
  get diagnostics made = row_count;
  update webhooks set fanned_seq = greatest(fanned_seq, upto) where id = any (hooks);
  return made;
end
$$;

-- A delivery waiting for its retry holds back its record's later deliveries (one record's events
-- go out in order). `waiting_until` is set only while it waits, and the claim (db/webhooks.ts)
-- asks, for each candidate it walks past, whether an earlier delivery of its record waits, on
-- the index of the waiting ones, led by the record. That question names no `status`, so that no
-- other index of pending deliveries can answer it: while the statistics still said that none was
-- pending, the planner answered it by reading every pending delivery of the webhook, for each
-- candidate (109 ms a claim at 20,000 pending, against 4.5 ms).
alter table webhook_deliveries add column waiting_until timestamptz;
update webhook_deliveries set waiting_until = next_attempt_at
where status = 'pending' and next_attempt_at > now();
create index webhook_deliveries_waiting_idx
  on webhook_deliveries (resource_id, resource_type, webhook_id, event_seq)
  where waiting_until is not null;

-- Which instance holds a webhook's lease: an instance that lost the answer to its claim or to its
-- release (the database restarted in between) frees what it holds once the database is back,
-- instead of leaving the webhook idle until the lease runs out (db/webhooks.ts).
alter table webhooks add column lease_owner uuid;
