import { type Context, Hono } from "hono";
import { z } from "zod";
import { findPatientWithPrimary, matchedPatientIds, searchPatients } from "../db/patients.ts";
import { findDoctor, searchDoctors } from "../db/doctors.ts";
import { findCareTeam, matchedCareTeamIds, searchCareTeams } from "../db/mappings.ts";
import { findClinic, searchClinics } from "../db/clinics.ts";
import type { SearchPage } from "../db/page.ts";
import { ApiError } from "../lib/errors.ts";
import {
  COUNT_MAX,
  FHIR_JSON,
  OFFSET_MAX,
  parseSearch,
  preferStrict,
  type Search,
} from "../lib/fhir.ts";
import { describe, type RouteDoc } from "../lib/route_marks.ts";
import { audit, noteAudit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import type { AppEnv } from "../types.ts";
import {
  capabilityStatement,
  capabilityStatementSchema,
  careTeamResource,
  fhirBundleSchema,
  fhirCareTeamSchema,
  fhirOrganizationSchema,
  fhirPatientSchema,
  fhirPractitionerRoleSchema,
  fhirPractitionerSchema,
  operationOutcomeSchema,
  organizationResource,
  type ParamDoc,
  patientResource,
  practitionerResource,
  practitionerRoleResource,
  searchBundle,
  SPECIALTY_SYSTEM,
} from "./fhir_resources.ts";
import { clinicOfAll, conditionalRead, origin, pathId } from "./http.ts";

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
      description: "How to count the matches: not at all, the planner's estimate, or exactly",
    }),
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
    errors: [404],
    etag: type !== "CareTeam",
  });

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

const limits = (s: Search) => ({ limit: s.count, offset: s.offset, total: s.total });

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
    async (c) => {
      const s = searchOf(c, "Patient");
      const db = c.var.db;
      const page = await searchPatients(db, s.params, limits(s));
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
      return fhirJson(c, patientResource(row, db.redacts(row.clinic_id)), row.version);
    },
  )
  .get(
    "/Practitioner",
    searchDoc("Practitioner", "searchFhirPractitioners"),
    requireAuth,
    searchGate,
    async (c) => {
      const s = searchOf(c, "Practitioner");
      const page = await searchDoctors(c.var.db, s.params, SPECIALTY_SYSTEM, limits(s));
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
      return fhirJson(c, practitionerResource(row), row.version);
    },
  )
  .get(
    "/PractitionerRole",
    searchDoc("PractitionerRole", "searchFhirPractitionerRoles"),
    requireAuth,
    searchGate,
    async (c) => {
      const s = searchOf(c, "PractitionerRole");
      const page = await searchDoctors(c.var.db, s.params, SPECIALTY_SYSTEM, limits(s));
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
      return fhirJson(c, practitionerRoleResource(row), row.version);
    },
  )
  .get(
    "/CareTeam",
    searchDoc("CareTeam", "searchFhirCareTeams"),
    audit("mapping"),
    requireAuth,
    searchGate,
    async (c) => {
      const s = searchOf(c, "CareTeam");
      const db = c.var.db;
      const page = await searchCareTeams(db, s.params, limits(s));
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
    async (c) => {
      const s = searchOf(c, "Organization");
      const page = await searchClinics(c.var.db, s.params, limits(s));
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
    // `:team`, not `:id`: the id is the patient's, not an assignment's (the audit's resource).
    "/CareTeam/:team",
    readDoc("CareTeam", fhirCareTeamSchema, "readFhirCareTeam"),
    audit("mapping"),
    requireAuth,
    async (c) => {
      const id = pathId(c.req.param("team"));
      noteAudit(c, { action: "read", patientIds: [id] });
      const row = await findCareTeam(c.var.db, id);
      if (!row) throw new ApiError(404, "No CareTeam with this id");
      return fhirJson(c, careTeamResource(row));
    },
  );
