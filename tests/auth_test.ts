import assert from "node:assert/strict";
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from "jose";
import { sql } from "../db/client.ts";
import { hashPassword } from "../lib/passwords.ts";
import { sha256Hex } from "../lib/digest.ts";
import { dbTest, jsonInit, TEST_JWT_SECRET, testApp } from "./helpers.ts";

const PASSWORD = "Quiet-Lantern-48";

function uniqueEmail(tag = "user"): string {
  return `${tag}.${crypto.randomUUID().slice(0, 8)}@Example.org`;
}

async function register(app: Awaited<ReturnType<typeof testApp>>, extra: object = {}) {
  const email = uniqueEmail();
  const res = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { name: "Dana Whitfield", email, password: PASSWORD, ...extra }),
  );
  assert.equal(res.status, 201);
  return { email, ...(await res.json()) };
}

function bearer(token: string) {
  return { headers: { Authorization: `Bearer ${token}` } };
}

async function fieldsOf(res: Response): Promise<Record<string, string>> {
  assert.equal(res.status, 400);
  const body = await res.json();
  return Object.fromEntries(
    body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
  );
}

dbTest("register answers 201 with the user and a token pair", async () => {
  const app = await testApp();
  const r = await register(app, { role: "admin", id: 999, created_at: "2000-01-01" });
  assert.deepEqual(Object.keys(r.user).sort(), ["created_at", "email", "id", "name", "role"]);
  assert.equal(r.user.email, r.email.toLowerCase());
  assert.equal(r.user.role, "user", "role cannot be set through the API");
  assert.notEqual(r.user.id, 999);
  assert.match(r.user.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.notEqual(r.user.created_at.slice(0, 4), "2000");
  assert.equal(typeof r.access, "string");
  assert.equal(typeof r.refresh, "string");
  const [row] = await sql`select password_hash from users where id = ${r.user.id}`;
  assert.match(
    row.password_hash,
    /^\$pbkdf2-sha256\$i=(\d+),l=32\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
  );
  assert.ok(Number(row.password_hash.match(/i=(\d+)/)[1]) >= 600_000);
  assert.ok(!row.password_hash.includes(PASSWORD));
});

dbTest("a taken email in any letter case answers 409 on email", async () => {
  const app = await testApp();
  const r = await register(app);
  const res = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { name: "Other", email: r.email.toUpperCase(), password: PASSWORD }),
  );
  assert.equal(res.status, 409);
  const body = await res.json();
  assert.deepEqual(body.errors.map((e: { field: string }) => e.field), ["email"]);
});

dbTest("register lists every invalid field at once", async () => {
  const app = await testApp();
  const fields = await fieldsOf(
    await app.request(
      "/api/auth/register/",
      jsonInit("POST", {
        name: "   ",
        email: "not-an-email",
        password: 12345678,
        password_confirm: 5,
      }),
    ),
  );
  assert.deepEqual(Object.keys(fields).sort(), ["email", "name", "password", "password_confirm"]);
  const missing = await fieldsOf(await app.request("/api/auth/register/", jsonInit("POST", {})));
  assert.deepEqual(missing, { name: "is required", email: "is required", password: "is required" });
  const nul = await fieldsOf(
    await app.request(
      "/api/auth/register/",
      jsonInit("POST", { name: "a\u0000b", email: uniqueEmail(), password: PASSWORD }),
    ),
  );
  assert.match(nul.name, /NUL/);
  const long = await fieldsOf(
    await app.request(
      "/api/auth/register/",
      jsonInit("POST", { name: "n".repeat(151), email: uniqueEmail(), password: PASSWORD }),
    ),
  );
  assert.match(long.name, /at most 150/);
});

dbTest("password_confirm and its alias confirm_password must match", async () => {
  const app = await testApp();
  for (const field of ["password_confirm", "confirm_password"]) {
    const fields = await fieldsOf(
      await app.request(
        "/api/auth/register/",
        jsonInit("POST", {
          name: "Pat",
          email: uniqueEmail(),
          password: PASSWORD,
          [field]: "other-thing-1",
        }),
      ),
    );
    assert.deepEqual(Object.keys(fields), [field]);
  }
  const ok = await app.request(
    "/api/auth/register/",
    jsonInit("POST", {
      name: "Pat",
      email: uniqueEmail(),
      password: PASSWORD,
      confirm_password: PASSWORD,
    }),
  );
  assert.equal(ok.status, 201);
});

dbTest("the password policy refuses weak passwords", async (t) => {
  const app = await testApp();
  const cases: [string, string, string, RegExp][] = [
    ["too short", "Ab1-xyz", "Robin Hale", /at least 8/],
    ["too long", "Ab1-".repeat(33), "Robin Hale", /at most 128/],
    ["all digits", "8204718365", "Robin Hale", /numeric/],
    ["common", "password123", "Robin Hale", /too common/],
    ["common, any case", "QwertyUIOP", "Robin Hale", /too common/],
    ["like the email", "margaretholloway", "Robin Hale", /similar/],
    ["like the name", "Fitzgerald-2024", "Quentin Fitzgerald", /similar/],
  ];
  for (const [label, password, name, message] of cases) {
    await t.step(label, async () => {
      const fields = await fieldsOf(
        await app.request(
          "/api/auth/register/",
          jsonInit("POST", {
            name,
            email: `margaret.holloway.${crypto.randomUUID().slice(0, 6)}@example.org`,
            password,
          }),
        ),
      );
      assert.match(fields.password, message);
    });
  }
});

dbTest(
  "login matches the email in any case; wrong email and wrong password look alike",
  async () => {
    const app = await testApp();
    const r = await register(app);
    const ok = await app.request(
      "/api/auth/login/",
      jsonInit("POST", { email: r.email.toUpperCase(), password: PASSWORD }),
    );
    assert.equal(ok.status, 200);
    const body = await ok.json();
    assert.equal(body.user.id, r.user.id);
    assert.ok(body.access && body.refresh);

    const wrongPw = await app.request(
      "/api/auth/login/",
      jsonInit("POST", { email: r.email, password: "Nope-Nope-123" }),
    );
    const wrongEmail = await app.request(
      "/api/auth/login/",
      jsonInit("POST", { email: uniqueEmail("ghost"), password: PASSWORD }),
    );
    for (const res of [wrongPw, wrongEmail]) {
      assert.equal(res.status, 401);
      assert.match(res.headers.get("WWW-Authenticate")!, /^Bearer/);
    }
    assert.equal((await wrongPw.json()).detail, (await wrongEmail.json()).detail);

    const missing = await fieldsOf(await app.request("/api/auth/login/", jsonInit("POST", {})));
    assert.deepEqual(Object.keys(missing).sort(), ["email", "password"]);
    const noRefresh = await fieldsOf(await app.request("/api/auth/refresh/", jsonInit("POST", {})));
    assert.deepEqual(Object.keys(noRefresh), ["refresh"]);
  },
);

dbTest("access tokens carry the contract's claims and header", async () => {
  const app = await testApp();
  const r = await register(app);
  assert.deepEqual(decodeProtectedHeader(r.access), { alg: "HS256", typ: "at+jwt" });
  const claims = decodeJwt(r.access);
  for (const c of ["iss", "aud", "sub", "sid", "jti", "iat", "exp"]) assert.ok(claims[c], c);
  assert.equal(claims.sub, String(r.user.id));
  assert.equal(claims.exp! - claims.iat!, 15 * 60);
  const refreshHeader = decodeProtectedHeader(r.refresh);
  assert.notEqual(refreshHeader.typ, "at+jwt");
  const [session] = await sql`select refresh_hash from sessions where id = ${claims.sid as string}`;
  assert.equal(session.refresh_hash, await sha256Hex(r.refresh), "stored only as a digest");
});

dbTest("GET /me answers the caller", async () => {
  const app = await testApp();
  const r = await register(app);
  const res = await app.request("/api/auth/me/", bearer(r.access));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), r.user);
});

dbTest("forged, expired and mistyped tokens are refused with 401", async (t) => {
  const app = await testApp();
  const r = await register(app);
  const claims = decodeJwt(r.access);
  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  const base = { sid: claims.sid, role: "user" };
  const sign = (
    opts: {
      typ?: string;
      iss?: string;
      aud?: string;
      exp?: number;
      key?: Uint8Array;
      alg?: string;
    },
  ) =>
    new SignJWT(base)
      .setProtectedHeader({ alg: opts.alg ?? "HS256", typ: opts.typ ?? "at+jwt" })
      .setIssuer(opts.iss ?? (claims.iss as string))
      .setAudience(opts.aud ?? (claims.aud as string))
      .setSubject(claims.sub!)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(opts.key ?? key);

  const control = await sign({});
  assert.equal(
    (await app.request("/api/auth/me/", bearer(control))).status,
    200,
    "control token works",
  );

  const cases: [string, string][] = [
    [
      "alg none",
      new UnsecuredJWT({ ...base, sub: claims.sub, iss: claims.iss, aud: claims.aud })
        .setExpirationTime("10m").encode(),
    ],
    [
      "wrong key",
      await sign({ key: new TextEncoder().encode("another-secret-of-enough-length-000000") }),
    ],
    ["HS512", await sign({ alg: "HS512" })],
    ["expired", await sign({ exp: Math.floor(Date.now() / 1000) - 5 })],
    ["wrong audience", await sign({ aud: "someone-else" })],
    ["wrong issuer", await sign({ iss: "someone-else" })],
    ["refresh used as access", r.refresh],
    ["no typ", await sign({ typ: "JWT" })],
    ["garbage", "not.a.token"],
  ];
  for (const [label, token] of cases) {
    await t.step(label, async () => {
      const res = await app.request("/api/auth/me/", bearer(token));
      assert.equal(res.status, 401);
      assert.match(res.headers.get("WWW-Authenticate")!, /^Bearer/);
      // Only a token that is ours and merely old tells the client to refresh.
      const { detail } = await res.json();
      if (label === "expired") assert.match(detail, /has expired.*\/api\/auth\/refresh\//);
      else assert.doesNotMatch(detail, /expired/, label);
    });
  }
  await t.step("access used as refresh", async () => {
    const res = await app.request("/api/auth/refresh/", jsonInit("POST", { refresh: r.access }));
    assert.equal(res.status, 401);
  });
  await t.step("no Authorization header", async () => {
    const res = await app.request("/api/auth/me/");
    assert.equal(res.status, 401);
    assert.match(res.headers.get("WWW-Authenticate")!, /^Bearer/);
  });
});

dbTest(
  "a verified token is remembered only byte for byte: a tampered copy is refused",
  async () => {
    const app = await testApp();
    const r = await register(app);
    assert.equal((await app.request("/api/auth/me/", bearer(r.access))).status, 200, "now cached");
    const [header, payload, signature] = r.access.split(".");
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    const forged = btoa(JSON.stringify({ ...claims, sub: "1", role: "admin" }))
      .replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const tampered = `${header}.${forged}.${signature}`;
    assert.equal((await app.request("/api/auth/me/", bearer(tampered))).status, 401);
    assert.equal((await app.request("/api/auth/me/", bearer(r.access))).status, 200);
  },
);

dbTest("refresh rotates on both paths; a spent token kills the whole session", async () => {
  const app = await testApp();
  const r = await register(app);
  const first = await app.request("/api/auth/refresh/", jsonInit("POST", { refresh: r.refresh }));
  assert.equal(first.status, 200);
  const pair1 = await first.json();
  assert.deepEqual(Object.keys(pair1).sort(), ["access", "refresh"]);
  assert.notEqual(pair1.refresh, r.refresh);
  assert.equal((await app.request("/api/auth/me/", bearer(pair1.access))).status, 200);

  const second = await app.request(
    "/api/auth/token/refresh/",
    jsonInit("POST", { refresh: pair1.refresh }),
  );
  assert.equal(second.status, 200);
  const pair2 = await second.json();

  const reuse = await app.request("/api/auth/refresh/", jsonInit("POST", { refresh: r.refresh }));
  assert.equal(reuse.status, 401);
  const after = await app.request(
    "/api/auth/refresh/",
    jsonInit("POST", { refresh: pair2.refresh }),
  );
  assert.equal(after.status, 401, "the newest refresh token died with the session");
  for (const access of [r.access, pair1.access, pair2.access]) {
    assert.equal((await app.request("/api/auth/me/", bearer(access))).status, 401);
  }
  const other = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email: r.email, password: PASSWORD }),
  );
  assert.equal(other.status, 200, "the account itself still signs in");
});

dbTest(
  "a refresh token presented twice within the reuse window answers one next token",
  async () => {
    const app = await testApp();
    const r = await register(app);
    const refresh = () =>
      app.request("/api/auth/refresh/", jsonInit("POST", { refresh: r.refresh }));
    // Two tabs at once, then a retry of a request whose answer was lost.
    const answers = await Promise.all([refresh(), refresh()]);
    answers.push(await refresh());
    const pairs = [];
    for (const res of answers) {
      assert.equal(res.status, 200);
      pairs.push(await res.json());
    }
    assert.equal(new Set(pairs.map((p) => p.refresh)).size, 1, "every repeat gets the same token");
    assert.notEqual(pairs[0].refresh, r.refresh);
    for (const p of pairs) {
      assert.equal((await app.request("/api/auth/me/", bearer(p.access))).status, 200);
    }
    // The shared next token rotates as usual; the first token is now two rotations old.
    const next = await app.request("/api/auth/refresh/", jsonInit("POST", pairs[0]));
    assert.equal(next.status, 200);
    const third = await next.json();
    assert.equal((await refresh()).status, 401, "an older token is still theft");
    assert.equal((await app.request("/api/auth/me/", bearer(third.access))).status, 401);
  },
);

dbTest("past the reuse window a repeated refresh token ends the session", async () => {
  const app = await testApp({ JWT_REFRESH_REUSE_SECONDS: "1" });
  const r = await register(app);
  const refresh = () => app.request("/api/auth/refresh/", jsonInit("POST", { refresh: r.refresh }));
  const first = await refresh();
  assert.equal(first.status, 200);
  const pair = await first.json();
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const late = await refresh();
  assert.equal(late.status, 401);
  assert.match((await late.json()).detail, /already used.*keep it/);
  assert.equal((await app.request("/api/auth/me/", bearer(pair.access))).status, 401);

  const off = await testApp({ JWT_REFRESH_REUSE_SECONDS: "0" });
  const s = await register(off);
  const once = () => off.request("/api/auth/refresh/", jsonInit("POST", { refresh: s.refresh }));
  assert.equal((await once()).status, 200);
  assert.equal((await once()).status, 401, "0 turns the window off");
});

dbTest("logout ends the session: access and refresh tokens stop at once", async () => {
  const app = await testApp();
  const r = await register(app);
  const login = await (await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email: r.email, password: PASSWORD }),
  )).json();
  const out = await app.request("/api/auth/logout/", { method: "POST", ...bearer(r.access) });
  assert.equal(out.status, 204);
  assert.equal((await app.request("/api/auth/me/", bearer(r.access))).status, 401);
  assert.equal(
    (await app.request("/api/auth/refresh/", jsonInit("POST", { refresh: r.refresh }))).status,
    401,
  );
  assert.equal(
    (await app.request("/api/auth/me/", bearer(login.access))).status,
    200,
    "other sessions live on",
  );

  const withRefresh = await app.request(
    "/api/auth/logout/",
    jsonInit("POST", { refresh: login.refresh }, { Authorization: `Bearer ${login.access}` }),
  );
  assert.equal(withRefresh.status, 204);
  assert.equal((await app.request("/api/auth/me/", bearer(login.access))).status, 401);
  const anon = await app.request("/api/auth/logout/", { method: "POST" });
  assert.equal(anon.status, 401);
});

dbTest("10 failed logins per email and address answer 429 until the window passes", async () => {
  const app = await testApp({ TRUST_PROXY: "true", LOGIN_WINDOW_SECONDS: "60" });
  const r = await register(app);
  const email = r.email.toLowerCase();
  const attempt = (password: string, ip = "203.0.113.7") =>
    app.request(
      "/api/auth/login/",
      jsonInit("POST", { email: r.email, password }, { "X-Forwarded-For": `10.9.9.9, ${ip}` }),
    );
  for (let i = 0; i < 10; i++) assert.equal((await attempt("Wrong-Guess-000")).status, 401);
  const blocked = await attempt(PASSWORD);
  assert.equal(blocked.status, 429, "even the right password is refused");
  const retryAfter = Number(blocked.headers.get("Retry-After"));
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.equal(
    (await attempt(PASSWORD, "198.51.100.4")).status,
    200,
    "another address is not blocked",
  );

  // Let the window pass without waiting for it: the failures become 61 seconds old.
  await sql`update login_failures set at = at - interval '61 seconds' where email = ${email}`;
  assert.equal((await attempt(PASSWORD)).status, 200, "the window passed");
  const [row] = await sql`select count(*)::int as n from login_failures where email = ${email}`;
  assert.equal(row.n, 0, "a successful login clears the counter");
});

dbTest("wrong guesses sent at once are checked at most LOGIN_MAX_FAILURES times", async () => {
  const app = await testApp({ TRUST_PROXY: "true", LOGIN_WINDOW_SECONDS: "60" });
  const r = await register(app);
  const attempt = (password: string) =>
    app.request(
      "/api/auth/login/",
      jsonInit("POST", { email: r.email, password }, { "X-Forwarded-For": "203.0.113.60" }),
    );
  // 60 wrong guesses in one burst: before, every one was checked (the count was read
  // before the check and written after), and a right password among them signed in.
  const burst = await Promise.all(Array.from({ length: 60 }, () => attempt("Wrong-Guess-000")));
  const statuses = burst.map((res) => res.status);
  await Promise.all(burst.map((res) => res.body?.cancel()));
  assert.equal(statuses.filter((s) => s === 401).length, 10, String(statuses));
  assert.equal(statuses.filter((s) => s === 429).length, 50, String(statuses));
  // The ten are counted: the right password is refused too.
  const after = await attempt(PASSWORD);
  assert.equal(after.status, 429);
  await after.body?.cancel();
});

dbTest(
  "a session ends JWT_SESSION_MAX_DAYS after sign-in, however often it is refreshed",
  async () => {
    const app = await testApp({ JWT_SESSION_MAX_DAYS: "30" });
    const r = await register(app);
    const { sid } = decodeJwt(r.refresh) as { sid: string };
    const refresh = (token: string) =>
      app.request("/api/auth/refresh/", jsonInit("POST", { refresh: token }));
    // 29 days and 23 hours in: refreshing works, but the session's end does not move.
    await sql`update sessions set created_at = now() - interval '29 days 23 hours' where id = ${sid}`;
    const late = await refresh(r.refresh);
    assert.equal(late.status, 200);
    const { refresh: next } = await late.json();
    const [row] = await sql<{ left: number }[]>`
    select extract(epoch from expires_at - now())::int as left from sessions where id = ${sid}`;
    assert.ok(row.left <= 3600, `the session ends within the hour, not in a week: ${row.left} s`);
    // Past 30 days the session is over, whatever its refresh token says.
    await sql`update sessions set created_at = now() - interval '30 days 1 minute',
    expires_at = now() + interval '7 days' where id = ${sid}`;
    const over = await refresh(next);
    assert.equal(over.status, 401);
    await over.body?.cancel();
  },
);

dbTest("X-Forwarded-For is ignored unless TRUST_PROXY is set", async () => {
  const app = await testApp({ LOGIN_WINDOW_SECONDS: "60" });
  const r = await register(app);
  for (let i = 0; i < 10; i++) {
    await app.request(
      "/api/auth/login/",
      jsonInit("POST", { email: r.email, password: "Wrong-Guess-000" }, {
        "X-Forwarded-For": `192.0.2.${i}`,
      }),
    );
  }
  const res = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email: r.email, password: PASSWORD }, { "X-Forwarded-For": "192.0.2.200" }),
  );
  assert.equal(res.status, 429, "spoofed addresses do not reset the counter");
});

dbTest(
  "an unknown email costs a login the same time as a wrong password (within 20 %)",
  async () => {
    const app = await testApp({ TRUST_PROXY: "true" });
    const r = await register(app);
    const time = async (email: string, i: number) => {
      const started = performance.now();
      const res = await app.request(
        "/api/auth/login/",
        jsonInit("POST", { email, password: "Wrong-Guess-000" }, {
          "X-Forwarded-For": `198.18.0.${i}`,
        }),
      );
      assert.equal(res.status, 401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time(r.email, i));
      unknown.push(await time(uniqueEmail("ghost"), i));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(unknown) / median(known);
    assert.ok(ratio > 0.8 && ratio < 1.2, `unknown/known median ratio ${ratio.toFixed(2)}`);
  },
);

dbTest("a hash with old parameters is upgraded at the next login", async () => {
  const app = await testApp();
  const r = await register(app);
  await sql`update users set password_hash = ${await hashPassword(
    PASSWORD,
    1000,
  )} where id = ${r.user.id}`;
  const res = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email: r.email, password: PASSWORD }),
  );
  assert.equal(res.status, 200);
  const [row] = await sql`select password_hash from users where id = ${r.user.id}`;
  assert.match(row.password_hash, /i=600000,/);
});
