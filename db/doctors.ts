import {
  allOf,
  anyOf,
  countUpTo,
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
import { countKey, type Deleted, type Scope } from "./scope.ts";
import { type Found, setClause, versionedWrite } from "./versioned.ts";

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
  deleted_at: Date | null;
  deleted_by: number | null;
};

/** Orderings a doctor list accepts. */
export const DOCTOR_ORDERINGS = ["id", "name", "years_of_experience", "created_at"] as const;

/** Filters of a doctor list. */
export interface DoctorFilters {
  search?: string;
  specialization?: string;
  is_available?: boolean;
  city?: string;
  /** Deleted doctors too, those the caller created (all for an admin). */
  deleted?: Deleted;
}

/** Adds a doctor to the shared directory, with its audit event, in one statement. */
export async function insertDoctor(s: Scope, fields: DoctorFields) {
  const db = s.sql;
  const [row] = await db<DoctorRow[]>`
    with written as (
      insert into doctors
        ${db({ ...fields, created_by: s.caller.id }, ...DOCTOR_FIELDS, "created_by")}
      returning *
    ), event as (${eventsOfRows(db, s.event(), "written", db`'{}'::int[]`, db`null::int`)})
    select * from written`;
  return row;
}

/** A doctor by id, deleted or not (every signed-in user may read every doctor). */
export async function findDoctor(s: Scope, id: number) {
  const [row] = await s.read((db) => db<DoctorRow[]>`select * from doctors where id = ${id}`);
  return row as DoctorRow | undefined;
}

/** The doctors with these ids, by id. */
export async function doctorsByIds(s: Scope, ids: number[]): Promise<Map<number, DoctorRow>> {
  if (ids.length === 0) return new Map();
  const rows = await s.read((db) =>
    db<DoctorRow[]>`select * from doctors where id = any(${[...new Set(ids)]})`
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Sets `fields` on a live doctor and bumps its version, or marks it deleted (not while it has
 * live assignments on live patients: `doctor_has_assignments`), or restores it, with the audit
 * event, in one statement, if the user may change it and `versions` allow; undefined when
 * there is no such doctor.
 */
export function changeDoctor(
  s: Scope,
  id: number,
  fields: Partial<DoctorFields> | "delete" | "restore",
  versions: number[] | undefined,
): Promise<Found<DoctorRow> | undefined> {
  const db = s.sql;
  const user = s.caller;
  // Only its creator or an admin changes a doctor.
  const rules = user.role === "admin" ? [] : [db`current.created_by = ${user.id}`];
  if (fields === "delete") rules.push(db`not doctor_has_assignments(current.id)`);
  return versionedWrite<DoctorRow>(db, {
    table: "doctors",
    id,
    visible: db`true`,
    keep: ["created_by"],
    versions,
    rules,
    by: user.id,
    change: fields === "delete" || fields === "restore"
      ? fields
      : setClause(db, fields, DOCTOR_FIELDS.filter((f) => fields[f] !== undefined), "created_by"),
    event: s.event(),
    patientIds: db`'{}'::int[]`,
    clinicId: db`null::int`,
  });
}

/** How each ordering of the directory sorts, and how its cursor is read. */
export const DOCTOR_KEYS: Record<(typeof DOCTOR_ORDERINGS)[number], SortKey> = {
  id: { column: "id", kind: "int" },
  name: { column: "name", kind: "text" },
  years_of_experience: { column: "years_of_experience", kind: "int", nullable: true },
  created_at: { column: "created_at", kind: "timestamptz" },
};

/** One page of the directory and how many doctors match in all. */
export function listDoctors(
  s: Scope,
  f: DoctorFilters,
  p: Page<(typeof DOCTOR_ORDERINGS)[number]>,
): Promise<Listed<DoctorRow>> {
  return s.read(async (db) => {
    const owned = s.caller.role === "admin" ? db`true` : db`created_by = ${s.caller.id}`;
    const where = () =>
      db`${s.live("", f.deleted, owned)}
    ${f.specialization ? db`and specialization = ${f.specialization}` : db``}
    ${f.is_available === undefined ? db`` : db`and is_available = ${f.is_available}`}
    ${f.city ? db`and lower(city) = ${f.city.toLowerCase()}` : db``}
    ${
        f.search
          ? db`and (lower(name) || ' ' || coalesce(lower(hospital_name), '') || ' ' || specialization)
          like ${f.search}`
          : db``
      }`;
    const key = DOCTOR_KEYS[p.ordering.field];
    const { after, order, back } = seek(db, p, key);
    const [read, counted] = await Promise.all([
      db<Sorted<DoctorRow>[]>`
      select *, ${keyValue(db, key)} as sort_key from doctors where ${where()} and ${after()}
      ${order()} limit ${p.limit + 1} offset ${p.offset}`,
      countUpTo(
        db,
        () => db`from doctors where ${where()}`,
        p.countUpTo,
        countKey(s, "doctors", f),
      ),
    ]);
    return { ...counted, ...pageOf(read, p, back) };
  });
}

/**
 * The SQL of a FHIR Practitioner or PractitionerRole search (`_id`, `name`, `specialty`,
 * `practitioner`, `active`). `specialty` tokens name our specialization codes in `system`.
 */
function doctorCriteria(db: Db, params: Map<string, Criteria>, system: string): Fragment {
  const indexed = db`(lower(name) || ' ' || coalesce(lower(hospital_name), '') || ' ' ||
    specialization)`;
  const parts: Fragment[] = [];
  for (const ids of params.get("_id")?.id ?? []) parts.push(db`id = any(${ids})`);
  for (const ids of params.get("practitioner")?.reference ?? []) parts.push(db`id = any(${ids})`);
  for (const names of params.get("name")?.string ?? []) {
    parts.push(
      anyOf(
        db,
        names.map((m) => textMatch(db, "name", (pattern) => db`${indexed} like ${pattern}`, m)),
      ),
    );
  }
  for (const tokens of params.get("specialty")?.token ?? []) {
    const codes = tokens.filter((t) => t.system === undefined || t.system === system)
      .map((t) => t.code);
    parts.push(db`specialization = any(${codes})`);
  }
  for (const tokens of params.get("active")?.token ?? []) {
    const codes = new Set(tokens.map((t) => t.code));
    const either = codes.has("true") && codes.has("false");
    parts.push(
      either
        ? db`true`
        : codes.has("true") || codes.has("false")
        ? db`is_available = ${codes.has("true")}`
        : db`false`,
    );
  }
  return allOf(db, parts);
}

/** A page of the directory matching a FHIR search, by id. */
export function searchDoctors(
  s: Scope,
  params: Map<string, Criteria>,
  specialtySystem: string,
  page: SearchLimits,
): Promise<SearchPage<DoctorRow>> {
  return s.read((db) => {
    const where = () => db`where ${s.live("")} and ${doctorCriteria(db, params, specialtySystem)}`;
    return searchPage(
      db,
      {
        rows: (limit, { after, order }) =>
          db<DoctorRow[]>`
      select * from doctors ${where()} and ${after()} ${order()}
      limit ${limit} offset ${page.offset}`,
        from: () => db`from doctors ${where()}`,
        id: "id",
      },
      page,
    );
  });
}
