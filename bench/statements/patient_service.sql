-- POST patient as the service sends it (db/patients.ts insertPatient): the insert and its audit
-- event in one statement.
with written as (
  insert into patients (name, gender, date_of_birth, city, phone, created_by)
  values ('Bench Patient', 'female', '1980-05-01', 'Porto', '+351 912 345 678', 1) returning *
), event as (
  insert into audit_events (at, user_id, action, resource_type, resource_id, patient_ids,
    client_ip, request_id, status)
  select now(), 1, 'create', 'patient', written.id, array[written.id], '127.0.0.1',
    gen_random_uuid()::text, 201
  from written
)
select * from written;
