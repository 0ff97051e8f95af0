import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  addMember,
  changeMember,
  CLINIC_ORDERINGS,
  type ClinicRow,
  deleteClinic,
  findClinic,
  insertClinic,
  listClinics,
  listMembers,
  type MemberRow,
  renameClinic,
} from "../db/clinics.ts";
import { listEvents } from "../db/audit_log.ts";
import { CLINIC_ROLES, type ClinicRole } from "../db/scope.ts";
import { email, pageQuery, text } from "../lib/fields.ts";
import {
  type Answer,
  checkIfMatch,
  envelope,
  ifMatch,
  link,
  listOf,
  page,
  pathId,
  setEtag,
  timestamp,
} from "./http.ts";
import { describe, named } from "../lib/route_marks.ts";
import { audit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import { replicaReads } from "../middleware/replica.ts";
import { ApiError, invalid } from "../lib/errors.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import { accessLogQuery, auditEventJson, auditEventSchema, eventPage } from "./audit.ts";

const role = z.enum(CLINIC_ROLES, { error: `must be one of ${CLINIC_ROLES.join(", ")}` });

/** Body of POST and PATCH of a clinic. */
export const clinicBody = named("ClinicInput", z.object({ name: text(1, 200) }));
export const clinicPatch = named("ClinicPatch", z.object({ name: text(1, 200).optional() }));
/** Body of POST of a member. */
export const memberBody = named("MemberInput", z.object({ email: email(), role }));
/** Body of PATCH of a member. */
export const memberPatch = named("MemberPatch", z.object({ role }));

/** A clinic as answered, with the caller's role in it. */
export const clinicSchema = named(
  "Clinic",
  z.strictObject({
    id: z.number().int(),
    name: z.string(),
    role: role.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
  }),
);

/** A member as answered. */
export const memberSchema = named(
  "ClinicMember",
  z.strictObject({
    user_id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role,
    added_at: timestamp,
    added_by: z.number().int().nullable(),
  }),
);

function clinicJson(r: ClinicRow): Answer<typeof clinicSchema> {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
  };
}

function memberJson(m: MemberRow): Answer<typeof memberSchema> {
  return {
    user_id: m.user_id,
    name: m.name,
    email: m.email,
    role: m.role,
    added_at: m.added_at,
    added_by: m.added_by,
  };
}

const NOT_FOUND = "No clinic with this id";
const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) => describe({ tag: "Clinics", ...d });

/**
 * The clinic of the path, read fresh (not from the cached memberships): 404 unless the
 * caller is a member or an admin, 403 unless their role is one of `roles` (admins pass).
 */
async function clinicOf(
  c: Context<AppEnv>,
  roles: readonly ClinicRole[] = CLINIC_ROLES,
): Promise<ClinicRow> {
  const s = c.var.db;
  const clinic = await findClinic(s, pathId(c.req.param("id")!));
  if (!clinic) throw new ApiError(404, NOT_FOUND);
  if (s.caller.role !== "admin" && !roles.includes(clinic.role!)) {
    throw new ApiError(403, `Only a clinic's ${roles.join(" or ")} members may do this`);
  }
  return clinic;
}

const memberPageQuery = z.object(pageQuery(["added_at"]));
const clinicPageQuery = z.object(pageQuery(CLINIC_ORDERINGS));
const OWNER = ["owner"] as const;

/** Clinics: teams sharing patients, each member with a role. */
export const clinics = new Hono<AppEnv>()
  .use(audit("clinic", { reads: false }))
  .use(requireAuth)
  .post(
    "/",
    doc({
      operationId: "createClinic",
      summary: "Create a clinic (its creator becomes its owner)",
      ok: { status: 201, schema: clinicSchema },
      etag: true,
    }),
    validate("json", clinicBody),
    async (c) => {
      const row = await insertClinic(c.var.db, c.req.valid("json").name);
      setEtag(c, row.version);
      c.header("Location", link(c, `/api/clinics/${row.id}/`));
      return c.json(clinicJson(row), 201);
    },
  )
  .get(
    "/",
    doc({
      operationId: "listClinics",
      summary: "The caller's clinics (admins: all)",
      ok: { status: 200, schema: listOf(clinicSchema) },
    }),
    validate("query", clinicPageQuery),
    async (c) => {
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listClinics(c.var.db, p);
      return c.json(envelope(c, p, count, rows.map(clinicJson)));
    },
  )
  .get(
    "/:id",
    doc({
      operationId: "getClinic",
      summary: "Read one (members)",
      ok: { status: 200, schema: clinicSchema },
      errors: [404],
      etag: true,
    }),
    async (c) => {
      const clinic = await clinicOf(c);
      setEtag(c, clinic.version);
      return c.json(clinicJson(clinic));
    },
  )
  .patch(
    "/:id",
    doc({
      operationId: "updateClinic",
      summary: "Rename (owners)",
      ok: { status: 200, schema: clinicSchema },
      errors: [403, 404, 412],
      ifMatch: true,
      etag: true,
    }),
    validate("json", clinicPatch),
    async (c) => {
      const clinic = await clinicOf(c, OWNER);
      const versions = ifMatch(c);
      const found = await renameClinic(c.var.db, clinic.id, c.req.valid("json").name, versions);
      if (!found) throw new ApiError(404, NOT_FOUND);
      if (!found.written) {
        checkIfMatch(versions, found.version);
        throw new Error("a clinic change was refused for no known reason");
      }
      setEtag(c, found.written.version);
      return c.json(clinicJson(found.written));
    },
  )
  .delete(
    "/:id",
    doc({
      operationId: "deleteClinic",
      summary: "Delete a clinic that holds no patients (owners)",
      ok: { status: 204 },
      errors: [403, 404, 409],
    }),
    async (c) => {
      const clinic = await clinicOf(c, OWNER);
      const outcome = await deleteClinic(c.var.db, clinic.id);
      if (outcome === "missing") throw new ApiError(404, NOT_FOUND);
      if (outcome === "patients") {
        throw new ApiError(409, "The clinic still holds patients", [{
          field: "patients",
          message: "move or delete the clinic's patients first",
        }]);
      }
      return c.body(null, 204);
    },
  )
  .get(
    "/:id/members",
    doc({
      operationId: "listClinicMembers",
      summary: "The clinic's members (members)",
      ok: { status: 200, schema: listOf(memberSchema) },
      errors: [404],
    }),
    validate("query", memberPageQuery),
    async (c) => {
      const clinic = await clinicOf(c);
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listMembers(c.var.db, clinic.id, p);
      return c.json(envelope(c, p, count, rows.map(memberJson)));
    },
  )
  .post(
    "/:id/members",
    doc({
      operationId: "addClinicMember",
      summary: "Add a member by email (owners)",
      ok: { status: 201, schema: memberSchema },
      errors: [403, 404, 409],
    }),
    validate("json", memberBody),
    async (c) => {
      const clinic = await clinicOf(c, OWNER);
      const body = c.req.valid("json");
      const added = await addMember(c.var.db, clinic.id, body.email, body.role);
      if (added === "no_user") {
        throw invalid([{
          field: "email",
          message: "no account has this email; the person must register first",
        }]);
      }
      if (added === "member") {
        throw new ApiError(409, "This user is already a member", [{
          field: "email",
          message: "is already a member of this clinic",
        }]);
      }
      c.header("Location", link(c, `/api/clinics/${clinic.id}/members/${added.user_id}/`));
      return c.json(memberJson(added), 201);
    },
  )
  .patch(
    "/:id/members/:user_id",
    doc({
      operationId: "changeClinicMember",
      summary: "Change a member's role (owners)",
      ok: { status: 200, schema: memberSchema },
      errors: [403, 404, 409],
    }),
    validate("json", memberPatch),
    async (c) => {
      const clinic = await clinicOf(c, OWNER);
      const changed = await changeMember(
        c.var.db,
        clinic.id,
        pathId(c.req.param("user_id")),
        c.req.valid("json").role,
      );
      return c.json(memberJson(memberOutcome(changed) as MemberRow));
    },
  )
  .delete(
    "/:id/members/:user_id",
    doc({
      operationId: "removeClinicMember",
      summary: "Remove a member (owners), or leave the clinic (any member)",
      ok: { status: 204 },
      errors: [403, 404, 409],
    }),
    async (c) => {
      const userId = pathId(c.req.param("user_id"));
      const leaving = userId === c.var.db.caller.id;
      const clinic = await clinicOf(c, leaving ? CLINIC_ROLES : OWNER);
      memberOutcome(await changeMember(c.var.db, clinic.id, userId, null));
      return c.body(null, 204);
    },
  )
  .get(
    "/:id/audit",
    doc({
      operationId: "listClinicAuditEvents",
      summary: "The audit events of the clinic's patients and members (owners)",
      ok: { status: 200, schema: listOf(auditEventSchema) },
      errors: [403, 404, 429],
    }),
    validate("query", accessLogQuery),
    searchGate,
    replicaReads,
    async (c) => {
      const clinic = await clinicOf(c, OWNER);
      const q = c.req.valid("query");
      const p = eventPage(c, q);
      const list = await listEvents(c.var.db, { ...q, clinic_id: clinic.id }, p);
      return c.json(envelope(c, p, list, list.rows.map(auditEventJson)));
    },
  );

/** The answer of a member change that was refused, or the member. */
function memberOutcome(outcome: Awaited<ReturnType<typeof changeMember>>) {
  if (outcome === "missing") throw new ApiError(404, "This user is not a member of the clinic");
  if (outcome === "last_owner") {
    throw new ApiError(409, "The clinic would have no owner", [{
      field: "role",
      message: "make another member an owner first",
    }]);
  }
  return outcome;
}
