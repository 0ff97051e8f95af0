/**
 * Doctors' working weeks and their free slots (migrations/011_appointments.sql). Schedules
 * belong to the shared doctor directory: no patient data, read by every signed-in user.
 */
import type { Scope } from "./scope.ts";
import type { Criteria } from "../lib/fhir.ts";
import { allOf, type Fragment, type SearchLimits, type SearchPage, searchPage } from "./page.ts";
import { type Db, transaction } from "./client.ts";

/** One span of working hours on an ISO weekday (1 is Monday), as `HH:MM`. */
export interface Hours {
  weekday: number;
  start: string;
  end: string;
}

/** A doctor's schedule as stored. */
export interface Schedule {
  doctor: number;
  timezone: string;
  hours: Hours[];
  /** Days off (`YYYY-MM-DD`): no hours that day. */
  exceptions: { date: string; available: false }[];
  updated_at: Date;
  updated_by: number;
  version: number;
}

const SELECT = (db: Db) =>
  db`select s.doctor_id as doctor, s.timezone, s.updated_at, s.updated_by, s.version,
      coalesce((
        select json_agg(json_build_object('weekday', h.weekday,
          'start', to_char(h.start_time, 'HH24:MI'), 'end', to_char(h.end_time, 'HH24:MI'))
          order by h.weekday, h.start_time)
        from doctor_hours h where h.doctor_id = s.doctor_id), '[]') as hours,
      coalesce((
        select json_agg(json_build_object('date', to_char(o.day, 'YYYY-MM-DD'),
          'available', false) order by o.day)
        from doctor_days_off o where o.doctor_id = s.doctor_id), '[]') as exceptions
    from doctor_schedules s`;

/** A doctor's schedule, if it has one. */
export async function findSchedule(s: Scope, doctorId: number): Promise<Schedule | undefined> {
  const [row] = await s.read((db) => db<Schedule[]>`${SELECT(db)} where s.doctor_id = ${doctorId}`);
  return row;
}

/** The schedules of live doctors matching a FHIR Schedule search (`_id`, `actor`). */
function scheduleWhere(db: Db, params: Map<string, Criteria>): Fragment {
  const parts: Fragment[] = [
    db`exists (select 1 from doctors d where d.id = s.doctor_id and d.deleted_at is null)`,
  ];
  for (const ids of params.get("_id")?.id ?? []) parts.push(db`s.doctor_id = any(${ids})`);
  for (const ids of params.get("actor")?.reference ?? []) {
    parts.push(db`s.doctor_id = any(${ids})`);
  }
  return allOf(db, parts);
}

/** A page of the schedules matching a FHIR Schedule search, by doctor. */
export function searchSchedules(
  s: Scope,
  params: Map<string, Criteria>,
  p: SearchLimits,
): Promise<SearchPage<Schedule>> {
  return s.read((db) => {
    return searchPage(
      db,
      {
        rows: (limit, { after, order }) =>
          db<Schedule[]>`${SELECT(db)} where ${scheduleWhere(db, params)} and ${after()}
          ${order()} limit ${limit} offset ${p.offset}`,
        from: () => db`from doctor_schedules s where ${scheduleWhere(db, params)}`,
        id: "s.doctor_id",
      },
      p,
    );
  });
}

/** Why a schedule was not written: no such doctor, deleted, or not the caller's to change. */
export type ScheduleRefusal = "missing" | "deleted" | "forbidden";

/**
 * Replaces a live doctor's schedule in one transaction, when the caller created the doctor
 * or is an admin (the doctor is held against deletion meanwhile). Overlapping hours on one
 * weekday fail on `doctor_hours_overlap`; a zone PostgreSQL does not know on
 * `doctor_schedules_timezone_check`.
 */
export async function putSchedule(
  s: Scope,
  doctorId: number,
  schedule: { timezone: string; hours: Hours[]; days_off: string[] },
): Promise<Schedule | ScheduleRefusal> {
  const refused = await transaction(s.sql, async (tx) => {
    const [doctor] = await tx<{ created_by: number; deleted_at: Date | null }[]>`
      select created_by, deleted_at from doctors where id = ${doctorId} for share`;
    if (!doctor) return "missing";
    if (doctor.deleted_at) return "deleted";
    if (s.caller.role !== "admin" && doctor.created_by !== s.caller.id) return "forbidden";
    await tx`
      insert into doctor_schedules (doctor_id, timezone, updated_by)
      values (${doctorId}, ${schedule.timezone}, ${s.caller.id})
      on conflict (doctor_id) do update set timezone = excluded.timezone, updated_at = now(),
        updated_by = excluded.updated_by, version = doctor_schedules.version + 1`;
    await tx`delete from doctor_hours where doctor_id = ${doctorId}`;
    await tx`delete from doctor_days_off where doctor_id = ${doctorId}`;
    const h = schedule.hours;
    await tx`
      insert into doctor_hours (doctor_id, weekday, start_time, end_time)
      select ${doctorId}, weekday, start_time::time, end_time::time
      from unnest(${h.map((x) => x.weekday)}::int[], ${h.map((x) => x.start)}::text[],
        ${h.map((x) => x.end)}::text[]) as t(weekday, start_time, end_time)`;
    await tx`
      insert into doctor_days_off (doctor_id, day)
      select distinct ${doctorId}::int, day::date from unnest(${schedule.days_off}::text[]) as day`;
    return undefined;
  });
  return refused ?? (await findSchedule(s, doctorId))!;
}

/** A free slot. */
export interface Slot {
  start: Date;
  end: Date;
}

/** A doctor's free slots, and what the answer needs of the doctor. */
export interface Availability {
  deleted_at: Date | null;
  /** Null when the doctor has no schedule (then no slots). */
  timezone: string | null;
  slots: Slot[];
}

/**
 * The free slots of a doctor in `[from, to)`, in one statement (none while it takes no
 * patients: `is_available` false); undefined for no doctor.
 */
export async function freeSlots(
  s: Scope,
  doctorId: number,
  from: Date,
  to: Date,
  slotMinutes: number,
): Promise<Availability | undefined> {
  const [row] = await s.read((db) =>
    db<{ deleted_at: Date | null; timezone: string | null; starts: Date[]; ends: Date[] }[]>`
    select d.deleted_at, s.timezone, coalesce(f.starts, '{}') as starts,
      coalesce(f.ends, '{}') as ends
    from doctors d
    left join doctor_schedules s on s.doctor_id = d.id
    left join lateral (
      select array_agg(slot_start order by slot_start) as starts,
        array_agg(slot_end order by slot_start) as ends
      from doctor_free_slots(d.id, ${from}::timestamptz, ${to}::timestamptz,
        make_interval(mins => ${slotMinutes}::int))
    ) f on s.doctor_id is not null and d.deleted_at is null and d.is_available
    where d.id = ${doctorId}`
  );
  if (!row) return undefined;
  return {
    deleted_at: row.deleted_at,
    timezone: row.timezone,
    slots: row.starts.map((start, i) => ({ start, end: row.ends[i] })),
  };
}
