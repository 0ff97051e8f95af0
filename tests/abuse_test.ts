/**
 * Requests an anonymous client can send to stall or grow the service (issue: no client
 * can crash, stall or starve it), in-process. The crash and socket cases run against real
 * processes in service_test.ts and tests/proxy/.
 */
import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { purgeExpired } from "../db/housekeeping.ts";
import { setHashingLimits } from "../lib/passwords.ts";
import { startHousekeeping } from "../startup.ts";
import { dbTest, jsonInit, testApp, testConfig } from "./helpers.ts";

/** A valid 128-character password with no dictionary word in it. */
const LONG_PASSWORD = "Qv7#xM2p".repeat(16);

/** Times `/healthz` while `slow` runs: the event loop must stay free for other requests. */
async function healthzDuring(
  app: Awaited<ReturnType<typeof testApp>>,
  slow: Promise<Response>,
): Promise<{ healthMs: number; slow: Response }> {
  // The probe is due 5 ms after the slow request started; its wait counts from then.
  const started = performance.now() + 5;
  await new Promise((r) => setTimeout(r, 5));
  const health = await app.request("/healthz");
  const healthMs = performance.now() - started;
  assert.equal(health.status, 200);
  await health.body?.cancel();
  return { healthMs, slow: await slow };
}

dbTest(
  "a 1 MB email or name in a registration is refused without freezing the service",
  async () => {
    const app = await testApp();
    for (
      const [field, value] of [
        ["email", `${"a".repeat(1_000_000)}@example.org`],
        ["name", "n".repeat(1_000_000)],
      ]
    ) {
      const body = {
        name: "Val Oak",
        email: `val.${crypto.randomUUID().slice(0, 8)}@example.org`,
        password: LONG_PASSWORD,
        [field]: value,
      };
      const { healthMs, slow } = await healthzDuring(
        app,
        Promise.resolve(app.request("/api/auth/register/", jsonInit("POST", body))),
      );
      assert.equal(slow.status, 400);
      const problem = await slow.json();
      const fields = problem.errors.map((e: { field: string }) => e.field);
      assert.deepEqual(fields, [field], JSON.stringify(problem.errors).slice(0, 300));
      // Before the fix the similarity check ran on the 1 MB value: 5–19 s of frozen loop.
      assert.ok(healthMs < 1000, `/healthz waited ${healthMs.toFixed(0)} ms behind the ${field}`);
    }
  },
);

dbTest(
  "the similarity rule still applies to emails and names that pass their own rules",
  async () => {
    const app = await testApp();
    const res = await app.request(
      "/api/auth/register/",
      jsonInit("POST", {
        name: "Marigold Featherstone",
        email: `marigold.${crypto.randomUUID().slice(0, 6)}@example.org`,
        password: "Featherstone!",
      }),
    );
    assert.equal(res.status, 400);
    const problem = await res.json();
    assert.deepEqual(problem.errors, [
      { field: "password", message: "is too similar to your email or name" },
    ]);
  },
);

dbTest(
  "password hashing runs under a bounded queue: past it, 503 with Retry-After at once",
  async () => {
    const app = await testApp();
    setHashingLimits(1, 2);
    try {
      const attempts = Array.from({ length: 10 }, (_, i) =>
        app.request(
          "/api/auth/login/",
          jsonInit(
            "POST",
            { email: `flood${i}.${crypto.randomUUID()}@example.org`, password: "x" },
            {
              "X-Forwarded-For": `198.51.100.${i}`,
            },
          ),
        ));
      const answers = await Promise.all(attempts);
      const statuses = answers.map((r) => r.status);
      const busy = answers.filter((r) => r.status === 503);
      // One hashing and two waiting: the other seven are turned away without a hash.
      assert.equal(statuses.filter((s) => s === 401).length, 3, String(statuses));
      assert.equal(busy.length, 7, String(statuses));
      for (const r of busy) assert.equal(r.headers.get("Retry-After"), "1");
      await Promise.all(answers.map((r) => r.body?.cancel()));
      // Once the queue drains, sign-ins are checked again.
      const again = await app.request(
        "/api/auth/login/",
        jsonInit("POST", { email: `after.${crypto.randomUUID()}@example.org`, password: "x" }),
      );
      assert.equal(again.status, 401);
      await again.body?.cancel();
    } finally {
      const config = testConfig();
      setHashingLimits(config.hashConcurrency, config.hashQueue);
    }
  },
);

dbTest("expired sign-in failures and dead sessions are purged; live ones stay", async () => {
  await testApp();
  const tag = crypto.randomUUID().slice(0, 8);
  const [user] = await sql<{ id: number }[]>`
    insert into users (name, email, password_hash)
    values ('Purge Test', ${`purge.${tag}@example.org`}, 'x') returning id`;
  await sql`
    insert into login_failures (email, client_ip, at)
    select ${`spray.${tag}.`} || n || '@example.org', '203.0.113.9', now() - interval '2 hours'
    from generate_series(1, 12000) n`;
  await sql`
    insert into login_failures (email, client_ip) values (${`fresh.${tag}@example.org`}, '203.0.113.9')`;
  await sql`
    insert into sessions (user_id, refresh_hash, expires_at, revoked_at) values
      (${user.id}, 'expired-long-ago', now() - interval '3 days', null),
      (${user.id}, 'revoked-long-ago', now() + interval '3 days', now() - interval '3 days'),
      (${user.id}, 'live', now() + interval '3 days', null),
      (${user.id}, 'revoked-just-now', now() + interval '3 days', now())`;
  const purged = await purgeExpired(3600, 86_400);
  assert.ok(purged.loginFailures >= 12000, JSON.stringify(purged));
  assert.ok(purged.sessions >= 2, JSON.stringify(purged));
  const left = await sql<{ email: string }[]>`
    select email from login_failures where email like ${`%.${tag}%`}`;
  assert.deepEqual(left.map((r) => r.email), [`fresh.${tag}@example.org`]);
  const sessions = await sql<{ refresh_hash: string }[]>`
    select refresh_hash from sessions where user_id = ${user.id} order by refresh_hash`;
  assert.deepEqual(sessions.map((s) => s.refresh_hash), ["live", "revoked-just-now"]);
  await sql`delete from users where id = ${user.id}`;
  await sql`delete from login_failures where email like ${`%.${tag}%`}`;
});

dbTest(
  "the service purges on its own: a spray of fresh emails does not grow login_failures",
  async () => {
    const app = await testApp();
    const tag = crypto.randomUUID().slice(0, 8);
    const failures = async () =>
      (await sql<{ n: number }[]>`select count(*)::int as n from login_failures`)[0].n;
    const before = await failures();
    for (let i = 0; i < 6; i++) {
      const res = await app.request(
        "/api/auth/login/",
        jsonInit("POST", { email: `spray${i}.${tag}@example.org`, password: "wrong" }),
      );
      assert.equal(res.status, 401);
      await res.body?.cancel();
    }
    const sprayed = await sql<{ n: number }[]>`
    select count(*)::int as n from login_failures where email like ${`%.${tag}@example.org`}`;
    assert.equal(sprayed[0].n, 6);
    assert.ok((await failures()) >= before + 6);
    // Their window is one second; the purge runs every second.
    const stop = startHousekeeping(
      testConfig({ LOGIN_WINDOW_SECONDS: "1", PURGE_INTERVAL_SECONDS: "1" }),
    );
    try {
      let left = 6;
      for (let i = 0; i < 40 && left > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        [{ n: left }] = await sql<{ n: number }[]>`
        select count(*)::int as n from login_failures where email like ${`%.${tag}@example.org`}`;
      }
      assert.equal(left, 0, "the failures outlived their window");
    } finally {
      await stop();
    }
  },
);
