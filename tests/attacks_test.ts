/**
 * Single clients that could crash, stall or starve the service: each finding of the second
 * round of attacks, bounded so it runs in the suite (the long forms are in
 * `deno task chaos --suite=attacks`).
 */
import assert from "node:assert/strict";
import { Hono } from "hono";
import { createClient, sql } from "../db/client.ts";
import { createTokens } from "../lib/tokens.ts";
import { onError } from "../middleware/errors.ts";
import { flushLogs, requestLogger } from "../middleware/logger.ts";
import { flushAudit } from "../middleware/audit.ts";
import type { AppEnv } from "../types.ts";
import { dbTest, jsonInit, SERVER_URL, TEST_JWT_SECRET, testApp, testConfig } from "./helpers.ts";
import { clientFor, errorFields, signUp } from "./records_helpers.ts";

const METRICS_TOKEN = "metrics-token-0123456789";

dbTest("made-up HTTP methods are counted as `other`: no client adds a metric series", async () => {
  const app = await testApp({ METRICS_TOKEN });
  const scrape = async () => {
    const res = await app.request("/metrics", {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    return await res.text();
  };
  const series = (text: string) => text.split("\n").filter((l) => l && !l.startsWith("#")).length;
  // Warm the series every method below can reach, then count.
  for (const path of ["/api/patients/1/", "/api/patients/0/"]) {
    await (await app.request(path, { method: "BREW" })).text();
  }
  await scrape();
  const before = series(await scrape());
  for (let i = 0; i < 200; i++) {
    const method = `X${crypto.randomUUID().replaceAll("-", "")}${"Y".repeat(i * 40)}`;
    const res = await app.request(`/api/patients/${i}/`, { method });
    await res.text();
  }
  const text = await scrape();
  assert.equal(series(text), before, "200 new methods added no series");
  assert.doesNotMatch(text, /X[0-9a-f]{32}/);
  assert.match(text, /hc_http_requests_total\{method="other",/);
});

dbTest("FHIR searches are bounded before any SQL is built: 400 OperationOutcome", async () => {
  const me = await signUp();
  const outcome = async (query: string, field: string) => {
    const res = await me.json("GET", `/fhir/Patient?${query}`);
    assert.equal(res.status, 400, `${query.slice(0, 60)}: ${res.status}`);
    assert.equal(res.body.resourceType, "OperationOutcome");
    assert.ok(
      res.body.issue.some((i: { expression?: string[] }) => i.expression?.[0] === field),
      JSON.stringify(res.body).slice(0, 300),
    );
  };
  // These ended the process (30,000 names) or answered 500 (12,000 birth dates).
  await outcome(`name=${Array(30_000).fill("a").join(",")}`, "name");
  await outcome(`birthdate=${Array(12_000).fill("1980").join(",")}`, "birthdate");
  await outcome(`name=${Array(51).fill("a").join(",")}`, "name");
  await outcome(`name=${"a".repeat(3000)}`, "name");
  await outcome(Array.from({ length: 33 }, (_, i) => `name=a${i}`).join("&"), "name");
  await outcome("_offset=10001", "_offset");
  // A time of day that does not exist is not a date.
  await outcome("birthdate=1980-05-17T99:99:99", "birthdate");
  await outcome("birthdate=1980T10:00", "birthdate");
  // Within the bounds, the widest search still answers, as one flat condition.
  const wide = await me.json(
    "GET",
    `/fhir/Patient?name=${Array(50).fill("zz").join(",")}&birthdate=${
      Array(50).fill("ge1900").join(",")
    }&${Array.from({ length: 28 }, () => "gender=unknown").join("&")}`,
  );
  assert.equal(wide.status, 200, JSON.stringify(wide.body).slice(0, 300));
  for (const ok of ["1980-05-17T10:30:00Z", "1980-05-17T23:59:59.5+02:00", "1980-05-17T24:00"]) {
    const res = await me.json("GET", `/fhir/Patient?birthdate=${encodeURIComponent(ok)}`);
    assert.equal(res.status, 200, ok);
  }
  // Deep pages are estimated unless an exact total is asked for.
  const deep = await me.json("GET", "/fhir/Patient?_offset=5000");
  assert.equal(deep.status, 200);
  const exact = await me.json("GET", "/fhir/Patient?_offset=5000&_total=accurate");
  assert.equal(exact.body.total, 0);
});

dbTest("an unknown path of 64 KB of slashes is answered at once", async () => {
  const app = await testApp();
  const started = performance.now();
  for (let i = 0; i < 4; i++) {
    const res = await app.request(`/${"/".repeat(65_536)}x`);
    assert.equal(res.status, 404);
    await res.body?.cancel();
  }
  // Quadratic matching took 1.6–4.9 s per request here; linear takes milliseconds.
  const took = performance.now() - started;
  assert.ok(took < 1500, `4 requests took ${took.toFixed(0)} ms`);
});

dbTest("a number too large for a double is a 400 on its field, never a cleared value", async () => {
  const me = await signUp();
  const made = await me.json("POST", "/api/patients/", { name: "Big Age", age: 40 });
  const call = (body: string) =>
    me.app.request(`/api/patients/${made.body.id}/`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${me.token}`, "Content-Type": "application/json" },
      body,
    });
  for (const body of ['{"age": 1e400}', '{"age": -1e400}', '{"notes": [1, {"x": 2e308}]}']) {
    const res = await call(body);
    assert.equal(res.status, 400, body);
    const problem = await res.json();
    assert.equal(problem.errors.length, 1, body);
  }
  assert.deepEqual(errorFields(await (await call('{"age": 1e400}')).json()), ["age"]);
  assert.deepEqual(
    errorFields(await (await call('{"notes": [1, {"x": 2e308}]}')).json()),
    ["notes.1.x"],
  );
  const after = await me.json("GET", `/api/patients/${made.body.id}/`);
  assert.equal(after.body.age, 40);
  assert.equal(after.body.version, made.body.version, "nothing changed");
});

dbTest("a well-signed token whose user does not exist is a 401, never a 500", async () => {
  const app = await testApp();
  const config = testConfig();
  // A session row cannot exist without its user: a token of ours naming a missing user.
  const [{ max }] = await sql<
    { max: number }[]
  >`select coalesce(max(id), 0)::int as max from users`;
  const ghost = max + 100_000;
  const tokens = createTokens(TEST_JWT_SECRET, config.jwtAccessMinutes, config.jwtRefreshDays);
  const token = await tokens.access({
    userId: ghost,
    role: "user",
    sessionId: crypto.randomUUID(),
  });
  const ghostClient = clientFor(app, ghost, token);
  const check = await ghostClient.json("GET", "/api/patients/");
  assert.equal(check.status, 200, "the token itself is accepted as ours");
  for (
    const [path, body] of [
      ["/api/doctors/", { name: "Dr Ghost", specialization: "general" }],
      ["/api/patients/", { name: "Ghost Patient" }],
    ] as const
  ) {
    const res = await ghostClient.json("POST", path, body);
    assert.equal(res.status, 401, `${path}: ${JSON.stringify(res.body)}`);
    assert.match(res.headers.get("WWW-Authenticate")!, /^Bearer/);
  }
});

dbTest("a CareTeam search that shows no entries still names the patients it counted", async () => {
  const me = await signUp();
  const patient = await me.json("POST", "/api/patients/", { name: "Team Counted" });
  const doctor = await me.json("POST", "/api/doctors/", {
    name: "Dr Team",
    specialization: "general",
  });
  await me.json("POST", "/api/mappings/", { patient: patient.body.id, doctor: doctor.body.id });
  for (const query of ["_count=0", "_offset=50"]) {
    const tag = crypto.randomUUID();
    const res = await me.json(
      "GET",
      `/fhir/CareTeam?patient=${patient.body.id}&${query}`,
      undefined,
      { "X-Request-Id": tag },
    );
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 1);
    assert.equal(res.body.entry, undefined);
    await flushAudit();
    const [event] = await sql<{ patient_ids: number[] }[]>`
      select patient_ids from audit_events where request_id = ${tag}`;
    assert.deepEqual(event.patient_ids, [patient.body.id], query);
  }
});

dbTest("one address cannot fill the hashing queue: its share is HASH_PER_ADDRESS", async () => {
  const app = await testApp({ TRUST_PROXY: "true", HASH_PER_ADDRESS: "2" });
  const signIn = (address: string) =>
    app.request(
      "/api/auth/login/",
      jsonInit(
        "POST",
        { email: `made.up.${crypto.randomUUID()}@example.org`, password: "wrong-password" },
        { "X-Forwarded-For": address },
      ),
    );
  const flood = Array.from({ length: 10 }, () => signIn("198.51.100.77"));
  const other = signIn("203.0.113.5");
  const answers = await Promise.all(flood);
  const statuses = answers.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 401).length, 2, String(statuses));
  assert.equal(statuses.filter((s) => s === 429).length, 8, String(statuses));
  for (const r of answers) {
    if (r.status === 429) assert.equal(r.headers.get("Retry-After"), "1");
    await r.body?.cancel();
  }
  const theirs = await other;
  assert.equal(theirs.status, 401, "another address is checked as usual");
  await theirs.body?.cancel();
});

dbTest("failed sign-ins from one address are capped across every email", async () => {
  const app = await testApp({ TRUST_PROXY: "true", LOGIN_MAX_FAILURES_PER_ADDRESS: "5" });
  const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  await sql`delete from login_failures where client_ip = ${address}`;
  const signIn = async (from: string) => {
    const res = await app.request(
      "/api/auth/login/",
      jsonInit(
        "POST",
        { email: `spray.${crypto.randomUUID()}@example.org`, password: "wrong-password" },
        { "X-Forwarded-For": from },
      ),
    );
    await res.body?.cancel();
    return res;
  };
  for (let i = 0; i < 5; i++) assert.equal((await signIn(address)).status, 401);
  const refused = await signIn(address);
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get("Retry-After")) >= 1);
  assert.equal((await signIn("203.0.113.99")).status, 401, "other addresses are not affected");
  await sql`delete from login_failures where client_ip = ${address}`;
});

dbTest("one user's searches run SEARCHES_PER_USER at a time; others are not held", async () => {
  const app = await testApp({ SEARCHES_PER_USER: "1", SEARCH_QUEUE_PER_USER: "1" });
  const heavy = await signUp(app);
  const other = await signUp(app);
  const searches = Array.from({ length: 6 }, () => heavy.call("GET", "/fhir/Patient?name=a"));
  const mine = other.call("GET", "/api/patients/");
  const statuses = await Promise.all(searches.map(async (p) => {
    const res = await p;
    await res.body?.cancel();
    if (res.status === 429) assert.equal(res.headers.get("Retry-After"), "1");
    return res.status;
  }));
  // One runs, one waits for its turn, the other four are told to wait for them.
  assert.deepEqual(statuses.filter((s) => s === 200).length, 2, String(statuses));
  assert.deepEqual(statuses.filter((s) => s === 429).length, 4, String(statuses));
  const theirs = await mine;
  assert.equal(theirs.status, 200);
  await theirs.body?.cancel();
  const again = await heavy.call("GET", "/fhir/Patient?name=a");
  assert.equal(again.status, 200, "the turns were given back");
  await again.body?.cancel();
  // By default the pool less two run at once; the embedded database has one connection.
  assert.equal(testConfig({ DB_POOL_MAX: "10" }).searchesPerUser, SERVER_URL ? 8 : 1);
});

dbTest(
  "DB_STATEMENT_TIMEOUT_MS ends a long statement; the funnel answers 503, not 500",
  async () => {
    // The limit is a startup parameter of DATABASE_URL connections (PGlite cannot cancel).
    if (SERVER_URL) {
      const db = createClient(SERVER_URL, 1, { statementTimeoutMs: 200 });
      try {
        await assert.rejects(db`select pg_sleep(2)`, (err: { code?: string }) => {
          assert.equal(err.code, "57014");
          return true;
        });
      } finally {
        await db.end();
      }
    }
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set("config", testConfig());
      await next();
    });
    app.get("/slow", () => {
      throw Object.assign(new Error("canceling statement due to statement timeout"), {
        code: "57014",
      });
    });
    app.onError(onError);
    const res = await app.request("/slow");
    assert.equal(res.status, 503);
    assert.ok(res.headers.get("Retry-After"));
  },
);

dbTest("a 503 is logged as a warning: error lines mean something is broken", async () => {
  const lines: string[] = [];
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("config", testConfig({ LOG_LEVEL: "info" }));
    c.set("requestId", "log-check");
    await next();
  });
  app.use(requestLogger);
  app.get("/draining", (c) => c.body(null, 503));
  app.get("/broken", (c) => c.body(null, 500));
  const { error, log } = console;
  console.error = (line: string) => lines.push(line);
  console.log = (text: string) => lines.push(...text.split("\n"));
  try {
    await app.request("/draining");
    await app.request("/broken");
    flushLogs();
  } finally {
    console.error = error;
    console.log = log;
  }
  const levels = lines.map((l) => JSON.parse(l)).map((l) => `${l.status} ${l.level}`);
  assert.deepEqual(levels.sort(), ["500 error", "503 warn"]);
});
