import type { Page } from "./page.ts";
import { type Db, sql } from "./client.ts";

/** Columns a client may write. */
export const DOCTOR_FIELDS = [
  "name",
  "specialization",
  "contact_info",
  "email",
  "phone",
  "license_number",
  "years_of_experience",
  "qualification",
  "hospital_name",
  "city",
  "state",
  "country",
  "bio",
  "consultation_fee",
  "is_available",
] as const;

/** The writable part of a doctor. */
export type DoctorFields = {
  [K in (typeof DOCTOR_FIELDS)[number]]: string | number | boolean | null;
};

/** A stored doctor. */
export type DoctorRow = DoctorFields & {
  id: number;
  created_by: number;
  created_at: Date;
  updated_at: Date;
  version: number;
};

/** Orderings a doctor list accepts. */
export const DOCTOR_ORDERINGS = ["id", "name", "years_of_experience", "created_at"] as const;

/** Filters of a doctor list. */
export interface DoctorFilters {
  search?: string;
  specialization?: string;
  is_available?: boolean;
  city?: string;
}

/** Adds a doctor to the shared directory. */
export async function insertDoctor(ownerId: number, fields: DoctorFields, db: Db = sql) {
  const [row] = await db<DoctorRow[]>`
    insert into doctors ${db({ ...fields, created_by: ownerId }, ...DOCTOR_FIELDS, "created_by")}
    returning *`;
  return row;
}

/** A doctor by id (every signed-in user may read every doctor). */
export async function findDoctor(id: number, db: Db = sql) {
  const [row] = await db<DoctorRow[]>`select * from doctors where id = ${id}`;
  return row as DoctorRow | undefined;
}

/** The doctors with these ids, by id. */
export async function doctorsByIds(ids: number[], db: Db = sql): Promise<Map<number, DoctorRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db<DoctorRow[]>`select * from doctors where id = any(${[...new Set(ids)]})`;
  return new Map(rows.map((r) => [r.id, r]));
}

/** A doctor locked for the rest of the transaction. */
export async function lockDoctor(id: number, db: Db) {
  const [row] = await db<DoctorRow[]>`select * from doctors where id = ${id} for update`;
  return row as DoctorRow | undefined;
}

/** Writes every writable field and bumps the version. */
export async function updateDoctor(id: number, fields: DoctorFields, db: Db) {
  const [row] = await db<DoctorRow[]>`
    update doctors set ${db(fields, ...DOCTOR_FIELDS)}, version = version + 1, updated_at = now()
    where id = ${id}
    returning *`;
  return row;
}

/** Deletes a doctor; fails on `patient_doctors_doctor_id_fkey` while assignments remain. */
export async function deleteDoctor(id: number, db: Db): Promise<void> {
  await db`delete from doctors where id = ${id}`;
}

/** One page of the directory and how many doctors match in all. */
export async function listDoctors(
  f: DoctorFilters,
  p: Page<(typeof DOCTOR_ORDERINGS)[number]>,
  db: Db = sql,
): Promise<{ count: number; rows: DoctorRow[] }> {
  const where = () =>
    db`true
    ${f.specialization ? db`and specialization = ${f.specialization}` : db``}
    ${f.is_available === undefined ? db`` : db`and is_available = ${f.is_available}`}
    ${f.city ? db`and lower(city) = ${f.city.toLowerCase()}` : db``}
    ${
      f.search
        ? db`and (lower(name) || ' ' || coalesce(lower(hospital_name), '') || ' ' || specialization)
          like ${f.search}`
        : db``
    }`;
  const dir = p.ordering.desc ? db`desc` : db`asc`;
  const [rows, [{ count }]] = await Promise.all([
    db<DoctorRow[]>`
      select * from doctors where ${where()}
      order by ${db(p.ordering.field)} ${dir}, id ${dir}
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`select count(*)::int as count from doctors where ${where()}`,
  ]);
  return { count, rows };
}
