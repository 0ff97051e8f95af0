-- A patient's audit events: their access log, and the admin trail filtered by patient. Under
-- row-level security the planner may not search the GIN index of `patient_ids` with `@>`
-- (the operator is not leakproof, so the policies' quals must come first): it read every
-- partition whole, 86 ms at 240,000 events, seconds at millions. This function applies the
-- read policy's rule itself, from the same context, and runs as the table's owner, which is
-- exempt from row-level security, so the index serves it (as patients_matching does for
-- patients). Security definer: never inlined into the caller's query.
create function audit_events_of_patient(patient integer) returns setof audit_events
language sql stable security definer set search_path = public, pg_temp as $$
  select * from audit_events
  where patient_ids @> array[patient]
    and (app_is_admin() or clinic_id is null or clinic_id = any (app_read_keys()))
$$;
revoke all on function audit_events_of_patient(integer) from public;
grant execute on function audit_events_of_patient(integer) to healthcare_app;
