import assert from "node:assert/strict";
import { flushLogs } from "../middleware/logger.ts";
import { dbTest, jsonInit, testApp } from "./helpers.ts";

async function problem(res: Response, status: number) {
  assert.equal(res.status, status);
  assert.equal(res.headers.get("Content-Type"), "application/problem+json");
  const body = await res.json();
  assert.equal(body.status, status);
  assert.equal(typeof body.title, "string");
  assert.equal(typeof body.detail, "string");
  assert.equal(body.request_id, res.headers.get("X-Request-Id"));
  return body;
}

dbTest("unknown routes answer 404 problem details", async () => {
  const app = await testApp();
  await problem(await app.request("/api/nothing-here/"), 404);
  await problem(await app.request("/nothing"), 404);
});

dbTest("every route works with and without a trailing slash, without redirects", async () => {
  const app = await testApp();
  for (const path of ["/healthz", "/healthz/", "/readyz", "/readyz/"]) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
  }
  for (const path of ["/api/auth/me", "/api/auth/me/"]) {
    await problem(await app.request(path), 401);
  }
  const a = await app.request("/api/auth/login", jsonInit("POST", {}));
  const b = await app.request("/api/auth/login/", jsonInit("POST", {}));
  assert.equal(a.status, 400);
  assert.equal(b.status, 400);
});

dbTest("a known path with an unsupported method answers 405 with Allow", async () => {
  const app = await testApp();
  const body = await problem(await app.request("/api/auth/me/", { method: "DELETE" }), 405);
  assert.match(body.detail, /GET/);
  const res = await app.request("/api/auth/login", { method: "GET" });
  await problem(res, 405);
  assert.equal(res.headers.get("Allow"), "POST");
});

dbTest("a body that is not JSON, or not an object, is refused", async () => {
  const app = await testApp();
  const url = "/api/auth/login/";
  const text = await app.request(url, {
    method: "POST",
    headers: { "Content-Type": "text/plain" },
    body: "email=a",
  });
  await problem(text, 415);
  const form = await app.request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "email=a",
  });
  await problem(form, 415);
  const malformed = await app.request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: '{"email": ',
  });
  assert.match((await problem(malformed, 400)).detail, /not valid JSON/);
  for (const body of [[1, 2], "text", 42, null]) {
    const res = await app.request(url, jsonInit("POST", body));
    const p = await problem(res, 400);
    assert.match(p.detail, /JSON object/);
  }
  const charset = await app.request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: "{}",
  });
  assert.equal(charset.status, 400, "JSON with a charset is accepted and validated");
});

dbTest("a body over 1 MiB answers 413, declared or streamed", async () => {
  const app = await testApp();
  const big = JSON.stringify({ email: "a".repeat(1024 * 1024), password: "x" });
  await problem(await app.request("/api/auth/login/", jsonInit("POST", JSON.parse(big))), 413);
  const bytes = new TextEncoder().encode(big);
  const stream = new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 65536) controller.enqueue(bytes.slice(i, i + 65536));
      controller.close();
    },
  });
  const streamed = await app.request("/api/auth/login/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: stream,
  });
  await problem(streamed, 413);
});

dbTest("X-Request-Id echoes a sane client id and replaces any other", async () => {
  const app = await testApp();
  const sane = await app.request("/healthz", { headers: { "X-Request-Id": "abc-123_x.y" } });
  assert.equal(sane.headers.get("X-Request-Id"), "abc-123_x.y");
  for (const bad of ["a b", "x".repeat(129), "<script>", "é"]) {
    const res = await app.request("/healthz", { headers: { "X-Request-Id": bad } });
    assert.match(res.headers.get("X-Request-Id")!, /^[0-9a-f-]{36}$/);
  }
  const none = await app.request("/healthz");
  assert.match(none.headers.get("X-Request-Id")!, /^[0-9a-f-]{36}$/);
  const p = await problem(
    await app.request("/nope", { headers: { "X-Request-Id": "trace-1" } }),
    404,
  );
  assert.equal(p.request_id, "trace-1");
});

dbTest("answers carry security headers", async () => {
  const app = await testApp();
  const res = await app.request("/healthz");
  assert.equal(res.headers.get("X-Content-Type-Options"), "nosniff");
  assert.match(res.headers.get("Content-Security-Policy")!, /default-src 'none'/);
  assert.match(res.headers.get("Strict-Transport-Security")!, /max-age=\d+/);
  assert.equal(res.headers.get("Referrer-Policy"), "no-referrer");
  assert.equal(res.headers.get("X-Frame-Options"), "DENY", "as frame-ancestors 'none' says");
});

dbTest("CORS allows only CORS_ORIGINS", async () => {
  const app = await testApp({ CORS_ORIGINS: "https://clinic.example.com" });
  const preflight = (origin: string) =>
    app.request("/api/auth/login/", {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization",
      },
    });
  const ok = await preflight("https://clinic.example.com");
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get("Access-Control-Allow-Origin"), "https://clinic.example.com");
  assert.match(ok.headers.get("Access-Control-Allow-Headers")!, /Authorization/i);
  const evil = await preflight("https://evil.example.com");
  assert.equal(evil.headers.get("Access-Control-Allow-Origin"), null);
  const simple = await app.request("/healthz", {
    headers: { Origin: "https://clinic.example.com" },
  });
  assert.equal(simple.headers.get("Access-Control-Allow-Origin"), "https://clinic.example.com");
  assert.match(simple.headers.get("Access-Control-Expose-Headers")!, /X-Request-Id/);
  const closed = await testApp();
  const none = await closed.request("/healthz", {
    headers: { Origin: "https://clinic.example.com" },
  });
  assert.equal(none.headers.get("Access-Control-Allow-Origin"), null);
});

dbTest("one JSON log line per request, without bodies, tokens or query strings", async () => {
  const app = await testApp({ LOG_LEVEL: "info" });
  const lines: string[] = [];
  const original = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    await app.request(
      "/api/auth/login/?email=secret%40example.com",
      jsonInit("POST", { email: "secret@example.com", password: "hunter2-secret-pw" }, {
        Authorization: "Bearer some.token.value",
        "X-Request-Id": "log-check-1",
      }),
    );
    flushLogs();
  } finally {
    console.log = original;
  }
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(entry).sort(), [
    "duration_ms",
    "level",
    "method",
    "request_id",
    "route",
    "status",
    "time",
    "user_id",
  ]);
  assert.equal(entry.request_id, "log-check-1");
  assert.equal(entry.route, "/api/auth/login");
  assert.equal(entry.status, 401);
  assert.ok(!/secret|hunter2|some\.token/.test(lines[0]));
});

dbTest("error messages never echo the submitted value", async () => {
  const app = await testApp();
  const res = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { name: "x".repeat(151), email: "SSN-123-45-6789", password: "short" }),
  );
  const text = await res.text();
  assert.equal(res.status, 400);
  assert.ok(!text.includes("SSN-123-45-6789"));
  assert.ok(!text.includes("x".repeat(151)));
});

Deno.test("every unique constraint has its 409 in the error funnel's table", async () => {
  const { CONFLICTS } = await import("../middleware/errors.ts");
  const names: string[] = [];
  for await (const e of Deno.readDir(new URL("../migrations/", import.meta.url))) {
    const sql = await Deno.readTextFile(new URL(`../migrations/${e.name}`, import.meta.url));
    for (const m of sql.matchAll(/constraint (\w+) unique|create unique index (\w+)/g)) {
      names.push(m[1] ?? m[2]);
    }
  }
  assert.ok(names.length >= 5, `read ${names.length} unique constraints`);
  // Constraints no request writes to: a violation would be a bug, rightly a 500.
  const internal: Record<string, string> = {
    events_seq_key: "numbered by sequence_events() alone, one caller at a time",
    webhook_deliveries_event_key: "fan_out_events() skips what it already owes (on conflict)",
    documents_content_key: "each upload stores its own new content, named by no other document",
  };
  assert.deepEqual(names.filter((n) => !(n in CONFLICTS) && !(n in internal)), []);
  assert.deepEqual(Object.keys(internal).filter((n) => !names.includes(n)), []);
});
