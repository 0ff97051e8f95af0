import { type Context, Hono } from "hono";
import { z } from "zod";
import { doctorsByIds } from "../db/doctors.ts";
import { findPatient } from "../db/patients.ts";
import {
  assignDoctor,
  changeMapping,
  findMapping,
  listMappings,
  listMappingsOfPatient,
  MAPPING_ORDERINGS,
  type MappingChange,
  type MappingPage,
  type MappingRow,
  type WrittenMapping,
} from "../db/mappings.ts";
import { bool, boolParam, idParam, int, optionalText, pageQuery } from "../lib/fields.ts";
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
import { checkState, gone } from "./history.ts";
import { describe, named } from "../lib/route_marks.ts";
import { audit, noteAudit } from "../middleware/audit.ts";
import type { Scope } from "../db/scope.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import { replicaReads } from "../middleware/replica.ts";
import { ApiError, invalid } from "../lib/errors.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import { doctorJson, doctorSchema } from "./doctors.ts";

const id = int(1, 2_147_483_647);

/** Body of `POST /api/mappings/`: `patient`/`patient_id`, `doctor`/`doctor_id`. */
export const mappingBody = named(
  "MappingInput",
  z.object({
    patient: id.optional(),
    patient_id: id.optional(),
    doctor: id.optional(),
    doctor_id: id.optional(),
    is_primary: bool().optional(),
    notes: optionalText(2000),
  }).superRefine((b, ctx) => {
    if (b.patient === undefined && b.patient_id === undefined) {
      ctx.addIssue({ code: "custom", path: ["patient"], message: "is required" });
    }
    if (b.doctor === undefined && b.doctor_id === undefined) {
      ctx.addIssue({ code: "custom", path: ["doctor"], message: "is required" });
    }
    // Two different ids for one thing: either reading would be a guess.
    for (const f of ["patient", "doctor"] as const) {
      const alias = `${f}_id` as const;
      if (b[f] !== undefined && b[alias] !== undefined && b[f] !== b[alias]) {
        ctx.addIssue({
          code: "custom",
          path: [alias],
          message: `differs from ${f}; send one of the two`,
        });
      }
    }
  }).transform((b) => ({
    patient: (b.patient ?? b.patient_id)!,
    doctor: (b.doctor ?? b.doctor_id)!,
    is_primary: b.is_primary ?? false,
    notes: b.notes ?? null,
  })).meta({
    description: "Replace the example's ids with yours: `patient` is the id of one of your " +
      "patients (`POST /api/patients/` answers it), `doctor` the id of a doctor " +
      "(`GET /api/doctors/` lists them). Another user's patient answers 404.",
    examples: [{ patient: 1, doctor: 1, is_primary: true, notes: "Referred for a review" }],
  }),
);

/** Body of `PATCH /api/mappings/detail/<id>/`. */
export const mappingPatch = named(
  "MappingPatch",
  z.object({ is_primary: bool().optional(), notes: optionalText(2000) }).meta({
    examples: [{ is_primary: true }],
  }),
);

/** Paging of every mapping list. */
export const mappingPageQuery = z.object(pageQuery(MAPPING_ORDERINGS));

/** Query of `GET /api/mappings/`. */
export const mappingListQuery = z.object({
  ...pageQuery(MAPPING_ORDERINGS),
  patient_id: idParam.optional(),
  doctor_id: idParam.optional(),
  is_primary: boolParam.optional(),
  clinic_id: idParam.optional(),
  include_deleted: boolParam.optional(),
});

/** A mapping as answered: the full doctor comes along. */
export const mappingSchema = named(
  "Mapping",
  z.strictObject({
    id: z.number().int(),
    patient: z.number().int(),
    doctor: z.number().int(),
    is_primary: z.boolean(),
    notes: z.string().nullable(),
    assigned_at: timestamp,
    assigned_by: z.number().int(),
    patient_name: z.string(),
    doctor_detail: doctorSchema,
    version: z.number().int(),
    updated_at: timestamp,
    deleted_at: timestamp.nullable(),
    deleted_by: z.number().int().nullable(),
  }),
);

/** Mappings with `doctor_detail`, the full doctor of each. */
async function withDoctors(
  s: Scope,
  rows: MappingRow[],
): Promise<Answer<typeof mappingSchema>[]> {
  const doctors = await doctorsByIds(s, rows.map((r) => r.doctor));
  return rows.map((r) => ({
    id: r.id,
    patient: r.patient,
    doctor: r.doctor,
    is_primary: r.is_primary,
    notes: r.notes,
    assigned_at: r.assigned_at,
    assigned_by: r.assigned_by,
    patient_name: r.patient_name,
    doctor_detail: doctorJson(doctors.get(r.doctor)!),
    version: r.version,
    updated_at: r.updated_at,
    deleted_at: r.deleted_at,
    deleted_by: r.deleted_by,
  }));
}

/** A page of mappings in the list envelope. */
export async function mappingListJson(c: Context, list: MappingPage) {
  return envelope(c, list.page, list.count, await withDoctors(c.var.db, list.rows));
}

const UNKNOWN_PATIENT = "no such patient";
const NOT_FOUND = "No mapping with this id";

/**
 * A page of a patient's mappings (the caller's patient, or 404) in the list envelope, its
 * audit event naming the patient: the query and serializer behind the three URLs that list
 * them, each declared and validated by its own router.
 */
export async function patientMappingsPage(
  c: Context<AppEnv>,
  patientId: number,
  q: z.output<typeof mappingPageQuery>,
) {
  noteAudit(c, {
    action: "list",
    resourceType: "mapping",
    resourceId: null,
    patientIds: [patientId],
  });
  const list = await listMappingsOfPatient(c.var.db, patientId, page(c, q));
  if (!list) throw new ApiError(404, "No patient with this id");
  if (list === "deleted") throw gone("patient");
  noteAudit(c, { clinicId: list.clinicId });
  return await mappingListJson(c, list);
}

/** 403 for a write to a record the caller's role lets them read only. */
function readOnly(): ApiError {
  return new ApiError(403, "A viewer may not change the clinic's assignments");
}

async function oneMapping(c: Context<AppEnv>, mappingId: number) {
  const row = await findMapping(c.var.db, mappingId);
  if (!row) throw new ApiError(404, NOT_FOUND);
  noteAudit(c, { patientIds: [row.patient], clinicId: row.clinic_id });
  // Deleted, or hidden with its deleted patient.
  if (row.deleted_at || row.patient_deleted_at) throw gone("mapping");
  const [json] = await withDoctors(c.var.db, [row]);
  return json;
}

/** A mapping as answered, from a row that came with its doctor. */
function mappingJson({ doctor_detail, ...row }: WrittenMapping): Answer<typeof mappingSchema> {
  return {
    id: row.id,
    patient: row.patient,
    doctor: row.doctor,
    is_primary: row.is_primary,
    notes: row.notes,
    assigned_at: row.assigned_at,
    assigned_by: row.assigned_by,
    patient_name: row.patient_name,
    doctor_detail: doctorJson(doctor_detail),
    version: row.version,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
    deleted_by: row.deleted_by,
  };
}

/**
 * A change, deletion or restore of a mapping under `If-Match`: the row written, or why not
 * (404, 403 for a role that may only read it, 410 when deleted, 409 when not, 412).
 */
async function write(c: Context<AppEnv>, change: MappingChange): Promise<WrittenMapping> {
  const mappingId = pathId(c.req.param("id")!);
  const versions = ifMatch(c);
  const found = await changeMapping(c.var.db, mappingId, change, versions);
  if (!found) {
    const row = await findMapping(c.var.db, mappingId);
    if (!row) throw new ApiError(404, NOT_FOUND);
    if (row.patient_deleted_at) throw gone("patient");
    throw readOnly();
  }
  if (found.row) return found.row;
  checkState("mapping", change === "restore", found.deleted);
  checkIfMatch(versions, found.version);
  throw new Error("a mapping change was refused for no known reason");
}

async function deleteOne(c: Context<AppEnv>) {
  await write(c, "delete");
  return c.body(null, 204);
}

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) => describe({ tag: "Mappings", ...d });
const ONE = { status: 200, schema: mappingSchema };
const PAGE = { status: 200, schema: listOf(mappingSchema) };

/** Doctor assignments of the caller's patients. */
export const mappings = new Hono<AppEnv>()
  .use(audit("mapping"))
  .use(requireAuth)
  .post(
    "/",
    doc({
      operationId: "createMapping",
      summary: "Assign a doctor to a patient",
      ok: { ...ONE, status: 201 },
      errors: [403, 409],
    }),
    validate("json", mappingBody),
    async (c) => {
      const m = c.req.valid("json");
      // An attempt on a patient is the patient's business, refused or not: its access log
      // shows it (the event of a success is written in the transaction).
      noteAudit(c, { patientIds: [m.patient] });
      const done = await assignDoctor(c.var.db, m);
      if (!done.patient && await findPatient(c.var.db, m.patient)) throw readOnly();
      if (!done.row) {
        throw invalid([
          ...(done.patient ? [] : [{ field: "patient", message: UNKNOWN_PATIENT }]),
          ...(done.doctor ? [] : [{ field: "doctor", message: "no such doctor" }]),
        ]);
      }
      c.header("Location", link(c, `/api/mappings/detail/${done.row.id}/`));
      return c.json(mappingJson(done.row), 201);
    },
  )
  .get(
    "/",
    doc({
      operationId: "listMappings",
      summary: "Assignments of your patients",
      ok: PAGE,
      errors: [429],
    }),
    validate("query", mappingListQuery),
    searchGate,
    replicaReads,
    async (c) => {
      const q = c.req.valid("query");
      const list = await listMappings(
        c.var.db,
        { ...q, deleted: q.include_deleted ? "managed" : "live" },
        page(c, q),
      );
      // A filter on one patient names it even when the page is empty (its count still tells).
      const named = q.patient_id === undefined ? [] : [q.patient_id];
      noteAudit(c, {
        patientIds: [...new Set([...named, ...list.rows.map((r) => r.patient)])],
        clinicId: q.clinic_id ?? clinicOfAll(list.rows),
      });
      return c.json(await mappingListJson(c, list));
    },
  )
  .get(
    "/patient/:id",
    doc({
      operationId: "listPatientMappings",
      summary: "Assignments of the patient with this patient id",
      ok: PAGE,
      errors: [404],
    }),
    validate("query", mappingPageQuery),
    async (c) => {
      const patientId = pathId(c.req.param("id"));
      return c.json(await patientMappingsPage(c, patientId, c.req.valid("query")));
    },
  )
  .get(
    "/detail/:id",
    doc({
      operationId: "getMapping",
      summary: "One assignment (304 when If-None-Match names the current ETag)",
      ok: ONE,
      errors: [404],
      etag: true,
      ifNoneMatch: true,
    }),
    async (c) => {
      const body = await oneMapping(c, pathId(c.req.param("id")));
      return conditionalRead(c, `"${body.version}"`, body);
    },
  )
  .patch(
    "/detail/:id",
    doc({
      operationId: "updateMapping",
      summary: "Change is_primary or notes",
      ok: ONE,
      errors: [403, 404, 409, 410, 412],
      ifMatch: true,
      etag: true,
    }),
    validate("json", mappingPatch),
    async (c) => {
      const row = await write(c, c.req.valid("json"));
      setEtag(c, row.version);
      return c.json(mappingJson(row));
    },
  )
  .delete(
    "/detail/:id",
    doc({
      operationId: "deleteMapping",
      summary: "Remove one assignment (restorable)",
      ok: { status: 204 },
      errors: [403, 404, 410, 412],
      ifMatch: true,
    }),
    deleteOne,
  )
  .post(
    "/detail/:id/restore",
    doc({
      operationId: "restoreMapping",
      summary: "Restore a removed assignment",
      ok: ONE,
      errors: [403, 404, 409, 412],
      ifMatch: true,
      etag: true,
    }),
    async (c) => {
      noteAudit(c, { action: "restore" });
      const row = await write(c, "restore");
      setEtag(c, row.version);
      return c.json(mappingJson(row));
    },
  )
  // The seeds' clients call GET /api/mappings/<patient_id>/ but DELETE /api/mappings/<mapping_id>/.
  .get(
    "/:id",
    doc({
      operationId: "listPatientMappingsAlias",
      summary: "Assignments of the patient with this **patient** id",
      ok: PAGE,
      errors: [404],
    }),
    validate("query", mappingPageQuery),
    async (c) => {
      const patientId = pathId(c.req.param("id"));
      return c.json(await patientMappingsPage(c, patientId, c.req.valid("query")));
    },
  )
  .delete(
    "/:id",
    doc({
      operationId: "deleteMappingAlias",
      summary: "Remove the assignment with this **mapping** id",
      ok: { status: 204 },
      errors: [403, 404, 410, 412],
      ifMatch: true,
    }),
    deleteOne,
  );
