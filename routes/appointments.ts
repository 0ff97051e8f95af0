import { type Context, Hono } from "hono";
import { z } from "zod";
import { findPatient } from "../db/patients.ts";
import {
  APPOINTMENT_ORDERINGS,
  APPOINTMENT_STATUSES,
  type AppointmentFields,
  type AppointmentPage,
  type AppointmentRow,
  changeAppointment,
  findAppointment,
  insertAppointment,
  listAppointments,
  listAppointmentsOfPatient,
} from "../db/appointments.ts";
import { findVersion, listVersions } from "../db/history.ts";
import {
  boolParam,
  idParam,
  instant,
  int,
  optionalText,
  pageQuery,
  str,
  zonedInstant,
} from "../lib/fields.ts";
import {
  type Answer,
  checkIfMatch,
  clinicOfAll,
  conditionalRead,
  envelope,
  ifMatch,
  link,
  listOf,
  page,
  pathId,
  setEtag,
  timestamp,
} from "./http.ts";
import { checkState, gone, historyQuery, versionJson, versionSchema } from "./history.ts";
import { describe, named, shownAs } from "../lib/route_marks.ts";
import { audit, noteAudit } from "../middleware/audit.ts";
import type { Need, Scope } from "../db/scope.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import { replicaReads } from "../middleware/replica.ts";
import { ApiError, type FieldError, invalid } from "../lib/errors.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";

const id = int(1, 2_147_483_647);
const status = shownAs(
  str().pipe(z.enum(APPOINTMENT_STATUSES, {
    error: `must be one of ${APPOINTMENT_STATUSES.join(", ")}`,
  })),
  { type: "string", enum: APPOINTMENT_STATUSES },
);
const duration = int(5, 480);

/** How far from now an appointment may start. */
const YEARS_AWAY = 10;
/** Longest appointment (also a constraint of the table). */
const LONGEST_MS = 24 * 3600_000;

/** A field that passed its own check (a refinement sees the others too): a Date, or nothing. */
function valid(v: unknown): Date | undefined {
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v : undefined;
}

/** The field errors of an appointment's times, as far as the body tells them. */
function timeErrors(sentStart?: unknown, sentEnd?: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const [start, end] = [valid(sentStart), valid(sentEnd)];
  if (start) {
    const years = Math.abs(start.getTime() - Date.now()) / (365.25 * 86_400_000);
    if (years > YEARS_AWAY) {
      errors.push({ field: "start", message: `must be within ${YEARS_AWAY} years of now` });
    }
  }
  if (!start || !end) return errors;
  if (end <= start) errors.push({ field: "end", message: "must be after start" });
  if (end.getTime() - start.getTime() > LONGEST_MS) {
    errors.push({ field: "end", message: "must be at most 24 hours after start" });
  }
  return errors;
}

/** Body of `POST /api/appointments/`. */
export const appointmentBody = named(
  "AppointmentInput",
  z.object({
    patient: id.optional(),
    patient_id: id.optional(),
    doctor: id.optional(),
    doctor_id: id.optional(),
    start: zonedInstant.optional(),
    end: zonedInstant.optional(),
    duration_minutes: duration.optional(),
    status: status.optional(),
    reason: optionalText(2000),
    notes: optionalText(2000),
  }).superRefine((b, ctx) => {
    for (const f of ["patient", "doctor"] as const) {
      const alias = `${f}_id` as const;
      if (b[f] === undefined && b[alias] === undefined) {
        ctx.addIssue({ code: "custom", path: [f], message: "is required" });
      }
      if (b[f] !== undefined && b[alias] !== undefined && b[f] !== b[alias]) {
        ctx.addIssue({ code: "custom", path: [alias], message: `differs from ${f}; send one` });
      }
    }
    if (b.start === undefined) {
      ctx.addIssue({ code: "custom", path: ["start"], message: "is required" });
    }
    if (b.end === undefined && b.duration_minutes === undefined) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "is required (or duration_minutes)" });
    }
    if (b.end !== undefined && b.duration_minutes !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["duration_minutes"],
        message: "send end or duration_minutes, not both",
      });
    }
    const start = valid(b.start);
    const end = b.end ??
      (start && typeof b.duration_minutes === "number"
        ? new Date(start.getTime() + b.duration_minutes * 60_000)
        : undefined);
    for (const e of timeErrors(b.start, end)) {
      ctx.addIssue({ code: "custom", path: [e.field], message: e.message });
    }
  }).transform((b) => ({
    patient: (b.patient ?? b.patient_id)!,
    doctor: (b.doctor ?? b.doctor_id)!,
    start: b.start!,
    end: b.end ?? new Date(b.start!.getTime() + b.duration_minutes! * 60_000),
    status: b.status ?? "booked",
    reason: b.reason ?? null,
    notes: b.notes ?? null,
  })).meta({
    description: "`end` may be replaced by `duration_minutes`. A time the doctor is already " +
      "booked for answers 409 on `start`.",
    examples: [{
      patient: 1,
      doctor: 1,
      start: "2026-05-04T09:00:00Z",
      duration_minutes: 30,
      reason: "Annual review",
    }],
  }),
);

/** Body of `PATCH /api/appointments/<id>/`: a new start alone keeps the length. */
export const appointmentPatch = named(
  "AppointmentPatch",
  z.object({
    start: zonedInstant.optional(),
    end: zonedInstant.optional(),
    duration_minutes: duration.optional(),
    status: status.optional(),
    reason: optionalText(2000),
    notes: optionalText(2000),
  }).superRefine((b, ctx) => {
    if (b.end !== undefined && b.duration_minutes !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["duration_minutes"],
        message: "send end or duration_minutes, not both",
      });
    }
    for (const e of timeErrors(b.start, b.end)) {
      ctx.addIssue({ code: "custom", path: [e.field], message: e.message });
    }
  }).meta({ examples: [{ status: "arrived" }] }),
);

/** Paging of every appointment list. */
export const appointmentPageQuery = z.object({
  ...pageQuery(APPOINTMENT_ORDERINGS),
  status: status.optional(),
  from: instant.optional(),
  to: instant.optional(),
});

/** Query of `GET /api/appointments/`. */
export const appointmentListQuery = z.object({
  ...appointmentPageQuery.shape,
  patient_id: idParam.optional(),
  doctor_id: idParam.optional(),
  clinic_id: idParam.optional(),
  include_deleted: boolParam.optional(),
});

/** An appointment as answered. */
export const appointmentSchema = named(
  "Appointment",
  z.strictObject({
    id: z.number().int(),
    patient: z.number().int(),
    doctor: z.number().int(),
    start: timestamp,
    end: timestamp,
    status: z.enum(APPOINTMENT_STATUSES),
    reason: z.string().nullable(),
    notes: z.string().nullable(),
    redacted_fields: z.array(z.literal("notes")).optional().meta({
      description: "`notes` is answered as null to a front_desk member",
    }),
    created_by: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
    deleted_at: timestamp.nullable(),
    deleted_by: z.number().int().nullable(),
  }),
);

/** A version of an appointment. */
export const appointmentVersionSchema = versionSchema("AppointmentVersion", appointmentSchema);

/** An appointment as answered to the caller (`notes` redacted for a front_desk member). */
export function appointmentJson(
  r: AppointmentRow,
  s: Scope,
  clinicId: number | null,
): Answer<typeof appointmentSchema> {
  const answer: Answer<typeof appointmentSchema> = {
    id: r.id,
    patient: r.patient_id,
    doctor: r.doctor_id,
    start: r.start_at,
    end: r.end_at,
    status: r.status,
    reason: r.reason,
    notes: r.notes,
    created_by: r.created_by,
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
    deleted_at: r.deleted_at,
    deleted_by: r.deleted_by,
  };
  if (!s.redacts(clinicId)) return answer;
  answer.notes = null;
  answer.redacted_fields = ["notes"];
  return answer;
}

function listJson(c: Context<AppEnv>, list: AppointmentPage) {
  const s = c.var.db;
  return envelope(
    c,
    list.page,
    list.count,
    list.rows.map((r) => appointmentJson(r, s, r.clinic_id)),
  );
}

/** Paging with the default ordering of appointments: by start. */
function appointmentPage(c: Context<AppEnv>, q: z.output<typeof appointmentPageQuery>) {
  return page(c, { ...q, ordering: q.ordering ?? { field: "start" as const, desc: false } });
}

/**
 * A page of a patient's live appointments (404 unless the caller may see the patient, 410 when
 * it was deleted), its audit event naming the patient.
 */
export async function patientAppointmentsPage(
  c: Context<AppEnv>,
  patientId: number,
  q: z.output<typeof appointmentPageQuery>,
) {
  noteAudit(c, {
    action: "list",
    resourceType: "appointment",
    resourceId: null,
    patientIds: [patientId],
  });
  const list = await listAppointmentsOfPatient(c.var.db, patientId, q, appointmentPage(c, q));
  if (!list) throw new ApiError(404, "No patient with this id");
  if (list === "deleted") throw gone("patient");
  noteAudit(c, { clinicId: list.clinicId });
  return listJson(c, list);
}

const NOT_FOUND = "No appointment with this id";
const FRONT_DESK = "A front_desk member may not read or write an appointment's notes";

/** 403 for a write the caller's role may not make on a record it can read. */
function readOnly(clinical: boolean, s: Scope, clinicId: number | null, by: number): ApiError {
  if (clinical && s.may(clinicId, by, "write")) return new ApiError(403, FRONT_DESK);
  return new ApiError(403, "A viewer may not change the clinic's appointments");
}

/**
 * A change, deletion or restore under `If-Match`: the row written, or why not (404, 403, 410
 * when it or its patient was deleted, 409 when a restore finds it live, 412).
 */
async function write(
  c: Context<AppEnv>,
  change: AppointmentFields | "delete" | "restore",
): Promise<{ row: AppointmentRow; clinicId: number | null }> {
  const s = c.var.db;
  const appointmentId = pathId(c.req.param("id")!);
  const versions = ifMatch(c);
  const need: Need = typeof change === "object" && change.notes !== undefined
    ? "clinical"
    : "write";
  const found = await changeAppointment(s, appointmentId, change, versions, need).catch(
    async (err) => {
      // Refused by the database (an overlap, a status move): the event still names the patient.
      const current = await findAppointment(s, appointmentId);
      if (current) noteAudit(c, { patientIds: [current.patient_id], clinicId: current.clinic_id });
      throw err;
    },
  );
  if (found?.written) {
    // The statement wrote the event. The clinic matters only to a caller whose answers some
    // clinic redacts: the others are not read again.
    const redacting = [...s.clinics.values()].includes("front_desk");
    const clinicId = redacting ? (await findAppointment(s, appointmentId))?.clinic_id : null;
    return { row: found.written, clinicId: clinicId ?? null };
  }
  const current = await findAppointment(s, appointmentId);
  if (!current) throw new ApiError(404, NOT_FOUND);
  noteAudit(c, { patientIds: [current.patient_id], clinicId: current.clinic_id });
  if (!found) {
    if (current.patient_deleted_at) throw gone("patient");
    throw readOnly(need === "clinical", s, current.clinic_id, current.created_by);
  }
  checkState("appointment", change === "restore", found.current.deleted_at !== null);
  checkIfMatch(versions, found.version);
  throw new Error("an appointment change was refused for no known reason");
}

/**
 * Before a history read: 404 unless the caller may see the appointment, deleted or not; the
 * patient and clinic go in the audit event. Returns its clinic (for redaction).
 */
async function checkHistory(c: Context<AppEnv>, appointmentId: number) {
  const row = await findAppointment(c.var.db, appointmentId);
  if (!row) throw new ApiError(404, NOT_FOUND);
  noteAudit(c, { action: "read", patientIds: [row.patient_id], clinicId: row.clinic_id });
  return row.clinic_id;
}

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) =>
  describe({ tag: "Appointments", ...d });
const ONE = { status: 200, schema: appointmentSchema };
const CHANGE = { errors: [403, 404, 409, 410, 412], ifMatch: true, etag: true };

/** Appointments of the patients the caller may see; a doctor is never booked twice at once. */
export const appointments = new Hono<AppEnv>()
  .use(audit("appointment"))
  .use(requireAuth)
  .post(
    "/",
    doc({
      operationId: "createAppointment",
      summary: "Book an appointment (409 on start when the doctor is booked then)",
      ok: { ...ONE, status: 201 },
      errors: [403, 409],
      etag: true,
    }),
    validate("json", appointmentBody),
    async (c) => {
      const a = c.req.valid("json");
      const s = c.var.db;
      noteAudit(c, { patientIds: [a.patient] });
      const need: Need = a.notes === null ? "write" : "clinical";
      const booked = await insertAppointment(s, a, need);
      if (!booked.patient) {
        const patient = await findPatient(s, a.patient);
        if (patient && !patient.deleted_at) {
          noteAudit(c, { clinicId: patient.clinic_id });
          throw readOnly(need === "clinical", s, patient.clinic_id, patient.created_by);
        }
      }
      if (booked.patient && booked.doctor === "unavailable") {
        throw new ApiError(409, "This doctor is not taking appointments", [
          { field: "doctor", message: "is not available (is_available is false)" },
        ]);
      }
      if (!booked.row) {
        throw invalid([
          ...(booked.patient ? [] : [{ field: "patient", message: "no such patient" }]),
          ...(booked.doctor === "missing" ? [{ field: "doctor", message: "no such doctor" }] : []),
        ]);
      }
      setEtag(c, booked.row.version);
      c.header("Location", link(c, `/api/appointments/${booked.row.id}/`));
      return c.json(appointmentJson(booked.row, s, booked.row.clinic_id), 201);
    },
  )
  .get(
    "/",
    doc({
      operationId: "listAppointments",
      summary: "Appointments of your patients, by start",
      ok: { status: 200, schema: listOf(appointmentSchema) },
      errors: [429],
    }),
    validate("query", appointmentListQuery),
    searchGate,
    replicaReads,
    async (c) => {
      const q = c.req.valid("query");
      const list = await listAppointments(
        c.var.db,
        { ...q, deleted: q.include_deleted ? "managed" : "live" },
        appointmentPage(c, q),
      );
      const named = q.patient_id === undefined ? [] : [q.patient_id];
      noteAudit(c, {
        patientIds: [...new Set([...named, ...list.rows.map((r) => r.patient_id)])],
        clinicId: q.clinic_id ?? clinicOfAll(list.rows),
      });
      return c.json(listJson(c, list));
    },
  )
  .get(
    "/:id",
    doc({
      operationId: "getAppointment",
      summary: "One appointment (304 when If-None-Match names the current ETag)",
      ok: ONE,
      errors: [404, 410],
      etag: true,
      ifNoneMatch: true,
    }),
    async (c) => {
      const row = await findAppointment(c.var.db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, NOT_FOUND);
      noteAudit(c, { patientIds: [row.patient_id], clinicId: row.clinic_id });
      if (row.patient_deleted_at) throw gone("patient");
      if (row.deleted_at) throw gone("appointment");
      const body = appointmentJson(row, c.var.db, row.clinic_id);
      return conditionalRead(c, `"${row.version}"`, body);
    },
  )
  .patch(
    "/:id",
    doc({
      operationId: "updateAppointment",
      summary: "Move it, change its status (booked → arrived → fulfilled; cancelled, noshow) " +
        "or its text",
      ok: ONE,
      ...CHANGE,
    }),
    validate("json", appointmentPatch),
    async (c) => {
      const { row, clinicId } = await write(c, c.req.valid("json"));
      setEtag(c, row.version);
      return c.json(appointmentJson(row, c.var.db, clinicId));
    },
  )
  .delete(
    "/:id",
    doc({
      operationId: "deleteAppointment",
      summary: "Delete one entered in error (restorable); its time is free again",
      ok: { status: 204 },
      errors: [403, 404, 410, 412],
      ifMatch: true,
    }),
    async (c) => {
      await write(c, "delete");
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/restore",
    doc({
      operationId: "restoreAppointment",
      summary: "Restore a deleted appointment (409 on start when its time was booked since)",
      ok: ONE,
      errors: [403, 404, 409, 412],
      ifMatch: true,
      etag: true,
    }),
    async (c) => {
      noteAudit(c, { action: "restore" });
      const { row, clinicId } = await write(c, "restore");
      setEtag(c, row.version);
      return c.json(appointmentJson(row, c.var.db, clinicId));
    },
  )
  .get(
    "/:id/history",
    doc({
      operationId: "listAppointmentVersions",
      summary: "The appointment's versions, newest first",
      ok: { status: 200, schema: listOf(appointmentVersionSchema) },
      errors: [404],
    }),
    validate("query", historyQuery),
    replicaReads,
    async (c) => {
      const s = c.var.db;
      const appointmentId = pathId(c.req.param("id"));
      const clinicId = await checkHistory(c, appointmentId);
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listVersions<AppointmentRow>(
        s,
        "appointment",
        appointmentId,
        p,
      );
      const json = (r: AppointmentRow) => appointmentJson(r, s, clinicId);
      return c.json(envelope(c, p, count, rows.map((v) => versionJson(v, json))));
    },
  )
  .get(
    "/:id/history/:version",
    doc({
      operationId: "getAppointmentVersion",
      summary: "One version of the appointment",
      ok: { status: 200, schema: appointmentVersionSchema },
      errors: [404],
    }),
    async (c) => {
      const s = c.var.db;
      const appointmentId = pathId(c.req.param("id"));
      const number = pathId(c.req.param("version"));
      const clinicId = await checkHistory(c, appointmentId);
      const version = await findVersion<AppointmentRow>(s, "appointment", appointmentId, number);
      if (!version) throw new ApiError(404, "No such version of this appointment");
      return c.json(versionJson(version, (r) => appointmentJson(r, s, clinicId)));
    },
  );
