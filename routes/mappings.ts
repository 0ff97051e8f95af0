import { type Context, Hono } from "hono";
import { z } from "zod";
import { sql } from "../db/client.ts";
import { doctorsByIds } from "../db/doctors.ts";
import {
  deleteMapping,
  demotePrimary,
  doctorExists,
  findMapping,
  insertMapping,
  listMappings,
  listMappingsOfPatient,
  lockVisiblePatient,
  MAPPING_ORDERINGS,
  type MappingPage,
  type MappingRow,
  updateMapping,
} from "../db/mappings.ts";
import { bool, int, optionalText } from "../lib/fields.ts";
import { boolParam, envelope, idParam, link, page, pageQuery, pathId } from "../lib/lists.ts";
import { audit, auditWrite, noteAudit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { ApiError, invalid } from "../middleware/errors.ts";
import { fieldErrors, validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import { doctorJson } from "./doctors.ts";

const id = int(1, 2_147_483_647);

/** Body of `POST /api/mappings/`: `patient`/`patient_id`, `doctor`/`doctor_id`. */
export const mappingBody = z.object({
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
}).transform((b) => ({
  patient: (b.patient ?? b.patient_id)!,
  doctor: (b.doctor ?? b.doctor_id)!,
  is_primary: b.is_primary ?? false,
  notes: b.notes ?? null,
}));

/** Body of `PATCH /api/mappings/detail/<id>/`. */
export const mappingPatch = z.object({ is_primary: bool().optional(), notes: optionalText(2000) });

/** Paging of every mapping list. */
export const mappingPageQuery = z.object(pageQuery(MAPPING_ORDERINGS));

/** Query of `GET /api/mappings/`. */
export const mappingListQuery = z.object({
  ...pageQuery(MAPPING_ORDERINGS),
  patient_id: idParam.optional(),
  doctor_id: idParam.optional(),
  is_primary: boolParam.optional(),
});

/** Mappings with `doctor_detail`, the full doctor of each. */
async function withDoctors(rows: MappingRow[]) {
  const doctors = await doctorsByIds(rows.map((r) => r.doctor));
  return rows.map((r) => ({ ...r, doctor_detail: doctorJson(doctors.get(r.doctor)!) }));
}

/** A page of mappings in the list envelope. */
export async function mappingListJson(c: Context, list: MappingPage) {
  return envelope(c, list.page, list.count, await withDoctors(list.rows));
}

const UNKNOWN_PATIENT = "no such patient";
const NOT_FOUND = "No mapping with this id";

/** A patient's mappings (the caller's patient, or 404), in the list envelope. */
export async function patientMappings(c: Context<AppEnv>, patientId: number) {
  noteAudit(c, {
    action: "list",
    resourceType: "mapping",
    resourceId: null,
    patientIds: [patientId],
  });
  const q = mappingPageQuery.safeParse(c.req.query());
  if (!q.success) throw invalid(fieldErrors(q.error.issues));
  const list = await listMappingsOfPatient(patientId, c.get("user"), page(q.data));
  if (!list) throw new ApiError(404, "No patient with this id");
  return c.json(await mappingListJson(c, list));
}

async function oneMapping(c: Context<AppEnv>, mappingId: number) {
  const row = await findMapping(mappingId, c.get("user"));
  if (!row) throw new ApiError(404, NOT_FOUND);
  if (c.req.method === "GET") noteAudit(c, { patientIds: [row.patient] });
  const [json] = await withDoctors([row]);
  return json;
}

async function removeMapping(c: Context<AppEnv>) {
  const mappingId = pathId(c.req.param("id")!);
  await sql.begin(async (tx) => {
    const patientId = await deleteMapping(mappingId, c.get("user"), tx);
    if (patientId === undefined) throw new ApiError(404, NOT_FOUND);
    await auditWrite(c, tx, 204, {
      action: "delete",
      resourceType: "mapping",
      resourceId: mappingId,
      patientIds: [patientId],
    });
  });
  return c.body(null, 204);
}

/** Doctor assignments of the caller's patients. */
export const mappings = new Hono<AppEnv>()
  .use(audit("mapping"))
  .use(requireAuth)
  .post("/", validate("json", mappingBody), async (c) => {
    const m = c.req.valid("json");
    const viewer = c.get("user");
    // An attempt on a patient is the patient's business, refused or not: its access log
    // shows it (the event of a success is written in the transaction).
    noteAudit(c, { patientIds: [m.patient] });
    const mappingId = await sql.begin(async (tx) => {
      const patientOk = await lockVisiblePatient(m.patient, viewer, tx);
      const doctorOk = await doctorExists(m.doctor, tx);
      const errors = [
        ...(patientOk ? [] : [{ field: "patient", message: UNKNOWN_PATIENT }]),
        ...(doctorOk ? [] : [{ field: "doctor", message: "no such doctor" }]),
      ];
      if (errors.length) throw invalid(errors);
      if (m.is_primary) await demotePrimary(m.patient, null, tx);
      const created = await insertMapping({ ...m, by: viewer.id }, tx);
      await auditWrite(c, tx, 201, {
        action: "create",
        resourceType: "mapping",
        resourceId: created,
        patientIds: [m.patient],
      });
      return created;
    });
    c.header("Location", link(c, `/api/mappings/detail/${mappingId}/`));
    return c.json(await oneMapping(c, mappingId), 201);
  })
  .get("/", validate("query", mappingListQuery), async (c) => {
    const q = c.req.valid("query");
    const list = await listMappings(c.get("user"), q, page(q));
    // A filter on one patient names it even when the page is empty (its count still tells).
    const named = q.patient_id === undefined ? [] : [q.patient_id];
    noteAudit(c, { patientIds: [...new Set([...named, ...list.rows.map((r) => r.patient)])] });
    return c.json(await mappingListJson(c, list));
  })
  .get("/patient/:id", (c) => patientMappings(c, pathId(c.req.param("id"))))
  .get("/detail/:id", async (c) => c.json(await oneMapping(c, pathId(c.req.param("id")))))
  .patch("/detail/:id", validate("json", mappingPatch), async (c) => {
    const mappingId = pathId(c.req.param("id"));
    const changes = c.req.valid("json");
    await sql.begin(async (tx) => {
      const current = await findMapping(mappingId, c.get("user"), tx);
      if (!current) throw new ApiError(404, NOT_FOUND);
      await lockVisiblePatient(current.patient, c.get("user"), tx);
      if (changes.is_primary) await demotePrimary(current.patient, mappingId, tx);
      await updateMapping(mappingId, changes, tx);
      await auditWrite(c, tx, 200, {
        action: "update",
        resourceType: "mapping",
        resourceId: mappingId,
        patientIds: [current.patient],
      });
    });
    return c.json(await oneMapping(c, mappingId));
  })
  .delete("/detail/:id", removeMapping)
  // The seeds' clients call GET /api/mappings/<patient_id>/ but DELETE /api/mappings/<mapping_id>/.
  .get("/:id", (c) => patientMappings(c, pathId(c.req.param("id"))))
  .delete("/:id", removeMapping);
