import { trace } from "@opentelemetry/api";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import { Counter, Histogram } from "../lib/metrics.ts";
import type { AppEnv } from "../types.ts";

/** Methods counted under their own name; any other is counted as `other`. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A request's method as a label: one of METHODS or `other`, so clients cannot add series. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : "other";
}

/** Requests answered, by method, route pattern and status. */
export const requests = new Counter(
  "hc_http_requests_total",
  "HTTP requests answered, by method, route pattern and status",
);

/** How long requests took, by route pattern. */
export const latency = new Histogram(
  "hc_http_request_duration_seconds",
  "Time from a request's arrival to its answer, by method and route pattern",
  [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
);

/**
 * Counts and times each request by its route pattern (never its path: ids stay out of the
 * labels), and, when OpenTelemetry is on (`OTEL_DENO=true`), puts the route, status and user
 * id on the request's span, and takes the query string off it.
 */
export const recordRequest = createMiddleware<AppEnv>(async function recordRequest(c, next) {
  const started = performance.now();
  await next();
  const route = routePath(c, -1);
  const method = methodLabel(c.req.method);
  const status = c.res.status;
  requests.add(
    `${method} ${route} ${status}`,
    () => ({ method, route, status: String(status) }),
  );
  latency.observe(
    `${method} ${route}`,
    () => ({ method, route }),
    (performance.now() - started) / 1000,
  );
  const span = trace.getActiveSpan();
  if (span) {
    span.updateName(`${method} ${route}`);
    // Query strings can carry patient data (a search for a name): the span keeps the path.
    const url = new URL(c.req.url);
    span.setAttributes({
      "url.full": `${url.origin}${url.pathname}`,
      "url.query": "",
      "http.route": route,
      "http.response.status_code": status,
      "hc.request_id": c.get("requestId"),
    });
    const user = c.get("user");
    if (user) span.setAttribute("enduser.id", String(user.id));
  }
});
