import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { connectionStats } from "../db/socket.ts";
import { revocationsKnown } from "../db/revocations.ts";
import { ApiError } from "../lib/errors.ts";
import { sha256Hex } from "../lib/digest.ts";
import { counterOf, countersBy, gauge } from "../lib/metrics.ts";
import { replicaList } from "../db/replicas.ts";
import { describe } from "../lib/route_marks.ts";
import { auditCounts, pendingAuditEvents } from "../middleware/audit.ts";
import { deliveryLatency, dispatchCounts } from "../lib/webhooks.ts";
import { inFlight } from "../middleware/in_flight.ts";
import { latency, requests } from "../middleware/metrics.ts";
import type { AppEnv } from "../types.ts";

/** Whether `sent` is the metrics token, compared in constant time. */
async function isToken(sent: string, token: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256Hex(sent), sha256Hex(token)]);
  return timingSafeEqual(new TextEncoder().encode(a), new TextEncoder().encode(b));
}

/** This process's metrics in Prometheus text format. */
function exposition(poolMax: number): string {
  const pool = connectionStats();
  const memory = Deno.memoryUsage();
  return [
    ...requests.render(),
    ...latency.render(),
    ...gauge("hc_http_requests_in_flight", "Requests being handled now", [[{}, inFlight()]]),
    ...gauge("hc_db_connections", "Database connections: open, and busy with a request", [
      [{ state: "open" }, pool.open],
      [{ state: "busy" }, pool.busy],
    ]),
    ...gauge("hc_db_pool_max", "Most pooled connections (DB_POOL_MAX)", [[{}, poolMax]]),
    ...gauge("hc_audit_events_buffered", "Read events waiting to be written", [
      [{}, pendingAuditEvents()],
    ]),
    ...counterOf(
      "hc_audit_events_written_total",
      "Buffered audit events written (writes store theirs in their own statement)",
      auditCounts.written,
    ),
    ...counterOf(
      "hc_audit_events_dropped_total",
      "Audit events dropped by a full buffer (a long outage)",
      auditCounts.dropped,
    ),
    ...gauge("hc_revoked_sessions_known", "Ended sessions whose tokens may be unexpired", [
      [{}, revocationsKnown()],
    ]),
    ...gauge(
      "hc_webhook_deliveries_pending",
      "Webhook deliveries waiting (all instances), as this instance last counted",
      [[{}, dispatchCounts.pending]],
    ),
    ...counterOf(
      "hc_webhook_deliveries_delivered_total",
      "Webhook deliveries a receiver took, by this instance",
      dispatchCounts.delivered,
    ),
    ...counterOf(
      "hc_webhook_delivery_retries_total",
      "Failed webhook attempts that will be retried, by this instance",
      dispatchCounts.retried,
    ),
    ...counterOf(
      "hc_webhook_deliveries_failed_total",
      "Webhook deliveries failed for good (the retry period ended), by this instance",
      dispatchCounts.failed,
    ),
    ...deliveryLatency.render(),
    ...replicaMetrics(),
    ...gauge("process_resident_memory_bytes", "Resident memory of the process", [
      [{}, memory.rss],
    ]),
    ...gauge("hc_js_heap_used_bytes", "V8 heap in use", [[{}, memory.heapUsed]]),
    ...gauge(
      "hc_js_external_bytes",
      "Memory of buffers outside the V8 heap (request and response bytes, documents on their way)",
      [[{}, memory.external]],
    ),
    "",
  ].join("\n");
}

/** The read replicas' state and use (nothing without DATABASE_REPLICA_URL). */
function replicaMetrics(): string[] {
  const replicas = replicaList();
  if (!replicas.length) return [];
  const each = (value: (r: (typeof replicas)[number]) => number) =>
    replicas.map((r): [Record<string, string>, number] => [{ replica: r.name }, value(r)]);
  return [
    ...gauge("hc_db_replica_up", "1 while the replica answers, is a standby and is read from", [
      ...each((r) => r.up ? 1 : 0),
    ]),
    ...gauge(
      "hc_db_replica_lag_seconds",
      "How far the replica was behind the primary at the last poll (answering replicas)",
      each((r) => r.lagMs / 1000).filter(([, v]) => Number.isFinite(v)),
    ),
    ...countersBy("hc_db_replica_reads_total", "Reads sent to the replica", each((r) => r.reads)),
    ...countersBy(
      "hc_db_replica_fallbacks_total",
      "Replica reads that failed on its connection and ran again on the primary",
      each((r) => r.fallbacks),
    ),
  ];
}

/** `GET /metrics`: Prometheus text, for a scraper holding METRICS_TOKEN. */
export const metrics = new Hono<AppEnv>().get(
  "/metrics",
  describe({
    tag: "Service",
    operationId: "getMetrics",
    summary: "Prometheus metrics (Bearer METRICS_TOKEN; 404 when it is not set)",
    ok: {
      status: 200,
      schema: z.string(),
      contentType: "text/plain; version=0.0.4",
      description: "Prometheus text exposition format",
    },
    errors: [401, 404],
  }),
  async (c) => {
    const { metricsToken, dbPoolMax } = c.get("config");
    if (!metricsToken) throw new ApiError(404, "No resource at this address");
    const sent = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "")?.[1];
    if (!sent || !await isToken(sent, metricsToken)) {
      throw new ApiError(
        401,
        "Send the metrics token as 'Authorization: Bearer <token>'",
        undefined,
        {
          "WWW-Authenticate": 'Bearer realm="metrics"',
        },
      );
    }
    return c.body(exposition(dbPoolMax), 200, {
      "Content-Type": "text/plain; version=0.0.4; charset=utf-8",
      "Cache-Control": "no-store",
    });
  },
);
