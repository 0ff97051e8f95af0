-- Documents: files in a patient's record (lab reports, scans, letters). A document's metadata
-- lives in `documents`; its bytes in one `document_contents` row with its chunks here (the
-- PostgreSQL store) or as one object of an S3-compatible store, named by the content's id.
--
-- An upload first writes its content row, then its bytes chunk by chunk, each in its own short
-- transaction (a slow upload must not hold a connection: the embedded database has one), and
-- last the document in one statement with its audit event, version and change event. Content
-- that no document names is left by an upload that failed or was refused: the upload removes it
-- at once, and `sweep_document_contents` removes what a crash left.
create table document_contents (
  id uuid primary key default gen_random_uuid(),
  patient_id integer not null references patients (id) on delete cascade,
  -- Where the bytes are: `postgres` (document_chunks) or `s3`.
  store text not null default 'postgres',
  created_by integer not null,
  created_at timestamptz not null default now(),
  constraint document_contents_store_check check (store in ('postgres', 's3'))
);
create index document_contents_created_idx on document_contents (created_at);

create table document_chunks (
  content_id uuid not null references document_contents (id) on delete cascade,
  n integer not null,
  -- The patient whose record it is (visibility).
  patient_id integer not null references patients (id) on delete cascade,
  data bytea not null,
  primary key (content_id, n),
  constraint document_chunks_n_check check (n >= 0),
  constraint document_chunks_size_check check (octet_length(data) between 1 and 1048576)
);
create index document_chunks_patient_idx on document_chunks (patient_id);

create table documents (
  id integer generated always as identity primary key,
  patient_id integer not null references patients (id) on delete cascade,
  content_id uuid not null references document_contents (id),
  title text not null,
  category text not null,
  content_type text not null,
  file_name text,
  size_bytes bigint not null,
  sha256 text not null,
  -- Bytes per chunk of the content (the last may be shorter); 0 when stored elsewhere.
  chunk_bytes integer not null,
  document_date date,
  created_by integer not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by integer,
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by integer,
  constraint documents_content_key unique (content_id),
  constraint documents_title_check check (char_length(title) between 1 and 200),
  constraint documents_category_check check (category in (
    'lab_report', 'imaging', 'referral', 'prescription', 'consent', 'clinical_note', 'other'
  )),
  constraint documents_content_type_check check (content_type in (
    'application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'image/webp', 'text/plain',
    'application/dicom'
  )),
  constraint documents_file_name_check check (char_length(file_name) <= 255),
  constraint documents_size_check check (size_bytes >= 0),
  constraint documents_sha256_check check (sha256 ~ '^[0-9a-f]{64}$'),
  constraint documents_chunk_check check (chunk_bytes >= 0)
);
create index documents_patient_idx on documents (patient_id, created_at desc, id desc);

create trigger documents_bump before update on documents
  for each row execute function bump_version();
create trigger documents_version after insert or update on documents
  for each row execute function record_version('document');

alter table versions drop constraint versions_resource_type_check;
alter table versions add constraint versions_resource_type_check
  check (resource_type in ('patient', 'doctor', 'mapping', 'appointment', 'document'));
alter table events drop constraint events_resource_type_check;
alter table events add constraint events_resource_type_check
  check (resource_type in ('patient', 'mapping', 'appointment', 'document'));
alter table audit_events drop constraint audit_events_resource_type_check;
alter table audit_events add constraint audit_events_resource_type_check check (resource_type in (
  'patient', 'doctor', 'mapping', 'user', 'clinic', 'appointment', 'webhook', 'document'
));

-- A document, its content and its chunks follow their patient, as an appointment does:
-- readable with the patient, written with a writing role over it. (Which roles may read
-- documents at all is the service's rule: front_desk may not.)
grant select, insert, update on documents to healthcare_app;
grant usage on sequence documents_id_seq to healthcare_app;
grant select, insert, delete on document_contents to healthcare_app;
grant select, insert, delete on document_chunks to healthcare_app;

alter table documents enable row level security;
alter table documents force row level security;
create policy documents_read on documents for select
  using (exists (select 1 from patients p where p.id = patient_id));
create policy documents_write on documents for all
  using (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ))
  with check (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ));

alter table document_contents enable row level security;
alter table document_contents force row level security;
create policy document_contents_read on document_contents for select
  using (exists (select 1 from patients p where p.id = patient_id));
create policy document_contents_write on document_contents for all
  using (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ))
  with check (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ));

alter table document_chunks enable row level security;
alter table document_chunks force row level security;
create policy document_chunks_read on document_chunks for select
  using (exists (select 1 from patients p where p.id = patient_id));
create policy document_chunks_write on document_chunks for all
  using (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ))
  with check (exists (
    select 1 from patients p where p.id = patient_id
      and ((select app_is_admin()) or p.scope_key = any ((select app_write_keys())::integer[]))
  ));

-- Removes content that no document names and that is older than `age` (an upload cut short by
-- a crash), with its chunks; answers the removed contents' ids and stores, so that the caller
-- can remove their objects from an S3 store. Runs as the owner with an admin's view.
create function sweep_document_contents(age interval)
returns table (id uuid, store text)
language sql volatile security definer set search_path = public, pg_temp
set app.admin = 'on' as $$
  delete from document_contents c
  where c.created_at < now() - age
    and not exists (select 1 from documents d where d.content_id = c.id)
  returning c.id, c.store
$$;
revoke all on function sweep_document_contents(interval) from public;
