import assert from "node:assert/strict";
import { Validator } from "@seriousme/openapi-schema-validator";
import type { z } from "zod";
import { flushAudit } from "../middleware/audit.ts";
import { problemSchema } from "../lib/errors.ts";
import { routeMarks } from "../lib/route_marks.ts";
import { auditEventSchema } from "../routes/audit.ts";
import { userSchema } from "../routes/auth.ts";
import { doctorSchema } from "../routes/doctors.ts";
import { listOf } from "../routes/http.ts";
import { mappingSchema } from "../routes/mappings.ts";
import { patientSchema } from "../routes/patients.ts";
import { dbTest, testApp } from "./helpers.ts";
import { signUp, signUpAdmin } from "./records_helpers.ts";

type Doc = { paths: Record<string, Record<string, unknown>> };

function documented(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      out.add(`${method.toUpperCase()} ${path.replace(/\/$/, "")}`);
    }
  }
  return out;
}

dbTest("every route of the app is in the OpenAPI document, and nothing else", async () => {
  const app = await testApp();
  const doc = (await (await app.request("/api/openapi.json")).json()) as Doc;
  const inDoc = documented(doc);
  const routes = new Set(
    app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) =>
        `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}").replace(/\/$/, "")}`
      ),
  );
  assert.ok(routes.size > 30, `walked ${routes.size} routes`);
  const missing = [...routes].filter((r) => !inDoc.has(r));
  assert.deepEqual(missing, [], "routes missing from the document");
  const extra = [...inDoc].filter((r) => !routes.has(r));
  assert.deepEqual(extra, [], "documented routes the app does not have");
});

dbTest("every route carries a description mark; the document is made from them", async () => {
  const app = await testApp();
  const marks = routeMarks(app.routes);
  assert.ok(marks.length > 30, `walked ${marks.length} operations`);
  const bare = marks.filter((m) => !m.doc).map((m) => `${m.method} ${m.path}`);
  assert.deepEqual(bare, [], "routes without describe()");
  // Marks that the generator reads from the middleware: auth and validated parts.
  const find = (method: string, path: string) =>
    marks.find((m) => m.method === method && m.path === path)!;
  assert.equal(find("GET", "/api/patients/:id").auth, true, "requireAuth used by the router");
  assert.equal(find("POST", "/api/auth/login").auth, false);
  assert.ok(find("POST", "/api/patients").body, "the body validator is seen");
  assert.ok(find("GET", "/api/doctors").query, "the query validator is seen");
});

dbTest("the document is valid OpenAPI 3.1", async () => {
  const app = await testApp();
  const document = await (await app.request("/api/openapi.json")).json();
  const validator = new Validator();
  const result = await validator.validate(document as Record<string, unknown>);
  assert.equal(validator.version, "3.1");
  assert.equal(result.valid, true, JSON.stringify(result.errors));
  const doc = document as {
    components: { securitySchemes: Record<string, unknown> };
    paths: Record<
      string,
      Record<string, { security?: unknown; responses: Record<string, unknown> }>
    >;
  };
  assert.deepEqual(doc.components.securitySchemes.bearer, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  const ops = Object.values(doc.paths).flatMap((o) => Object.values(o)) as {
    operationId: string;
    security: unknown[];
    responses: Record<string, { headers?: Record<string, unknown> }>;
  }[];
  const ids = ops.map((o) => o.operationId);
  assert.equal(new Set(ids).size, ids.length, "operation ids are unique");
  assert.deepEqual(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id)), [], "readable ids");
  assert.ok(ids.includes("listPatients") && ids.includes("getPatient"));
  assert.deepEqual(doc.paths["/api/auth/login/"].post.security, [], "public: no token");
  for (const op of ops) {
    for (const [status, res] of Object.entries(op.responses)) {
      assert.ok(res.headers?.["X-Request-Id"], `${op.operationId} ${status}: X-Request-Id`);
      if (status === "503" || status === "429") {
        assert.ok(res.headers?.["Retry-After"], `${op.operationId} ${status}: Retry-After`);
      }
      if (status === "201") assert.ok(res.headers?.Location, `${op.operationId}: Location`);
    }
  }
  const patients = doc.paths["/api/patients/"].post;
  assert.ok(patients.security, "patient routes need the bearer scheme");
  for (const status of ["201", "400", "401", "413", "415"]) {
    assert.ok(patients.responses[status], status);
  }
});

dbTest("real answers match the documented schemas, field for field", async (t) => {
  const app = await testApp();
  const ann = await signUp(app);
  const admin = await signUpAdmin(app);
  const check = (schema: z.ZodType, body: unknown, label: string) => {
    const parsed = schema.safeParse(body);
    assert.ok(parsed.success, `${label}: ${JSON.stringify(parsed.error?.issues)}`);
  };
  await t.step("user and tokens", async () => {
    check(userSchema, (await ann.json("GET", "/api/auth/me/")).body, "me");
  });
  const patient =
    (await ann.json("POST", "/api/patients/", { name: "Doc Check", date_of_birth: "1990-01-01" }))
      .body;
  const doctor = (await ann.json("POST", "/api/doctors/", {
    name: "Dr Doc",
    specialization: "general",
    consultation_fee: 10,
  })).body;
  const mapping =
    (await ann.json("POST", "/api/mappings/", { patient: patient.id, doctor: doctor.id })).body;
  await t.step("records and lists", async () => {
    check(patientSchema, patient, "patient");
    check(doctorSchema, doctor, "doctor");
    check(mappingSchema, mapping, "mapping");
    check(listOf(patientSchema), (await ann.json("GET", "/api/patients/")).body, "patients");
    check(listOf(doctorSchema), (await ann.json("GET", "/api/doctors/")).body, "doctors");
    check(listOf(mappingSchema), (await ann.json("GET", "/api/mappings/")).body, "mappings");
    await flushAudit();
    check(listOf(auditEventSchema), (await admin.json("GET", "/api/audit/")).body, "audit");
  });
  await t.step("problems", async () => {
    for (
      const res of [
        await ann.json("POST", "/api/patients/", {}),
        await ann.json("GET", "/api/patients/999999999/"),
        await ann.json("GET", "/api/audit/"),
      ]
    ) {
      check(problemSchema, res.body, String(res.status));
    }
  });
});

dbTest("the reference page and its assets are served by the service", async () => {
  const app = await testApp();
  const page = await app.request("/api/docs");
  assert.equal(page.status, 200);
  assert.match(page.headers.get("Content-Type")!, /text\/html/);
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    .filter((url) => !url.startsWith("data:"));
  assert.equal(assets.length, 3);
  for (const url of assets) {
    assert.ok(url.startsWith("/api/docs/assets/"), `${url} is served locally`);
    const res = await app.request(url);
    assert.equal(res.status, 200, url);
    assert.ok((await res.text()).length > 100, url);
  }
  assert.match(page.headers.get("Content-Security-Policy")!, /script-src 'self'/);
  assert.doesNotMatch(html, /https?:\/\//, "no external resources");
  assert.equal((await app.request("/api/docs/assets/nope.js")).status, 404);
  const api = await app.request("/healthz");
  assert.doesNotMatch(api.headers.get("Content-Security-Policy")!, /script-src/);
});
