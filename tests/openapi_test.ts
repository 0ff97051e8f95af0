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
import { clientTypes, documentText } from "../scripts/openapi.ts";
import { dbTest, jsonInit, testApp } from "./helpers.ts";
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

dbTest(
  "openapi.json and client/schema.d.ts are what the routes make (deno task openapi)",
  async () => {
    const document = documentText();
    const committed = await Deno.readTextFile(new URL("../openapi.json", import.meta.url));
    assert.ok(committed === document, "openapi.json is behind the routes: run deno task openapi");
    const types = await Deno.readTextFile(new URL("../client/schema.d.ts", import.meta.url));
    assert.ok(types === await clientTypes(document), "client/schema.d.ts is behind openapi.json");
  },
);

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

function operations(document: unknown): Map<string, Operation & { method: string; path: string }> {
  const out = new Map<string, Operation & { method: string; path: string }>();
  const paths = (document as { paths: Record<string, Record<string, Operation>> }).paths;
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.set(op.operationId, { ...op, method, path });
    }
  }
  return out;
}

dbTest("the prefilled bodies of the reference page pass validation and are accepted", async () => {
  const app = await testApp();
  const document = JSON.parse(documentText());
  const ops = operations(document);
  const marks = routeMarks(app.routes);
  const withExample = [...ops.values()].filter((op) =>
    op.requestBody?.content["application/json"]?.example !== undefined
  );
  const expected = ["register", "login", "createPatient", "createDoctor", "createMapping"];
  for (const id of expected) {
    assert.ok(withExample.some((op) => op.operationId === id), `${id} has an example`);
  }
  for (const op of withExample) {
    const body = marks.find((m) =>
      m.method === op.method.toUpperCase() &&
      m.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}").replace(/\/$/, "") ===
        op.path.replace(/\/$/, "")
    )!.body!;
    const parsed = await body.safeParseAsync(op.requestBody!.content["application/json"].example);
    assert.ok(parsed.success, `${op.operationId}: ${JSON.stringify(parsed.error?.issues)}`);
  }
  // Sent as "Try it out" sends them (ids in a mapping's example replaced by real ones).
  const ann = await signUp(app);
  const example = (id: string) => ops.get(id)!.requestBody!.content["application/json"].example;
  const patient = await ann.json("POST", "/api/patients/", example("createPatient"));
  assert.equal(patient.status, 201, JSON.stringify(patient.body));
  const doctor = await ann.json("POST", "/api/doctors/", example("createDoctor"));
  assert.equal(doctor.status, 201, JSON.stringify(doctor.body));
  const mapping = await ann.json("POST", "/api/mappings/", {
    ...example("createMapping") as object,
    patient: patient.body.id,
    doctor: doctor.body.id,
  });
  assert.equal(mapping.status, 201, JSON.stringify(mapping.body));
  const email = `try-it.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const registered = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { ...example("register") as object, email }),
  );
  assert.equal(registered.status, 201, await registered.clone().text());
  const login = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { ...example("login") as object, email }),
  );
  assert.equal(login.status, 200, "the sign-in example matches the registration example");
});

Deno.test("query parameters are typed as the validators read them", () => {
  const ops = operations(JSON.parse(documentText()));
  const param = (op: string, name: string) =>
    ops.get(op)!.parameters!.find((p) => p.name === name)!.schema;
  assert.equal(param("listPatients", "limit").type, "integer");
  assert.equal(param("listPatients", "offset").type, "integer");
  assert.deepEqual(param("listPatients", "gender").enum, ["male", "female", "other", "unknown"]);
  assert.ok((param("listPatients", "ordering").enum as string[]).includes("-created_at"));
  assert.ok((param("listDoctors", "specialization").enum as string[]).includes("cardiology"));
  assert.equal(param("listDoctors", "is_available").type, "boolean");
  assert.equal(param("listMappings", "patient_id").type, "integer");
  assert.equal(param("listAuditEvents", "since").format, "date-time");
  const untyped = [...ops.values()].flatMap((op) =>
    (op.parameters ?? []).filter((p) => p.in === "query" && !p.schema.type && !p.schema.anyOf)
      .map((p) => `${op.operationId} ${p.name}`)
  );
  assert.deepEqual(untyped, []);
});

Deno.test("bodies and answers refer to named schemas, and every named schema is used", () => {
  const document = JSON.parse(documentText());
  const ops = operations(document);
  const ref = (schema: unknown) => (schema as { $ref?: string }).$ref;
  for (const op of ops.values()) {
    for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
      assert.ok(ref(media.schema), `${op.operationId}: ${type} body is a named schema`);
    }
    for (const [status, res] of Object.entries(op.responses)) {
      for (const [type, media] of Object.entries(res.content ?? {})) {
        if (type.includes("json") && op.operationId !== "getOpenApiDocument") {
          assert.ok(ref(media.schema), `${op.operationId} ${status}: answer is a named schema`);
        }
      }
    }
  }
  const text = JSON.stringify(document.paths) + JSON.stringify(document.components.schemas);
  for (const name of Object.keys(document.components.schemas)) {
    assert.ok(text.includes(`"#/components/schemas/${name}"`), `${name} is referred to`);
  }
  assert.equal(
    ref(ops.get("listPatients")!.responses["200"].content!["application/json"].schema),
    "#/components/schemas/PatientList",
  );
});
