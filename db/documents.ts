/**
 * Documents' metadata (migrations/017_documents.sql): files in a patient's record. They follow
 * their patient's visibility, except that a front_desk member reads none (`documents` need);
 * writing one needs a clinical role. Their bytes are in a store (db/document_store.ts).
 */
import type { Db } from "./client.ts";
import {
  allOf,
  anyOf,
  type Fragment,
  instantMatchSql,
  type Page,
  type SearchLimits,
  type SearchPage,
  searchPage,
} from "./page.ts";
import type { Criteria } from "../lib/fhir.ts";
import { eventsOfRows } from "./audit.ts";
import type { Deleted, Scope } from "./scope.ts";
import { type Found, versionedWrite } from "./versioned.ts";
import { MATCHED_MAX } from "./patients.ts";
import type { DocumentType } from "../lib/file_types.ts";

/** What a document is. */
export const DOCUMENT_CATEGORIES = [
  "lab_report",
  "imaging",
  "referral",
  "prescription",
  "consent",
  "clinical_note",
  "other",
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** A stored document's metadata. */
export interface DocumentRow {
  id: number;
  patient_id: number;
  content_id: string;
  title: string;
  category: DocumentCategory;
  content_type: DocumentType;
  file_name: string | null;
  size_bytes: number;
  sha256: string;
  chunk_bytes: number;
  document_date: string | null;
  created_by: number;
  created_at: Date;
  updated_at: Date;
  version: number;
  deleted_at: Date | null;
  deleted_by: number | null;
}

/** A document read with its patient's clinic and deletion. */
export type DocumentWithPatient = DocumentRow & {
  clinic_id: number | null;
  patient_deleted_at: Date | null;
};

/** Orderings a document list accepts, and the column of each. */
export const DOCUMENT_ORDERINGS = ["created_at", "document_date"] as const;
const ORDER_COLUMNS = { created_at: "d.created_at", document_date: "d.document_date" } as const;

/** Filters of a patient's documents. */
export interface DocumentFilters {
  category?: DocumentCategory;
  /** Documents stored at or after this instant. */
  since?: Date;
  deleted?: Deleted;
}

/** A page of documents and how many match in all. */
export interface DocumentPage {
  count: number;
  rows: DocumentWithPatient[];
  page: Page;
}

// size_bytes is a bigint column; no document comes near 2^53 bytes.
const SELECT = (db: Db, extra: Fragment = db``) =>
  db`select ${extra} d.id, d.patient_id, d.content_id, d.title, d.category, d.content_type, d.file_name,
      d.size_bytes::float8 as size_bytes, d.sha256, d.chunk_bytes,
      to_char(d.document_date, 'YYYY-MM-DD') as document_date, d.created_by, d.created_at,
      d.updated_at, d.version, d.deleted_at, d.deleted_by,
      p.clinic_id, p.deleted_at as patient_deleted_at
    from documents d join patients p on p.id = d.patient_id`;

/** The columns of a written row (`written`), as `SELECT` answers them. */
const WRITTEN = (db: Db) =>
  db`written.id, written.patient_id, written.content_id, written.title, written.category,
    written.content_type, written.file_name, written.size_bytes::float8 as size_bytes,
    written.sha256, written.chunk_bytes,
    to_char(written.document_date, 'YYYY-MM-DD') as document_date, written.created_by,
    written.created_at, written.updated_at, written.version, written.deleted_at,
    written.deleted_by`;

/** A live patient the caller may `need` documents of: its clinic, or why not. */
export interface PatientAccess {
  /** False when the caller may not see the patient at all. */
  visible: boolean;
  deleted: boolean;
  /** Whether the caller may read (`documents`) and write (`clinical`) its documents. */
  read: boolean;
  write: boolean;
  clinicId: number | null;
}

/** What the caller may do with `patientId`'s documents. */
export function documentAccess(s: Scope, patientId: number): Promise<PatientAccess> {
  return s.run(async (db) => {
    const [row] = await db<
      { clinic_id: number | null; deleted_at: Date | null; read: boolean; write: boolean }[]
    >`
      select clinic_id, deleted_at, ${s.visible("scope_key", "documents", "all")} as read,
        ${s.visible("scope_key", "clinical", "all")} as write
      from patients where id = ${patientId} and ${s.visible("scope_key", "read", "all")}`;
    if (!row) return { visible: false, deleted: false, read: false, write: false, clinicId: null };
    return {
      visible: true,
      deleted: row.deleted_at !== null,
      read: row.read,
      write: row.write,
      clinicId: row.clinic_id,
    };
  });
}

function filtered(db: Db, s: Scope, patientId: number, f: DocumentFilters): Fragment {
  return db`d.patient_id = ${patientId}
    and ${s.visible("p.scope_key", "documents", "all")}
    and ${s.live("d", f.deleted, s.manages("p.scope_key"))}
    ${f.category ? db`and d.category = ${f.category}` : db``}
    ${f.since ? db`and d.created_at >= ${f.since}` : db``}`;
}

/** A page of one patient's documents (the caller has been found to may read them). */
export function listDocuments(
  s: Scope,
  patientId: number,
  f: DocumentFilters,
  p: Page<(typeof DOCUMENT_ORDERINGS)[number]>,
): Promise<DocumentPage> {
  return s.run(async (db) => {
    const dir = p.ordering.desc ? db`desc` : db`asc`;
    const nulls = p.ordering.desc ? db`nulls last` : db`nulls first`;
    const [rows, [{ count }]] = await Promise.all([
      db<DocumentWithPatient[]>`
        ${SELECT(db)} where ${filtered(db, s, patientId, f)}
        order by ${db(ORDER_COLUMNS[p.ordering.field])} ${dir} ${nulls}, d.id ${dir}
        limit ${p.limit} offset ${p.offset}`,
      db<{ count: number }[]>`
        select count(*)::int as count
        from documents d join patients p on p.id = d.patient_id
        where ${filtered(db, s, patientId, f)}`,
    ]);
    return { count, rows, page: p };
  });
}

/**
 * One document, if the caller may see its patient (deleted or not: see `deleted_at`), and
 * whether the caller may read documents of it.
 */
export function findDocument(s: Scope, id: number) {
  return s.run(async (db) => {
    const [row] = await db<(DocumentWithPatient & { readable: boolean })[]>`
      ${SELECT(db, db`${s.visible("p.scope_key", "documents", "all")} as readable,`)}
      where d.id = ${id} and ${s.visible("p.scope_key", "read", "all")}`;
    return row as (DocumentWithPatient & { readable: boolean }) | undefined;
  });
}

/** A new document's metadata, its bytes already stored as `contentId`. */
export interface NewDocument {
  patient: number;
  contentId: string;
  title: string;
  category: DocumentCategory;
  contentType: DocumentType;
  fileName: string | null;
  sizeBytes: number;
  sha256: string;
  chunkBytes: number;
  documentDate: string | null;
}

/**
 * Stores a document with its audit event (and, by the table's trigger, its version and change
 * event) in one statement, when the caller may still write the live patient's documents;
 * undefined when not.
 */
export async function insertDocument(
  s: Scope,
  d: NewDocument,
): Promise<DocumentWithPatient | undefined> {
  const event = s.event();
  const [row] = await s.run((db) =>
    db<DocumentWithPatient[]>`
      with patient as (
        select id, clinic_id from patients
        where id = ${d.patient} and ${s.visible("scope_key", "clinical")}
      ), written as (
        insert into documents (patient_id, content_id, title, category, content_type, file_name,
          size_bytes, sha256, chunk_bytes, document_date, created_by)
        select patient.id, ${d.contentId}::uuid, ${d.title}::text, ${d.category}::text,
          ${d.contentType}::text, ${d.fileName}::text, ${d.sizeBytes}::bigint, ${d.sha256}::text,
          ${d.chunkBytes}::int, ${d.documentDate}::date, ${s.caller.id}::int
        from patient
        returning *
      ), event as (${
      eventsOfRows(
        db,
        event,
        "written",
        db`array[written.patient_id]`,
        db`(
        select clinic_id from patient)`,
      )
    })
      select ${WRITTEN(db)}, (select clinic_id from patient) as clinic_id,
        null::timestamptz as patient_deleted_at
      from written`
  );
  return row;
}

/** A change to a document's metadata. */
export interface DocumentFields {
  title?: string;
  category?: DocumentCategory;
  document_date?: string | null;
}

function changeSet(db: Db, f: DocumentFields): Fragment {
  const parts: Fragment[] = [];
  if (f.title !== undefined) parts.push(db`title = ${f.title}`);
  if (f.category !== undefined) parts.push(db`category = ${f.category}`);
  if (f.document_date !== undefined) parts.push(db`document_date = ${f.document_date}::date`);
  if (parts.length === 0) parts.push(db`title = t.title`);
  return db`set ${parts.flatMap((part, i) => i === 0 ? [part] : [db`,`, part])}`;
}

/**
 * Changes a live document of a live patient whose documents the caller may write, marks it
 * deleted or restores it, with the audit event, in one statement, when `versions`
 * (`If-Match`) allow; undefined when there is no such document the caller may write.
 */
export function changeDocument(
  s: Scope,
  id: number,
  change: DocumentFields | "delete" | "restore",
  versions: number[] | undefined,
): Promise<Found<DocumentRow> | undefined> {
  return s.run(async (db) => {
    const found = await versionedWrite<DocumentRow>(db, {
      table: "documents",
      id,
      visible: db`patient_id in (select id from patients where ${
        s.visible("scope_key", "clinical")
      })`,
      keep: [],
      versions,
      rules: [],
      by: s.caller.id,
      change: typeof change === "string" ? change : changeSet(db, change),
      event: s.event(),
      patientIds: db`array[written.patient_id]`,
      clinicId: db`(select clinic_id from patients where id = written.patient_id)`,
    });
    const written = found?.written as Record<string, unknown> | undefined;
    if (written) {
      // As SELECT answers them.
      written.size_bytes = Number(written.size_bytes);
      const date = written.document_date as Date | string | null;
      written.document_date = date instanceof Date ? date.toISOString().slice(0, 10) : date;
    }
    return found;
  });
}

function documentWhere(db: Db, s: Scope, params: Map<string, Criteria>): Fragment {
  const parts: Fragment[] = [s.visible("p.scope_key", "documents"), s.live("d")];
  for (const ids of params.get("_id")?.id ?? []) parts.push(db`d.id = any(${ids})`);
  for (const ids of params.get("patient")?.reference ?? []) {
    parts.push(db`d.patient_id = any(${ids})`);
  }
  for (const codes of params.get("category")?.token ?? []) {
    parts.push(db`d.category = any(${codes.map((t) => t.code)})`);
  }
  for (const dates of params.get("date")?.date ?? []) {
    parts.push(anyOf(db, dates.map((m) => instantMatchSql(db, "d.created_at", m))));
  }
  return allOf(db, parts);
}

/** A page of the documents matching a FHIR DocumentReference search, newest first. */
export function searchDocuments(
  s: Scope,
  params: Map<string, Criteria>,
  p: SearchLimits,
): Promise<SearchPage<DocumentWithPatient>> {
  return s.run((db) =>
    searchPage(
      db,
      {
        rows: (limit) =>
          db<DocumentWithPatient[]>`
            ${SELECT(db)} where ${documentWhere(db, s, params)}
            order by d.created_at desc, d.id desc limit ${limit} offset ${p.offset}`,
        from: () =>
          db`from documents d join patients p on p.id = d.patient_id
            where ${documentWhere(db, s, params)}`,
      },
      p,
    )
  );
}

/** Up to MATCHED_MAX patient ids of the documents a FHIR search matches (for its audit). */
export async function matchedDocumentPatients(
  s: Scope,
  params: Map<string, Criteria>,
): Promise<number[]> {
  const rows = await s.run((db) =>
    db<{ id: number }[]>`
      select distinct d.patient_id as id
      from documents d join patients p on p.id = d.patient_id
      where ${documentWhere(db, s, params)}
      order by 1 limit ${MATCHED_MAX}`
  );
  return rows.map((r) => r.id);
}
