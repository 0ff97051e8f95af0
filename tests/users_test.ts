/** Managing users without SQL: the admin routes under /api/users/. */
import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { dbTest, jsonInit, testApp } from "./helpers.ts";
import { errorFields, signUp, signUpAdmin } from "./records_helpers.ts";

const PASSWORD = "Maple-Orbit-5521";

dbTest("only admins manage users: everyone else gets 403", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  for (
    const [method, path] of [
      ["GET", "/api/users/"],
      ["GET", `/api/users/${ann.id}/`],
      ["PATCH", `/api/users/${ann.id}/`],
      ["GET", `/api/users/${ann.id}/sessions/`],
      ["DELETE", `/api/users/${ann.id}/sessions/`],
      ["DELETE", `/api/users/${ann.id}/login-failures/`],
    ]
  ) {
    const res = await ann.json(method, path, method === "PATCH" ? { role: "admin" } : undefined);
    assert.equal(res.status, 403, `${method} ${path}`);
  }
  const [{ role }] = await sql`select role from users where id = ${ann.id}`;
  assert.equal(role, "user", "nothing changed");
  assert.equal((await app.request("/api/users/")).status, 401);
});

dbTest("admins list, search and filter users in the list envelope", async () => {
  const app = await testApp();
  const admin = await signUpAdmin(app);
  const ann = await signUp(app);
  const me = await admin.json("GET", `/api/users/${ann.id}/`);
  assert.equal(me.status, 200);
  assert.deepEqual(Object.keys(me.body).sort(), [
    "created_at",
    "email",
    "id",
    "is_active",
    "last_login_at",
    "name",
    "role",
  ]);
  assert.equal(me.body.is_active, true);
  assert.ok(me.body.last_login_at, "registration signs in");
  const found = await admin.json("GET", `/api/users/?search=${encodeURIComponent(me.body.email)}`);
  assert.equal(found.body.count, 1);
  assert.equal(found.body.results[0].id, ann.id);
  const admins = await admin.json("GET", "/api/users/?role=admin&limit=100");
  assert.ok(admins.body.results.every((u: { role: string }) => u.role === "admin"));
  assert.ok(admins.body.results.some((u: { id: number }) => u.id === admin.id));
  const bad = await admin.json("GET", "/api/users/?role=root&is_active=maybe");
  assert.deepEqual(errorFields(bad.body), ["is_active", "role"]);
  assert.equal((await admin.json("GET", "/api/users/999999999/")).status, 404);
  const newest = await admin.json("GET", "/api/users/?ordering=-last_login_at&limit=1");
  assert.equal(newest.status, 200);
});

dbTest("deactivating ends sessions at once and refuses sign-in like a wrong password", async () => {
  const app = await testApp();
  const admin = await signUpAdmin(app);
  const ann = await signUp(app);
  const [{ email }] = await sql`select email from users where id = ${ann.id}`;
  const login = await (await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email, password: PASSWORD }),
  )).json();
  const sessions = await admin.json("GET", `/api/users/${ann.id}/sessions/`);
  assert.equal(sessions.body.count, 2);

  const off = await admin.json("PATCH", `/api/users/${ann.id}/`, { is_active: false });
  assert.equal(off.status, 200);
  assert.equal(off.body.is_active, false);
  assert.equal((await ann.json("GET", "/api/auth/me/")).status, 401, "access token refused");
  const refresh = await app.request(
    "/api/auth/refresh/",
    jsonInit("POST", { refresh: login.refresh }),
  );
  assert.equal(refresh.status, 401);
  const again = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email, password: PASSWORD }),
  );
  assert.equal(again.status, 401);
  const wrong = await app.request("/api/auth/login/", jsonInit("POST", { email, password: "x" }));
  assert.equal((await again.json()).detail, (await wrong.json()).detail);

  const on = await admin.json("PATCH", `/api/users/${ann.id}/`, { is_active: true });
  assert.equal(on.body.is_active, true);
  const back = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email, password: PASSWORD }),
  );
  assert.equal(back.status, 200);

  const events = await sql`
    select action, resource_type, resource_id, status from audit_events
    where resource_type = 'user' and resource_id = ${ann.id} order by id`;
  assert.deepEqual(events.map((e) => `${e.action} ${e.status}`), ["update 200", "update 200"]);
});

dbTest(
  "a new role ends the user's sessions; an admin cannot demote or deactivate itself",
  async () => {
    const app = await testApp();
    const admin = await signUpAdmin(app);
    const ann = await signUp(app);
    const promoted = await admin.json("PATCH", `/api/users/${ann.id}/`, {
      role: "admin",
      name: "Ann A",
    });
    assert.equal(promoted.body.role, "admin");
    assert.equal(promoted.body.name, "Ann A");
    assert.equal(
      (await ann.json("GET", "/api/auth/me/")).status,
      401,
      "old token named the old role",
    );
    const renamed = await admin.json("PATCH", `/api/users/${ann.id}/`, { name: "Ann B" });
    assert.equal(renamed.status, 200);

    for (const body of [{ is_active: false }, { role: "user" }]) {
      const res = await admin.json("PATCH", `/api/users/${admin.id}/`, body);
      assert.equal(res.status, 409);
      assert.deepEqual(errorFields(res.body), Object.keys(body));
    }
    assert.equal((await admin.json("GET", "/api/auth/me/")).status, 200, "still signed in");
    const bad = await admin.json("PATCH", `/api/users/${ann.id}/`, { role: "root" });
    assert.deepEqual(errorFields(bad.body), ["role"]);
  },
);

dbTest("admins end a user's sessions and lift a sign-in lockout", async () => {
  const app = await testApp({ LOGIN_MAX_FAILURES: "2" });
  const admin = await signUpAdmin(app);
  const ann = await signUp(app);
  const [{ email }] = await sql`select email from users where id = ${ann.id}`;
  const ended = await admin.json("DELETE", `/api/users/${ann.id}/sessions/`);
  assert.equal(ended.status, 204);
  assert.equal((await ann.json("GET", "/api/auth/me/")).status, 401);
  assert.equal((await admin.json("GET", `/api/users/${ann.id}/sessions/`)).body.count, 0);

  const attempt = (password: string) =>
    app.request("/api/auth/login/", jsonInit("POST", { email, password }));
  await attempt("wrong-1");
  await attempt("wrong-2");
  assert.equal((await attempt(PASSWORD)).status, 429, "locked out");
  assert.equal((await admin.json("DELETE", `/api/users/${ann.id}/login-failures/`)).status, 204);
  assert.equal((await attempt(PASSWORD)).status, 200, "the lockout is lifted");
  assert.equal((await admin.json("DELETE", "/api/users/999999999/sessions/")).status, 404);

  // Each change is an audit event on the user (buffered ones are written within a second).
  const actions = async () =>
    (await sql`
      select action, status, user_id from audit_events
      where resource_type = 'user' and resource_id = ${ann.id} order by id`)
      .map((e) => `${e.action} ${e.status} by ${e.user_id === admin.id ? "admin" : e.user_id}`);
  let seen: string[] = [];
  for (let i = 0; i < 40 && seen.length < 2; i++) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await actions();
  }
  assert.deepEqual(seen, ["delete 204 by admin", "delete 204 by admin"]);
});
