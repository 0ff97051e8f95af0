import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  changeDoctor,
  DOCTOR_FIELDS,
  DOCTOR_KEYS,
  DOCTOR_ORDERINGS,
  type DoctorFields,
  type DoctorRow,
  findDoctor,
  insertDoctor,
  listDoctors,
} from "../db/doctors.ts";
import type { Found } from "../db/versioned.ts";
import { findVersion, listVersions } from "../db/history.ts";
import { checkState, gone, historyQuery, versionJson, versionSchema } from "./history.ts";
import {
  bool,
  boolParam,
  cursorPageQuery,
  int,
  optionalEmail,
  optionalPhone,
  optionalText,
  orNull,
  queryText,
  str,
  text,
} from "../lib/fields.ts";
import { likePattern } from "../db/page.ts";
import {
  type Answer,
  checkIfMatch,
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
import { ApiError } from "../lib/errors.ts";
import { bodyAliases, nameFromParts, validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import {
  availability,
  availabilityQuery,
  availabilitySchema,
  getSchedule,
  replaceSchedule,
  scheduleBody,
  scheduleSchema,
} from "./schedules.ts";

/** The specialization codes of the directory. */
export const SPECIALIZATIONS = [
  "general",
  "cardiology",
  "dermatology",
  "endocrinology",
  "gastroenterology",
  "hematology",
  "infectious_disease",
  "internal_medicine",
  "nephrology",
  "neurology",
  "obstetrics_gynecology",
  "oncology",
  "ophthalmology",
  "orthopedics",
  "pediatrics",
  "psychiatry",
  "pulmonology",
  "radiology",
  "rheumatology",
  "surgery",
  "urology",
  "other",
] as const;

/**
 * Other names clients send for a code: "-ist" forms, British spellings, abbreviations.
 * Specialties with no code of their own (ENT, anaesthesia, emergency medicine) are `other`.
 * Keys are in the normalized form `specializationKey` makes.
 */
const SPECIALIZATION_SYNONYMS: Record<string, (typeof SPECIALIZATIONS)[number]> = {
  general_practice: "general",
  general_practitioner: "general",
  gp: "general",
  family_medicine: "general",
  family_practice: "general",
  primary_care: "general",
  general_medicine: "general",
  cardiologist: "cardiology",
  cardiac: "cardiology",
  dermatologist: "dermatology",
  endocrinologist: "endocrinology",
  gastroenterologist: "gastroenterology",
  gastro: "gastroenterology",
  gi: "gastroenterology",
  haematology: "hematology",
  hematologist: "hematology",
  haematologist: "hematology",
  infectious_diseases: "infectious_disease",
  infectious_disease_specialist: "infectious_disease",
  internist: "internal_medicine",
  general_internal_medicine: "internal_medicine",
  nephrologist: "nephrology",
  renal_medicine: "nephrology",
  neurologist: "neurology",
  obstetrics_gynaecology: "obstetrics_gynecology",
  ob_gyn: "obstetrics_gynecology",
  obgyn: "obstetrics_gynecology",
  obstetrics: "obstetrics_gynecology",
  gynecology: "obstetrics_gynecology",
  gynaecology: "obstetrics_gynecology",
  obstetrician: "obstetrics_gynecology",
  gynecologist: "obstetrics_gynecology",
  gynaecologist: "obstetrics_gynecology",
  obstetrician_gynecologist: "obstetrics_gynecology",
  oncologist: "oncology",
  medical_oncology: "oncology",
  ophthalmologist: "ophthalmology",
  orthopaedics: "orthopedics",
  orthopedic: "orthopedics",
  orthopaedic: "orthopedics",
  orthopedic_surgery: "orthopedics",
  orthopaedic_surgery: "orthopedics",
  orthopedist: "orthopedics",
  orthopaedist: "orthopedics",
  paediatrics: "pediatrics",
  pediatrician: "pediatrics",
  paediatrician: "pediatrics",
  psychiatrist: "psychiatry",
  pulmonologist: "pulmonology",
  pulmonary_medicine: "pulmonology",
  respiratory_medicine: "pulmonology",
  radiologist: "radiology",
  rheumatologist: "rheumatology",
  surgeon: "surgery",
  general_surgery: "surgery",
  general_surgeon: "surgery",
  urologist: "urology",
  ent: "other",
  otolaryngology: "other",
  otorhinolaryngology: "other",
  anesthesiology: "other",
  anaesthesiology: "other",
  anaesthetics: "other",
  emergency_medicine: "other",
};

/** Lower case; `&`, `and`, spaces, slashes and hyphens as one `_`; dots dropped. */
const specializationKey = (v: string) =>
  v.trim().toLowerCase().replace(/[.']/g, "").replace(/(^|[\s_-])(and|&)(?=[\s_-]|$)/g, "_")
    .replace(/[\s&/_-]+/g, "_").replace(/^_+|_+$/g, "");

/**
 * `"Internal Medicine"`, `internal-medicine` and `INTERNAL_MEDICINE` all mean
 * `internal_medicine`; `Cardiologist`, `Orthopaedics`, `OB/GYN` mean what they say.
 */
const specialization = shownAs(
  str()
    .transform((v) => {
      const key = specializationKey(v);
      return SPECIALIZATION_SYNONYMS[key] ?? key;
    })
    .pipe(z.enum(SPECIALIZATIONS, { error: `must be one of ${SPECIALIZATIONS.join(", ")}` })),
  {
    type: "string",
    enum: SPECIALIZATIONS,
    description: "Also accepted in any case, with spaces or hyphens (`Internal Medicine`), and " +
      "common other names: `Cardiologist`, `Orthopaedics`, `OB/GYN`, `Obstetrics and " +
      "Gynecology`; ENT, anaesthesia and emergency medicine are `other`",
  },
);

const FEE_MESSAGE = "must be an amount of 0 or more with at most two decimals";

/** A non-negative amount with at most two decimals, kept as a decimal string. */
const fee = shownAs(
  z.union([
    z.null(),
    z.number().refine(Number.isFinite, FEE_MESSAGE).transform((n) => String(n)),
    z.string().transform((v) => v.trim()),
  ], { error: FEE_MESSAGE }).pipe(
    z.union([z.null(), z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, FEE_MESSAGE)], {
      error: FEE_MESSAGE,
    }),
  ),
  {
    anyOf: [
      { type: "number", minimum: 0, multipleOf: 0.01 },
      { type: "string", pattern: "^\\d{1,10}(\\.\\d{1,2})?$" },
      { type: "null" },
    ],
    description: "An amount of 0 or more with at most two decimals",
  },
).optional();

const doctorShape = {
  name: text(1, 200),
  specialization,
  contact_info: optionalText(255),
  email: optionalEmail(),
  phone: optionalPhone(),
  license_number: optionalText(255),
  years_of_experience: orNull(int(0, 70)),
  qualification: optionalText(255),
  hospital_name: optionalText(255),
  city: optionalText(255),
  state: optionalText(255),
  country: optionalText(255),
  bio: optionalText(10_000),
  consultation_fee: fee,
  is_available: bool().optional(),
};

/** Body of POST and PUT: `name` and `specialization` are required. */
export const doctorBody = named(
  "DoctorInput",
  z.object(doctorShape).meta({
    examples: [{
      name: "Dr Grace Hopper",
      specialization: "cardiology",
      phone: "+1 555-0100",
      years_of_experience: 12,
      hospital_name: "City General",
      city: "Arlington",
      consultation_fee: 150,
      is_available: true,
    }],
  }),
);
/** Body of PATCH: any subset of the writable fields. */
export const doctorPatch = named(
  "DoctorPatch",
  z.object({
    ...doctorShape,
    name: doctorShape.name.optional(),
    specialization: specialization.optional(),
  }).meta({ examples: [{ is_available: false }] }),
);

/** Query of `GET /api/doctors/`. */
export const doctorListQuery = z.object({
  ...cursorPageQuery(DOCTOR_ORDERINGS, DOCTOR_KEYS),
  search: queryText().optional(),
  specialization: specialization.optional(),
  is_available: boolParam.optional(),
  city: queryText(255).optional(),
  include_deleted: boolParam.optional(),
});

type DoctorInput = Partial<
  Record<keyof DoctorFields, string | number | boolean | null | undefined>
>;

const DEFAULTS: DoctorFields = Object.fromEntries(
  DOCTOR_FIELDS.map((f) => [f, f === "is_available" ? true : null]),
) as DoctorFields;

/** A doctor as answered. */
export const doctorSchema = named(
  "Doctor",
  z.strictObject({
    id: z.number().int(),
    name: z.string(),
    specialization: z.enum(SPECIALIZATIONS),
    contact_info: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    license_number: z.string().nullable(),
    years_of_experience: z.number().int().nullable(),
    qualification: z.string().nullable(),
    hospital_name: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    country: z.string().nullable(),
    bio: z.string().nullable(),
    consultation_fee: z.string().regex(/^\d+\.\d{2}$/).nullable().meta({ example: "250.00" }),
    is_available: z.boolean(),
    created_by: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
    deleted_at: timestamp.nullable(),
    deleted_by: z.number().int().nullable(),
  }),
);

/** A version of a doctor. */
export const doctorVersionSchema = versionSchema("DoctorVersion", doctorSchema);

/** The API shape of a doctor (`consultation_fee` stays a decimal string). */
export function doctorJson(r: DoctorRow): Answer<typeof doctorSchema> {
  return {
    id: r.id,
    name: r.name,
    specialization: r.specialization,
    contact_info: r.contact_info,
    email: r.email,
    phone: r.phone,
    license_number: r.license_number,
    years_of_experience: r.years_of_experience,
    qualification: r.qualification,
    hospital_name: r.hospital_name,
    city: r.city,
    state: r.state,
    country: r.country,
    bio: r.bio,
    consultation_fee: r.consultation_fee,
    is_available: r.is_available,
    created_by: r.created_by,
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
    deleted_at: r.deleted_at,
    deleted_by: r.deleted_by,
  };
}

const NOT_FOUND = "No doctor with this id";

/**
 * Why a change found and refused: 404 if missing, 403 if not theirs, 410 if deleted (409 for a
 * restore of a live one), 412 if stale; else a deletion held back by live assignments, 409.
 */
function refusal(
  c: Context<AppEnv>,
  found: Found<DoctorRow> | undefined,
  fields: Partial<DoctorFields> | "delete" | "restore",
  versions?: number[],
) {
  if (!found) return new ApiError(404, NOT_FOUND);
  const { caller } = c.var.db;
  if (found.current.created_by !== caller.id && caller.role !== "admin") {
    return new ApiError(403, "Only the doctor's creator or an admin may change it");
  }
  checkState("doctor", fields === "restore", found.current.deleted_at !== null);
  checkIfMatch(versions, found.version);
  if (fields === "delete") {
    return new ApiError(409, "The doctor still has patient assignments; remove them first", [
      { field: "assignments", message: "must be removed before the doctor" },
    ]);
  }
  return new Error("a doctor change was refused for no known reason");
}

/** Writes `fields` (a PATCH's, or every field for PUT) and the audit event: one statement. */
async function change(
  c: Context<AppEnv>,
  fields: Partial<DoctorFields> | "delete" | "restore",
): Promise<DoctorRow> {
  const id = pathId(c.req.param("id")!);
  const versions = ifMatch(c);
  const found = await changeDoctor(c.var.db, id, fields, versions);
  if (found?.written) return found.written;
  throw refusal(c, found, fields, versions);
}

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) => describe({ tag: "Doctors", ...d });
const CHANGE = { errors: [403, 404, 409, 410, 412], ifMatch: true, etag: true };

/** The shared doctor directory: everyone reads, the creator or an admin changes. */
export const doctors = new Hono<AppEnv>()
  .use(audit("doctor", { reads: false }))
  .use(requireAuth)
  .post(
    "/",
    doc({
      operationId: "createDoctor",
      summary: "Create a doctor",
      ok: { status: 201, schema: doctorSchema },
      errors: [409],
      etag: true,
    }),
    bodyAliases(nameFromParts),
    validate("json", doctorBody),
    async (c) => {
      const body = c.req.valid("json") as DoctorInput;
      const fields = { ...DEFAULTS, ...body } as DoctorFields;
      const row = await insertDoctor(c.var.db, fields);
      setEtag(c, row.version);
      c.header("Location", link(c, `/api/doctors/${row.id}/`));
      return c.json(doctorJson(row), 201);
    },
  )
  .get(
    "/",
    doc({
      operationId: "listDoctors",
      summary: "List doctors",
      ok: { status: 200, schema: listOf(doctorSchema) },
      errors: [429],
    }),
    validate("query", doctorListQuery),
    searchGate,
    replicaReads,
    async (c) => {
      const q = c.req.valid("query");
      const p = page(c, q);
      const list = await listDoctors(c.var.db, {
        search: q.search ? likePattern(q.search) : undefined,
        specialization: q.specialization,
        is_available: q.is_available,
        city: q.city || undefined,
        deleted: q.include_deleted ? "managed" : "live",
      }, p);
      return c.json(envelope(c, p, list, list.rows.map(doctorJson)));
    },
  )
  .get(
    "/:id",
    doc({
      operationId: "getDoctor",
      summary: "Read one (304 when If-None-Match names the current ETag)",
      ok: { status: 200, schema: doctorSchema },
      errors: [404],
      etag: true,
      ifNoneMatch: true,
    }),
    async (c) => {
      const row = await findDoctor(c.var.db, pathId(c.req.param("id")));
      if (!row) throw new ApiError(404, NOT_FOUND);
      if (row.deleted_at) throw gone("doctor");
      return conditionalRead(c, `"${row.version}"`, doctorJson(row));
    },
  )
  .put(
    "/:id",
    doc({
      operationId: "replaceDoctor",
      summary: "Replace every writable field",
      ok: { status: 200, schema: doctorSchema },
      ...CHANGE,
    }),
    bodyAliases(nameFromParts),
    validate("json", doctorBody),
    async (c) => {
      const body = c.req.valid("json") as DoctorInput;
      const row = await change(c, { ...DEFAULTS, ...body } as DoctorFields);
      setEtag(c, row.version);
      return c.json(doctorJson(row));
    },
  )
  .patch(
    "/:id",
    doc({
      operationId: "updateDoctor",
      summary: "Change the fields sent",
      ok: { status: 200, schema: doctorSchema },
      ...CHANGE,
    }),
    bodyAliases(nameFromParts),
    validate("json", doctorPatch),
    async (c) => {
      const body = c.req.valid("json") as DoctorInput;
      const row = await change(c, body as Partial<DoctorFields>);
      setEtag(c, row.version);
      return c.json(doctorJson(row));
    },
  )
  .delete(
    "/:id",
    doc({
      operationId: "deleteDoctor",
      summary: "Delete (restorable; not while it has assignments)",
      ok: { status: 204 },
      errors: [403, 404, 409, 410, 412],
      ifMatch: true,
    }),
    async (c) => {
      await change(c, "delete");
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/restore",
    doc({
      operationId: "restoreDoctor",
      summary: "Restore a deleted doctor",
      ok: { status: 200, schema: doctorSchema },
      errors: [403, 404, 409, 412],
      ifMatch: true,
      etag: true,
    }),
    async (c) => {
      noteAudit(c, { action: "restore" });
      const row = await change(c, "restore");
      setEtag(c, row.version);
      return c.json(doctorJson(row));
    },
  )
  .get(
    "/:id/history",
    doc({
      operationId: "listDoctorVersions",
      summary: "The doctor's versions, newest first",
      ok: { status: 200, schema: listOf(doctorVersionSchema) },
      errors: [404],
    }),
    validate("query", historyQuery),
    replicaReads,
    async (c) => {
      const id = pathId(c.req.param("id"));
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listVersions<DoctorRow>(c.var.db, "doctor", id, p);
      if (count === 0) throw new ApiError(404, NOT_FOUND);
      return c.json(envelope(c, p, count, rows.map((v) => versionJson(v, doctorJson))));
    },
  )
  .get(
    "/:id/schedule",
    doc({
      operationId: "getDoctorSchedule",
      summary: "The doctor's working hours (404 until one is set)",
      ok: { status: 200, schema: scheduleSchema },
      errors: [404, 410],
    }),
    getSchedule,
  )
  .put(
    "/:id/schedule",
    doc({
      operationId: "replaceDoctorSchedule",
      summary: "Set the doctor's working hours in its time zone (creator or admin)",
      ok: { status: 200, schema: scheduleSchema },
      errors: [403, 404, 410],
    }),
    validate("json", scheduleBody),
    (c) => replaceSchedule(c, c.req.valid("json")),
  )
  .get(
    "/:id/availability",
    doc({
      operationId: "getDoctorAvailability",
      summary: "Free slots inside the doctor's hours (a window of at most 31 days)",
      ok: { status: 200, schema: availabilitySchema },
      errors: [404, 410],
    }),
    validate("query", availabilityQuery),
    (c) => availability(c, c.req.valid("query")),
  )
  .get(
    "/:id/history/:version",
    doc({
      operationId: "getDoctorVersion",
      summary: "One version of the doctor",
      ok: { status: 200, schema: doctorVersionSchema },
      errors: [404],
    }),
    async (c) => {
      const id = pathId(c.req.param("id"));
      const number = pathId(c.req.param("version"));
      const version = await findVersion<DoctorRow>(c.var.db, "doctor", id, number);
      if (!version) throw new ApiError(404, "No such version of this doctor");
      return c.json(versionJson(version, doctorJson));
    },
  );
