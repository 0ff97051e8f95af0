import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { Config } from "../config.ts";
import type { AppEnv } from "../types.ts";
import { log } from "./logger.ts";

/** Refused origins remembered so each is logged once; past this many, no more are logged. */
const REFUSED_LOGGED_MAX = 1000;

/**
 * CORS for the origins in CORS_ORIGINS. A preflight (OPTIONS with an Origin and
 * Access-Control-Request-Method) is answered 204 whatever the path and whether or not the
 * origin may call: an allowed origin gets the CORS headers, any other none, so the browser
 * refuses. Each refused cross-site origin is logged once at `warn`, so a misconfigured
 * front end shows up in the log and not only in its user's browser console.
 */
export function corsPolicy(config: Config) {
  const any = config.corsOrigins.includes("*");
  const listed = new Set(config.corsOrigins);
  const allowed = (origin: string) => any || listed.has(origin);
  const refusedLogged = new Set<string>();
  const headers = config.corsOrigins.length === 0 ? undefined : cors({
    origin: any ? "*" : [...config.corsOrigins],
    allowHeaders: [
      "Authorization",
      "Content-Type",
      "If-Match",
      "If-None-Match",
      "Prefer",
      "X-Request-Id",
    ],
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    exposeHeaders: ["ETag", "Location", "Retry-After", "X-Request-Id"],
    maxAge: 600,
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header("Origin");
    if (origin === undefined) return await next();
    const preflight = c.req.method === "OPTIONS" &&
      c.req.header("Access-Control-Request-Method") !== undefined;
    if (allowed(origin)) return headers ? await headers(c, next) : await next();
    if (!sameSite(origin, c.req.header("Host")) && !refusedLogged.has(origin)) {
      if (refusedLogged.size < REFUSED_LOGGED_MAX) refusedLogged.add(origin);
      log(config, "warn", {
        msg: "CORS: origin not in CORS_ORIGINS; browsers will refuse its calls",
        // Only the origin: it is the browser's, not patient data, and names the fix.
        origin: origin.slice(0, 200),
        allowed: config.corsOrigins.length ? config.corsOrigins : "none (CORS_ORIGINS is empty)",
      });
    }
    if (preflight) return c.body(null, 204, { Vary: "Origin" });
    await next();
  });
}

/** Whether the Origin is this service itself (a page it serves calling it). */
function sameSite(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
