/**
 * Client input that reached the database or the runtime as a 500: each answers 4xx naming
 * the parameter or field, and changes nothing.
 */
import assert from "node:assert/strict";
import { dbTest, jsonInit, testApp } from "./helpers.ts";
import { errorFields, signUp, signUpAdmin } from "./records_helpers.ts";

dbTest("a NUL byte in a search or filter is a 400 on that parameter", async () => {
  const me = await signUp();
  for (
    const [path, field] of [
      ["/api/patients/?search=%00", "search"],
      ["/api/patients/?search=a%00b", "search"],
      ["/api/doctors/?search=%00", "search"],
      ["/api/doctors/?city=%00", "city"],
    ]
  ) {
    const res = await me.json("GET", path);
    assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
    assert.deepEqual(errorFields(res.body), [field], path);
  }
  const long = await me.json("GET", `/api/patients/?search=${"a".repeat(201)}`);
  assert.equal(long.status, 400);
  assert.deepEqual(errorFields(long.body), ["search"]);
});

dbTest("a sign-in email longer than any account's is a 400, not an index error", async () => {
  const app = await testApp();
  // Random hex does not compress: 3 KB of it overflowed the index row before.
  const bytes = crypto.getRandomValues(new Uint8Array(1500));
  const local = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  const res = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email: `${local}@example.org`, password: "wrong-password" }),
  );
  assert.equal(res.status, 400);
  assert.deepEqual(errorFields(await res.json()), ["email"]);
});

dbTest("prototype keys are not documentation assets", async () => {
  const app = await testApp();
  for (const name of ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"]) {
    const res = await app.request(`/api/docs/assets/${name}`);
    assert.equal(res.status, 404, name);
    await res.body?.cancel();
  }
  const real = await app.request("/api/docs/assets/init.js");
  assert.equal(real.status, 200);
  // The reference page keeps the bearer token in memory only, never in localStorage.
  assert.match(await real.text(), /persistAuthorization: false/);
});

dbTest("since and until must be real instants within years 1 to 9999", async () => {
  const app = await testApp();
  const admin = await signUpAdmin(app);
  const me = await signUp(app);
  const created = await me.json("POST", "/api/patients/", { name: "Instant Check", gender: "F" });
  assert.equal(created.status, 201);
  const bad = [
    "9999-12-31T23:00:00-05:00", // year 10000 once the offset is applied
    "2020-02-30", // no such day (Date.parse rolls it over to March 1)
    "2021-02-29",
    "2020-01-01T24:00",
    "2020-13-01",
    "2020-01-01T10:60",
    "0000-01-01",
  ];
  for (const value of bad) {
    for (const param of ["since", "until"]) {
      const q = `${param}=${encodeURIComponent(value)}`;
      const audit = await admin.json("GET", `/api/audit/?${q}`);
      assert.equal(audit.status, 400, `audit ${q}: ${JSON.stringify(audit.body)}`);
      assert.deepEqual(errorFields(audit.body), [param]);
      const log = await me.json("GET", `/api/patients/${created.body.id}/access-log/?${q}`);
      assert.equal(log.status, 400, `access log ${q}`);
      assert.deepEqual(errorFields(log.body), [param]);
    }
  }
  for (const good of ["2020-02-29", "2024-05-01T08:00:00Z", "9999-12-31T23:59:59Z"]) {
    const res = await admin.json("GET", `/api/audit/?since=${encodeURIComponent(good)}`);
    assert.equal(res.status, 200, good);
  }
});

dbTest("links are absolute: PUBLIC_URL first, else the request's own host", async () => {
  const app = await testApp({ PUBLIC_URL: "https://api.example.com/" });
  const me = await signUp(app);
  const evil = { Host: "evil.test" };
  const created = await me.json("POST", "/api/patients/", { name: "Link Check" }, evil);
  assert.equal(created.status, 201);
  assert.equal(
    created.headers.get("Location"),
    `https://api.example.com/api/patients/${created.body.id}/`,
  );
  await me.json("POST", "/api/patients/", { name: "Link Check 2" }, evil);
  const list = await me.json("GET", "/api/patients/?limit=1", undefined, evil);
  assert.equal(list.body.next, "https://api.example.com/api/patients/?limit=1&offset=1");
  // Without PUBLIC_URL the links are built as Django's build_absolute_uri builds them.
  const plain = await signUp();
  const made = await plain.json("POST", "http://clinic.test:8080/api/patients/", {
    name: "Link Check",
  });
  assert.equal(
    made.headers.get("Location"),
    `http://clinic.test:8080/api/patients/${made.body.id}/`,
  );
  await plain.json("POST", "/api/patients/", { name: "Link Check 2" });
  const page = await plain.json("GET", "http://clinic.test:8080/api/patients/?limit=1");
  assert.equal(page.body.next, "http://clinic.test:8080/api/patients/?limit=1&offset=1");
});

dbTest("ALLOWED_HOSTS: a request naming another host is a 400 and changes nothing", async () => {
  const app = await testApp({ ALLOWED_HOSTS: "localhost, clinic.test,.example.org" });
  const me = await signUp(app);
  const count = async () => (await me.json("GET", "/api/patients/")).body.count;
  const before = await count();
  for (
    const [url, headers] of [
      ["http://evil.test/api/patients/", {}],
      ["/api/patients/", { Host: "evil.test" }],
      ["/api/patients/", { Host: "badexample.org" }],
      ["/api/patients/", { Host: "clinic.test.evil.test:80" }],
    ] as const
  ) {
    const res = await me.json("POST", url, { name: "Host Check" }, headers);
    assert.equal(res.status, 400, `${url} ${JSON.stringify(headers)}`);
    assert.deepEqual(errorFields(res.body), ["Host"]);
    assert.doesNotMatch(JSON.stringify(res.body), /evil/);
  }
  assert.equal(await count(), before, "nothing was created");
  for (const host of ["clinic.test:8443", "example.org", "api.example.org", "LOCALHOST"]) {
    const res = await me.json("POST", "/api/patients/", { name: "Host Check" }, { Host: host });
    assert.equal(res.status, 201, host);
    assert.ok(res.headers.get("Location")!.startsWith("http://localhost/"), "the URL's host");
  }
  // FHIR answers the same way; probes answer any host (orchestrators use bare addresses).
  const fhir = await app.request("http://evil.test/fhir/metadata");
  assert.equal(fhir.status, 400);
  assert.equal((await fhir.json()).resourceType, "OperationOutcome");
  const metadata = await app.request("http://clinic.test/fhir/metadata");
  assert.equal(metadata.headers.get("Vary"), "Host", "a cached copy is kept per host");
  assert.equal((await metadata.json()).implementation.url, "http://clinic.test/fhir");
  const probe = await app.request("http://10.0.0.7:8000/healthz");
  assert.equal(probe.status, 200);
  await probe.body?.cancel();
  // Behind a trusted proxy the host the client named is X-Forwarded-Host.
  const proxied = await testApp({ ALLOWED_HOSTS: "clinic.test", TRUST_PROXY: "true" });
  const forged = await proxied.request("http://clinic.test/fhir/metadata", {
    headers: { "X-Forwarded-Host": "evil.test", "X-Forwarded-Proto": "https" },
  });
  assert.equal(forged.status, 400);
  await forged.body?.cancel();
  const good = await proxied.request("http://internal:8000/fhir/metadata", {
    headers: { "X-Forwarded-Host": "clinic.test", "X-Forwarded-Proto": "https" },
  });
  assert.equal(good.status, 200);
  assert.equal((await good.json()).implementation.url, "https://clinic.test/fhir");
  assert.equal(good.headers.get("Vary"), "Host, X-Forwarded-Host, X-Forwarded-Proto");
  assert.match(good.headers.get("Cache-Control")!, /max-age=\d+/);
});

dbTest("forwarded headers make links only under TRUST_PROXY=true, PUBLIC_URL first", async () => {
  const forwarded = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "clinic.example.org" };
  const located = async (app: Awaited<ReturnType<typeof testApp>>, headers = forwarded) => {
    const me = await signUp(app);
    const made = await me.json("POST", "/api/patients/", { name: "Proxy Check" }, headers);
    await me.json("POST", "/api/patients/", { name: "Proxy Check 2" }, headers);
    const list = await me.json("GET", "/api/patients/?limit=1", undefined, headers);
    const fhir = await me.json("GET", "/fhir/Patient?_count=1", undefined, headers);
    return {
      location: made.headers.get("Location"),
      next: list.body.next,
      fhirNext: fhir.body.link.find((l: { relation: string }) => l.relation === "next").url,
      fullUrl: fhir.body.entry[0].fullUrl,
      id: made.body.id,
    };
  };
  const trusted = await located(await testApp({ TRUST_PROXY: "true" }));
  assert.equal(trusted.location, `https://clinic.example.org/api/patients/${trusted.id}/`);
  assert.equal(trusted.next, "https://clinic.example.org/api/patients/?limit=1&offset=1");
  assert.match(trusted.fhirNext, /^https:\/\/clinic\.example\.org\/fhir\/Patient\?/);
  assert.equal(trusted.fullUrl, `https://clinic.example.org/fhir/Patient/${trusted.id}`);
  // The first proxy's values of a list; port kept.
  const chained = await located(await testApp({ TRUST_PROXY: "true" }), {
    "X-Forwarded-Proto": "https, http",
    "X-Forwarded-Host": "clinic.example.org:8443, internal:8000",
  });
  assert.equal(chained.location, `https://clinic.example.org:8443/api/patients/${chained.id}/`);
  // Not trusted: the headers change nothing (links from the request's own origin).
  const untrusted = await located(await testApp());
  assert.equal(untrusted.location, `http://localhost/api/patients/${untrusted.id}/`);
  assert.match(untrusted.fhirNext, /^http:\/\/localhost\/fhir\//);
  // PUBLIC_URL wins over what a proxy says.
  const pub = await located(
    await testApp({ TRUST_PROXY: "true", PUBLIC_URL: "https://api.example.com" }),
  );
  assert.equal(pub.location, `https://api.example.com/api/patients/${pub.id}/`);
  assert.equal(pub.fullUrl, `https://api.example.com/fhir/Patient/${pub.id}`);
  // Malformed values are ignored, never echoed.
  const odd = await located(await testApp({ TRUST_PROXY: "true" }), {
    "X-Forwarded-Proto": "javascript",
    "X-Forwarded-Host": "evil.test/<x>",
  });
  assert.equal(odd.location, `http://localhost/api/patients/${odd.id}/`);
});

dbTest("answers to signed-in callers and token answers are never cached", async () => {
  const app = await testApp();
  const me = await signUp(app);
  const created = await me.json("POST", "/api/patients/", { name: "Cache Check" });
  for (const path of [`/api/patients/${created.body.id}/`, "/api/patients/", "/api/nowhere/"]) {
    const res = await me.call("GET", path);
    assert.equal(res.headers.get("Cache-Control"), "no-store", path);
    await res.body?.cancel();
  }
  const login = await app.request(
    "/api/auth/login/",
    jsonInit("POST", { email: "nobody@example.org", password: "wrong-password" }),
  );
  assert.equal(login.headers.get("Cache-Control"), "no-store");
  await login.body?.cancel();
  const asset = await app.request("/api/docs/assets/init.js");
  assert.equal(asset.headers.get("Cache-Control"), "public, max-age=86400");
  await asset.body?.cancel();
});

dbTest(
  "an optional field with a bad value answers the rule it broke, and nothing is stored",
  async () => {
    const me = await signUp();
    const before = await me.json("GET", "/api/patients/");
    const res = await me.json("POST", "/api/patients/", {
      name: "Rule Check",
      email: "nope",
      blood_group: "Z+",
      city: "c".repeat(300),
      address: 42,
      age: "old",
    });
    assert.equal(res.status, 400);
    const messages = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    assert.deepEqual(messages, {
      email: "must be a valid email address",
      blood_group: "must be one of A+ A- B+ B- AB+ AB- O+ O-",
      city: "must be at most 255 characters",
      address: "must be a string or null",
      age: "must be a whole number from 0 to 150",
    });
    const after = await me.json("GET", "/api/patients/");
    assert.equal(after.body.count, before.body.count);
  },
);
