import type postgres from "postgres";
import {
  allOf,
  type Fragment,
  type Page,
  type SearchLimits,
  type SearchPage,
  searchPage,
} from "./page.ts";
import type { Db } from "./client.ts";
import type { Criteria } from "../lib/fhir.ts";
import { MATCHED_MAX } from "./patients.ts";
import { DOCTOR_FIELDS, type DoctorRow } from "./doctors.ts";
import { eventsOfRows, type WriteEvent } from "./audit.ts";
import type { Deleted, Scope } from "./scope.ts";
import { lifecycleSet, setClause, stateFor } from "./versioned.ts";

/** A stored assignment with its patient's name. */
export interface MappingRow {
  id: number;
  patient: number;
  doctor: number;
  is_primary: boolean;
  notes: string | null;
  assigned_at: Date;
  assigned_by: number;
  version: number;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by: number | null;
  patient_name: string;
  /** When its patient was deleted (the mapping is hidden with it). */
  patient_deleted_at?: Date | null;
  /** The patient's clinic (not answered: for the audit event). */
  clinic_id?: number | null;
}

/** Orderings a mapping list accepts. */
export const MAPPING_ORDERINGS = ["id", "assigned_at"] as const;

/** Filters of a mapping list. */
export interface MappingFilters {
  patient_id?: number;
  doctor_id?: number;
  is_primary?: boolean;
  clinic_id?: number;
  /** Deleted mappings too, of the patients the caller manages (`include_deleted=true`). */
  deleted?: Deleted;
}

/** A page of mappings and how many match in all. */
export interface MappingPage {
  count: number;
  rows: MappingRow[];
  page: Page;
}

const SELECT = (db: Db) =>
  db`select m.id, m.patient_id as patient, m.doctor_id as doctor, m.is_primary, m.notes,
      m.assigned_at, m.assigned_by, m.version, m.updated_at, m.deleted_at, m.deleted_by,
      p.name as patient_name, p.clinic_id, p.deleted_at as patient_deleted_at
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

/** The caller's patients' mappings (every mapping for an admin). */
export function listMappings(
  s: Scope,
  f: MappingFilters,
  p: Page<(typeof MAPPING_ORDERINGS)[number]>,
): Promise<MappingPage> {
  return s.run((db) =>
    page(
      () =>
        db`${s.visible("p.scope_key", "read", f.deleted)}
      and ${s.live("m", f.deleted, s.manages("p.scope_key"))}
      ${f.clinic_id ? db`and p.clinic_id = ${f.clinic_id}` : db``}
      ${f.patient_id ? db`and m.patient_id = ${f.patient_id}` : db``}
      ${f.doctor_id ? db`and m.doctor_id = ${f.doctor_id}` : db``}
      ${f.is_primary === undefined ? db`` : db`and m.is_primary = ${f.is_primary}`}`,
      p,
      db,
    )
  );
}

/**
 * A live patient's live mappings and its clinic; undefined when the caller may not see the
 * patient, `deleted` when it was deleted.
 */
export function listMappingsOfPatient(
  s: Scope,
  patientId: number,
  p: Page<(typeof MAPPING_ORDERINGS)[number]>,
): Promise<(MappingPage & { clinicId: number | null }) | "deleted" | undefined> {
  return s.run(async (db) => {
    const [patient] = await db<{ clinic_id: number | null; deleted_at: Date | null }[]>`
      select clinic_id, deleted_at from patients
      where id = ${patientId} and ${s.visible("scope_key", "read", "all")}`;
    if (!patient) return undefined;
    if (patient.deleted_at) return "deleted";
    return {
      ...await page(() => db`m.patient_id = ${patientId} and ${s.live("m")}`, p, db),
      clinicId: patient.clinic_id,
    };
  });
}

/** One mapping, if the caller may see its patient (deleted or not: see `deleted_at`). */
export function findMapping(s: Scope, id: number) {
  return s.run(async (db) => {
    const [row] = await db<MappingRow[]>`
      ${SELECT(db)} where m.id = ${id} and ${s.visible("p.scope_key", "read", "all")}`;
    return row as MappingRow | undefined;
  });
}

/** The audit event of each mapping written (CTE `written`), naming its patient and clinic. */
function mappingEvents(db: Db, event: WriteEvent) {
  return eventsOfRows(
    db,
    event,
    "written",
    db`array[written.patient_id]`,
    db`(select clinic_id from patients where id = written.patient_id)`,
  );
}

/** Most attempts of a primary assignment racing others on the same patient. */
const PRIMARY_ATTEMPTS = 8;

/**
 * Runs a statement that may make an assignment primary. Two such statements on one patient
 * are serialized by the patient's lock, but the second one's snapshot was taken before the
 * first committed, so it cannot see (nor demote) the first one's primary: it fails on the
 * primary index, changing nothing, and runs again with a fresh snapshot.
 */
async function primaryRace<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1;; attempt++) {
    try {
      return await run();
    } catch (err) {
      const raced = (err as postgres.PostgresError).constraint_name ===
        "patient_doctors_is_primary_key";
      if (!raced || attempt >= PRIMARY_ATTEMPTS) throw err;
    }
  }
}

/** Every column of a doctor row. */
const DOCTOR_COLUMNS = [
  "id",
  ...DOCTOR_FIELDS,
  "created_by",
  "created_at",
  "updated_at",
  "version",
  "deleted_at",
  "deleted_by",
];

/**
 * The columns of a mapping as answered, from the CTE `written`, the patient's name and the
 * doctor's row (as `doctor_<column>`): the write's answer needs no second request.
 */
const WRITTEN = (db: Db, patientName: postgres.PendingQuery<postgres.Row[]>) =>
  db`written.id, written.patient_id as patient, written.doctor_id as doctor, written.is_primary,
    written.notes, written.assigned_at, written.assigned_by, written.version, written.updated_at,
    written.deleted_at, written.deleted_by, ${patientName} as patient_name
    ${
    DOCTOR_COLUMNS.reduce((cols, col) => db`${cols}, d.${db(col)} as ${db(`doctor_${col}`)}`, db``)
  }`;

/** A mapping written, with its doctor. */
export type WrittenMapping = MappingRow & { doctor_detail: DoctorRow };

/** Splits a row selected with WRITTEN into the mapping and its doctor. */
function writtenMapping(row: Record<string, unknown>): WrittenMapping {
  const doctor: Record<string, unknown> = {};
  for (const col of DOCTOR_COLUMNS) {
    doctor[col] = row[`doctor_${col}`];
    delete row[`doctor_${col}`];
  }
  return { ...row as unknown as MappingRow, doctor_detail: doctor as DoctorRow };
}

/**
 * Assigns a doctor to a patient the caller may see, with its audit event, in one statement:
 * the patient is locked so its assignments are made one at a time, the doctor held against
 * deletion, and a new primary demotes the old one first. Says which of the two was missing;
 * a repeat fails on `patient_doctors_doctor_key` (409 on doctor).
 */
export async function assignDoctor(
  s: Scope,
  m: { patient: number; doctor: number; is_primary: boolean; notes: string | null },
): Promise<{ patient: boolean; doctor: boolean; row?: WrittenMapping }> {
  const event = s.event();
  const [hit] = await primaryRace(() =>
    s.run((db) =>
      db<Record<string, unknown>[]>`
    with patient as (
      select id, name from patients
      where id = ${m.patient} and ${s.visible("scope_key", "write")} for no key update
    ), doctor as (
      -- FOR SHARE: a doctor being deleted waits for this, or this for its deletion.
      select * from doctors where id = ${m.doctor} and deleted_at is null for share
    ), demoted as (
      -- Only when the assignment will be made: a refused one must change nothing.
      update patient_doctors
      set is_primary = false, version = version + 1, updated_at = now(), updated_by = ${s.caller.id}
      where ${m.is_primary}::boolean and is_primary and deleted_at is null
        and patient_id = (select id from patient) and exists (select 1 from doctor)
      returning id
    ), written as (
      -- Reading the count of demoted rows makes the insert wait for the demotion.
      insert into patient_doctors (patient_id, doctor_id, is_primary, notes, assigned_by)
      select patient.id, doctor.id, ${m.is_primary}::boolean, ${m.notes}::text, ${s.caller.id}::int
      from patient, doctor, (select count(*) from demoted) as settled
      returning *
    ), event as (${mappingEvents(db, event)})
    select exists (select 1 from patient) as patient_ok, exists (select 1 from doctor) as doctor_ok,
      ${WRITTEN(db, db`(select name from patient)`)}
    from (select) as one left join written on true left join doctor as d on true`
    )
  );
  const { patient_ok, doctor_ok, ...row } = hit;
  return {
    patient: patient_ok as boolean,
    doctor: doctor_ok as boolean,
    row: row.id === null ? undefined : writtenMapping(row),
  };
}

/** A change to a mapping: fields to set, or a deletion or restore. */
export type MappingChange = { is_primary?: boolean; notes?: string | null } | "delete" | "restore";

/** What a mapping write found: the current version and deletion, and the row written. */
export interface MappingWrite {
  version: number;
  deleted: boolean;
  row?: WrittenMapping;
}

/**
 * Changes `is_primary` and/or `notes` of a live mapping, or marks it deleted, or restores it,
 * with its audit event, in one statement, when the caller may write its live patient and
 * `versions` (`If-Match`) allow (a new primary demotes the old one first). Undefined when the
 * caller may see no such mapping; else what was found, and the row if written.
 */
export async function changeMapping(
  s: Scope,
  id: number,
  change: MappingChange,
  versions?: number[],
): Promise<MappingWrite | undefined> {
  const event = s.event();
  const by = s.caller.id;
  const primary = typeof change === "object" && change.is_primary === true;
  const statement = () =>
    s.run((db) => {
      const set = change === "delete" || change === "restore"
        ? lifecycleSet(db, change, by)
        : setClause(
          db,
          change,
          (["is_primary", "notes"] as const).filter((c) => change[c] !== undefined),
          "notes",
        );
      return db<Record<string, unknown>[]>`
    with mapping as (
      select m.id, m.patient_id, m.version, m.deleted_at, p.name
      from patient_doctors m join patients p on p.id = m.patient_id
      where m.id = ${id} and ${s.visible("p.scope_key", "write")}
      for no key update of p
    ), allowed as (
      select * from mapping
      where ${stateFor(db, change, "mapping")}
        ${versions ? db`and version = any(${versions}::int[])` : db``}
    ), demoted as (
      update patient_doctors
      set is_primary = false, version = version + 1, updated_at = now(), updated_by = ${by}
      where ${primary}::boolean and is_primary and deleted_at is null and id <> ${id}
        and patient_id = (select patient_id from allowed)
      returning id
    ), written as (
      update patient_doctors t ${set}, version = t.version + 1, updated_at = now(),
        updated_by = ${by}
      from allowed, (select count(*) from demoted) as settled
      where t.id = allowed.id
      returning t.*
    ), event as (${mappingEvents(db, event)})
    select mapping.version as current_version, mapping.deleted_at as current_deleted_at,
      ${WRITTEN(db, db`mapping.name`)}
    from mapping left join written on true left join doctors d on d.id = written.doctor_id`;
    });
  // Only a new primary can race another on the one-primary index; a restore that collides
  // with a live primary is a conflict to answer (409).
  const [hit] = await (primary ? primaryRace(statement) : statement());
  if (!hit) return undefined;
  const { current_version, current_deleted_at, ...row } = hit;
  return {
    version: current_version as number,
    deleted: current_deleted_at !== null,
    row: row.id === null ? undefined : writtenMapping(row),
  };
}

/** A patient's care team: its assigned doctors, oldest assignment first. */
export interface CareTeamRow {
  patient_id: number;
  patient_name: string;
  /** The latest assignment's time. */
  updated: Date;
  members: { doctor: number; name: string; primary: boolean; since: number }[];
}

/** The patients (the caller may see) with at least one assignment, matching `params`. */
function careTeamWhere(db: Db, s: Scope, params: Map<string, Criteria>): Fragment {
  const parts: Fragment[] = [s.visible("p.scope_key")];
  for (const ids of params.get("_id")?.id ?? []) parts.push(db`p.id = any(${ids})`);
  for (const name of ["patient", "subject"]) {
    for (const ids of params.get(name)?.reference ?? []) parts.push(db`p.id = any(${ids})`);
  }
  parts.push(
    db`exists (select 1 from patient_doctors m where m.patient_id = p.id and ${s.live("m")})`,
  );
  return allOf(db, parts);
}

const CARE_TEAM = (db: Db, s: Scope) =>
  db`select p.id as patient_id, p.name as patient_name, t.updated, t.members
    from patients p cross join lateral (
      select max(m.assigned_at) as updated,
        json_agg(json_build_object('doctor', d.id, 'name', d.name, 'primary', m.is_primary,
          'since', (extract(epoch from m.assigned_at) * 1000)::bigint) order by m.id) as members
      from patient_doctors m join doctors d on d.id = m.doctor_id
      where m.patient_id = p.id and ${s.live("m")}
    ) t`;

/** A patient's care team, if the caller may see the patient and it has assignments. */
export function findCareTeam(s: Scope, patientId: number) {
  const params = new Map([["_id", { id: [[patientId]] }]]);
  return s.run(async (db) => {
    const [row] = await db<CareTeamRow[]>`
      ${CARE_TEAM(db, s)} where ${careTeamWhere(db, s, params)}`;
    return row as CareTeamRow | undefined;
  });
}

/** Up to MATCHED_MAX ids of the patients whose care teams match a FHIR search (for its audit). */
export async function matchedCareTeamIds(
  s: Scope,
  params: Map<string, Criteria>,
): Promise<number[]> {
  const rows = await s.run((db) =>
    db<{ id: number }[]>`
    select p.id from patients p where ${careTeamWhere(db, s, params)}
    order by p.id limit ${MATCHED_MAX}`
  );
  return rows.map((r) => r.id);
}

/** A page of the caller's patients' care teams matching a FHIR CareTeam search, by patient. */
export function searchCareTeams(
  s: Scope,
  params: Map<string, Criteria>,
  page: SearchLimits,
): Promise<SearchPage<CareTeamRow>> {
  return s.run((db) =>
    searchPage(
      db,
      {
        rows: (limit, { after, order }) =>
          db<CareTeamRow[]>`
      ${CARE_TEAM(db, s)} where ${careTeamWhere(db, s, params)} and ${after()}
      ${order()} limit ${limit} offset ${page.offset}`,
        from: () => db`from patients p where ${careTeamWhere(db, s, params)}`,
        id: "p.id",
      },
      page,
    )
  );
}
