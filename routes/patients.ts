import { type Context, Hono } from "hono";
import { z } from "zod";
import { listEvents } from "../db/audit_log.ts";
import {
  changePatient,
  findPatient,
  insertPatient,
  listPatients,
  PATIENT_FIELDS,
  PATIENT_KEYS,
  PATIENT_ORDERINGS,
  type PatientChange,
  type PatientFields,
  type PatientRow,
  purgePatient,
} from "../db/patients.ts";
import { findVersion, listVersions } from "../db/history.ts";
import { checkState, gone, historyQuery, versionJson, versionSchema } from "./history.ts";
import {
  ageOn,
  boolParam,
  cursorPageQuery,
  idParam,
  int,
  optionalEmail,
  optionalPhone,
  optionalText,
  orNull,
  pastDate,
  queryText,
  str,
  text,
  today,
} from "../lib/fields.ts";
import { likePattern } from "../db/page.ts";
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
import { describe, named, shownAs } from "../lib/route_marks.ts";
import { audit, noteAudit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import { replicaReads } from "../middleware/replica.ts";
import { ApiError, invalid } from "../lib/errors.ts";
import { bodyAliases, nameFromParts, validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import { CLINICAL_FIELDS, type Need, type Scope } from "../db/scope.ts";
import { accessLogQuery, auditEventJson, auditEventSchema, eventPage } from "./audit.ts";
import { objectsOfPatient, removeObjects } from "../db/document_store.ts";
import {
  documentPageQuery,
  listDoc,
  patientDocumentsPage,
  uploadDoc,
  uploadDocument,
} from "./documents.ts";
import { mappingPageQuery, mappingSchema, patientMappingsPage } from "./mappings.ts";
import {
  appointmentPageQuery,
  appointmentSchema,
  patientAppointmentsPage,
} from "./appointments.ts";

/** Accepted spellings of each gender code (any letter case). */
const GENDERS: Record<string, string> = {
  male: "male",
  m: "male",
  female: "female",
  f: "female",
  other: "other",
  o: "other",
  unknown: "unknown",
  u: "unknown",
  n: "unknown",
};

const BLOOD_GROUPS = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"] as const;

const gender = shownAs(
  str().transform((v) => GENDERS[v.trim().toLowerCase()]).refine(
    (v) => v !== undefined,
    "must be one of male, female, other, unknown (or M, F, O, U, N)",
  ),
  {
    type: "string",
    enum: ["male", "female", "other", "unknown"],
    description: "Also accepted: M, F, O, U, N, in any letter case",
  },
);
const bloodGroupCode = shownAs(
  str().transform((v) => v.trim().toUpperCase()).pipe(
    z.enum(BLOOD_GROUPS, { error: `must be one of ${BLOOD_GROUPS.join(" ")}` }),
  ),
  { type: "string", enum: BLOOD_GROUPS },
);
const bloodGroup = orNull(bloodGroupCode);

/** Every writable patient field; all optional so PATCH can send any subset. */
const patientShape = {
  name: text(1, 200),
  date_of_birth: z.union([z.null(), pastDate()], { error: "must be a date or null" }).optional(),
  age: orNull(int(0, 150)),
  gender: gender.optional(),
  email: optionalEmail(),
  phone: optionalPhone(),
  emergency_contact_name: optionalText(255),
  emergency_contact_phone: optionalPhone(),
  blood_group: bloodGroup,
  address: optionalText(255),
  city: optionalText(255),
  state: optionalText(255),
  country: optionalText(255),
  allergies: optionalText(10_000),
  medical_history: optionalText(10_000),
  current_medications: optionalText(10_000),
  clinic: orNull(int(1, 2_147_483_647)),
};

/** `clinic_id` is read as `clinic`; both, differing, are refused. */
function clinicAlias(body: Record<string, unknown>): void {
  if (body.clinic_id === undefined) return;
  if (body.clinic !== undefined && body.clinic !== body.clinic_id) {
    throw invalid([{ field: "clinic_id", message: "differs from clinic; send one of the two" }]);
  }
  body.clinic = body.clinic_id;
  delete body.clinic_id;
}

/** Body of POST and PUT: `name` is required, every other field optional. */
export const patientBody = named(
  "PatientInput",
  z.object(patientShape).meta({
    examples: [{
      name: "Ada Lovelace",
      date_of_birth: "1990-04-12",
      gender: "female",
      email: "ada@example.com",
      phone: "+44 20 7946 0000",
      blood_group: "O+",
      city: "London",
      allergies: "Penicillin",
    }],
  }),
);
/** Body of PATCH: any subset of the writable fields. */
export const patientPatch = named(
  "PatientPatch",
  z.object({ ...patientShape, name: text(1, 200).optional() }).meta({
    examples: [{ phone: "+44 20 7946 0001", current_medications: "Ibuprofen 200 mg" }],
  }),
);

/** Query of `GET /api/patients/`. */
export const patientListQuery = z.object({
  ...cursorPageQuery(PATIENT_ORDERINGS, PATIENT_KEYS),
  search: queryText().optional(),
  gender: gender.optional(),
  blood_group: bloodGroupCode.optional(),
  clinic_id: idParam.optional(),
  include_deleted: boolParam.optional(),
});

/** Query of `DELETE /api/patients/<id>/`: `purge=true` removes it for good (admins). */
const deleteQuery = z.object({ purge: boolParam.optional() });

type PatientInput =
  & Partial<Record<keyof PatientFields, string | number | null | undefined>>
  & { clinic?: number | null };

/** What PUT and POST store for a field the body leaves out. */
const DEFAULTS: PatientFields = Object.fromEntries(
  PATIENT_FIELDS.map((f) => [f, f === "gender" ? "unknown" : null]),
) as PatientFields;

/** 400 when an age sent with (or against) a birth date does not match it. */
function checkAge(sent: PatientInput, merged: PatientFields): void {
  if (sent.age == null || merged.date_of_birth == null) return;
  if (ageOn(String(merged.date_of_birth)) !== sent.age) {
    throw invalid([{ field: "age", message: "does not match date_of_birth" }]);
  }
}

/** A patient as answered: `age` follows the birth date when there is one. */
export const patientSchema = named(
  "Patient",
  z.strictObject({
    id: z.number().int(),
    name: z.string(),
    date_of_birth: z.string().meta({ format: "date" }).nullable(),
    age: z.number().int().nullable(),
    gender: z.enum(["male", "female", "other", "unknown"]),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    emergency_contact_name: z.string().nullable(),
    emergency_contact_phone: z.string().nullable(),
    blood_group: z.enum(BLOOD_GROUPS).nullable(),
    address: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    country: z.string().nullable(),
    allergies: z.string().nullable(),
    medical_history: z.string().nullable(),
    current_medications: z.string().nullable(),
    clinic: z.number().int().nullable(),
    redacted_fields: z.array(z.enum(CLINICAL_FIELDS)).optional().meta({
      description: "The clinical fields answered as null because the caller's role " +
        "(front_desk) may not read them",
    }),
    created_by: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
    deleted_at: timestamp.nullable(),
    deleted_by: z.number().int().nullable(),
  }),
);

/** A version of a patient. */
export const patientVersionSchema = versionSchema("PatientVersion", patientSchema);

/** A patient as answered to the scope's caller: redacted for a front_desk member. */
export function patientJson(r: PatientRow, s: Scope): Answer<typeof patientSchema> {
  const answer: Answer<typeof patientSchema> = {
    id: r.id,
    name: r.name,
    date_of_birth: r.date_of_birth,
    age: r.date_of_birth ? ageOn(r.date_of_birth as string) : r.age,
    gender: r.gender,
    email: r.email,
    phone: r.phone,
    emergency_contact_name: r.emergency_contact_name,
    emergency_contact_phone: r.emergency_contact_phone,
    blood_group: r.blood_group,
    address: r.address,
    city: r.city,
    state: r.state,
    country: r.country,
    allergies: r.allergies,
    medical_history: r.medical_history,
    current_medications: r.current_medications,
    clinic: r.clinic_id,
    created_by: r.created_by,
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
    deleted_at: r.deleted_at,
    deleted_by: r.deleted_by,
  };
  if (!s.redacts(r.clinic_id)) return answer;
  for (const f of CLINICAL_FIELDS) answer[f] = null;
  answer.redacted_fields = [...CLINICAL_FIELDS];
  return answer;
}

/**
 * 400 when the caller may not file a patient under `clinic` (not a member: the same answer
 * as a clinic that does not exist), 403 when their role there may not write it.
 */
function checkClinic(s: Scope, clinic: number | null, body: PatientInput): void {
  if (clinic === null || s.caller.role === "admin") return;
  const role = s.clinics.get(clinic);
  if (!role) throw invalid([{ field: "clinic", message: "no clinic with this id" }]);
  if (!s.may(clinic, s.caller.id, "write")) {
    throw new ApiError(403, "A viewer may not write the clinic's patients");
  }
  if (sendsClinical(body) && !s.may(clinic, s.caller.id, "clinical")) {
    throw new ApiError(403, FRONT_DESK);
  }
}

const FRONT_DESK = "A front_desk member may not write clinical fields (" +
  CLINICAL_FIELDS.join(", ") + ")";

/** True when the body sets a clinical field. */
function sendsClinical(body: PatientInput): boolean {
  return CLINICAL_FIELDS.some((f) => body[f] !== undefined);
}

const NOT_FOUND = "No patient with this id";

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) => describe({ tag: "Patients", ...d });
const CHANGE = { errors: [403, 404, 409, 410, 412], ifMatch: true, etag: true };

/**
 * Patients: a personal patient is its creator's alone, a clinic's is shared by its members
 * by role; admins see all.
 */
export const patients = new Hono<AppEnv>()
  .use(audit("patient"))
  .use(requireAuth)
  .post(
    "/",
    doc({
      operationId: "createPatient",
      summary: "Create a patient",
      ok: { status: 201, schema: patientSchema },
      errors: [403],
      etag: true,
    }),
    bodyAliases(nameFromParts),
    bodyAliases(clinicAlias),
    validate("json", patientBody),
    async (c) => {
      const { clinic = null, ...body } = c.req.valid("json") as PatientInput;
      const fields = { ...DEFAULTS, ...body } as PatientFields;
      checkAge(body, fields);
      checkClinic(c.var.db, clinic, body);
      const row = await insertPatient(c.var.db, fields, clinic);
      setEtag(c, row.version);
      c.header("Location", link(c, `/api/patients/${row.id}/`));
      return c.json(patientJson(row, c.var.db), 201);
    },
  )
  .get(
    "/",
    doc({
      operationId: "listPatients",
      summary: "List patients",
      ok: { status: 200, schema: listOf(patientSchema) },
      errors: [429],
    }),
    validate("query", patientListQuery),
    searchGate,
    replicaReads,
    async (c) => {
      const q = c.req.valid("query");
      const p = page(c, q);
      const list = await listPatients(c.var.db, {
        search: q.search ? likePattern(q.search) : undefined,
        gender: q.gender,
        blood_group: q.blood_group,
        clinic_id: q.clinic_id,
        deleted: q.include_deleted ? "managed" : "live",
      }, p);
      noteAudit(c, { patientIds: list.matched, clinicId: q.clinic_id ?? clinicOfAll(list.rows) });
      const s = c.var.db;
      return c.json(envelope(c, p, list, list.rows.map((r) => patientJson(r, s))));
    },
  )
  .get(
    "/:id",
    doc({
      operationId: "getPatient",
      summary: "Read one (304 when If-None-Match names the current ETag)",
      ok: { status: 200, schema: patientSchema },
      errors: [404],
      etag: true,
      ifNoneMatch: true,
    }),
    async (c) => {
      const row = await findPatient(c.var.db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, NOT_FOUND);
      noteAudit(c, { clinicId: row.clinic_id });
      if (row.deleted_at) throw gone("patient");
      return conditionalRead(c, `"${row.version}"`, patientJson(row, c.var.db));
    },
  )
  .put(
    "/:id",
    doc({
      operationId: "replacePatient",
      summary: "Replace every writable field",
      ok: { status: 200, schema: patientSchema },
      ...CHANGE,
    }),
    bodyAliases(nameFromParts),
    bodyAliases(clinicAlias),
    validate("json", patientBody),
    async (c) => {
      const id = pathId(c.req.param("id"));
      const body = c.req.valid("json") as PatientInput;
      const fields = { ...DEFAULTS, ...body } as PatientFields;
      checkAge(body, fields);
      // Every clinical field is replaced (absent ones by null): a clinical write.
      const row = await change(c, id, fields, body.clinic, "clinical");
      setEtag(c, row.version);
      return c.json(patientJson(row, c.var.db));
    },
  )
  .patch(
    "/:id",
    doc({
      operationId: "updatePatient",
      summary: "Change the fields sent",
      ok: { status: 200, schema: patientSchema },
      ...CHANGE,
    }),
    bodyAliases(nameFromParts),
    bodyAliases(clinicAlias),
    validate("json", patientPatch),
    async (c) => {
      const id = pathId(c.req.param("id"));
      const { clinic, ...body } = c.req.valid("json") as PatientInput;
      checkAge(body, body as PatientFields);
      const need = sendsClinical(body) ? "clinical" : "write";
      const row = await change(c, id, body as Partial<PatientFields>, clinic, need);
      setEtag(c, row.version);
      return c.json(patientJson(row, c.var.db));
    },
  )
  .delete(
    "/:id",
    doc({
      operationId: "deletePatient",
      summary: "Delete (restorable); `purge=true` removes it for good (admins)",
      ok: { status: 204 },
      errors: [403, 404, 410, 412],
      ifMatch: true,
    }),
    validate("query", deleteQuery),
    async (c) => {
      const id = pathId(c.req.param("id"));
      if (c.req.valid("query").purge) {
        if (c.var.db.caller.role !== "admin") throw new ApiError(403, "Only admins purge");
        noteAudit(c, { action: "purge" });
        const objects = await objectsOfPatient(c.var.db, id);
        if (!await purgePatient(c.var.db, id)) throw new ApiError(404, NOT_FOUND);
        // Its documents' rows are gone with it; their objects in an S3 store go now.
        await removeObjects(c.get("config"), objects);
        return c.body(null, 204);
      }
      await change(c, id, "delete", undefined, "write");
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/restore",
    doc({
      operationId: "restorePatient",
      summary: "Restore a deleted patient",
      ok: { status: 200, schema: patientSchema },
      errors: [403, 404, 409, 412],
      ifMatch: true,
      etag: true,
    }),
    async (c) => {
      const id = pathId(c.req.param("id"));
      noteAudit(c, { action: "restore" });
      const row = await change(c, id, "restore", undefined, "write");
      setEtag(c, row.version);
      return c.json(patientJson(row, c.var.db));
    },
  )
  .get(
    "/:id/history",
    doc({
      operationId: "listPatientVersions",
      summary: "The patient's versions, newest first",
      ok: { status: 200, schema: listOf(patientVersionSchema) },
      errors: [404],
    }),
    validate("query", historyQuery),
    replicaReads,
    async (c) => {
      const id = pathId(c.req.param("id"));
      const s = c.var.db;
      await checkHistory(c, id);
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listVersions<PatientRow>(s, "patient", id, p);
      if (count === 0) throw new ApiError(404, NOT_FOUND);
      return c.json(
        envelope(c, p, count, rows.map((v) => versionJson(v, (r) => patientJson(r, s)))),
      );
    },
  )
  .get(
    "/:id/history/:version",
    doc({
      operationId: "getPatientVersion",
      summary: "One version of the patient",
      ok: { status: 200, schema: patientVersionSchema },
      errors: [404],
    }),
    async (c) => {
      const id = pathId(c.req.param("id"));
      const number = pathId(c.req.param("version"));
      const s = c.var.db;
      await checkHistory(c, id);
      const version = await findVersion<PatientRow>(s, "patient", id, number);
      if (!version) throw new ApiError(404, "No such version of this patient");
      return c.json(versionJson(version, (r) => patientJson(r, s)));
    },
  )
  .get(
    "/:id/doctors",
    doc({
      operationId: "listPatientDoctors",
      summary: "The patient's doctor assignments",
      ok: { status: 200, schema: listOf(mappingSchema) },
      errors: [404],
    }),
    validate("query", mappingPageQuery),
    async (c) => {
      const id = pathId(c.req.param("id"));
      return c.json(await patientMappingsPage(c, id, c.req.valid("query")));
    },
  )
  .get(
    "/:id/appointments",
    doc({
      operationId: "listPatientAppointments",
      summary: "The patient's appointments, by start",
      ok: { status: 200, schema: listOf(appointmentSchema) },
      errors: [404, 410],
    }),
    validate("query", appointmentPageQuery),
    async (c) => {
      const id = pathId(c.req.param("id"));
      return c.json(await patientAppointmentsPage(c, id, c.req.valid("query")));
    },
  )
  .post(
    "/:id/documents",
    uploadDoc,
    (c) => uploadDocument(c, pathId(c.req.param("id"))),
  )
  .get(
    "/:id/documents",
    listDoc,
    validate("query", documentPageQuery),
    async (c) => {
      const id = pathId(c.req.param("id"));
      return c.json(await patientDocumentsPage(c, id, c.req.valid("query")));
    },
  )
  .get(
    "/:id/access-log",
    doc({
      operationId: "getPatientAccessLog",
      summary: "Who read or changed this patient (owner or admin)",
      ok: { status: 200, schema: listOf(auditEventSchema) },
      errors: [404, 429],
    }),
    validate("query", accessLogQuery),
    searchGate,
    replicaReads,
    async (c) => {
      const id = pathId(c.req.param("id"));
      const patient = await findPatient(c.var.db, id);
      if (!patient) throw new ApiError(404, NOT_FOUND);
      noteAudit(c, { clinicId: patient.clinic_id });
      const q = c.req.valid("query");
      const p = eventPage(c, q);
      const list = await listEvents(c.var.db, { ...q, patient_id: id }, p);
      return c.json(envelope(c, p, list, list.rows.map(auditEventJson)));
    },
  );

/**
 * Before a history read: 404 unless the caller may see the patient, deleted or not (an admin
 * goes on: a purged patient's tombstone is theirs to see); its clinic goes in the audit event.
 */
async function checkHistory(c: Context<AppEnv>, id: number): Promise<void> {
  const patient = await findPatient(c.var.db, id);
  if (!patient && c.var.db.caller.role !== "admin") throw new ApiError(404, NOT_FOUND);
  noteAudit(c, { clinicId: patient?.clinic_id ?? null });
}

/**
 * Why a write found no patient it may change: 403 when the caller can read it but their
 * role may not make this write, else 404.
 */
async function refusal(s: Scope, id: number, need: Need): Promise<ApiError> {
  const row = await findPatient(s, id);
  if (!row) return new ApiError(404, NOT_FOUND);
  if (need === "clinical" && s.may(row.clinic_id, row.created_by, "write")) {
    return new ApiError(403, FRONT_DESK);
  }
  return new ApiError(403, "A viewer may not write the clinic's patients");
}

/**
 * Sets `fields` (a PATCH's fields, or every field for PUT) under `If-Match` and, for an age
 * sent without a birth date, the stored birth date: one statement (db/patients.ts).
 */
async function change(
  c: Context<AppEnv>,
  id: number,
  fields: Partial<PatientFields> | "delete" | "restore",
  clinic: number | null | undefined,
  need: Need,
): Promise<PatientRow> {
  const s = c.var.db;
  const versions = ifMatch(c);
  const age = typeof fields === "object" && fields.age != null &&
      fields.date_of_birth === undefined
    ? { years: fields.age as number, today: today() }
    : undefined;
  if (clinic !== undefined) {
    // A move: the patient must be one the caller sees before the target clinic is judged.
    const current = await findPatient(s, id);
    if (!current) throw new ApiError(404, NOT_FOUND);
    if (current.deleted_at) throw gone("patient");
    if (clinic === null && current.clinic_id !== null) {
      // Only a personal patient can be personal: a clinic's stays with some clinic.
      throw invalid([{
        field: "clinic",
        message: "a clinic's patient can move to another clinic, not become personal",
      }]);
    }
    if (clinic !== null) checkClinic(s, clinic, fields as PatientInput);
  }
  const found = await changePatient(
    s,
    id,
    (clinic === undefined ? fields : { ...fields as object, clinic_id: clinic }) as PatientChange,
    { versions, age, need },
  );
  if (!found) throw await refusal(s, id, need);
  if (found.written) return found.written;
  checkState("patient", fields === "restore", found.current.deleted_at !== null);
  checkIfMatch(versions, found.version);
  if (typeof fields === "object") checkAge(fields as PatientInput, found.current as PatientFields);
  throw new Error("a patient change was refused for no known reason");
}
