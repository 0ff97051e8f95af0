import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../types.ts";

/**
 * On lists, searches, access logs, the audit log and history: the request's queries read
 * from a read replica when one is fit for the caller's session (db/replicas.ts), else from
 * the primary. Goes after `requireAuth`. Single reads and writes stay on the primary.
 */
export const replicaReads = createMiddleware<AppEnv>(async function replicaReads(c, next) {
  c.set("db", c.var.db.forReads());
  await next();
});
