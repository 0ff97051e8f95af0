/** What a first day with the service runs into: where things are, and refused origins. */
import assert from "node:assert/strict";
import { dbTest, testApp } from "./helpers.ts";
import { signUp } from "./records_helpers.ts";

dbTest("GET /api/ and / list where each part of the API lives, as absolute links", async () => {
  const app = await testApp();
  for (const path of ["/api/", "/api", "/"]) {
    const res = await app.request(`http://api.clinic.test${path}`);
    assert.equal(res.status, 200, path);
    const index = await res.json();
    assert.equal(index.patients, "http://api.clinic.test/api/patients/");
    assert.equal(index.docs, "http://api.clinic.test/api/docs");
    assert.equal(index.users, "http://api.clinic.test/api/users/");
    assert.equal(index.fhir, "http://api.clinic.test/fhir/metadata");
  }
});

dbTest("an unknown route's 404 points at the index and the reference page", async () => {
  const app = await testApp();
  for (const path of ["/api/patient/", "/api/v1/patients/", "/docs"]) {
    const res = await app.request(path);
    assert.equal(res.status, 404, path);
    assert.match((await res.json()).detail, /GET \/api\/ lists the resources and \/api\/docs/);
  }
  // A record that does not exist is not a wrong route: no pointer there.
  const ann = await signUp(app);
  const missing = await ann.json("GET", "/api/doctors/999999999/");
  assert.equal(missing.status, 404);
  assert.doesNotMatch(missing.body.detail, /api\/docs/);
});

/** Runs `fn` with console.error captured; answers the warn lines written. */
async function warnings(fn: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (line: string) => lines.push(line);
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return lines.map((l) => JSON.parse(l)).filter((l) => l.level === "warn");
}

const preflight = (origin: string, path = "/api/patients/") => ({
  path,
  init: {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type, authorization",
    },
  },
});

dbTest("preflights answer 204 on every path; a refused origin is logged once", async () => {
  for (const cors of ["", "https://clinic.example.com"]) {
    const app = await testApp({ CORS_ORIGINS: cors, LOG_LEVEL: "warn" });
    const seen = await warnings(async () => {
      for (const path of ["/api/patients/", "/api/patients/1/", "/api/auth/login/", "/nowhere"]) {
        const p = preflight("http://localhost:3000", path);
        const res = await app.request(p.path, p.init);
        assert.equal(res.status, 204, `${cors || "no origins"} ${path}`);
        assert.equal(res.headers.get("Access-Control-Allow-Origin"), null);
      }
      // A plain request from the same refused origin: answered, not logged again.
      const res = await app.request("/healthz", { headers: { Origin: "http://localhost:3000" } });
      assert.equal(res.status, 200);
      // Same origin as the service itself: no warning.
      await app.request("/healthz", {
        headers: { Origin: "http://localhost", Host: "localhost" },
      });
    });
    assert.equal(seen.length, 1, JSON.stringify(seen));
    assert.equal(seen[0].origin, "http://localhost:3000");
    assert.match(String(seen[0].msg), /CORS_ORIGINS/);
  }
  const app = await testApp({ CORS_ORIGINS: "https://clinic.example.com", LOG_LEVEL: "warn" });
  const seen = await warnings(async () => {
    const p = preflight("https://clinic.example.com");
    const res = await app.request(p.path, p.init);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("Access-Control-Allow-Origin"), "https://clinic.example.com");
  });
  assert.deepEqual(seen, [], "an allowed origin is not a warning");
});

dbTest("the mapping example says which ids to replace", async () => {
  const app = await testApp();
  const doc = await (await app.request("/api/openapi.json")).json();
  assert.match(doc.components.schemas.MappingInput.description, /Replace the example's ids/);
});
