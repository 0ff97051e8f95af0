-- Numbering a long backlog of events (a bulk import, a seed) a batch at a time: each call now
-- reads its batch only — the oldest 10,000 unnumbered events by transaction, with every other
-- unnumbered event of their records, so that one record's events are still numbered together
-- in the order of their versions — not the whole backlog, which made a backlog's numbering
-- quadratic in its length. The statements are shaped so that no plan is quadratic either, and
-- both functions plan on the indexes (`enable_seqscan` off while they run): a session keeps the
-- plans it made while the events looked few, and a scan of them per record was 5 s a call.
create index events_unsequenced_record_idx on events (resource_type, resource_id)
  where seq is null;

create or replace function sequence_events() returns integer
language plpgsql volatile security definer set search_path = public, pg_temp
set app.admin = 'on' set enable_seqscan = off as $$
declare
  ids uuid[];
  places bigint[];
  last bigint;
  numbered integer;
begin
  if not pg_try_advisory_xact_lock(hashtext('sequence_events')) then
    return 0;
  end if;
  with oldest as (
    select distinct resource_type, resource_id from (
      select resource_type, resource_id from events where seq is null
      order by txid, id limit 10000
    ) cut
  ), pending as (
    -- Each record's events, looked up by its index.
    select e.id, e.resource_type, e.resource_id, e.version,
      row_number() over (order by e.txid, e.id) as pos
    from oldest o cross join lateral (
      select id, resource_type, resource_id, version, txid from events
      where resource_type = o.resource_type and resource_id = o.resource_id and seq is null
    ) e
  ), placed as (
    -- A record's events take the places its events hold in the batch, in their versions'
    -- order (the two lists are read side by side).
    select unnest(array_agg(id order by version)) as id,
      unnest(array_agg(pos order by pos)) as place
    from pending group by resource_type, resource_id
  )
  select array_agg(id), array_agg(place) into ids, places from placed;
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
set app.admin = 'on' set enable_seqscan = off as $$
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

-- A record's first pending delivery, asked of each candidate a claim walks past (db/webhooks.ts);
-- led by the record, so that the walk itself keeps to webhook_deliveries_due_idx, in order.
create index webhook_deliveries_record_idx
  on webhook_deliveries (resource_id, resource_type, webhook_id, event_seq)
  where status = 'pending';
