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
export function ownedBy(db: Db, viewer: Viewer, column = "created_by") {
  return viewer.role === "admin" ? db`true` : db`${db(column)} = ${viewer.id}`;
}

/** Creates a patient owned by `ownerId`. */
export async function insertPatient(ownerId: number, fields: PatientFields, db: Db = sql) {
  const [row] = await db<PatientRow[]>`
    insert into patients ${db({ ...fields, created_by: ownerId }, ...PATIENT_FIELDS, "created_by")}
    returning *`;
  return row;
}

/** The patient if the viewer may see it (two fixed statements: this is the hottest query). */
export async function findPatient(id: number, viewer: Viewer, db: Db = sql) {
  const [row] = viewer.role === "admin"
    ? await db<PatientRow[]>`select * from patients where id = ${id}`
    : await db<PatientRow[]>`select * from patients where id = ${id} and created_by = ${viewer.id}`;
  return row as PatientRow | undefined;
}

/** The patient, locked for the rest of the transaction, if the viewer may see it. */
export async function lockPatient(id: number, viewer: Viewer, db: Db) {
  const [row] = await db<PatientRow[]>`
    select * from patients where id = ${id} and ${ownedBy(db, viewer)} for update`;
  return row as PatientRow | undefined;
}

/** Writes every writable field and bumps the version. */
export async function updatePatient(id: number, fields: PatientFields, db: Db) {
  const [row] = await db<PatientRow[]>`
    update patients set ${db(fields, ...PATIENT_FIELDS)},
      version = version + 1, updated_at = now()
    where id = ${id}
    returning *`;
  return row;
}

/** Deletes a patient; its doctor assignments go with it (ON DELETE CASCADE). */
export async function deletePatient(id: number, db: Db): Promise<void> {
  await db`delete from patients where id = ${id}`;
}

/** A timestamp as the API answers it: ISO 8601 in UTC with milliseconds (`Date#toJSON`). */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * One page of the viewer's patients, rendered as the API's JSON array by PostgreSQL, with
 * their ids (for the audit trail) and how many match in all. Rendering in the database
 * skips decoding each row, building Date objects and serializing them again, which was
 * most of a list request's cost (BENCHMARKS.md). `tests/patients_test.ts` checks that each
 * element equals what `patientJson` answers for the same patient.
 */
export async function listPatients(
  viewer: Viewer,
  f: PatientFilters,
  p: Page<(typeof PATIENT_ORDERINGS)[number]>,
  db: Db = sql,
): Promise<{ count: number; ids: number[]; json: string }> {
  const where = () =>
    db`
    ${ownedBy(db, viewer)}
    ${f.gender ? db`and gender = ${f.gender}` : db``}
    ${f.blood_group ? db`and blood_group = ${f.blood_group}` : db``}
    ${
      f.search
        ? db`and (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, ''))
          like ${f.search}`
        : db``
    }`;
  const dir = p.ordering.desc ? db`desc` : db`asc`;
  const order = () => db`${db(p.ordering.field)} ${dir}, id ${dir}`;
  const iso = db.unsafe(ISO);
  const [[page], [{ count }]] = await Promise.all([
    db<{ ids: number[]; json: string }[]>`
      select coalesce(array_agg(id order by ${order()}), '{}') as ids,
        coalesce(json_agg(json_build_object(
          'id', id, 'name', name, 'date_of_birth', date_of_birth,
          'age', case when date_of_birth is null then age
            else extract(year from age((now() at time zone 'utc')::date, date_of_birth))::int end,
          'gender', gender, 'email', email, 'phone', phone,
          'emergency_contact_name', emergency_contact_name,
          'emergency_contact_phone', emergency_contact_phone, 'blood_group', blood_group,
          'address', address, 'city', city, 'state', state, 'country', country,
          'allergies', allergies, 'medical_history', medical_history,
          'current_medications', current_medications, 'created_by', created_by,
          'created_at', to_char(created_at at time zone 'utc', ${iso}),
          'updated_at', to_char(updated_at at time zone 'utc', ${iso}),
          'version', version
        ) order by ${order()}), '[]')::text as json
      from (
        select * from patients where ${where()}
        order by ${order()}
        limit ${p.limit} offset ${p.offset}
      ) page`,
    db<{ count: number }[]>`select count(*)::int as count from patients where ${where()}`,
  ]);
  return { count, ids: page.ids, json: page.json };
}
