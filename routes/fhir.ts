import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  findPatient,
  findPatientWithPrimary,
  matchedPatientIds,
  type PatientRow,
  searchPatients,
} from "../db/patients.ts";
import { type DoctorRow, findDoctor, searchDoctors } from "../db/doctors.ts";
import { findVersion, listVersions, type VersionRow } from "../db/history.ts";
import type { Scope } from "../db/scope.ts";
import { findCareTeam, matchedCareTeamIds, searchCareTeams } from "../db/mappings.ts";
import { findClinic, searchClinics } from "../db/clinics.ts";
import {
  findAppointment,
  matchedAppointmentPatients,
  searchAppointments,
} from "../db/appointments.ts";
import { findSchedule, freeSlots, searchSchedules } from "../db/schedules.ts";
import {
  type DocumentRow,
  findDocument,
  matchedDocumentPatients,
  searchDocuments,
} from "../db/documents.ts";
import { documentStore } from "../db/document_store.ts";
import { bytesToBase64, concatBytes } from "../lib/digest.ts";
import { sendContent } from "./documents.ts";
import type { SearchLimits, SearchPage } from "../db/page.ts";
import { ApiError } from "../lib/errors.ts";
import {
  COUNT_MAX,
  FHIR_JSON,
  KEYSET_SEARCHES,
  OFFSET_MAX,
  parseSearch,
  preferStrict,
  type Search,
} from "../lib/fhir.ts";
import { describe, type RouteDoc } from "../lib/route_marks.ts";
import { audit, noteAudit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import { replicaReads } from "../middleware/replica.ts";
import type { AppEnv } from "../types.ts";
import {
  appointmentResource,
  binaryResource,
  capabilityStatement,
  capabilityStatementSchema,
  careTeamResource,
  documentReferenceResource,
  fhirAppointmentSchema,
  fhirBinarySchema,
  fhirBundleSchema,
  fhirCareTeamSchema,
  fhirDocumentReferenceSchema,
  fhirHistoryBundleSchema,
  fhirOrganizationSchema,
  fhirPatientSchema,
  fhirPractitionerRoleSchema,
  fhirPractitionerSchema,
  fhirScheduleSchema,
  HISTORIES,
  historyBundle,
  operationOutcomeSchema,
  organizationResource,
  type ParamDoc,
  patientResource,
  practitionerResource,
  practitionerRoleResource,
  scheduleResource,
  searchBundle,
  slotResource,
  SPECIALTY_SYSTEM,
} from "./fhir_resources.ts";
import { clinicOfAll, conditionalRead, origin, pathId } from "./http.ts";

/** The largest document a Binary read answers as FHIR JSON (base64 in memory). */
const BINARY_JSON_MAX = 8 * 1024 * 1024;

/**
 * The document a DocumentReference or Binary read names, if the caller may read it (404, 403
 * for a front_desk member, 410 when it or its patient was deleted), named in the audit event.
 */
async function readableDocument(c: Context<AppEnv>, type: string): Promise<DocumentRow> {
  const row = await findDocument(c.var.db, pathId(c.req.param("id")!));
  if (!row) throw new ApiError(404, `No ${type} with this id`);
  noteAudit(c, { action: "read", patientIds: [row.patient_id], clinicId: row.clinic_id });
  if (!row.readable) throw new ApiError(403, "A front_desk member may not read documents");
  if (row.deleted_at || row.patient_deleted_at) throw new ApiError(410, `This ${type} was deleted`);
  return row;
}

/** The search parameters of each resource, as the CapabilityStatement and the parser know them. */
const PARAMS: Record<string, Record<string, ParamDoc>> = {
  Patient: {
    _id: { type: "id", documentation: "Patient ids, comma-separated" },
    name: {
      type: "string",
      documentation: "A word of the name starts with the value (any case); name:contains " +
        "matches anywhere, name:exact the whole name",
    },
    birthdate: {
      type: "date",
      documentation: "YYYY, YYYY-MM or YYYY-MM-DD with an optional prefix eq, ne, gt, lt, " +
        "ge, le, sa, eb; repeat the parameter for a range",
    },
    gender: { type: "token", documentation: "male, female, other or unknown" },
  },
  Practitioner: {
    _id: { type: "id", documentation: "Practitioner ids, comma-separated" },
    name: { type: "string", documentation: "As Patient's name (with :contains and :exact)" },
  },
  PractitionerRole: {
    _id: { type: "id", documentation: "PractitionerRole ids (the doctor's), comma-separated" },
    specialty: {
      type: "token",
      documentation: `A specialization code (${SPECIALTY_SYSTEM}), such as cardiology`,
    },
    practitioner: { type: "reference", documentation: "Practitioner/<id>" },
    active: { type: "token", documentation: "true when the doctor takes patients" },
  },
  CareTeam: {
    _id: { type: "id", documentation: "CareTeam ids (the patient's), comma-separated" },
    patient: { type: "reference", documentation: "Patient/<id>" },
    subject: { type: "reference", documentation: "Patient/<id>, as patient" },
  },
  Organization: {
    _id: { type: "id", documentation: "Organization ids (the clinic's), comma-separated" },
    name: { type: "string", documentation: "As Patient's name (with :contains and :exact)" },
  },
  Appointment: {
    _id: { type: "id", documentation: "Appointment ids, comma-separated" },
    patient: { type: "reference", documentation: "Patient/<id>" },
    practitioner: { type: "reference", documentation: "Practitioner/<id>" },
    date: {
      type: "date",
      documentation: "The start's day (UTC): YYYY, YYYY-MM or YYYY-MM-DD with an optional " +
        "prefix eq, ne, gt, lt, ge, le, sa, eb; repeat the parameter for a range",
    },
    status: { type: "token", documentation: "booked, arrived, fulfilled, cancelled or noshow" },
  },
  DocumentReference: {
    _id: { type: "id", documentation: "DocumentReference ids (the document's), comma-separated" },
    patient: { type: "reference", documentation: "Patient/<id>" },
    category: {
      type: "token",
      documentation: "lab_report, imaging, referral, prescription, consent, clinical_note or " +
        "other",
    },
    date: {
      type: "date",
      documentation: "When it was stored (UTC day): YYYY, YYYY-MM or YYYY-MM-DD with an " +
        "optional prefix eq, ne, gt, lt, ge, le, sa, eb; repeat the parameter for a range",
    },
  },
  Binary: {},
  Schedule: {
    _id: { type: "id", documentation: "Schedule ids (the doctor's), comma-separated" },
    actor: { type: "reference", documentation: "Practitioner/<id>" },
  },
  Slot: {
    schedule: { type: "reference", documentation: "Schedule/<id> (required: one schedule)" },
    start: {
      type: "date",
      documentation: "Free 30-minute slots starting in a window of days (UTC) given by the " +
        "prefixes ge, gt, le, lt or eq; at most 31 days, the next 7 when not given",
    },
  },
};

const TYPES = Object.fromEntries(
  Object.entries(PARAMS).map(([type, params]) => [
    type,
    Object.fromEntries(Object.entries(params).map(([name, p]) => [name, p.type])),
  ]),
);

/** The query of a search, for the OpenAPI document (the handler parses it by FHIR's rules). */
function searchQuery(type: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(PARAMS[type])) {
    shape[name] = z.string().optional().meta({ description: p.documentation });
    if (p.type === "string") {
      shape[`${name}:contains`] = z.string().optional().meta({ description: "Contains" });
      shape[`${name}:exact`] = z.string().optional().meta({ description: "Equals" });
    }
  }
  return z.object({
    ...shape,
    _count: z.int().min(0).max(COUNT_MAX).optional().meta({
      description: `Entries a page (default 20; more than ${COUNT_MAX} reads as ${COUNT_MAX})`,
    }),
    _offset: z.int().min(0).max(OFFSET_MAX).optional().meta({
      description: "Matches to skip (the next and previous links carry it)",
    }),
    _total: z.enum(["none", "estimate", "accurate"]).optional().meta({
      description: "How to count the matches: not at all, the planner's estimate, or exactly " +
        "(by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that)",
    }),
    ...(KEYSET_SEARCHES.has(type)
      ? {
        _cursor: z.string().optional().meta({
          description: "Keyset paging by id, instead of _offset and as fast at any depth: " +
            "empty for the first page, then as the next and previous links carry it",
        }),
      }
      : {}),
  });
}

const fhirDoc = (d: Omit<RouteDoc, "tag" | "ok"> & { schema: z.ZodType }) =>
  describe({
    tag: "FHIR",
    ...d,
    ok: { status: 200, schema: d.schema, contentType: "application/fhir+json" },
    errorContent: { contentType: "application/fhir+json", schema: operationOutcomeSchema },
  });

const readDoc = (type: string, schema: z.ZodType, operationId: string) =>
  fhirDoc({
    operationId,
    summary: `Read a ${type}`,
    schema,
    errors: type === "Organization"
      ? [404]
      : type === "Binary"
      ? [403, 404, 406, 410]
      : type === "DocumentReference"
      ? [403, 404, 410]
      : [404, 410],
    etag: type !== "CareTeam",
  });

const vreadDoc = (type: string, schema: z.ZodType, operationId: string) =>
  fhirDoc({ operationId, summary: `Read one version of a ${type}`, schema, errors: [404, 410] });

const historyDoc = (type: string, operationId: string) =>
  fhirDoc({
    operationId,
    summary: `The versions of a ${type}, newest first (a history Bundle)`,
    schema: fhirHistoryBundleSchema,
    query: z.object({
      _count: z.int().min(1).max(COUNT_MAX).optional().meta({ description: "Entries a page" }),
      _offset: z.int().min(0).optional().meta({ description: "Entries to skip" }),
    }),
    errors: [404],
  });

/** `_count` and `_offset` of a history read (FHIR's defaults; bad values fall back to them). */
function historyPage(c: Context<AppEnv>): { limit: number; offset: number } {
  const q = new URL(c.req.url).searchParams;
  const number = (name: string) => {
    const raw = q.get(name);
    return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  };
  const count = number("_count");
  return {
    limit: count === undefined ? 20 : Math.max(1, Math.min(COUNT_MAX, count)),
    offset: number("_offset") ?? 0,
  };
}

type HistoryType = keyof typeof HISTORIES;

/** The resource of one kept version of `type` (none for a purge's tombstone). */
function versionResource(type: HistoryType, s: Scope, v: VersionRow<unknown>) {
  if (!v.snapshot) return undefined;
  if (type === "Practitioner") return practitionerResource(v.snapshot as DoctorRow);
  const r = v.snapshot as PatientRow;
  // A version keeps the patient alone: no primary doctor in it.
  return patientResource({ ...r, primary_id: null, primary_name: null }, s.redacts(r.clinic_id));
}

/**
 * Whether the caller may see `type`/`id`: a live or deleted patient they may read (any
 * doctor); 404 otherwise, with the patient's clinic noted for the audit event.
 */
async function checkVisible(c: Context<AppEnv>, type: HistoryType, id: number): Promise<void> {
  if (type === "Practitioner") {
    if (!await findDoctor(c.var.db, id)) throw new ApiError(404, "No Practitioner with this id");
    return;
  }
  const row = await findPatient(c.var.db, id);
  if (!row) throw new ApiError(404, "No Patient with this id");
  noteAudit(c, { action: "read", clinicId: row.clinic_id });
}

/** The history Bundle of `type`/`id`. */
async function historyOf(c: Context<AppEnv>, type: HistoryType, id: number) {
  await checkVisible(c, type, id);
  const p = historyPage(c);
  const { count, rows } = await listVersions(c.var.db, HISTORIES[type], id, p);
  const versions = rows.map((v) => ({ ...v, resource: versionResource(type, c.var.db, v) }));
  return fhirJson(
    c,
    historyBundle(base(c), type, id, { count: p.limit, offset: p.offset, total: count }, versions),
  );
}

/** One version of `type`/`id` (vread): 410 for the version that deleted it. */
async function vread(c: Context<AppEnv>, type: HistoryType, id: number) {
  await checkVisible(c, type, id);
  const number = pathId(c.req.param("vid")!);
  const v = await findVersion(c.var.db, HISTORIES[type], id, number);
  if (!v) throw new ApiError(404, `No version ${number} of this ${type}`);
  if (v.action === "delete" || v.action === "purge" || !v.snapshot) {
    throw new ApiError(410, `This version records the ${type}'s deletion`);
  }
  return fhirJson(c, versionResource(type, c.var.db, v));
}

const searchDoc = (type: string, operationId: string) =>
  fhirDoc({
    operationId,
    summary: `Search ${type} resources (a searchset Bundle)`,
    schema: fhirBundleSchema,
    query: searchQuery(type),
    errors: [400, 429],
  });

/**
 * The base of absolute FHIR URLs: PUBLIC_URL when set, else where a trusted proxy says the
 * client reached us, else the address the request came to.
 */
function base(c: Context<AppEnv>): string {
  return `${origin(c)}/fhir`;
}

/** The request headers a cached answer's links depend on. */
function varyOnHost(c: Context<AppEnv>): string {
  return c.get("config").trustProxy ? "Host, X-Forwarded-Host, X-Forwarded-Proto" : "Host";
}

/** A FHIR JSON answer; a versioned read answers 304 to an `If-None-Match` naming its version. */
function fhirJson(c: Context<AppEnv>, body: unknown, version?: number): Response {
  if (version !== undefined) return conditionalRead(c, `W/"${version}"`, body, FHIR_JSON);
  return c.body(JSON.stringify(body), 200, { "Content-Type": FHIR_JSON });
}

/** The search a request asks for, by FHIR's rules for `type`'s parameters. */
function searchOf(c: Context<AppEnv>, type: string): Search {
  return parseSearch(
    new URL(c.req.url).searchParams,
    TYPES[type],
    preferStrict(c.req.header("Prefer")),
    KEYSET_SEARCHES.has(type),
  );
}

/**
 * The patients a search's audit event names: those shown, or, when a page shows none but
 * counts matches (`_count=0`, or past the last page), the matches themselves.
 */
async function named(
  page: SearchPage<unknown>,
  shown: number[],
  matched: () => Promise<number[]>,
): Promise<number[]> {
  return page.rows.length === 0 && (page.total ?? 0) > 0 ? await matched() : shown;
}

const limits = (c: Context<AppEnv>, s: Search): SearchLimits => ({
  limit: s.count,
  offset: s.offset,
  total: s.total,
  countUpTo: c.get("config").countExactUpTo,
  cursor: s.cursor,
});

/** Most days a Slot search may span, and the span when `start` does not say. */
const SLOT_WINDOW_DAYS = 31;
const SLOT_DEFAULT_DAYS = 7;
const DAY_MS = 86_400_000;

/** The doctor and `[from, to)` window of a Slot search; 400 when it names neither or too much. */
function slotWindow(s: Search): { doctor: number; from: Date; to: Date } {
  const schedules = s.params.get("schedule")?.reference ?? [];
  if (schedules.length !== 1 || schedules[0].length !== 1) {
    throw new ApiError(400, "A Slot search names one schedule", [
      { field: "schedule", message: "is required, once, with one Schedule/<id>" },
    ]);
  }
  let from: number | undefined;
  let to: number | undefined;
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  for (const alternatives of s.params.get("start")?.date ?? []) {
    if (alternatives.length !== 1 || alternatives[0].op === "ne") {
      throw new ApiError(400, "Invalid search parameter 'start'", [
        { field: "start", message: "takes one value with ge, gt, le, lt or eq (repeat it)" },
      ]);
    }
    const m = alternatives[0];
    const low = m.op === "gt" ? day(m.high) + DAY_MS : day(m.low);
    const high = m.op === "lt" ? day(m.low) : day(m.high) + DAY_MS;
    if (m.op !== "lt" && m.op !== "le") from = Math.max(from ?? low, low);
    if (m.op !== "gt" && m.op !== "ge") to = Math.min(to ?? high, high);
  }
  from ??= to === undefined ? Date.now() : to - SLOT_DEFAULT_DAYS * DAY_MS;
  to ??= from + SLOT_DEFAULT_DAYS * DAY_MS;
  if (to - from > SLOT_WINDOW_DAYS * DAY_MS) {
    throw new ApiError(400, "Invalid search parameter 'start'", [
      { field: "start", message: `must span at most ${SLOT_WINDOW_DAYS} days` },
    ]);
  }
  return { doctor: schedules[0][0], from: new Date(from), to: new Date(Math.max(from, to)) };
}

/** When the server started: the CapabilityStatement's date. */
const STARTED = new Date().toISOString();

/**
 * FHIR R4 read and search over the same data, tokens, owner scoping and audit trail as the
 * JSON API. Errors are OperationOutcomes (the error funnel answers so under /fhir).
 */
export const fhir = new Hono<AppEnv>()
  .get(
    "/metadata",
    fhirDoc({
      operationId: "fhirCapabilities",
      summary: "The CapabilityStatement (no token needed)",
      schema: capabilityStatementSchema,
    }),
    (c) => {
      // Public and cacheable, but its links follow the host the client reached.
      c.header("Cache-Control", "public, max-age=300");
      c.header("Vary", varyOnHost(c));
      return fhirJson(c, capabilityStatement(base(c), PARAMS, STARTED));
    },
  )
  .get(
    "/Patient",
    searchDoc("Patient", "searchFhirPatients"),
    audit("patient"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "Patient");
      const db = c.var.db;
      const page = await searchPatients(db, s.params, limits(c, s));
      const shown = page.rows.map((r) => r.id);
      noteAudit(c, {
        patientIds: await named(page, shown, () => matchedPatientIds(db, s.params)),
      });
      noteAudit(c, { clinicId: clinicOfAll(page.rows) });
      const resources = page.rows.map((r) => patientResource(r, db.redacts(r.clinic_id)));
      return fhirJson(c, searchBundle(base(c), "Patient", s, page, resources));
    },
  )
  .get(
    "/Patient/:id",
    readDoc("Patient", fhirPatientSchema, "readFhirPatient"),
    audit("patient"),
    requireAuth,
    async (c) => {
      const db = c.var.db;
      const row = await findPatientWithPrimary(db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, "No Patient with this id");
      noteAudit(c, { clinicId: row.clinic_id });
      if (row.deleted_at) throw new ApiError(410, "This Patient was deleted");
      return fhirJson(c, patientResource(row, db.redacts(row.clinic_id)), row.version);
    },
  )
  .get(
    "/Patient/:id/_history",
    historyDoc("Patient", "historyFhirPatient"),
    audit("patient"),
    requireAuth,
    replicaReads,
    (c) => historyOf(c, "Patient", pathId(c.req.param("id"))),
  )
  .get(
    "/Patient/:id/_history/:vid",
    vreadDoc("Patient", fhirPatientSchema, "vreadFhirPatient"),
    audit("patient"),
    requireAuth,
    (c) => vread(c, "Patient", pathId(c.req.param("id"))),
  )
  .get(
    "/Practitioner",
    searchDoc("Practitioner", "searchFhirPractitioners"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "Practitioner");
      const page = await searchDoctors(c.var.db, s.params, SPECIALTY_SYSTEM, limits(c, s));
      const resources = page.rows.map(practitionerResource);
      return fhirJson(c, searchBundle(base(c), "Practitioner", s, page, resources));
    },
  )
  .get(
    "/Practitioner/:id",
    readDoc("Practitioner", fhirPractitionerSchema, "readFhirPractitioner"),
    requireAuth,
    async (c) => {
      const row = await findDoctor(c.var.db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, "No Practitioner with this id");
      if (row.deleted_at) throw new ApiError(410, "This Practitioner was deleted");
      return fhirJson(c, practitionerResource(row), row.version);
    },
  )
  .get(
    "/Practitioner/:id/_history",
    historyDoc("Practitioner", "historyFhirPractitioner"),
    requireAuth,
    replicaReads,
    (c) => historyOf(c, "Practitioner", pathId(c.req.param("id"))),
  )
  .get(
    "/Practitioner/:id/_history/:vid",
    vreadDoc("Practitioner", fhirPractitionerSchema, "vreadFhirPractitioner"),
    requireAuth,
    (c) => vread(c, "Practitioner", pathId(c.req.param("id"))),
  )
  .get(
    "/PractitionerRole",
    searchDoc("PractitionerRole", "searchFhirPractitionerRoles"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "PractitionerRole");
      const page = await searchDoctors(c.var.db, s.params, SPECIALTY_SYSTEM, limits(c, s));
      const resources = page.rows.map(practitionerRoleResource);
      return fhirJson(c, searchBundle(base(c), "PractitionerRole", s, page, resources));
    },
  )
  .get(
    "/PractitionerRole/:id",
    readDoc("PractitionerRole", fhirPractitionerRoleSchema, "readFhirPractitionerRole"),
    requireAuth,
    async (c) => {
      const row = await findDoctor(c.var.db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, "No PractitionerRole with this id");
      if (row.deleted_at) throw new ApiError(410, "This PractitionerRole was deleted");
      return fhirJson(c, practitionerRoleResource(row), row.version);
    },
  )
  .get(
    "/CareTeam",
    searchDoc("CareTeam", "searchFhirCareTeams"),
    audit("mapping"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "CareTeam");
      const db = c.var.db;
      const page = await searchCareTeams(db, s.params, limits(c, s));
      const shown = page.rows.map((r) => r.patient_id);
      noteAudit(c, {
        patientIds: await named(page, shown, () => matchedCareTeamIds(db, s.params)),
      });
      const resources = page.rows.map(careTeamResource);
      return fhirJson(c, searchBundle(base(c), "CareTeam", s, page, resources));
    },
  )
  .get(
    "/Organization",
    searchDoc("Organization", "searchFhirOrganizations"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "Organization");
      const page = await searchClinics(c.var.db, s.params, limits(c, s));
      const resources = page.rows.map(organizationResource);
      return fhirJson(c, searchBundle(base(c), "Organization", s, page, resources));
    },
  )
  .get(
    "/Organization/:id",
    readDoc("Organization", fhirOrganizationSchema, "readFhirOrganization"),
    requireAuth,
    async (c) => {
      const row = await findClinic(c.var.db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, "No Organization with this id");
      return fhirJson(c, organizationResource(row), row.version);
    },
  )
  .get(
    "/Appointment",
    searchDoc("Appointment", "searchFhirAppointments"),
    audit("appointment"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "Appointment");
      const db = c.var.db;
      const page = await searchAppointments(db, s.params, limits(c, s));
      const shown = [...new Set(page.rows.map((r) => r.patient_id))];
      noteAudit(c, {
        patientIds: await named(page, shown, () => matchedAppointmentPatients(db, s.params)),
        clinicId: clinicOfAll(page.rows),
      });
      const resources = page.rows.map((r) => appointmentResource(r, db.redacts(r.clinic_id)));
      return fhirJson(c, searchBundle(base(c), "Appointment", s, page, resources));
    },
  )
  .get(
    "/Appointment/:id",
    readDoc("Appointment", fhirAppointmentSchema, "readFhirAppointment"),
    audit("appointment"),
    requireAuth,
    async (c) => {
      const db = c.var.db;
      const row = await findAppointment(db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, "No Appointment with this id");
      noteAudit(c, { patientIds: [row.patient_id], clinicId: row.clinic_id });
      if (row.deleted_at || row.patient_deleted_at) {
        throw new ApiError(410, "This Appointment was deleted");
      }
      return fhirJson(c, appointmentResource(row, db.redacts(row.clinic_id)), row.version);
    },
  )
  .get(
    "/DocumentReference",
    searchDoc("DocumentReference", "searchFhirDocumentReferences"),
    audit("document"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "DocumentReference");
      const db = c.var.db;
      const page = await searchDocuments(db, s.params, limits(c, s));
      const shown = [...new Set(page.rows.map((r) => r.patient_id))];
      noteAudit(c, {
        patientIds: await named(page, shown, () => matchedDocumentPatients(db, s.params)),
        clinicId: clinicOfAll(page.rows),
      });
      const resources = page.rows.map((r) => documentReferenceResource(r, base(c)));
      return fhirJson(c, searchBundle(base(c), "DocumentReference", s, page, resources));
    },
  )
  .get(
    "/DocumentReference/:id",
    readDoc("DocumentReference", fhirDocumentReferenceSchema, "readFhirDocumentReference"),
    audit("document"),
    requireAuth,
    async (c) => {
      const row = await readableDocument(c, "DocumentReference");
      return fhirJson(c, documentReferenceResource(row, base(c)), row.version);
    },
  )
  .get(
    "/Binary/:id",
    readDoc("Binary", fhirBinarySchema, "readFhirBinary"),
    audit("document"),
    requireAuth,
    async (c) => {
      const row = await readableDocument(c, "Binary");
      const size = Number(row.size_bytes);
      const accept = c.req.header("Accept") ?? "";
      // A client asking for FHIR JSON gets the resource, the bytes in base64; others the bytes.
      if (!/json/i.test(accept)) return sendContent(c, row);
      if (size > BINARY_JSON_MAX) {
        throw new ApiError(
          406,
          `This Binary is larger than ${BINARY_JSON_MAX} bytes: read its bytes (Accept: ` +
            `${row.content_type}) rather than FHIR JSON`,
        );
      }
      const store = await documentStore(c.get("config"));
      const bytes = await Array.fromAsync(store.read(c.var.db, row, 0, size - 1));
      return fhirJson(c, binaryResource(row, bytesToBase64(concatBytes(bytes))), row.version);
    },
  )
  .get(
    "/Schedule",
    searchDoc("Schedule", "searchFhirSchedules"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "Schedule");
      const page = await searchSchedules(c.var.db, s.params, limits(c, s));
      const resources = page.rows.map(scheduleResource);
      return fhirJson(c, searchBundle(base(c), "Schedule", s, page, resources));
    },
  )
  .get(
    "/Schedule/:id",
    readDoc("Schedule", fhirScheduleSchema, "readFhirSchedule"),
    requireAuth,
    async (c) => {
      const id = pathId(c.req.param("id"));
      const [doctor, row] = await Promise.all([
        findDoctor(c.var.db, id),
        findSchedule(c.var.db, id),
      ]);
      if (!doctor || !row) throw new ApiError(404, "No Schedule with this id");
      if (doctor.deleted_at) throw new ApiError(410, "This Schedule's Practitioner was deleted");
      return fhirJson(c, scheduleResource(row), row.version);
    },
  )
  .get(
    "/Slot",
    searchDoc("Slot", "searchFhirSlots"),
    requireAuth,
    searchGate,
    replicaReads,
    async (c) => {
      const s = searchOf(c, "Slot");
      const { doctor, from, to } = slotWindow(s);
      const found = await freeSlots(c.var.db, doctor, from, to, 30);
      const all = found && !found.deleted_at ? found.slots : [];
      const rows = all.slice(s.offset, s.offset + s.count);
      const page = {
        rows,
        more: s.offset + s.count < all.length,
        total: s.total === "none" ? undefined : all.length,
      };
      const resources = rows.map((slot) => slotResource(doctor, slot));
      return fhirJson(c, searchBundle(base(c), "Slot", s, page, resources));
    },
  )
  .get(
    // `:team`, not `:id`: the id is the patient's, not an assignment's (the audit's resource).
    "/CareTeam/:team",
    readDoc("CareTeam", fhirCareTeamSchema, "readFhirCareTeam"),
    audit("mapping"),
    requireAuth,
    async (c) => {
      const id = pathId(c.req.param("team"));
      noteAudit(c, { action: "read", patientIds: [id] });
      const row = await findCareTeam(c.var.db, id);
      if (!row) {
        // No team: no live assignments, or a patient the caller may not see, or one deleted.
        if ((await findPatient(c.var.db, id))?.deleted_at) {
          throw new ApiError(410, "This CareTeam's patient was deleted");
        }
        throw new ApiError(404, "No CareTeam with this id");
      }
      return fhirJson(c, careTeamResource(row));
    },
  );
