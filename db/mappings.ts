import type postgres from "postgres";
import type { Page } from "./page.ts";
import { type Db, sql } from "./client.ts";
import { ownedBy, type Viewer } from "./patients.ts";

/** A stored assignment with its patient's name. */
export interface MappingRow {
  id: number;
  patient: number;
  doctor: number;
  is_primary: boolean;
  notes: string | null;
  assigned_at: Date;
  assigned_by: number;
  patient_name: string;
}

/** Orderings a mapping list accepts. */
export const MAPPING_ORDERINGS = ["id", "assigned_at"] as const;

/** Filters of a mapping list. */
export interface MappingFilters {
  patient_id?: number;
  doctor_id?: number;
  is_primary?: boolean;
}

/** A page of mappings and how many match in all. */
export interface MappingPage {
  count: number;
  rows: MappingRow[];
  page: Page;
}

const SELECT = (db: Db) =>
  db`select m.id, m.patient_id as patient, m.doctor_id as doctor, m.is_primary, m.notes,
      m.assigned_at, m.assigned_by, p.name as patient_name
    from patient_doctors m join patients p on p.id = m.patient_id`;

async function page(
  where: () => postgres.PendingQuery<postgres.Row[]>,
  p: Page<(typeof MAPPING_ORDERINGS)[number]>,
  db: Db,
): Promise<MappingPage> {
  const dir = p.ordering.desc ? db`desc` : db`asc`;
  const [rows, [{ count }]] = await Promise.all([
    db<MappingRow[]>`
      ${SELECT(db)} where ${where()}
      order by ${db(`m.${p.ordering.field}`)} ${dir}, m.id ${dir}
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`
      select count(*)::int as count
      from patient_doctors m join patients p on p.id = m.patient_id where ${where()}`,
  ]);
  return { count, rows, page: p };
}

/** The viewer's patients' mappings (every mapping for an admin). */
export function listMappings(
  viewer: Viewer,
  f: MappingFilters,
  p: Page<(typeof MAPPING_ORDERINGS)[number]>,
  db: Db = sql,
): Promise<MappingPage> {
  return page(
    () =>
      db`${ownedBy(db, viewer, "p.created_by")}
      ${f.patient_id ? db`and m.patient_id = ${f.patient_id}` : db``}
      ${f.doctor_id ? db`and m.doctor_id = ${f.doctor_id}` : db``}
      ${f.is_primary === undefined ? db`` : db`and m.is_primary = ${f.is_primary}`}`,
    p,
    db,
  );
}

/** A patient's mappings, or undefined when the viewer may not see the patient. */
export async function listMappingsOfPatient(
  patientId: number,
  viewer: Viewer,
  p: Page<(typeof MAPPING_ORDERINGS)[number]>,
  db: Db = sql,
): Promise<MappingPage | undefined> {
  const [visible] = await db`
    select 1 from patients where id = ${patientId} and ${ownedBy(db, viewer)}`;
  if (!visible) return undefined;
  return page(() => db`m.patient_id = ${patientId}`, p, db);
}

/** One mapping, if the viewer may see its patient. */
export async function findMapping(id: number, viewer: Viewer, db: Db = sql) {
  const [row] = await db<MappingRow[]>`
    ${SELECT(db)} where m.id = ${id} and ${ownedBy(db, viewer, "p.created_by")}`;
  return row as MappingRow | undefined;
}

/** Locks a patient the viewer may see, so assignments to it are made one at a time. */
export async function lockVisiblePatient(patientId: number, viewer: Viewer, db: Db) {
  const [row] = await db<{ id: number }[]>`
    select id from patients where id = ${patientId} and ${ownedBy(db, viewer)} for no key update`;
  return row !== undefined;
}

/** Whether a doctor exists (locked against deletion until the transaction ends). */
export async function doctorExists(doctorId: number, db: Db) {
  const [row] = await db`select 1 from doctors where id = ${doctorId} for key share`;
  return row !== undefined;
}

/** Clears the primary flag of a patient's other mappings. */
export async function demotePrimary(patientId: number, exceptId: number | null, db: Db) {
  await db`
    update patient_doctors set is_primary = false
    where patient_id = ${patientId} and is_primary and id is distinct from ${exceptId}`;
}

/** Inserts an assignment; a repeat fails on `patient_doctors_doctor_key` (409 on doctor). */
export async function insertMapping(
  m: { patient: number; doctor: number; is_primary: boolean; notes: string | null; by: number },
  db: Db,
): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into patient_doctors (patient_id, doctor_id, is_primary, notes, assigned_by)
    values (${m.patient}, ${m.doctor}, ${m.is_primary}, ${m.notes}, ${m.by})
    returning id`;
  return row.id;
}

/** Changes `is_primary` and/or `notes` of a mapping. */
export async function updateMapping(
  id: number,
  changes: { is_primary?: boolean; notes?: string | null },
  db: Db,
): Promise<void> {
  const cols = Object.keys(changes) as ("is_primary" | "notes")[];
  if (cols.length === 0) return;
  await db`update patient_doctors set ${db(changes, ...cols)} where id = ${id}`;
}

/** Deletes a mapping the viewer may see; answers its patient's id, or undefined. */
export async function deleteMapping(
  id: number,
  viewer: Viewer,
  db: Db = sql,
): Promise<number | undefined> {
  const [row] = await db<{ patient_id: number }[]>`
    delete from patient_doctors m using patients p
    where m.id = ${id} and p.id = m.patient_id and ${ownedBy(db, viewer, "p.created_by")}
    returning m.patient_id`;
  return row?.patient_id;
}
