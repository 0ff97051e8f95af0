import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { fingerprint, fuzz, FUZZ_CONFIG, type FuzzTarget, setUpCast, statusTable } from "./fuzz.ts";
import { dbTest, testApp } from "./helpers.ts";

const METRICS_TOKEN = "fuzz-metrics-token-0123456789";
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"]);

dbTest("fuzz: 2,000 generated requests from the OpenAPI document (fixed seed)", async () => {
  const app = await testApp({ ...FUZZ_CONFIG, METRICS_TOKEN });
  const target: FuzzTarget = {
    request: async (path, init) => await app.request(path, init),
    fingerprint,
  };
  const cast = await setUpCast(target, async (email) => {
    await sql`update users set role = 'admin' where email = ${email}`;
  });
  // The webhooks it makes point at an address no test reaches: they go when it ends.
  const [{ last }] = await sql<{ last: number }[]>`
    select coalesce(max(id), 0) as last from webhooks`;
  const report = await fuzz(target, cast, { runs: 2000, seed: 20261123 }).finally(() =>
    sql`delete from webhooks where id > ${last}`
  );
  assert.equal(report.requests, 2000);
  assert.deepEqual(report.failures, [], statusTable(report));
  // The run reached every operation, and not only with refusals.
  const doc = await (await app.request("/api/openapi.json")).json();
  const operations = Object.entries(doc.paths).flatMap(([p, ms]) =>
    Object.keys(ms as object).map((m) => `${m.toUpperCase()} ${p}`)
  );
  const missed = operations.filter((o) => !report.statuses.has(o));
  assert.deepEqual(missed, [], "every operation was tried");
  const ok = [...report.statuses.values()].reduce(
    (n, m) => n + [...m].filter(([s]) => s < 300).reduce((k, [, c]) => k + c, 0),
    0,
  );
  assert.ok(ok > 200, `some requests succeeded: ${ok}`);
  // Bodies are drawn from the named schemas the operations refer to: creations succeed.
  for (const op of ["POST /api/patients/", "POST /api/doctors/", "PATCH /api/patients/{id}/"]) {
    const created = [...report.statuses.get(op)!].filter(([s]) => s < 300);
    assert.ok(created.length > 0, `${op} succeeded at least once: ${statusTable(report)}`);
  }
  // Whatever the fuzzer sent, the request metrics hold only known methods and route patterns.
  const scraped = await app.request("/metrics", {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const routes = new Set(app.routes.map((r) => r.path));
  const series = (await scraped.text()).split("\n")
    .filter((l) => l.startsWith("hc_http_requests_total{"))
    .map((l) =>
      Object.fromEntries([...l.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]))
    );
  assert.ok(series.length > 0);
  for (const labels of series) {
    assert.ok(METHODS.has(labels.method), `method label ${labels.method.slice(0, 40)}`);
    assert.ok(routes.has(labels.route), `route label ${labels.route.slice(0, 80)}`);
  }
});
