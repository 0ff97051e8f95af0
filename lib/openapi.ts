import { z } from "zod";
import {
  loginBody,
  logoutBody,
  passwordBody,
  refreshBody,
  registerBody,
  sessionListQuery,
} from "../routes/auth.ts";
import { accessLogQuery, auditQuery } from "../routes/audit.ts";
import { doctorBody, doctorListQuery, doctorPatch, SPECIALIZATIONS } from "../routes/doctors.ts";
import {
  mappingBody,
  mappingListQuery,
  mappingPageQuery,
  mappingPatch,
} from "../routes/mappings.ts";
import { patientBody, patientListQuery, patientPatch } from "../routes/patients.ts";

const timestamp = z.string().meta({ format: "date-time", example: "2026-01-15T10:30:00.000Z" });
const nullableText = z.string().nullable();

/** Answer schemas: what the service sends back. Tests check real answers against them. */
export const schemas = {
  Problem: z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    request_id: z.string().nullable(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }).meta({ description: "RFC 9457 problem details" }),
  User: z.object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["user", "admin"]),
    created_at: timestamp,
  }),
  TokenPair: z.object({ access: z.string(), refresh: z.string() }),
  Session: z.object({
    id: z.string().meta({ format: "uuid" }),
    created_at: timestamp,
    last_used_at: timestamp.meta({ description: "The last sign-in or token refresh" }),
    client_ip: z.string().nullable().meta({ description: "Where it was last used from" }),
    current: z.boolean().meta({ description: "Whether this request came with it" }),
  }),
  Patient: z.object({
    id: z.number().int(),
    name: z.string(),
    date_of_birth: z.string().meta({ format: "date" }).nullable(),
    age: z.number().int().nullable(),
    gender: z.enum(["male", "female", "other", "unknown"]),
    email: nullableText,
    phone: nullableText,
    emergency_contact_name: nullableText,
    emergency_contact_phone: nullableText,
    blood_group: z.enum(["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"]).nullable(),
    address: nullableText,
    city: nullableText,
    state: nullableText,
    country: nullableText,
    allergies: nullableText,
    medical_history: nullableText,
    current_medications: nullableText,
    created_by: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
  }),
  Doctor: z.object({
    id: z.number().int(),
    name: z.string(),
    specialization: z.enum(SPECIALIZATIONS),
    contact_info: nullableText,
    email: nullableText,
    phone: nullableText,
    license_number: nullableText,
    years_of_experience: z.number().int().nullable(),
    qualification: nullableText,
    hospital_name: nullableText,
    city: nullableText,
    state: nullableText,
    country: nullableText,
    bio: nullableText,
    consultation_fee: z.string().regex(/^\d+\.\d{2}$/).nullable().meta({ example: "250.00" }),
    is_available: z.boolean(),
    created_by: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
  }),
  AuditEvent: z.object({
    id: z.number().int(),
    at: timestamp,
    user_id: z.number().int().nullable(),
    action: z.enum(["read", "list", "create", "update", "delete"]),
    resource_type: z.enum(["patient", "doctor", "mapping"]),
    resource_id: z.number().int().nullable(),
    patient_ids: z.array(z.number().int()),
    client_ip: z.string().nullable(),
    request_id: z.string(),
    status: z.number().int(),
  }),
};

/** Mapping answers embed the full doctor. */
export const mappingSchema = z.object({
  id: z.number().int(),
  patient: z.number().int(),
  doctor: z.number().int(),
  is_primary: z.boolean(),
  notes: nullableText,
  assigned_at: timestamp,
  assigned_by: z.number().int(),
  patient_name: z.string(),
  doctor_detail: schemas.Doctor,
});

/** The list envelope around `item`. */
export function listOf(item: z.ZodType) {
  return z.object({
    count: z.number().int(),
    next: z.string().nullable().meta({ format: "uri" }),
    previous: z.string().nullable().meta({ format: "uri" }),
    results: z.array(item),
  });
}

const authResult = z.object({ user: schemas.User, access: z.string(), refresh: z.string() });

interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  auth?: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  ok: { status: number; schema?: z.ZodType; description?: string; contentType?: string };
  errors?: number[];
  ifMatch?: boolean;
  etag?: boolean;
}

const ID_PATHS = /\{(id)\}/;

const crud = (
  tag: string,
  base: string,
  item: z.ZodType,
  body: z.ZodType,
  patch: z.ZodType,
  query: z.ZodType,
  changeErrors: number[],
): Operation[] => [
  {
    method: "post",
    path: `${base}/`,
    tag,
    summary: `Create a ${tag.toLowerCase().slice(0, -1)}`,
    auth: true,
    body,
    ok: { status: 201, schema: item },
    errors: [400, 409],
    etag: true,
  },
  {
    method: "get",
    path: `${base}/`,
    tag,
    summary: `List ${tag.toLowerCase()}`,
    auth: true,
    query,
    ok: { status: 200, schema: listOf(item) },
    errors: [400],
  },
  {
    method: "get",
    path: `${base}/{id}/`,
    tag,
    summary: `Read one`,
    auth: true,
    ok: { status: 200, schema: item },
    errors: [404],
    etag: true,
  },
  {
    method: "put",
    path: `${base}/{id}/`,
    tag,
    summary: `Replace every writable field`,
    auth: true,
    body,
    ok: { status: 200, schema: item },
    errors: [400, ...changeErrors, 404, 409, 412],
    ifMatch: true,
    etag: true,
  },
  {
    method: "patch",
    path: `${base}/{id}/`,
    tag,
    summary: `Change the fields sent`,
    auth: true,
    body: patch,
    ok: { status: 200, schema: item },
    errors: [400, ...changeErrors, 404, 409, 412],
    ifMatch: true,
    etag: true,
  },
  {
    method: "delete",
    path: `${base}/{id}/`,
    tag,
    summary: `Delete`,
    auth: true,
    ok: { status: 204 },
    errors: [...changeErrors, 404, 409, 412],
    ifMatch: true,
  },
];

/** Every operation of the API, as documented. */
export const operations: Operation[] = [
  { method: "get", path: "/healthz", tag: "Service", summary: "Liveness", ok: { status: 200 } },
  {
    method: "get",
    path: "/readyz",
    tag: "Service",
    summary: "Readiness: database reachable and migrated",
    ok: { status: 200 },
    errors: [503],
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Service",
    summary: "This document",
    ok: { status: 200 },
  },
  {
    method: "get",
    path: "/api/docs",
    tag: "Service",
    summary: "Interactive reference (HTML)",
    ok: { status: 200, contentType: "text/html" },
  },
  {
    method: "get",
    path: "/api/docs/assets/{file}",
    tag: "Service",
    summary: "Assets of the reference page",
    ok: { status: 200 },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/auth/register/",
    tag: "Auth",
    summary: "Register and sign in",
    body: registerBody,
    ok: { status: 201, schema: authResult },
    errors: [400, 409],
  },
  {
    method: "post",
    path: "/api/auth/login/",
    tag: "Auth",
    summary: "Sign in",
    body: loginBody,
    ok: { status: 200, schema: authResult },
    errors: [400, 401, 429],
  },
  {
    method: "post",
    path: "/api/auth/refresh/",
    tag: "Auth",
    summary: "Rotate a refresh token",
    body: refreshBody,
    ok: { status: 200, schema: schemas.TokenPair },
    errors: [400, 401],
  },
  {
    method: "post",
    path: "/api/auth/token/refresh/",
    tag: "Auth",
    summary: "Rotate a refresh token (alias)",
    body: refreshBody,
    ok: { status: 200, schema: schemas.TokenPair },
    errors: [400, 401],
  },
  {
    method: "post",
    path: "/api/auth/logout/",
    tag: "Auth",
    summary: "End this session (or, with all: true, every session) on every instance",
    auth: true,
    body: logoutBody,
    ok: { status: 204 },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/auth/sessions/",
    tag: "Auth",
    summary: "The caller's live sessions",
    auth: true,
    query: sessionListQuery,
    ok: { status: 200, schema: listOf(schemas.Session) },
    errors: [400],
  },
  {
    method: "delete",
    path: "/api/auth/sessions/{id}/",
    tag: "Auth",
    summary: "End one of the caller's sessions",
    auth: true,
    ok: { status: 204 },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/auth/password/",
    tag: "Auth",
    summary: "Change the password; every other session ends",
    auth: true,
    body: passwordBody,
    ok: { status: 204 },
    errors: [400, 429, 503],
  },
  {
    method: "get",
    path: "/api/auth/me/",
    tag: "Auth",
    summary: "The signed-in user",
    auth: true,
    ok: { status: 200, schema: schemas.User },
  },
  ...crud(
    "Patients",
    "/api/patients",
    schemas.Patient,
    patientBody,
    patientPatch,
    patientListQuery,
    [],
  ),
  {
    method: "get",
    path: "/api/patients/{id}/doctors/",
    tag: "Patients",
    summary: "The patient's doctor assignments",
    auth: true,
    query: mappingPageQuery,
    ok: { status: 200, schema: listOf(mappingSchema) },
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/patients/{id}/access-log/",
    tag: "Patients",
    summary: "Who read or changed this patient (owner or admin)",
    auth: true,
    query: accessLogQuery,
    ok: { status: 200, schema: listOf(schemas.AuditEvent) },
    errors: [400, 404],
  },
  ...crud("Doctors", "/api/doctors", schemas.Doctor, doctorBody, doctorPatch, doctorListQuery, [
    403,
  ]),
  {
    method: "post",
    path: "/api/mappings/",
    tag: "Mappings",
    summary: "Assign a doctor to a patient",
    auth: true,
    body: mappingBody,
    ok: { status: 201, schema: mappingSchema },
    errors: [400, 409],
  },
  {
    method: "get",
    path: "/api/mappings/",
    tag: "Mappings",
    summary: "Assignments of your patients",
    auth: true,
    query: mappingListQuery,
    ok: { status: 200, schema: listOf(mappingSchema) },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/mappings/{id}/",
    tag: "Mappings",
    summary: "Assignments of the patient with this **patient** id",
    auth: true,
    query: mappingPageQuery,
    ok: { status: 200, schema: listOf(mappingSchema) },
    errors: [400, 404],
  },
  {
    method: "delete",
    path: "/api/mappings/{id}/",
    tag: "Mappings",
    summary: "Remove the assignment with this **mapping** id",
    auth: true,
    ok: { status: 204 },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/mappings/patient/{id}/",
    tag: "Mappings",
    summary: "Assignments of the patient with this patient id",
    auth: true,
    query: mappingPageQuery,
    ok: { status: 200, schema: listOf(mappingSchema) },
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/mappings/detail/{id}/",
    tag: "Mappings",
    summary: "One assignment",
    auth: true,
    ok: { status: 200, schema: mappingSchema },
    errors: [404],
  },
  {
    method: "patch",
    path: "/api/mappings/detail/{id}/",
    tag: "Mappings",
    summary: "Change is_primary or notes",
    auth: true,
    body: mappingPatch,
    ok: { status: 200, schema: mappingSchema },
    errors: [400, 404, 409],
  },
  {
    method: "delete",
    path: "/api/mappings/detail/{id}/",
    tag: "Mappings",
    summary: "Remove one assignment",
    auth: true,
    ok: { status: 204 },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/audit/",
    tag: "Audit",
    summary: "The audit trail, newest first (admins)",
    auth: true,
    query: auditQuery,
    ok: { status: 200, schema: listOf(schemas.AuditEvent) },
    errors: [400, 403],
  },
];

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input; `errors` lists every invalid field",
  401: "Missing, invalid, expired or revoked token",
  403: "Visible but not yours to change",
  404: "Not found, or not visible to you",
  409: "Conflict; `errors` names the field",
  412: "`If-Match` does not name the current version",
  413: "Body over 1 MiB",
  415: "Body is not application/json",
  429: "Too many failed sign-ins; see `Retry-After`",
  503: "Database unavailable; see `Retry-After`",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

function queryParameters(query: z.ZodType) {
  const s = jsonSchema(query, "input") as { properties?: Record<string, unknown> };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    schema,
  }));
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function operationObject(op: Operation) {
  const parameters: unknown[] = [];
  const id = ID_PATHS.exec(op.path);
  if (id) {
    parameters.push({
      name: "id",
      in: "path",
      required: true,
      schema: op.path.startsWith("/api/auth/sessions/")
        ? { type: "string", format: "uuid" }
        : { type: "integer", minimum: 1, maximum: 2147483647 },
    });
  }
  if (op.path.includes("{file}")) {
    parameters.push({ name: "file", in: "path", required: true, schema: { type: "string" } });
  }
  if (op.query) parameters.push(...queryParameters(op.query));
  if (op.ifMatch) {
    parameters.push({
      name: "If-Match",
      in: "header",
      required: false,
      description: 'The version you last read, as its ETag (`"3"`); a stale one answers 412',
      schema: { type: "string" },
    });
  }
  const responses: Record<string, unknown> = {};
  const okHeaders = op.etag
    ? { ETag: { description: "The resource's version", schema: { type: "string" } } }
    : undefined;
  responses[String(op.ok.status)] = op.ok.schema
    ? {
      description: op.ok.description ?? "Success",
      headers: okHeaders,
      content: {
        [op.ok.contentType ?? "application/json"]: { schema: jsonSchema(op.ok.schema, "output") },
      },
    }
    : { description: op.ok.description ?? "Success" };
  const errors = new Set(op.errors ?? []);
  if (op.auth) errors.add(401);
  if (op.body) [400, 413, 415].forEach((s) => errors.add(s));
  if (op.path.startsWith("/api/") && op.tag !== "Service") errors.add(503);
  for (const status of [...errors].sort()) responses[String(status)] = problem(STATUS_TEXT[status]);
  return {
    tags: [op.tag],
    summary: op.summary,
    operationId: `${op.method}${
      op.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch) => (ch ?? "").toUpperCase())
    }`,
    ...(op.auth ? { security: [{ bearer: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
        requestBody: {
          required: op.method !== "post" || !op.path.endsWith("/logout/"),
          content: { "application/json": { schema: jsonSchema(op.body, "input") } },
        },
      }
      : {}),
    responses,
  };
}

let cached: unknown;

/** The OpenAPI 3.1 document of the service, generated from the validation schemas. */
export function openApiDocument(): unknown {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Healthcare records API",
      version: "1.0.0",
      description: "Patients, a shared doctor directory and their assignments. Every route " +
        "also answers without its trailing slash. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
    tags: ["Auth", "Patients", "Doctors", "Mappings", "Audit", "Service"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, s]) => [name, jsonSchema(s, "output")]),
      ),
    },
  };
  return cached;
}
