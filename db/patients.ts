import {
  allOf,
  anyOf,
  dateMatchSql,
  type Fragment,
  type Page,
  type SearchPage,
  searchPage,
  textMatch,
  type TotalMode,
} from "./page.ts";
import type { Db } from "./client.ts";
import type { Criteria } from "../lib/fhir.ts";
import { eventsOfRows } from "./audit.ts";
import type { Scope } from "./scope.ts";
import { type Found, setClause, versionedWrite } from "./versioned.ts";

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

/** Creates a patient owned by the caller, with its audit event, in one statement. */
export async function insertPatient(s: Scope, fields: PatientFields) {
  const db = s.sql;
  const [row] = await db<PatientRow[]>`
    with written as (
      insert into patients
        ${db({ ...fields, created_by: s.caller.id }, ...PATIENT_FIELDS, "created_by")}
      returning *
    ), event as (${eventsOfRows(db, s.event(), "written", db`array[written.id]`)})
    select * from written`;
  return row;
}

/** The patient if the caller may see it (two fixed statements: this is the hottest query). */
export async function findPatient(s: Scope, id: number) {
  const db = s.sql;
  const [row] = s.caller.role === "admin"
    ? await db<PatientRow[]>`select * from patients where id = ${id}`
    : await db<
      PatientRow[]
    >`select * from patients where id = ${id} and created_by = ${s.caller.id}`;
  return row as PatientRow | undefined;
}

/** The conditions a change is made under. */
export interface ChangeRules {
  /** `If-Match`: the versions the caller accepts. */
  versions?: number[];
  /** An age sent without a birth date must match the stored one, on `today`. */
  age?: { years: number; today: string };
}

/**
 * Sets `fields` on a patient the caller may see and bumps its version, or deletes it (its
 * doctor assignments go with it, ON DELETE CASCADE), with its audit event, in one statement;
 * nothing is written unless `rules` hold against the locked row. Undefined when the caller
 * may see no such patient.
 */
export function changePatient(
  s: Scope,
  id: number,
  fields: Partial<PatientFields> | "delete",
  rules: ChangeRules,
): Promise<Found<PatientRow> | undefined> {
  const db = s.sql;
  const { versions, age } = rules;
  return versionedWrite<PatientRow>(db, {
    table: "patients",
    id,
    visible: s.visible(),
    keep: ["date_of_birth"],
    versions,
    rules: age
      ? [db`(current.date_of_birth is null or
          date_part('year', age(${age.today}::date, current.date_of_birth)) = ${age.years}::int)`]
      : [],
    change: fields === "delete"
      ? "delete"
      : setClause(db, fields, PATIENT_FIELDS.filter((f) => fields[f] !== undefined), "created_by"),
    event: s.event(),
    patientIds: db`array[written.id]`,
  });
}

/** One page of the caller's patients and how many match in all (two index-friendly queries). */
export async function listPatients(
  s: Scope,
  f: PatientFilters,
  p: Page<(typeof PATIENT_ORDERINGS)[number]>,
): Promise<{ count: number; rows: PatientRow[]; matched: number[] }> {
  const db = s.sql;
  const where = () =>
    db`
    ${s.visible()}
    ${f.gender ? db`and gender = ${f.gender}` : db``}
    ${f.blood_group ? db`and blood_group = ${f.blood_group}` : db``}
    ${
      f.search
        ? db`and (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, ''))
          like ${f.search}`
        : db``
    }`;
  const dir = p.ordering.desc ? db`desc` : db`asc`;
  const [rows, [{ count }]] = await Promise.all([
    db<PatientRow[]>`
      select * from patients where ${where()}
      order by ${db(p.ordering.field)} ${dir}, id ${dir}
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`select count(*)::int as count from patients where ${where()}`,
  ]);
  // A page past the end still tells the caller how many matched (a phone number probe, say):
  // the audit trail then names the patients matched, up to MATCHED_MAX of them.
  const matched = rows.length === 0 && count > 0
    ? (await db<{ id: number }[]>`
      select id from patients where ${where()} order by id limit ${MATCHED_MAX}`).map((r) => r.id)
    : rows.map((r) => r.id);
  return { count, rows, matched };
}

/** Most patients an audit event of a count-only list names. */
export const MATCHED_MAX = 100;

/** A patient with its primary doctor, if it has one (FHIR's `generalPractitioner`). */
export type PatientWithPrimary = PatientRow & {
  primary_id: number | null;
  primary_name: string | null;
};

const WITH_PRIMARY = (db: Db) =>
  db`select p.*, d.id as primary_id, d.name as primary_name
    from patients p
    left join patient_doctors m on m.patient_id = p.id and m.is_primary
    left join doctors d on d.id = m.doctor_id`;

/** The patient with its primary doctor, if the caller may see it. */
export async function findPatientWithPrimary(s: Scope, id: number) {
  const db = s.sql;
  const [row] = await db<PatientWithPrimary[]>`
    ${WITH_PRIMARY(db)} where p.id = ${id} and ${s.visible("p.created_by")}`;
  return row as PatientWithPrimary | undefined;
}

const GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";

/** The SQL of a FHIR Patient search's parameters (`_id`, `name`, `gender`, `birthdate`). */
function patientCriteria(db: Db, params: Map<string, Criteria>): Fragment {
  const indexed = db`(lower(p.name) || ' ' || coalesce(lower(p.email), '') || ' ' ||
    coalesce(p.phone, ''))`;
  const parts: Fragment[] = [];
  for (const ids of params.get("_id")?.id ?? []) parts.push(db`p.id = any(${ids})`);
  for (const names of params.get("name")?.string ?? []) {
    parts.push(anyOf(db, names.map((m) => textMatch(db, "p.name", indexed, m))));
  }
  for (const tokens of params.get("gender")?.token ?? []) {
    const codes = tokens.filter((t) => t.system === undefined || t.system === GENDER_SYSTEM)
      .map((t) => t.code);
    parts.push(db`p.gender = any(${codes})`);
  }
  for (const dates of params.get("birthdate")?.date ?? []) {
    parts.push(anyOf(db, dates.map((m) => dateMatchSql(db, "p.date_of_birth", m))));
  }
  return allOf(db, parts);
}

/** A page of the caller's patients matching a FHIR search, by id, with their primary doctors. */
export function searchPatients(
  s: Scope,
  params: Map<string, Criteria>,
  page: { limit: number; offset: number; total: TotalMode },
): Promise<SearchPage<PatientWithPrimary>> {
  const db = s.sql;
  const where = () => db`where ${s.visible("p.created_by")} and ${patientCriteria(db, params)}`;
  return searchPage(
    db,
    {
      rows: (limit) =>
        db<PatientWithPrimary[]>`
      ${WITH_PRIMARY(db)} ${where()} order by p.id limit ${limit} offset ${page.offset}`,
      from: () => db`from patients p ${where()}`,
    },
    page.limit,
    page.offset,
    page.total,
  );
}

/** Up to MATCHED_MAX ids of the caller's patients matching a FHIR search (for its audit). */
export async function matchedPatientIds(
  s: Scope,
  params: Map<string, Criteria>,
): Promise<number[]> {
  const db = s.sql;
  const rows = await db<{ id: number }[]>`
    select p.id from patients p
    where ${s.visible("p.created_by")} and ${patientCriteria(db, params)}
    order by p.id limit ${MATCHED_MAX}`;
  return rows.map((r) => r.id);
}
