create table patients (
  id integer generated always as identity primary key,
  created_by integer not null references users (id) on delete cascade,
  name text not null,
  date_of_birth date,
  age smallint,
  gender text not null default 'unknown',
  email text,
  phone text,
  emergency_contact_name text,
  emergency_contact_phone text,
  blood_group text,
  address text,
  city text,
  state text,
  country text,
  allergies text,
  medical_history text,
  current_medications text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint patients_name_check check (char_length(name) between 1 and 200),
  constraint patients_date_of_birth_check check (date_of_birth >= date '1900-01-01'),
  constraint patients_age_check check (age between 0 and 150),
  constraint patients_gender_check check (gender in ('male', 'female', 'other', 'unknown')),
  constraint patients_blood_group_check
    check (blood_group in ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')),
  constraint patients_email_check check (char_length(email) <= 254),
  constraint patients_phone_check check (char_length(phone) <= 32),
  constraint patients_emergency_contact_phone_check
    check (char_length(emergency_contact_phone) <= 32),
  constraint patients_text_check check (
    char_length(address) <= 255 and char_length(city) <= 255 and char_length(state) <= 255
    and char_length(country) <= 255 and char_length(emergency_contact_name) <= 255
  ),
  constraint patients_long_text_check check (
    char_length(allergies) <= 10000 and char_length(medical_history) <= 10000
    and char_length(current_medications) <= 10000
  )
);
-- Every patient query filters by owner first; these serve each listed ordering.
create index patients_owner_id_idx on patients (created_by, id);
create index patients_owner_name_idx on patients (created_by, name, id);
create index patients_owner_dob_idx on patients (created_by, date_of_birth, id);
create index patients_owner_created_idx on patients (created_by, created_at, id);
create index patients_owner_updated_idx on patients (created_by, updated_at, id);
create index patients_owner_gender_idx on patients (created_by, gender, id);
create index patients_owner_blood_idx on patients (created_by, blood_group, id);
-- Substring search (ILIKE '%…%') on name, email and phone.
create index patients_search_idx on patients using gin (
  (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, '')) gin_trgm_ops
);

create table doctors (
  id integer generated always as identity primary key,
  created_by integer not null references users (id),
  name text not null,
  specialization text not null,
  contact_info text,
  email text,
  phone text,
  license_number text,
  years_of_experience smallint,
  qualification text,
  hospital_name text,
  city text,
  state text,
  country text,
  bio text,
  consultation_fee numeric(12, 2),
  is_available boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint doctors_email_key unique (email),
  constraint doctors_license_number_key unique (license_number),
  constraint doctors_name_check check (char_length(name) between 1 and 200),
  constraint doctors_email_check check (email = lower(email) and char_length(email) <= 254),
  constraint doctors_specialization_check check (specialization in (
    'general', 'cardiology', 'dermatology', 'endocrinology', 'gastroenterology',
    'hematology', 'infectious_disease', 'internal_medicine', 'nephrology', 'neurology',
    'obstetrics_gynecology', 'oncology', 'ophthalmology', 'orthopedics', 'pediatrics',
    'psychiatry', 'pulmonology', 'radiology', 'rheumatology', 'surgery', 'urology', 'other'
  )),
  constraint doctors_years_of_experience_check check (years_of_experience between 0 and 70),
  constraint doctors_consultation_fee_check check (consultation_fee >= 0),
  constraint doctors_text_check check (
    char_length(contact_info) <= 255 and char_length(license_number) <= 255
    and char_length(qualification) <= 255 and char_length(hospital_name) <= 255
    and char_length(city) <= 255 and char_length(state) <= 255 and char_length(country) <= 255
  ),
  constraint doctors_bio_check check (char_length(bio) <= 10000)
);
create index doctors_name_idx on doctors (name, id);
create index doctors_specialization_idx on doctors (specialization, id);
create index doctors_city_idx on doctors (lower(city), id);
create index doctors_experience_idx on doctors (years_of_experience, id);
create index doctors_created_idx on doctors (created_at, id);
create index doctors_search_idx on doctors using gin (
  (lower(name) || ' ' || coalesce(lower(hospital_name), '') || ' ' || specialization)
    gin_trgm_ops
);

create table patient_doctors (
  id integer generated always as identity primary key,
  patient_id integer not null references patients (id) on delete cascade,
  doctor_id integer not null references doctors (id) on delete restrict,
  is_primary boolean not null default false,
  notes text,
  assigned_at timestamptz not null default now(),
  assigned_by integer not null references users (id),
  constraint patient_doctors_doctor_key unique (patient_id, doctor_id),
  constraint patient_doctors_notes_check check (char_length(notes) <= 2000)
);
-- At most one primary doctor per patient.
create unique index patient_doctors_is_primary_key on patient_doctors (patient_id) where is_primary;
create index patient_doctors_doctor_idx on patient_doctors (doctor_id);
