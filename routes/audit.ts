import { Hono } from "hono";
import { z } from "zod";
import type { AuditEvent } from "../db/audit.ts";
import { AUDIT_KEYS, listEvents } from "../db/audit_log.ts";
import { cursorPageQuery, idParam, instant } from "../lib/fields.ts";
import { type Answer, envelope, listOf, page, timestamp } from "./http.ts";
import { describe, named } from "../lib/route_marks.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import { replicaReads } from "../middleware/replica.ts";
import { ApiError } from "../lib/errors.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import type { Context } from "hono";
import type { Page } from "../db/page.ts";

const ACTIONS = [
  "read",
  "list",
  "create",
  "update",
  "delete",
  "restore",
  "purge",
  "member_add",
  "member_change",
  "member_remove",
] as const;

const { limit, offset, page: pageNumber, page_size, cursor } = cursorPageQuery(
  ["at"],
  AUDIT_KEYS,
);

/** Query of the access log of one patient: newest first, by time or action. */
export const accessLogQuery = z.object({
  limit,
  offset,
  page: pageNumber,
  page_size,
  cursor,
  action: z.enum(ACTIONS, { error: `must be one of ${ACTIONS.join(", ")}` }).optional(),
  since: instant.optional(),
  until: instant.optional(),
});

/** The paging of an audit list: newest first, the only order it has. */
export function eventPage(c: Context<AppEnv>, q: z.output<typeof accessLogQuery>): Page<"at"> {
  return page(c, { ...q, ordering: { field: "at", desc: true } });
}

/** Query of `GET /api/audit/`. */
export const auditQuery = accessLogQuery.extend({
  user_id: idParam.optional(),
  patient_id: idParam.optional(),
});

/** An audit event as answered. */
export const auditEventSchema = named(
  "AuditEvent",
  z.strictObject({
    id: z.number().int(),
    at: timestamp,
    user_id: z.number().int().nullable(),
    action: z.enum(ACTIONS),
    resource_type: z.enum([
      "patient",
      "doctor",
      "mapping",
      "user",
      "clinic",
      "appointment",
      "webhook",
    ]),
    resource_id: z.number().int().nullable(),
    patient_ids: z.array(z.number().int()),
    clinic_id: z.number().int().nullable(),
    client_ip: z.string().nullable(),
    request_id: z.string(),
    status: z.number().int(),
  }),
);

export function auditEventJson(e: AuditEvent & { id: number }): Answer<typeof auditEventSchema> {
  return {
    id: e.id,
    at: e.at,
    user_id: e.user_id,
    action: e.action,
    resource_type: e.resource_type,
    resource_id: e.resource_id,
    patient_ids: e.patient_ids,
    clinic_id: e.clinic_id,
    client_ip: e.client_ip,
    request_id: e.request_id,
    status: e.status,
  };
}

/** The audit trail, for admins only. */
export const auditLog = new Hono<AppEnv>()
  .use(requireAuth)
  .use(async function adminsOnly(c, next) {
    if (c.var.db.caller.role !== "admin") {
      throw new ApiError(403, "Only admins may read the audit log");
    }
    await next();
  })
  .get(
    "/",
    describe({
      tag: "Audit",
      operationId: "listAuditEvents",
      summary: "The audit trail, newest first (admins)",
      ok: { status: 200, schema: listOf(auditEventSchema) },
      errors: [403, 429],
    }),
    validate("query", auditQuery),
    searchGate,
    replicaReads,
    async (c) => {
      const q = c.req.valid("query");
      const p = eventPage(c, q);
      const list = await listEvents(c.var.db, q, p);
      return c.json(envelope(c, p, list, list.rows.map(auditEventJson)));
    },
  );
