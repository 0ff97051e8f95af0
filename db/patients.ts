import type { Page } from "../lib/lists.ts";
import { type Db, sql } from "./client.ts";

/** Who is asking: every query is scoped to the caller's own rows unless they are an admin. */
export interface Viewer {
  id: number;
  role: "user" | "admin";
}

/** Columns a client may write. */
export const PATIENT_FIELDS = [
  "name",
  "date_of_birth",
  "age",
  "gender",
  "email",
  "phone",
  "emergency_contact_name",
  "emergency_contact_phone",
  "blood_group",
  "address",
  "city",
  "state",
  "country",
  "allergies",
  "medical_history",
  "current_medications",
] as const;

/** The writable part of a patient. */
export type PatientFields = { [K in (typeof PATIENT_FIELDS)[number]]: string | number | null };

/** A stored patient. */
export type PatientRow = PatientFields & {
  id: number;
  created_by: number;
  created_at: Date;
  updated_at: Date;
  version: number;
};

/** Orderings a patient list accepts. */
export const PATIENT_ORDERINGS = [
  "id",
  "name",
  "date_of_birth",
  "created_at",
  "updated_at",
] as const;

/** Filters of a patient list. */
export interface PatientFilters {
  search?: string;
  gender?: string;
  blood_group?: string;
}

/** `created_by = caller`, or nothing for an admin. */
export function ownedBy(viewer: Viewer, column = "created_by") {
  return viewer.role === "admin" ? sql`true` : sql`${sql(column)} = ${viewer.id}`;
}

/** Creates a patient owned by `ownerId`. */
export async function insertPatient(ownerId: number, fields: PatientFields, db: Db = sql) {
  const [row] = await db<PatientRow[]>`
    insert into patients ${sql({ ...fields, created_by: ownerId }, ...PATIENT_FIELDS, "created_by")}
    returning *`;
  return row;
}

/** The patient if the viewer may see it. */
export async function findPatient(id: number, viewer: Viewer, db: Db = sql) {
  const [row] = await db<PatientRow[]>`
    select * from patients where id = ${id} and ${ownedBy(viewer)}`;
  return row as PatientRow | undefined;
}

/** The patient, locked for the rest of the transaction, if the viewer may see it. */
export async function lockPatient(id: number, viewer: Viewer, db: Db) {
  const [row] = await db<PatientRow[]>`
    select * from patients where id = ${id} and ${ownedBy(viewer)} for update`;
  return row as PatientRow | undefined;
}

/** Writes every writable field and bumps the version. */
export async function updatePatient(id: number, fields: PatientFields, db: Db) {
  const [row] = await db<PatientRow[]>`
    update patients set ${sql(fields, ...PATIENT_FIELDS)},
      version = version + 1, updated_at = now()
    where id = ${id}
    returning *`;
  return row;
}

/** Deletes a patient; its doctor assignments go with it (ON DELETE CASCADE). */
export async function deletePatient(id: number, db: Db): Promise<void> {
  await db`delete from patients where id = ${id}`;
}

/** One page of the viewer's patients and how many match in all. */
export async function listPatients(
  viewer: Viewer,
  f: PatientFilters,
  p: Page<(typeof PATIENT_ORDERINGS)[number]>,
  db: Db = sql,
): Promise<{ count: number; rows: PatientRow[] }> {
  const where = sql`
    ${ownedBy(viewer)}
    ${f.gender ? sql`and gender = ${f.gender}` : sql``}
    ${f.blood_group ? sql`and blood_group = ${f.blood_group}` : sql``}
    ${
    f.search
      ? sql`and (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, ''))
          like ${f.search}`
      : sql``
  }`;
  const dir = p.ordering.desc ? sql`desc` : sql`asc`;
  const rows = await db<(PatientRow & { total: number })[]>`
    select *, count(*) over ()::int as total from patients
    where ${where}
    order by ${sql(p.ordering.field)} ${dir} nulls last, id ${dir}
    limit ${p.limit} offset ${p.offset}`;
  if (rows.length > 0 || p.offset === 0) {
    return { count: rows[0]?.total ?? 0, rows: rows.map(({ total: _, ...r }) => r as PatientRow) };
  }
  const [{ count }] = await db<{ count: number }[]>`
    select count(*)::int as count from patients where ${where}`;
  return { count, rows: [] };
}
