import {
  allOf,
  anyOf,
  countUpTo,
  dateMatchSql,
  type Fragment,
  keyValue,
  type Listed,
  type Page,
  pageOf,
  type SearchLimits,
  type SearchPage,
  searchPage,
  seek,
  type Sorted,
  type SortKey,
  textMatch,
} from "./page.ts";
import type { Db } from "./client.ts";
import type { Criteria } from "../lib/fhir.ts";
import { eventsOfRows } from "./audit.ts";
import { countKey, type Deleted, int, type Need, type Scope } from "./scope.ts";
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
  clinic_id: number | null;
  created_by: number;
  created_at: Date;
  updated_at: Date;
  version: number;
  deleted_at: Date | null;
  deleted_by: number | null;
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
  clinic_id?: number;
  /** Deleted patients too, those the caller manages (`include_deleted=true`). */
  deleted?: Deleted;
}

/** Every column of a patient as read (`scope_key` is the database's own). */
const COLUMNS = [
  "id",
  ...PATIENT_FIELDS,
  "clinic_id",
  "created_by",
  "created_at",
  "updated_at",
  "version",
  "deleted_at",
  "deleted_by",
];
/** The columns as SQL text (`t` a table alias with its dot). */
const COLUMN_LIST = (t = "") => COLUMNS.map((c) => t + c).join(", ");
const PATIENT_COLUMNS = (db: Db, t = "") => db.unsafe(COLUMN_LIST(t));

/**
 * Creates a patient of the caller's (or, with `clinicId`, of that clinic), with its audit
 * event, in one statement.
 */
export function insertPatient(s: Scope, fields: PatientFields, clinicId: number | null = null) {
  return s.run(async (db) => {
    const [row] = await db<PatientRow[]>`
      with written as (
        insert into patients ${
      db(
        { ...fields, clinic_id: clinicId, created_by: s.caller.id },
        ...PATIENT_FIELDS,
        "clinic_id",
        "created_by",
      )
    }
        returning ${PATIENT_COLUMNS(db)}
      ), event as (${
      eventsOfRows(db, s.event(), "written", db`array[written.id]`, db`written.clinic_id`)
    })
      select * from written`;
    return row;
  });
}

/**
 * The patient if the caller may see it, deleted or not (the hottest query: integers only, so
 * inlined).
 */
export async function findPatient(s: Scope, id: number) {
  const [row] = await s.inline<PatientRow>((visible) =>
    `select ${COLUMN_LIST()} from patients where id = ${int(id)} and ${visible}`
  );
  return row as PatientRow | undefined;
}

/** The conditions a change is made under. */
export interface ChangeRules {
  /** `If-Match`: the versions the caller accepts. */
  versions?: number[];
  /** An age sent without a birth date must match the stored one, on `today`. */
  age?: { years: number; today: string };
  /** What the change needs of the caller's role (a write of clinical fields, say). */
  need: Need;
}

/** A change to a patient: fields to set, or a deletion or restore. */
export type PatientChange =
  | Partial<PatientFields & { clinic_id: number | null }>
  | "delete"
  | "restore";

/**
 * Sets `fields` on a live patient the caller may see and bumps its version, or marks it
 * deleted (its assignments are hidden with it) or restores it, with its audit event, in one
 * statement; nothing is written unless `rules` hold against the locked row. Undefined when the
 * caller may see no such patient; `current.deleted_at` says whether it was deleted.
 */
export function changePatient(
  s: Scope,
  id: number,
  fields: PatientChange,
  rules: ChangeRules,
): Promise<Found<PatientRow> | undefined> {
  return s.run((db) => changeIn(db, s, id, fields, rules));
}

function changeIn(
  db: Db,
  s: Scope,
  id: number,
  fields: PatientChange,
  rules: ChangeRules,
): Promise<Found<PatientRow> | undefined> {
  const { versions, age, need } = rules;
  const writable = [...PATIENT_FIELDS, "clinic_id"] as const;
  return versionedWrite<PatientRow>(db, {
    table: "patients",
    id,
    visible: s.visible("scope_key", need, "all"),
    keep: ["date_of_birth"],
    versions,
    rules: age
      ? [db`(current.date_of_birth is null or
          date_part('year', age(${age.today}::date, current.date_of_birth)) = ${age.years}::int)`]
      : [],
    change: fields === "delete" || fields === "restore"
      ? fields
      : setClause(db, fields, writable.filter((f) => fields[f] !== undefined), "created_by"),
    by: s.caller.id,
    event: s.event(),
    patientIds: db`array[written.id]`,
    clinicId: db`written.clinic_id`,
  });
}

/** How each ordering of the patient list sorts, and how its cursor is read. */
export const PATIENT_KEYS: Record<(typeof PATIENT_ORDERINGS)[number], SortKey> = {
  id: { column: "id", kind: "int" },
  name: { column: "name", kind: "text" },
  date_of_birth: { column: "date_of_birth", kind: "date", nullable: true },
  created_at: { column: "created_at", kind: "timestamptz" },
  updated_at: { column: "updated_at", kind: "timestamptz" },
};

/** A page of the list with the patients an audit event of it names. */
export type PatientList = Listed<PatientRow> & { matched: number[] };

/** One page of the caller's patients and how many match in all (index-friendly queries). */
export function listPatients(
  s: Scope,
  f: PatientFilters,
  p: Page<(typeof PATIENT_ORDERINGS)[number]>,
): Promise<PatientList> {
  return s.run((db) => listIn(db, s, f, p));
}

async function listIn(
  db: Db,
  s: Scope,
  f: PatientFilters,
  p: Page<(typeof PATIENT_ORDERINGS)[number]>,
): Promise<PatientList> {
  const filters = () =>
    db`
    ${f.clinic_id ? db`and clinic_id = ${f.clinic_id}` : db``}
    ${f.gender ? db`and gender = ${f.gender}` : db``}
    ${f.blood_group ? db`and blood_group = ${f.blood_group}` : db``}
    ${f.search ? db`and ${matching(db, "id", f.search)}` : db``}`;
  const where = () => db`${s.visible("scope_key", "read", f.deleted)} ${filters()}`;
  const key = PATIENT_KEYS[p.ordering.field];
  const { after, order, back } = seek(db, p, key);
  const columns = () => db`${PATIENT_COLUMNS(db)}, ${keyValue(db, key)} as sort_key`;
  const keys = s.keys() ?? [];
  const reach = p.offset + p.limit + 1;
  // Several scope keys (a member of clinics): one ordered index walk per key, merged, since
  // one walk cannot serve `scope_key = any(...)` in order. Each walk stops at offset + limit.
  const fetched = keys.length > 1
    ? db<Sorted<PatientRow>[]>`
      select * from (${
      keys.flatMap((key, i) => [
        ...(i ? [db`union all`] : []),
        db`(select ${columns()} from patients
          where scope_key = ${key} and ${s.live("", f.deleted, s.manages())} ${filters()}
          and ${after()} ${order()} limit ${reach})`,
      ])
    }) merged ${order()} limit ${p.limit + 1} offset ${p.offset}`
    : db<Sorted<PatientRow>[]>`
      select ${columns()} from patients where ${where()} and ${after()}
      ${order()} limit ${p.limit + 1} offset ${p.offset}`;
  const [read, counted] = await Promise.all([
    fetched,
    countUpTo(
      db,
      () => db`from patients where ${where()}`,
      p.countUpTo,
      countKey(s, "patients", f),
    ),
  ]);
  const { rows, ...ends } = pageOf(read, p, back);
  // A page past the end still tells the caller how many matched (a phone number probe, say):
  // the audit trail then names the patients matched, up to MATCHED_MAX of them.
  const matched = rows.length === 0 && counted.count > 0
    ? (await db<{ id: number }[]>`
      select id from patients where ${where()} order by id limit ${MATCHED_MAX}`).map((r) => r.id)
    : rows.map((r) => r.id);
  return { ...counted, ...ends, rows, matched };
}

/**
 * The patients whose name, email or phone contain a LIKE pattern, found through the trigram
 * index by `patients_matching` (migrations/009_clinics.sql): under row-level security the
 * planner may not use that index for a LIKE itself (LIKE is not leakproof), so the function
 * applies the caller's visibility explicitly and runs as the tables' owner. Its ids come as
 * one array, so the page is read by id from the primary key (as `in (select …)` the planner
 * guessed a thousand matches and walked the whole key in order to merge them: 18 ms where
 * this takes 1 ms past the function, at 200,000 patients).
 */
function matching(db: Db, idColumn: string, pattern: string): Fragment {
  return db`${db(idColumn)} = any(array(select patients_matching(${pattern})))`;
}

/** Most patients an audit event of a count-only list names. */
export const MATCHED_MAX = 100;

/** A patient with its primary doctor, if it has one (FHIR's `generalPractitioner`). */
export type PatientWithPrimary = PatientRow & {
  primary_id: number | null;
  primary_name: string | null;
};

const WITH_PRIMARY = (db: Db) =>
  db`select ${PATIENT_COLUMNS(db, "p.")}, d.id as primary_id, d.name as primary_name
    from patients p
    left join patient_doctors m on m.patient_id = p.id and m.is_primary and m.deleted_at is null
    left join doctors d on d.id = m.doctor_id`;

/** The patient with its primary doctor, if the caller may see it (deleted or not). */
export function findPatientWithPrimary(s: Scope, id: number) {
  return s.run(async (db) => {
    const [row] = await db<PatientWithPrimary[]>`
      ${WITH_PRIMARY(db)} where p.id = ${id} and ${s.visible("p.scope_key", "read", "all")}`;
    return row as PatientWithPrimary | undefined;
  });
}

const GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";

/** The SQL of a FHIR Patient search's parameters (`_id`, `name`, `gender`, `birthdate`). */
function patientCriteria(db: Db, params: Map<string, Criteria>): Fragment {
  const parts: Fragment[] = [];
  for (const ids of params.get("_id")?.id ?? []) parts.push(db`p.id = any(${ids})`);
  for (const names of params.get("name")?.string ?? []) {
    parts.push(
      anyOf(
        db,
        names.map((m) => textMatch(db, "p.name", (pattern) => matching(db, "p.id", pattern), m)),
      ),
    );
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
  page: SearchLimits,
): Promise<SearchPage<PatientWithPrimary>> {
  return s.run((db) => searchIn(db, s, params, page));
}

function searchIn(
  db: Db,
  s: Scope,
  params: Map<string, Criteria>,
  page: SearchLimits,
): Promise<SearchPage<PatientWithPrimary>> {
  const where = () => db`where ${s.visible("p.scope_key")} and ${patientCriteria(db, params)}`;
  return searchPage(
    db,
    {
      rows: (limit, { after, order }) =>
        db<PatientWithPrimary[]>`
      ${WITH_PRIMARY(db)} ${where()} and ${after()} ${order()}
      limit ${limit} offset ${page.offset}`,
      from: () => db`from patients p ${where()}`,
      id: "p.id",
      countKey: countKey(s, "fhir patients", [...params]),
    },
    page,
  );
}

/** Up to MATCHED_MAX ids of the caller's patients matching a FHIR search (for its audit). */
export async function matchedPatientIds(
  s: Scope,
  params: Map<string, Criteria>,
): Promise<number[]> {
  const rows = await s.run((db) =>
    db<{ id: number }[]>`
    select p.id from patients p
    where ${s.visible("p.scope_key")} and ${patientCriteria(db, params)}
    order by p.id limit ${MATCHED_MAX}`
  );
  return rows.map((r) => r.id);
}

/**
 * Removes a patient for good (admins): the record, its assignments and their versions, leaving
 * one tombstone version (`purge_patient`, migrations/010_history.sql) and the audit event, in
 * one statement. False when there is no such patient.
 */
export async function purgePatient(s: Scope, id: number): Promise<boolean> {
  const [row] = await s.run((db) =>
    db<{ id: number }[]>`
    with target as (
      select id, clinic_id from patients where id = ${id}
    ), purged as materialized (
      select target.id, target.clinic_id, purge_patient(target.id, ${s.caller.id}) as tombstone
      from target
    ), written as (
      select id, clinic_id from purged where tombstone is not null
    ), event as (${
      eventsOfRows(db, s.event(), "written", db`array[written.id]`, db`written.clinic_id`)
    })
    select id from written`
  );
  return row !== undefined;
}
