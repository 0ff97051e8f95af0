import assert from "node:assert/strict";
import { decodeJwt } from "jose";
import { sql } from "../db/client.ts";
import { limitKey } from "../middleware/client_ip.ts";
import { dbTest, jsonInit, testApp } from "./helpers.ts";

const PASSWORD = "Quiet-Lantern-48";

type App = Awaited<ReturnType<typeof testApp>>;

function uniqueEmail(): string {
  return `sessions.${crypto.randomUUID().slice(0, 8)}@example.org`;
}

const from = (ip: string) => ({ "X-Forwarded-For": ip });

async function register(app: App, ip = "192.0.2.10") {
  const email = uniqueEmail();
  const res = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { name: "Rowan Ashby", email, password: PASSWORD }, from(ip)),
  );
  assert.equal(res.status, 201);
  const body = await res.json();
  return { email, access: body.access as string, refresh: body.refresh as string };
}

async function login(app: App, email: string, password = PASSWORD, ip = "192.0.2.20") {
  return await app.request("/api/auth/login/", jsonInit("POST", { email, password }, from(ip)));
}

async function signIn(app: App, email: string, ip = "192.0.2.20") {
  const res = await login(app, email, PASSWORD, ip);
  assert.equal(res.status, 200);
  const body = await res.json();
  return { access: body.access as string, refresh: body.refresh as string };
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({
  headers: { Authorization: `Bearer ${token}`, ...extra },
});

async function me(app: App, access: string): Promise<number> {
  const res = await app.request("/api/auth/me/", bearer(access));
  await res.body?.cancel();
  return res.status;
}

async function refreshStatus(app: App, refresh: string): Promise<number> {
  const res = await app.request("/api/auth/refresh/", jsonInit("POST", { refresh }));
  await res.body?.cancel();
  return res.status;
}

const sid = (token: string) => (decodeJwt(token) as { sid: string }).sid;

dbTest(
  "GET /api/auth/sessions/ lists the caller's live sessions and marks the current one",
  async () => {
    const app = await testApp({ TRUST_PROXY: "true" });
    const first = await register(app, "192.0.2.10");
    const second = await signIn(app, first.email, "198.51.100.7");
    const other = await register(app, "192.0.2.99");
    const res = await app.request("/api/auth/sessions/", bearer(second.access));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("Cache-Control"), "no-store");
    const body = await res.json();
    assert.equal(body.count, 2, "only this user's sessions");
    const byId = new Map(body.results.map((s: { id: string }) => [s.id, s]));
    assert.ok(!byId.has(sid(other.access)));
    assert.deepEqual(byId.get(sid(second.access)), {
      ...(byId.get(sid(second.access)) as object),
      client_ip: "198.51.100.7",
      current: true,
    });
    const older = byId.get(sid(first.access)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(older).sort(), [
      "client_ip",
      "created_at",
      "current",
      "id",
      "last_used_at",
    ]);
    assert.equal(older.current, false);
    assert.equal(older.client_ip, "192.0.2.10");

    // A refresh is a use: its time and address are the session's from then on.
    await app.request(
      "/api/auth/refresh/",
      jsonInit("POST", { refresh: first.refresh }, from("203.0.113.5")),
    );
    const again = await (await app.request("/api/auth/sessions/", bearer(second.access))).json();
    const used = again.results.find((s: { id: string }) => s.id === sid(first.access));
    assert.equal(used.client_ip, "203.0.113.5");
    assert.equal(again.results[0].id, sid(first.access), "the most recently used first");

    // Ended sessions are not listed.
    await app.request("/api/auth/logout/", { method: "POST", ...bearer(first.access) });
    const after = await (await app.request("/api/auth/sessions/", bearer(second.access))).json();
    assert.deepEqual(after.results.map((s: { id: string }) => s.id), [sid(second.access)]);
    const anon = await app.request("/api/auth/sessions/");
    assert.equal(anon.status, 401);
    await anon.body?.cancel();
  },
);

dbTest(
  "DELETE /api/auth/sessions/<id>/ ends one session at once; others' ids are 404",
  async () => {
    const app = await testApp({ TRUST_PROXY: "true" });
    const phone = await register(app);
    const laptop = await signIn(app, phone.email);
    const stranger = await register(app);
    const end = (token: string, id: string) =>
      app.request(`/api/auth/sessions/${id}/`, { method: "DELETE", ...bearer(token) });

    for (const id of [sid(stranger.access), crypto.randomUUID(), "not-a-uuid", "1"]) {
      const res = await end(laptop.access, id);
      assert.equal(res.status, 404, id);
      assert.match(res.headers.get("Content-Type") ?? "", /problem\+json/);
      await res.body?.cancel();
    }
    assert.equal(await me(app, stranger.access), 200, "another user's session lives on");

    // The laptop ends the phone's session (stolen phone): its tokens stop at once.
    const res = await end(laptop.access, sid(phone.access).toUpperCase());
    assert.equal(res.status, 204);
    assert.equal(await me(app, phone.access), 401);
    assert.equal(await refreshStatus(app, phone.refresh), 401);
    assert.equal(await me(app, laptop.access), 200);
    const twice = await end(laptop.access, sid(phone.access));
    assert.equal(twice.status, 404, "an ended session is not live");
    await twice.body?.cancel();
  },
);

dbTest("POST /api/auth/logout/ with all: true ends every session of the caller", async () => {
  const app = await testApp();
  const a = await register(app);
  const b = await signIn(app, a.email);
  const c = await signIn(app, a.email);
  const stranger = await register(app);
  const bad = await app.request(
    "/api/auth/logout/",
    {
      ...jsonInit("POST", { all: "yes" }),
      ...bearer(b.access, { "Content-Type": "application/json" }),
    },
  );
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors, [{ field: "all", message: "must be true or false" }]);
  assert.equal(await me(app, a.access), 200, "a rejected request ends nothing");

  const out = await app.request("/api/auth/logout/", {
    ...jsonInit("POST", { all: true }),
    ...bearer(b.access, { "Content-Type": "application/json" }),
  });
  assert.equal(out.status, 204);
  for (const s of [a, b, c]) {
    assert.equal(await me(app, s.access), 401);
    assert.equal(await refreshStatus(app, s.refresh), 401);
  }
  assert.equal(await me(app, stranger.access), 200);
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::int as n from sessions where id = any(${[
    sid(a.access),
    sid(b.access),
    sid(c.access),
  ]})
      and revoked_at is not null`;
  assert.equal(n, 3);
});

dbTest(
  "POST /api/auth/password/ checks the current password, keeps this session, ends the others",
  async () => {
    const app = await testApp({ TRUST_PROXY: "true" });
    const here = await register(app);
    const elsewhere = await signIn(app, here.email);
    const change = (body: unknown) =>
      app.request("/api/auth/password/", {
        ...jsonInit("POST", body, from("192.0.2.44")),
        headers: {
          "Content-Type": "application/json",
          "X-Forwarded-For": "192.0.2.44",
          Authorization: `Bearer ${here.access}`,
        },
      });
    const fields = async (res: Response) => {
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.ok(!JSON.stringify(body).includes("Wrong-Current-1"), "no value echoed");
      return Object.fromEntries(
        body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
    };
    assert.deepEqual(await fields(await change({})), {
      current_password: "is required",
      new_password: "is required",
    });
    assert.deepEqual(
      await fields(
        await change({ current_password: "Wrong-Current-1", new_password: "Fresh-Meadow-93" }),
      ),
      { current_password: "is not correct" },
    );
    const weak = await fields(
      await change({ current_password: PASSWORD, new_password: "12345678" }),
    );
    assert.deepEqual(Object.keys(weak), ["new_password"]);
    assert.equal(await me(app, elsewhere.access), 200, "rejected changes end nothing");
    assert.equal((await login(app, here.email)).status, 200, "the old password still works");

    const ok = await change({ current_password: PASSWORD, new_password: "Fresh-Meadow-93" });
    assert.equal(ok.status, 204);
    assert.equal(await me(app, here.access), 200, "the calling session lives on");
    assert.equal(await refreshStatus(app, here.refresh), 200);
    assert.equal(await me(app, elsewhere.access), 401, "other sessions end at once");
    assert.equal(await refreshStatus(app, elsewhere.refresh), 401);
    const old = await login(app, here.email, PASSWORD, "192.0.2.45");
    assert.equal(old.status, 401);
    await old.body?.cancel();
    const fresh = await login(app, here.email, "Fresh-Meadow-93", "192.0.2.45");
    assert.equal(fresh.status, 200);
    await fresh.body?.cancel();
  },
);

dbTest("guessing the current password counts against the sign-in limit", async () => {
  const app = await testApp({ TRUST_PROXY: "true", LOGIN_MAX_FAILURES: "3" });
  const r = await register(app);
  const guess = (current: string) =>
    app.request("/api/auth/password/", {
      method: "POST",
      body: JSON.stringify({ current_password: current, new_password: "Fresh-Meadow-93" }),
      headers: {
        "Content-Type": "application/json",
        "X-Forwarded-For": "192.0.2.77",
        Authorization: `Bearer ${r.access}`,
      },
    });
  const statuses = [];
  for (let i = 0; i < 4; i++) {
    const res = await guess(i < 3 ? `Wrong-Current-${i}` : PASSWORD);
    statuses.push(res.status);
    await res.body?.cancel();
  }
  assert.deepEqual(statuses, [400, 400, 400, 429]);
});

dbTest("LOGIN_MAX_FAILURES_PER_ACCOUNT caps failures for one email across addresses", async () => {
  const app = await testApp({
    TRUST_PROXY: "true",
    LOGIN_MAX_FAILURES: "10",
    LOGIN_MAX_FAILURES_PER_ACCOUNT: "5",
  });
  const r = await register(app);
  // Five addresses, one guess each, all at once: before, no limit across addresses.
  const burst = await Promise.all(
    Array.from({ length: 8 }, (_, i) => login(app, r.email, "Wrong-Guess-000", `198.18.1.${i}`)),
  );
  const statuses = burst.map((res) => res.status).sort();
  await Promise.all(burst.map((res) => res.body?.cancel()));
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
  const right = await login(app, r.email, PASSWORD, "198.18.2.1");
  assert.equal(right.status, 429, "a new address is refused too");
  assert.ok(Number(right.headers.get("Retry-After")) >= 1);
  await right.body?.cancel();
  const other = await register(app);
  const fine = await login(app, other.email, PASSWORD, "198.18.2.1");
  assert.equal(fine.status, 200, "other accounts are not affected");
  await fine.body?.cancel();
});

dbTest("IPv6 clients are counted per /64", async () => {
  const app = await testApp({ TRUST_PROXY: "true", LOGIN_MAX_FAILURES: "3" });
  const r = await register(app);
  for (let i = 1; i <= 3; i++) {
    const res = await login(app, r.email, "Wrong-Guess-000", `2001:db8:5:6::${i.toString(16)}`);
    assert.equal(res.status, 401);
    await res.body?.cancel();
  }
  const sameNet = await login(app, r.email, PASSWORD, "2001:db8:5:6:ffff:1:2:3");
  assert.equal(sameNet.status, 429, "another address of the same /64");
  await sameNet.body?.cancel();
  const otherNet = await login(app, r.email, PASSWORD, "2001:db8:5:7::1");
  assert.equal(otherNet.status, 200, "another /64");
  await otherNet.body?.cancel();
});

Deno.test("limitKey keeps IPv4, reads IPv4-mapped IPv6, and cuts IPv6 to its /64", () => {
  assert.equal(limitKey("203.0.113.9"), "203.0.113.9");
  assert.equal(limitKey("::ffff:203.0.113.9"), "203.0.113.9");
  assert.equal(limitKey("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
  assert.equal(limitKey("2001:0DB8:0001:0002::9"), "2001:db8:1:2::/64");
  assert.equal(limitKey("[2001:db8:a:b::1]"), "2001:db8:a:b::/64");
  assert.equal(limitKey("fe80::1%eth0"), "fe80:0:0:0::/64");
  assert.equal(limitKey("unknown"), "unknown");
});
