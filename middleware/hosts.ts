import { createMiddleware } from "hono/factory";
import { ApiError } from "../lib/errors.ts";
import type { AppEnv } from "../types.ts";

/** The host name of a `Host` value, without its port, lower-cased (`[::1]:8000` → `[::1]`). */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) {
    const close = h.indexOf("]");
    return close < 0 ? h : h.slice(0, close + 1);
  }
  const colon = h.lastIndexOf(":");
  return colon < 0 ? h : h.slice(0, colon);
}

/** Whether `name` is one of `allowed`: `*`, an exact name, or `.example.com` for a domain. */
function hostAllowed(name: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) =>
    pattern === "*" || pattern === name ||
    (pattern.startsWith(".") && (name.endsWith(pattern) || name === pattern.slice(1)))
  );
}

/** Probes answer whatever name an orchestrator uses (often a bare address); they carry no link. */
const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * With ALLOWED_HOSTS set, a request for another host (by `Host`, or by `X-Forwarded-Host`
 * under TRUST_PROXY) is refused with 400, as Django does: links built from it could point
 * clients anywhere.
 */
export const allowedHosts = createMiddleware<AppEnv>(async function allowedHosts(c, next) {
  const config = c.get("config");
  if (config.allowedHosts.length === 0 || PROBES.has(c.req.path)) return await next();
  const forwarded = config.trustProxy
    ? c.req.header("X-Forwarded-Host")?.split(",")[0].trim()
    : undefined;
  const host = forwarded || c.req.header("Host") || new URL(c.req.url).host;
  if (!hostAllowed(hostName(host), config.allowedHosts)) {
    throw new ApiError(400, "This service does not answer for the host named in the request", [
      { field: "Host", message: "is not one of ALLOWED_HOSTS" },
    ]);
  }
  await next();
});
