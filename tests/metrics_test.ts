import assert from "node:assert/strict";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { dbTest, startService, testApp } from "./helpers.ts";
import { signUp } from "./records_helpers.ts";

const TOKEN = "metrics-token-0123456789";

type Family = {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string; buckets?: Record<string, string> }[];
};

dbTest(
  "GET /metrics: 404 without METRICS_TOKEN, 401 without it, Prometheus text with it",
  async () => {
    const closed = await testApp();
    assert.equal((await closed.request("/metrics")).status, 404);

    const app = await testApp({ METRICS_TOKEN: TOKEN });
    const ann = await signUp(app);
    const made = await ann.json("POST", "/api/patients/", { name: "Metric Patient" });
    for (let i = 0; i < 3; i++) {
      await (await ann.call("GET", `/api/patients/${made.body.id}/`))
        .text();
    }
    await (await ann.call("GET", "/api/patients/?search=Metric")).text();
    await (await ann.call("GET", "/api/patients/999999/")).text();
    assert.equal((await ann.call("POST", "/api/auth/logout/")).status, 204);

    assert.equal((await app.request("/metrics")).status, 401);
    const wrong = await app.request("/metrics", { headers: { Authorization: "Bearer nope" } });
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get("WWW-Authenticate")!, /^Bearer/);

    const res = await app.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("Content-Type")!, /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const families = parsePrometheusTextFormat(text) as Family[];
    const family = (name: string) => {
      const f = families.find((f) => f.name === name);
      assert.ok(f, `${name} missing`);
      return f;
    };
    const count = (route: string, status: string) =>
      Number(
        family("hc_http_requests_total").metrics.find((m) =>
          m.labels?.route === route && m.labels?.status === status && m.labels?.method === "GET"
        )?.value ?? 0,
      );
    assert.ok(count("/api/patients/:id", "200") >= 3);
    assert.ok(count("/api/patients/:id", "404") >= 1);
    assert.equal(family("hc_http_requests_total").type, "COUNTER");
    const histogram = family("hc_http_request_duration_seconds");
    assert.equal(histogram.type, "HISTOGRAM");
    // This parser folds a labelled histogram's series into one; the series are read as lines.
    assert.ok(histogram.metrics.length > 0);
    const inf = text.match(
      /^hc_http_request_duration_seconds_bucket\{method="GET",route="\/api\/patients\/:id",le="\+Inf"\} (\d+)$/m,
    );
    assert.ok(inf && Number(inf[1]) >= 4, "the reads were timed");
    assert.ok(text.includes('_bucket{method="GET",route="/api/patients/:id",le="+Inf"}'));
    for (
      const name of [
        "hc_http_requests_in_flight",
        "hc_db_connections",
        "hc_db_pool_max",
        "hc_audit_events_buffered",
        "hc_audit_events_written_total",
        "hc_audit_events_dropped_total",
        "hc_revoked_sessions_known",
        "hc_webhook_deliveries_pending",
        "hc_webhook_deliveries_delivered_total",
        "hc_webhook_delivery_retries_total",
        "hc_webhook_deliveries_failed_total",
        "process_resident_memory_bytes",
      ]
    ) family(name);
    assert.ok(Number(family("hc_revoked_sessions_known").metrics[0].value) >= 1, "the logout");
    const states = family("hc_db_connections").metrics.map((m) => m.labels?.state).sort();
    assert.deepEqual(states, ["busy", "open"]);
    // Labels carry route patterns, never ids, paths' values or query strings.
    assert.doesNotMatch(text, new RegExp(`patients\\/(${made.body.id}|999999)|Metric|search=`));
  },
);

Deno.test({
  name: "with OTEL_DENO=true each request's span carries its route, status and user id",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const bodies: string[] = [];
    const collector = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      async (req) => {
        bodies.push(await req.text());
        return Response.json({});
      },
    );
    const dataDir = await Deno.makeTempDir({ prefix: "hc-otel-" });
    const svc = await startService({
      DATA_DIR: dataDir,
      OTEL_DENO: "true",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collector.addr.port}`,
      OTEL_DENO_CONSOLE: "ignore",
      OTEL_SERVICE_NAME: "healthcare-records-test",
    });
    try {
      const json = { "Content-Type": "application/json" };
      const reg = await fetch(`${svc.url}/api/auth/register/`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          name: "Otel Check",
          email: "otel@check.test",
          password: "Maple-Orbit-5521",
        }),
      });
      const { access, user } = await reg.json();
      const res = await fetch(`${svc.url}/api/patients/?search=secret-name`, {
        headers: { Authorization: `Bearer ${access}` },
      });
      assert.equal(res.status, 200);
      await res.body?.cancel();
      // Spans are exported in batches: wait until the list's span has arrived.
      const deadline = Date.now() + 20_000;
      let span:
        | { name: string; attributes: { key: string; value: Record<string, unknown> }[] }
        | undefined;
      while (!span && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        span = bodies.flatMap((b) => {
          try {
            return JSON.parse(b).resourceSpans.flatMap((
              r: { scopeSpans: { spans: unknown[] }[] },
            ) => r.scopeSpans.flatMap((s) => s.spans));
          } catch {
            return [];
          }
        }).find((s: { name: string }) => s.name === "GET /api/patients");
      }
      assert.ok(span, `no span named "GET /api/patients" in ${bodies.length} exports`);
      const attr = (key: string) => {
        const v = span!.attributes.findLast((a) => a.key === key)?.value;
        return v && Object.values(v)[0];
      };
      assert.equal(attr("http.route"), "/api/patients");
      assert.equal(String(attr("http.response.status_code")), "200");
      assert.equal(attr("enduser.id"), String(user.id));
      // Deno records the URL before the service sees the request; the service overrides it
      // with the path alone (README: what reaches the collector).
      assert.equal(attr("url.query"), "");
      assert.equal(new URL(String(attr("url.full"))).search, "");
    } finally {
      await svc.stop();
      await collector.shutdown();
      await Deno.remove(dataDir, { recursive: true });
    }
  },
});
