-- Who touched which patient data, when, from where, and with what outcome (HIPAA 164.312(b)).
create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id integer,
  action text not null,
  resource_type text not null,
  resource_id integer,
  patient_ids integer[] not null default '{}',
  client_ip text,
  request_id text not null,
  status smallint not null,
  constraint audit_events_action_check
    check (action in ('read', 'list', 'create', 'update', 'delete')),
  constraint audit_events_resource_type_check
    check (resource_type in ('patient', 'doctor', 'mapping'))
);
create index audit_events_at_idx on audit_events (at desc, id desc);
create index audit_events_user_idx on audit_events (user_id, at desc);
create index audit_events_patient_ids_idx on audit_events using gin (patient_ids);

-- Append-only: no role, the service's included, may change or remove an event.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_events_no_update_delete before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
