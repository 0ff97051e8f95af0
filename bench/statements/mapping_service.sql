-- POST mapping as the service sends it (db/mappings.ts assignDoctor, not primary): the patient
-- locked, the doctor held, the demotion, the insert and its audit event, the doctor's row back.
select nextval('bench_pairs') as n \gset
with patient as (
  select id, name from patients where id = :n % 5000 + 1 and created_by = 1 for no key update
), doctor as (
  select * from doctors where id = :n / 5000 + 1 for key share
), demoted as (
  update patient_doctors set is_primary = false
  where false and is_primary and patient_id = (select id from patient) returning id
), written as (
  insert into patient_doctors (patient_id, doctor_id, is_primary, notes, assigned_by)
  select patient.id, doctor.id, false, null, 1
  from patient, doctor, (select count(*) from demoted) as settled
  returning *
), event as (
  insert into audit_events (at, user_id, action, resource_type, resource_id, patient_ids,
    client_ip, request_id, status)
  select now(), 1, 'create', 'mapping', written.id, array[written.patient_id], '127.0.0.1',
    gen_random_uuid()::text, 201
  from written
)
select exists (select 1 from patient) as patient_ok, exists (select 1 from doctor) as doctor_ok,
  written.*, (select name from patient) as patient_name, d.*
from (select) as one left join written on true left join doctor as d on true;
