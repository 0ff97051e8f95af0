import assert from "node:assert/strict";
import { dbTest, jsonInit, testApp } from "./helpers.ts";
import { clientFor, errorFields } from "./records_helpers.ts";

const PASSWORD = "Maple-Orbit-5521";

async function register(app: Awaited<ReturnType<typeof testApp>>, name = "Pat Profile") {
  const email = `profile.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { name, email, password: PASSWORD }),
  );
  assert.equal(res.status, 201);
  const { user, access } = await res.json();
  return { email, ...clientFor(app, user.id, access) };
}

dbTest(
  "PATCH /api/auth/me/ changes the name; the email only with the current password",
  async (t) => {
    const app = await testApp();
    const ann = await register(app);
    const other = await register(app);
    await t.step("a new name, trimmed; the answer is the user", async () => {
      const res = await ann.json("PATCH", "/api/auth/me/", { name: "  Ann Renamed " });
      assert.equal(res.status, 200);
      assert.equal(res.body.name, "Ann Renamed");
      assert.equal(res.body.email, ann.email);
      assert.equal((await ann.json("GET", "/api/auth/me/")).body.name, "Ann Renamed");
    });
    await t.step("an email change without, or with a wrong, current password is 400", async () => {
      const none = await ann.json("PATCH", "/api/auth/me/", { email: "new.ann@example.com" });
      assert.equal(none.status, 400);
      assert.deepEqual(errorFields(none.body), ["current_password"]);
      const wrong = await ann.json("PATCH", "/api/auth/me/", {
        email: "new.ann@example.com",
        current_password: "not-it",
        name: "Should Not Stick",
      });
      assert.equal(wrong.status, 400);
      const me = (await ann.json("GET", "/api/auth/me/")).body;
      assert.equal(me.email, ann.email, "nothing changed");
      assert.equal(me.name, "Ann Renamed");
    });
    await t.step("another account's email is 409 on email", async () => {
      const res = await ann.json("PATCH", "/api/auth/me/", {
        email: other.email.toUpperCase(),
        current_password: PASSWORD,
      });
      assert.equal(res.status, 409);
      assert.deepEqual(errorFields(res.body), ["email"]);
    });
    await t.step("the same email (any case) needs no password", async () => {
      const res = await ann.json("PATCH", "/api/auth/me/", { email: ann.email.toUpperCase() });
      assert.equal(res.status, 200);
    });
    await t.step("with the password the email changes and signs in", async () => {
      const email = `moved.${crypto.randomUUID().slice(0, 8)}@example.com`;
      const res = await ann.json("PATCH", "/api/auth/me/", {
        email: ` ${email.toUpperCase()} `,
        current_password: PASSWORD,
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.email, email);
      const login = await app.request(
        "/api/auth/login/",
        jsonInit("POST", { email, password: PASSWORD }),
      );
      assert.equal(login.status, 200);
      const old = await app.request(
        "/api/auth/login/",
        jsonInit("POST", { email: ann.email, password: PASSWORD }),
      );
      assert.equal(old.status, 401);
    });
    await t.step("invalid values are 400 and change nothing", async () => {
      for (
        const body of [{ name: "" }, { name: 5 }, {
          email: "not-an-email",
          current_password: PASSWORD,
        }]
      ) {
        const res = await ann.json("PATCH", "/api/auth/me/", body);
        assert.equal(res.status, 400, JSON.stringify(body));
      }
      const anon = await app.request("/api/auth/me/", jsonInit("PATCH", { name: "X Y" }));
      assert.equal(anon.status, 401);
    });
  },
);
