import { Hono } from "hono";
import { z } from "zod";
import { listEvents } from "../db/audit.ts";
import { envelope, idParam, page, pageQuery } from "../lib/lists.ts";
import { requireAuth } from "../middleware/auth.ts";
import { ApiError } from "../middleware/errors.ts";
import { instant } from "../lib/fields.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";

const ACTIONS = ["read", "list", "create", "update", "delete"] as const;

/** Query of the access log of one patient: newest first, by time or action. */
export const accessLogQuery = z.object({
  limit: pageQuery(["at"]).limit,
  offset: pageQuery(["at"]).offset,
  action: z.enum(ACTIONS, { error: `must be one of ${ACTIONS.join(", ")}` }).optional(),
  since: instant.optional(),
  until: instant.optional(),
});

/** Query of `GET /api/audit/`. */
export const auditQuery = accessLogQuery.extend({
  user_id: idParam.optional(),
  patient_id: idParam.optional(),
});

/** The audit trail, for admins only. */
export const auditLog = new Hono<AppEnv>()
  .use(requireAuth)
  .use(async function adminsOnly(c, next) {
    if (c.get("user").role !== "admin") {
      throw new ApiError(403, "Only admins may read the audit log");
    }
    await next();
  })
  .get("/", validate("query", auditQuery), async (c) => {
    const q = c.req.valid("query");
    const p = page(q);
    const { count, rows } = await listEvents(q, p);
    return c.json(envelope(c, p, count, rows));
  });
