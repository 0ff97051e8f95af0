-- Webhooks: a receiver's URL and the event types it wants, for its owner's personal patients or
-- for one clinic's; and one delivery row per event it is owed. Deliveries are made from the
-- event feed (012) by every instance's dispatcher: a webhook is leased by one instance at a time,
-- so it has one delivery in flight at most, wherever the instances run.
create table webhooks (
  id integer generated always as identity primary key,
  owner_id integer not null references users (id) on delete cascade,
  clinic_id integer references clinics (id) on delete cascade,
  url text not null,
  events text[] not null,
  description text,
  secret text not null,
  active boolean not null default true,
  disabled_reason text,
  -- The last event seq fanned out to deliveries.
  fanned_seq bigint not null default 0,
  -- While set and in the future, one instance is delivering for this webhook.
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint webhooks_url_check check (char_length(url) between 1 and 2000),
  constraint webhooks_description_check check (char_length(description) <= 500),
  constraint webhooks_events_check check (cardinality(events) between 1 and 20)
);
create index webhooks_owner_idx on webhooks (owner_id);
create index webhooks_clinic_idx on webhooks (clinic_id) where clinic_id is not null;

create table webhook_deliveries (
  id bigint generated always as identity primary key,
  webhook_id integer not null references webhooks (id) on delete cascade,
  event_id uuid not null references events (id),
  event_seq bigint not null,
  type text not null,
  resource_type text not null,
  resource_id integer not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  last_status integer,
  last_error text,
  next_attempt_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  constraint webhook_deliveries_status_check check (status in ('pending', 'delivered', 'failed')),
  constraint webhook_deliveries_event_key unique (webhook_id, event_id)
);
create index webhook_deliveries_due_idx on webhook_deliveries (webhook_id, event_seq)
  where status = 'pending';
create index webhook_deliveries_list_idx on webhook_deliveries (webhook_id, id);

alter table audit_events drop constraint audit_events_resource_type_check;
alter table audit_events add constraint audit_events_resource_type_check check (resource_type in (
  'patient', 'doctor', 'mapping', 'user', 'clinic', 'appointment', 'webhook'
));

-- Owes each active webhook a delivery of every numbered event after its `fanned_seq` that it
-- subscribed to and whose patient it covers now (its owner's personal patients, or its
-- clinic's), then moves `fanned_seq` on to the last number this statement saw. A webhook being
-- fanned out by another caller is skipped. Runs as the owner with an admin's view of patients.
create function fan_out_events() returns integer
language plpgsql volatile security definer set search_path = public, pg_temp
set app.admin = 'on' as $$
declare
  made integer;
begin
  with hooks as (
    select id, owner_id, clinic_id, events, fanned_seq from webhooks
    where active for update skip locked
  ), fresh as (
    insert into webhook_deliveries (webhook_id, event_id, event_seq, type, resource_type,
      resource_id)
    select h.id, e.id, e.seq, e.type, e.resource_type, e.resource_id
    from hooks h
    join events e on e.seq > h.fanned_seq
    join patients p on p.id = e.patient_id
    where ('*' = any (h.events) or e.type = any (h.events))
      and case when h.clinic_id is null then p.scope_key = -h.owner_id
        else p.clinic_id = h.clinic_id end
    on conflict do nothing
    returning 1
  ), moved as (
    -- Runs whether or not the select below reads it (a data-modifying CTE).
    update webhooks w set fanned_seq = greatest(w.fanned_seq, last_event_seq())
    from hooks where w.id = hooks.id
  )
  select count(*) from fresh into made;
  return made;
end
$$;
revoke all on function fan_out_events() from public;
