/**
 * Every route that touches patient data or a clinic, called by a member of each role, by
 * people outside the clinic and by an admin, against the contract's role table. The routes
 * come from the application itself: a route without a row here fails the test.
 */
import assert from "node:assert/strict";
import { dbTest, testApp } from "./helpers.ts";
import { type Client, signUp } from "./records_helpers.ts";
import type { Hono } from "hono";
import type { AppEnv } from "../types.ts";
import { addMember, makeTeam, type Team } from "./clinic_helpers.ts";

type Actor = Exclude<keyof Team, "clinic" | "otherClinic">;
const ACTORS: Actor[] = [
  "owner",
  "clinician",
  "front_desk",
  "viewer",
  "outsider",
  "removed",
  "other_clinic",
  "admin",
];
const MEMBERS: Actor[] = ["owner", "clinician", "front_desk", "viewer", "admin"];

/** What a caller gets: a status, or for a list whether the clinic's record is in it. */
type Expected = number | "listed" | "unlisted";
/** A request built for one caller (fresh records for destructive ones), and how to read its answer. */
interface Row {
  expect: (a: Actor) => Expected;
  call: (
    a: Actor,
  ) => Promise<{
    path: string;
    body?: unknown;
    listed?: (body: unknown) => boolean;
    /** A multipart body to send instead of JSON. */
    form?: FormData;
    /** The answer is not JSON (a document's bytes): only its status counts. */
    raw?: boolean;
  }>;
}

/** Members by role: `writers` get `ok`, other members `denied` (403), strangers `stranger`. */
function byRole(ok: number, writers: Actor[], stranger = 404): (a: Actor) => Expected {
  return (a) => writers.includes(a) || a === "admin" ? ok : MEMBERS.includes(a) ? 403 : stranger;
}
const READ = byRole(200, MEMBERS);
const LIST = (a: Actor): Expected => MEMBERS.includes(a) ? "listed" : "unlisted";
const WRITERS: Actor[] = ["owner", "clinician", "front_desk"];
const CLINICAL: Actor[] = ["owner", "clinician"];
const OWNER: Actor[] = ["owner"];
/** Who reads documents: every member role but front_desk. */
const DOCUMENT_READERS: Actor[] = ["owner", "clinician", "viewer"];
const READ_DOCUMENTS = byRole(200, DOCUMENT_READERS);

const ids = (body: unknown, key = "id") =>
  ((body as { results: Record<string, number>[] }).results ?? []).map((r) => r[key]);
const entryIds = (body: unknown) =>
  ((body as { entry?: { resource: { id: string } }[] }).entry ?? []).map((e) => e.resource.id);

/** A request whose body is a form, or whose answer is bytes: its status alone. */
async function sendRaw(user: Client, method: string, path: string, form?: FormData) {
  const res = await (user as Client & { app: Hono<AppEnv> }).app.request(path, {
    method,
    headers: { Authorization: `Bearer ${user.token}` },
    body: form,
  });
  await res.body?.cancel();
  return { status: res.status, body: null };
}

dbTest("clinics: every patient-data route answers each role as the role table says", async (t) => {
  const app = await testApp();
  const team = await makeTeam(app);
  const { clinic } = team;
  const owner = team.owner;
  const doctor = async () =>
    (await owner.json("POST", "/api/doctors/", { name: "Dr Matrix", specialization: "general" }))
      .body.id;
  const patient = async () => {
    const res = await team.clinician.json("POST", "/api/patients/", {
      name: "Matrix Patient",
      allergies: "Pollen",
      clinic,
    });
    assert.equal(res.status, 201);
    return res.body.id as number;
  };
  const mapping = async (p: number) => {
    const res = await owner.json("POST", "/api/mappings/", { patient: p, doctor: await doctor() });
    assert.equal(res.status, 201);
    return res.body.id as number;
  };
  const P = await patient();
  const M = await mapping(P);
  // Appointments with one doctor, each at its own time.
  const D = await doctor();
  let slot = 0;
  const bookingOf = () => ({
    patient: P,
    doctor: D,
    start: new Date(Date.UTC(2027, 8, 1, 6) + slot++ * 3600_000).toISOString(),
    duration_minutes: 30,
  });
  const appointment = async () => {
    const res = await owner.json("POST", "/api/appointments/", bookingOf());
    assert.equal(res.status, 201);
    return res.body.id as number;
  };
  const A = await appointment();
  const documentForm = () => {
    const form = new FormData();
    form.append("category", "other");
    form.append("file", new File(["Matrix note\n"], "note.txt", { type: "text/plain" }));
    return form;
  };
  const document = async () => {
    const res = await app.request(`/api/patients/${P}/documents/`, {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.token}` },
      body: documentForm(),
    });
    assert.equal(res.status, 201);
    return (await res.json()).id as number;
  };
  const F = await document();

  const rows: Record<string, Row> = {
    "POST /api/patients": {
      expect: byRole(201, WRITERS, 400),
      call: () => Promise.resolve({ path: "/api/patients/", body: { name: "New", clinic } }),
    },
    "GET /api/patients": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: "/api/patients/?limit=100&ordering=-id",
          listed: (b) => ids(b).includes(P),
        }),
    },
    "GET /api/patients/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/patients/${P}/` }),
    },
    "PUT /api/patients/:id": {
      expect: byRole(200, CLINICAL),
      call: () =>
        Promise.resolve({ path: `/api/patients/${P}/`, body: { name: "Matrix Patient" } }),
    },
    "PATCH /api/patients/:id": {
      expect: byRole(200, WRITERS),
      call: () => Promise.resolve({ path: `/api/patients/${P}/`, body: { city: "Leeds" } }),
    },
    "DELETE /api/patients/:id": {
      expect: byRole(204, WRITERS),
      call: async () => ({ path: `/api/patients/${await patient()}/` }),
    },
    "POST /api/patients/:id/restore": {
      expect: byRole(200, WRITERS),
      call: async () => {
        const fresh = await patient();
        assert.equal((await team.clinician.call("DELETE", `/api/patients/${fresh}/`)).status, 204);
        return { path: `/api/patients/${fresh}/restore/` };
      },
    },
    "GET /api/patients/:id/history": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/patients/${P}/history/` }),
    },
    "GET /api/patients/:id/history/:version": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/patients/${P}/history/1/` }),
    },
    "GET /api/patients/:id/doctors": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/patients/${P}/doctors/` }),
    },
    "GET /api/patients/:id/access-log": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/patients/${P}/access-log/` }),
    },
    "POST /api/mappings": {
      // An unknown or unseen patient is a 400 on `patient`, as in Part 1.
      expect: byRole(201, WRITERS, 400),
      call: async () => ({ path: "/api/mappings/", body: { patient: P, doctor: await doctor() } }),
    },
    "GET /api/mappings": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: "/api/mappings/?limit=100&ordering=-id",
          listed: (b) => ids(b).includes(M),
        }),
    },
    "GET /api/mappings/patient/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/mappings/patient/${P}/` }),
    },
    "GET /api/mappings/detail/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/mappings/detail/${M}/` }),
    },
    "PATCH /api/mappings/detail/:id": {
      expect: byRole(200, WRITERS),
      call: () => Promise.resolve({ path: `/api/mappings/detail/${M}/`, body: { notes: "Seen" } }),
    },
    "DELETE /api/mappings/detail/:id": {
      expect: byRole(204, WRITERS),
      call: async () => ({ path: `/api/mappings/detail/${await mapping(P)}/` }),
    },
    "POST /api/mappings/detail/:id/restore": {
      expect: byRole(200, WRITERS),
      call: async () => {
        const fresh = await mapping(P);
        assert.equal((await owner.call("DELETE", `/api/mappings/detail/${fresh}/`)).status, 204);
        return { path: `/api/mappings/detail/${fresh}/restore/` };
      },
    },
    "GET /api/mappings/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/mappings/${P}/` }),
    },
    "DELETE /api/mappings/:id": {
      expect: byRole(204, WRITERS),
      call: async () => ({ path: `/api/mappings/${await mapping(P)}/` }),
    },
    "POST /api/appointments": {
      expect: byRole(201, WRITERS, 400),
      call: () => Promise.resolve({ path: "/api/appointments/", body: bookingOf() }),
    },
    "GET /api/appointments": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: `/api/appointments/?patient_id=${P}&limit=100`,
          listed: (b) => ids(b).includes(A),
        }),
    },
    "GET /api/appointments/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/appointments/${A}/` }),
    },
    "PATCH /api/appointments/:id": {
      expect: byRole(200, WRITERS),
      call: () => Promise.resolve({ path: `/api/appointments/${A}/`, body: { reason: "Review" } }),
    },
    "DELETE /api/appointments/:id": {
      expect: byRole(204, WRITERS),
      call: async () => ({ path: `/api/appointments/${await appointment()}/` }),
    },
    "POST /api/appointments/:id/restore": {
      expect: byRole(200, WRITERS),
      call: async () => {
        const fresh = await appointment();
        assert.equal((await owner.call("DELETE", `/api/appointments/${fresh}/`)).status, 204);
        return { path: `/api/appointments/${fresh}/restore/` };
      },
    },
    "GET /api/appointments/:id/history": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/appointments/${A}/history/` }),
    },
    "GET /api/appointments/:id/history/:version": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/appointments/${A}/history/1/` }),
    },
    "GET /api/patients/:id/appointments": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/patients/${P}/appointments/` }),
    },
    "POST /api/patients/:id/documents": {
      expect: byRole(201, CLINICAL),
      call: () => Promise.resolve({ path: `/api/patients/${P}/documents/`, form: documentForm() }),
    },
    "GET /api/patients/:id/documents": {
      expect: READ_DOCUMENTS,
      call: () => Promise.resolve({ path: `/api/patients/${P}/documents/` }),
    },
    "GET /api/documents/:id": {
      expect: READ_DOCUMENTS,
      call: () => Promise.resolve({ path: `/api/documents/${F}/` }),
    },
    "GET /api/documents/:id/content": {
      expect: READ_DOCUMENTS,
      call: () => Promise.resolve({ path: `/api/documents/${F}/content`, raw: true }),
    },
    "PATCH /api/documents/:id": {
      expect: byRole(200, CLINICAL),
      call: () => Promise.resolve({ path: `/api/documents/${F}/`, body: { title: "Note" } }),
    },
    "DELETE /api/documents/:id": {
      expect: byRole(204, CLINICAL),
      call: async () => ({ path: `/api/documents/${await document()}/` }),
    },
    "POST /api/documents/:id/restore": {
      expect: byRole(200, CLINICAL),
      call: async () => {
        const fresh = await document();
        assert.equal((await owner.call("DELETE", `/api/documents/${fresh}/`)).status, 204);
        return { path: `/api/documents/${fresh}/restore/` };
      },
    },
    "GET /api/documents/:id/history": {
      expect: READ_DOCUMENTS,
      call: () => Promise.resolve({ path: `/api/documents/${F}/history/` }),
    },
    "GET /api/documents/:id/history/:version": {
      expect: READ_DOCUMENTS,
      call: () => Promise.resolve({ path: `/api/documents/${F}/history/1/` }),
    },
    "GET /fhir/DocumentReference": {
      expect: (a) => DOCUMENT_READERS.includes(a) || a === "admin" ? "listed" : "unlisted",
      call: () =>
        Promise.resolve({
          path: `/fhir/DocumentReference?_id=${F}`,
          listed: (b) => entryIds(b).includes(String(F)),
        }),
    },
    "GET /fhir/DocumentReference/:id": {
      expect: READ_DOCUMENTS,
      call: () => Promise.resolve({ path: `/fhir/DocumentReference/${F}` }),
    },
    "GET /fhir/Binary/:id": {
      expect: READ_DOCUMENTS,
      call: () => Promise.resolve({ path: `/fhir/Binary/${F}`, raw: true }),
    },
    "GET /fhir/Appointment": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: `/fhir/Appointment?_id=${A}`,
          listed: (b) => entryIds(b).includes(String(A)),
        }),
    },
    "GET /fhir/Appointment/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/fhir/Appointment/${A}` }),
    },
    "GET /api/changes": {
      expect: LIST,
      call: async () => {
        // From just before the patient's creation: the feed names it to members only.
        const { sql } = await import("../db/client.ts");
        await sql`select sequence_events()`;
        const [{ seq }] = await sql`
          select seq from events where resource_type = 'patient' and resource_id = ${P}
          order by seq limit 1`;
        return {
          path: `/api/changes/?after=${Number(seq) - 1}&limit=1000`,
          listed: (b) =>
            (b as { results: { resource_type: string; resource_id: number }[] }).results
              .some((e) => e.resource_type === "patient" && e.resource_id === P),
        };
      },
    },
    "GET /api/audit": {
      expect: (a) => a === "admin" ? 200 : 403,
      call: () => Promise.resolve({ path: "/api/audit/" }),
    },
    "GET /fhir/Patient": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: `/fhir/Patient?_id=${P}`,
          listed: (b) => entryIds(b).includes(String(P)),
        }),
    },
    "GET /fhir/Patient/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/fhir/Patient/${P}` }),
    },
    "GET /fhir/Patient/:id/_history": {
      expect: READ,
      call: () => Promise.resolve({ path: `/fhir/Patient/${P}/_history` }),
    },
    "GET /fhir/Patient/:id/_history/:vid": {
      expect: READ,
      call: () => Promise.resolve({ path: `/fhir/Patient/${P}/_history/1` }),
    },
    "GET /fhir/CareTeam": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: `/fhir/CareTeam?patient=Patient/${P}`,
          listed: (b) => entryIds(b).includes(String(P)),
        }),
    },
    "GET /fhir/CareTeam/:team": {
      expect: READ,
      call: () => Promise.resolve({ path: `/fhir/CareTeam/${P}` }),
    },
    "GET /fhir/Organization": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: `/fhir/Organization?_id=${clinic}`,
          listed: (b) => entryIds(b).includes(String(clinic)),
        }),
    },
    "GET /fhir/Organization/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/fhir/Organization/${clinic}` }),
    },
    "POST /api/clinics": {
      expect: () => 201,
      call: () => Promise.resolve({ path: "/api/clinics/", body: { name: "Another" } }),
    },
    "GET /api/clinics": {
      expect: LIST,
      call: () =>
        Promise.resolve({
          path: "/api/clinics/?limit=100&ordering=-id",
          listed: (b) => ids(b).includes(clinic),
        }),
    },
    "GET /api/clinics/:id": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/clinics/${clinic}/` }),
    },
    "PATCH /api/clinics/:id": {
      expect: byRole(200, OWNER),
      call: () =>
        Promise.resolve({ path: `/api/clinics/${clinic}/`, body: { name: "Riverside Practice" } }),
    },
    "DELETE /api/clinics/:id": {
      // The clinic holds patients: its owners get 409, and nothing is deleted.
      expect: byRole(409, OWNER),
      call: () => Promise.resolve({ path: `/api/clinics/${clinic}/` }),
    },
    "GET /api/clinics/:id/members": {
      expect: READ,
      call: () => Promise.resolve({ path: `/api/clinics/${clinic}/members/` }),
    },
    "POST /api/clinics/:id/members": {
      expect: byRole(201, OWNER),
      call: async () => {
        const fresh = await signUp(app);
        const [{ email }] = await (await import("../db/client.ts"))
          .sql`select email from users where id = ${fresh.id}`;
        return { path: `/api/clinics/${clinic}/members/`, body: { email, role: "viewer" } };
      },
    },
    "PATCH /api/clinics/:id/members/:user_id": {
      expect: byRole(200, OWNER),
      call: () =>
        Promise.resolve({
          path: `/api/clinics/${clinic}/members/${team.viewer.id}/`,
          body: { role: "viewer" },
        }),
    },
    "DELETE /api/clinics/:id/members/:user_id": {
      expect: byRole(204, OWNER),
      call: async () => {
        const fresh = await signUp(app);
        await addMember(owner, clinic, fresh, "viewer");
        return { path: `/api/clinics/${clinic}/members/${fresh.id}/` };
      },
    },
    "GET /api/clinics/:id/audit": {
      expect: byRole(200, OWNER),
      call: () => Promise.resolve({ path: `/api/clinics/${clinic}/audit/` }),
    },
  };

  // The routes of the app that touch patient data or clinics, each of which needs a row.
  const touching =
    /^\/(api\/(patients|mappings|appointments|documents|changes|clinics|audit)|fhir\/(Patient|CareTeam|Organization|Appointment|DocumentReference|Binary))/;
  const routes = new Set(
    app.routes
      .filter((r) => r.method !== "ALL" && touching.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(/\/$/, "")}`),
  );
  assert.deepEqual([...routes].filter((r) => !(r in rows)), [], "routes without a row");
  assert.deepEqual(Object.keys(rows).filter((r) => !routes.has(r)), [], "rows without a route");

  for (const [route, row] of Object.entries(rows)) {
    await t.step(route, async () => {
      const method = route.split(" ")[0];
      const got: Record<string, Expected> = {};
      const want: Record<string, Expected> = {};
      for (const actor of ACTORS) {
        const req = await row.call(actor);
        const res = req.form || req.raw
          ? await sendRaw(team[actor], method, req.path, req.form)
          : await team[actor].json(method, req.path, req.body);
        want[actor] = row.expect(actor);
        got[actor] = req.listed
          ? (res.status === 200 ? (req.listed(res.body) ? "listed" : "unlisted") : res.status)
          : res.status;
      }
      assert.deepEqual(got, want);
    });
  }
});
