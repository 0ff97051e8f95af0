-- POST mapping's ceiling: the insert alone. Each pair is used once (a shared counter), one
-- doctor's patients in turn, as bench/run.ts orders its lines.
select nextval('bench_pairs') as n \gset
insert into patient_doctors (patient_id, doctor_id, assigned_by)
values (:n % 5000 + 1, :n / 5000 + 1, 1) returning *;
