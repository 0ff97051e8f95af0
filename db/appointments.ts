/**
 * Appointments (migrations/011_appointments.sql): a patient's time with a doctor. They follow
 * their patient's visibility; the database refuses a doctor's double booking (an exclusion
 * constraint) and a status move that is not allowed (a trigger), so each write is one
 * statement that either holds or fails as a whole.
 */
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
import type { Db } from "./client.ts";
import type { Criteria } from "../lib/fhir.ts";
import { eventsOfRows } from "./audit.ts";
import type { Deleted, Need, Scope } from "./scope.ts";
import { type Found, versionedWrite } from "./versioned.ts";
import { MATCHED_MAX } from "./patients.ts";

/** An appointment's status. */
export const APPOINTMENT_STATUSES = [
  "booked",
  "arrived",
  "fulfilled",
  "cancelled",
  "noshow",
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** A stored appointment. */
export interface AppointmentRow {
  id: number;
  patient_id: number;
  doctor_id: number;
  start_at: Date;
  end_at: Date;
  status: AppointmentStatus;
  reason: string | null;
  notes: string | null;
  created_by: number;
  created_at: Date;
  updated_at: Date;
  version: number;
  deleted_at: Date | null;
  deleted_by: number | null;
}

/** An appointment read with its patient's clinic and deletion. */
export type AppointmentWithPatient = AppointmentRow & {
  clinic_id: number | null;
  patient_deleted_at: Date | null;
};

/** Orderings an appointment list accepts, and the column of each. */
export const APPOINTMENT_ORDERINGS = ["start", "created_at"] as const;
const ORDER_COLUMNS = { start: "a.start_at", created_at: "a.created_at" } as const;

/** Filters of an appointment list. */
export interface AppointmentFilters {
  patient_id?: number;
  doctor_id?: number;
  clinic_id?: number;
  status?: AppointmentStatus;
  /** Appointments overlapping `[from, to)`. */
  from?: Date;
  to?: Date;
  deleted?: Deleted;
}

/** A page of appointments and how many match in all. */
export interface AppointmentPage {
  count: number;
  rows: AppointmentWithPatient[];
  page: Page;
}

const SELECT = (db: Db) =>
  db`select a.*, p.clinic_id, p.deleted_at as patient_deleted_at
    from appointments a join patients p on p.id = a.patient_id`;

async function page(
  db: Db,
  where: () => Fragment,
  p: Page<(typeof APPOINTMENT_ORDERINGS)[number]>,
): Promise<AppointmentPage> {
  const dir = p.ordering.desc ? db`desc` : db`asc`;
  const [rows, [{ count }]] = await Promise.all([
    db<AppointmentWithPatient[]>`
      ${SELECT(db)} where ${where()}
      order by ${db(ORDER_COLUMNS[p.ordering.field])} ${dir}, a.id ${dir}
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`
      select count(*)::int as count
      from appointments a join patients p on p.id = a.patient_id where ${where()}`,
  ]);
  return { count, rows, page: p };
}

function filtered(db: Db, s: Scope, f: AppointmentFilters): Fragment {
  return db`${s.visible("p.scope_key", "read", f.deleted)}
    and ${s.live("a", f.deleted, s.manages("p.scope_key"))}
    ${f.clinic_id ? db`and p.clinic_id = ${f.clinic_id}` : db``}
    ${f.patient_id ? db`and a.patient_id = ${f.patient_id}` : db``}
    ${f.doctor_id ? db`and a.doctor_id = ${f.doctor_id}` : db``}
    ${f.status ? db`and a.status = ${f.status}` : db``}
    ${f.to ? db`and a.start_at < ${f.to}` : db``}
    ${f.from ? db`and a.end_at > ${f.from}` : db``}`;
}

/** The appointments of the patients the caller may see (every one for an admin). */
export function listAppointments(
  s: Scope,
  f: AppointmentFilters,
  p: Page<(typeof APPOINTMENT_ORDERINGS)[number]>,
): Promise<AppointmentPage> {
  return s.run((db) => page(db, () => filtered(db, s, f), p));
}

/**
 * A live patient's live appointments and its clinic; undefined when the caller may not see the
 * patient, `deleted` when it was deleted.
 */
export function listAppointmentsOfPatient(
  s: Scope,
  patientId: number,
  f: AppointmentFilters,
  p: Page<(typeof APPOINTMENT_ORDERINGS)[number]>,
): Promise<(AppointmentPage & { clinicId: number | null }) | "deleted" | undefined> {
  return s.run(async (db) => {
    const [patient] = await db<{ clinic_id: number | null; deleted_at: Date | null }[]>`
      select clinic_id, deleted_at from patients
      where id = ${patientId} and ${s.visible("scope_key", "read", "all")}`;
    if (!patient) return undefined;
    if (patient.deleted_at) return "deleted";
    const listed = await page(
      db,
      () => filtered(db, s, { ...f, patient_id: patientId, deleted: "live" }),
      p,
    );
    return { ...listed, clinicId: patient.clinic_id };
  });
}

/** One appointment, if the caller may see its patient (deleted or not: see `deleted_at`). */
export function findAppointment(s: Scope, id: number) {
  return s.run(async (db) => {
    const [row] = await db<AppointmentWithPatient[]>`
      ${SELECT(db)} where a.id = ${id} and ${s.visible("p.scope_key", "read", "all")}`;
    return row as AppointmentWithPatient | undefined;
  });
}

/** A new appointment. */
export interface NewAppointment {
  patient: number;
  doctor: number;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  reason: string | null;
  notes: string | null;
}

/** What a booking found: the patient (writable), the doctor (and whether it takes patients). */
export interface Booking {
  patient: boolean;
  doctor: "missing" | "unavailable" | "ok";
  row?: AppointmentWithPatient;
}

/**
 * Books an appointment with its audit event in one statement, when the caller may `need` the
 * patient and the doctor is live and available; the doctor is held against deletion. An
 * overlap with the doctor's other bookings fails on `appointments_doctor_overlap`.
 */
export async function insertAppointment(
  s: Scope,
  a: NewAppointment,
  need: Need,
): Promise<Booking> {
  const event = s.event();
  const [hit] = await s.run((db) =>
    db<Record<string, unknown>[]>`
    with patient as (
      select id, clinic_id from patients
      where id = ${a.patient} and ${s.visible("scope_key", need)}
    ), doctor as (
      select id, is_available from doctors
      where id = ${a.doctor} and deleted_at is null for share
    ), written as (
      insert into appointments (patient_id, doctor_id, start_at, end_at, status, reason, notes,
        created_by)
      select patient.id, doctor.id, ${a.start}::timestamptz, ${a.end}::timestamptz,
        ${a.status}::text, ${a.reason}::text, ${a.notes}::text, ${s.caller.id}::int
      from patient, doctor where doctor.is_available
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
    select exists (select 1 from patient) as patient_ok,
      (select is_available from doctor) as doctor_available,
      (select clinic_id from patient) as clinic_id, null::timestamptz as patient_deleted_at,
      written.*
    from (select) as one left join written on true`
  );
  const { patient_ok, doctor_available, ...row } = hit;
  return {
    patient: patient_ok as boolean,
    doctor: doctor_available === null ? "missing" : doctor_available ? "ok" : "unavailable",
    row: row.id === null ? undefined : row as unknown as AppointmentWithPatient,
  };
}

/** A change to an appointment's times, status or text. */
export interface AppointmentFields {
  start?: Date;
  end?: Date;
  duration_minutes?: number;
  status?: AppointmentStatus;
  reason?: string | null;
  notes?: string | null;
}

/**
 * The `set` clause of a change (on the table as `t`): a new start without a new end or
 * duration keeps the appointment's length.
 */
function changeSet(db: Db, f: AppointmentFields): Fragment {
  const parts: Fragment[] = [];
  const start = f.start === undefined ? db`t.start_at` : db`${f.start}::timestamptz`;
  if (f.start !== undefined) parts.push(db`start_at = ${start}`);
  if (f.end !== undefined) parts.push(db`end_at = ${f.end}::timestamptz`);
  else if (f.duration_minutes !== undefined) {
    parts.push(db`end_at = ${start} + make_interval(mins => ${f.duration_minutes}::int)`);
  } else if (f.start !== undefined) parts.push(db`end_at = ${start} + (t.end_at - t.start_at)`);
  if (f.status !== undefined) parts.push(db`status = ${f.status}`);
  if (f.reason !== undefined) parts.push(db`reason = ${f.reason}`);
  if (f.notes !== undefined) parts.push(db`notes = ${f.notes}`);
  if (parts.length === 0) parts.push(db`status = t.status`);
  return db`set ${parts.flatMap((part, i) => i === 0 ? [part] : [db`,`, part])}`;
}

/**
 * Changes a live appointment of a live patient the caller may `need`, marks it deleted or
 * restores it, with the audit event, in one statement, when `versions` (`If-Match`) allow;
 * undefined when there is no such appointment the caller may write.
 */
export function changeAppointment(
  s: Scope,
  id: number,
  change: AppointmentFields | "delete" | "restore",
  versions: number[] | undefined,
  need: Need,
): Promise<Found<AppointmentRow> | undefined> {
  return s.run((db) =>
    versionedWrite<AppointmentRow>(db, {
      table: "appointments",
      id,
      visible: db`patient_id in (select id from patients where ${s.visible("scope_key", need)})`,
      keep: [],
      versions,
      rules: [],
      by: s.caller.id,
      change: typeof change === "string" ? change : changeSet(db, change),
      event: s.event(),
      patientIds: db`array[written.patient_id]`,
      clinicId: db`(select clinic_id from patients where id = written.patient_id)`,
    })
  );
}

/** The FHIR search statuses of ours (FHIR calls `fulfilled` and `noshow` the same). */
function appointmentWhere(db: Db, s: Scope, params: Map<string, Criteria>): Fragment {
  const parts: Fragment[] = [s.visible("p.scope_key"), s.live("a")];
  for (const ids of params.get("_id")?.id ?? []) parts.push(db`a.id = any(${ids})`);
  for (const ids of params.get("patient")?.reference ?? []) {
    parts.push(db`a.patient_id = any(${ids})`);
  }
  for (const ids of params.get("practitioner")?.reference ?? []) {
    parts.push(db`a.doctor_id = any(${ids})`);
  }
  for (const codes of params.get("status")?.token ?? []) {
    parts.push(db`a.status = any(${codes.map((t) => t.code)})`);
  }
  for (const dates of params.get("date")?.date ?? []) {
    parts.push(anyOf(db, dates.map((m) => instantMatchSql(db, "a.start_at", m))));
  }
  return allOf(db, parts);
}

/** A page of the appointments matching a FHIR Appointment search, by start. */
export function searchAppointments(
  s: Scope,
  params: Map<string, Criteria>,
  p: SearchLimits,
): Promise<SearchPage<AppointmentWithPatient>> {
  return s.run((db) =>
    searchPage(
      db,
      {
        rows: (limit) =>
          db<AppointmentWithPatient[]>`
            ${SELECT(db)} where ${appointmentWhere(db, s, params)}
            order by a.start_at, a.id limit ${limit} offset ${p.offset}`,
        from: () =>
          db`from appointments a join patients p on p.id = a.patient_id
            where ${appointmentWhere(db, s, params)}`,
      },
      p,
    )
  );
}

/** Up to MATCHED_MAX patient ids of the appointments a FHIR search matches (for its audit). */
export async function matchedAppointmentPatients(
  s: Scope,
  params: Map<string, Criteria>,
): Promise<number[]> {
  const rows = await s.run((db) =>
    db<{ id: number }[]>`
      select distinct a.patient_id as id
      from appointments a join patients p on p.id = a.patient_id
      where ${appointmentWhere(db, s, params)}
      order by 1 limit ${MATCHED_MAX}`
  );
  return rows.map((r) => r.id);
}
