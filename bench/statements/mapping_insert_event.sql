-- POST mapping without the locks and the doctor's row: the insert and its audit event only.
select nextval('bench_pairs') as n \gset
with written as (
  insert into patient_doctors (patient_id, doctor_id, is_primary, notes, assigned_by)
  values (:n % 5000 + 1, :n / 5000 + 1, false, null, 1) returning *
), event as (
  insert into audit_events (at, user_id, action, resource_type, resource_id, patient_ids,
    client_ip, request_id, status)
  select now(), 1, 'create', 'mapping', written.id, array[written.patient_id], '127.0.0.1',
    gen_random_uuid()::text, 201
  from written
)
select * from written;
