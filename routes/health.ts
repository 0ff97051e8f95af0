import { Hono } from "hono";
import { isReady, ping } from "../db/client.ts";
import { problemResponse } from "../middleware/errors.ts";
import { describe } from "../lib/route_marks.ts";
import type { AppEnv } from "../types.ts";
import { apiRoot, apiRootSchema } from "./docs.ts";

/** Liveness and readiness probes for orchestrators and load balancers. */
export const health = new Hono<AppEnv>()
  .get(
    "/",
    describe({
      tag: "Service",
      operationId: "getServiceRoot",
      summary: "Where each part of the API lives (as GET /api/)",
      ok: { status: 200, schema: apiRootSchema },
    }),
    (c) => c.json(apiRoot(c)),
  )
  .get(
    "/healthz",
    describe({ tag: "Service", operationId: "liveness", summary: "Liveness", ok: { status: 200 } }),
    (c) => c.json({ status: "ok" }),
  )
  .get(
    "/readyz",
    describe({
      tag: "Service",
      operationId: "readiness",
      summary: "Readiness: database reachable and migrated",
      ok: { status: 200 },
      errors: [503],
    }),
    async (c) => {
      if (isReady() && await ping()) return c.json({ status: "ready" });
      return problemResponse(c, 503, "The database is not reachable or not migrated", undefined, {
        "Retry-After": "5",
      });
    },
  );
