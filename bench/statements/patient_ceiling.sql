-- POST patient's ceiling: the insert alone.
insert into patients (name, gender, date_of_birth, city, phone, created_by)
values ('Bench Patient', 'female', '1980-05-01', 'Porto', '+351 912 345 678', 1) returning *;
