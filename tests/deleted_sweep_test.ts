/**
 * Every read of a versioned record (patients, doctors, mappings, appointments, documents), run
 * before and after the
 * only record it matches is deleted: lists and searches must leave the deleted record out,
 * single reads answer 410. The routes come from the application: one without a row fails.
 */
import assert from "node:assert/strict";
import { dbTest, testApp } from "./helpers.ts";
import { signUp } from "./records_helpers.ts";

/** What a read must do once its record is deleted. */
type Kind = "list" | "read" | "history";
/** Which record a read shows. */
type Record_ = "patient" | "doctor" | "mapping" | "appointment" | "document";

interface Row {
  kind: Kind;
  record: Record_;
  path: () => string;
  /** For a list: whether the answer shows the record. */
  shows?: (body: unknown) => boolean;
  /** The answer is a document's bytes, not JSON: only its status counts. */
  raw?: boolean;
}

const ids = (body: unknown) =>
  ((body as { results?: { id: number }[] }).results ?? []).map((r) => r.id);
const entries = (body: unknown) =>
  ((body as { entry?: { resource: { id: string } }[] }).entry ?? []).map((e) => e.resource.id);

dbTest(
  "deleted records: no list, search or per-patient list shows one; reads answer 410",
  async (t) => {
    const app = await testApp();
    const ann = await signUp(app);
    const word = `Zq${crypto.randomUUID().replaceAll(/[^a-f]/g, "").slice(0, 8)}`;
    const patient = await ann.json("POST", "/api/patients/", {
      name: `${word} Quill`,
      gender: "other",
      blood_group: "AB-",
    });
    const doctor = await ann.json("POST", "/api/doctors/", {
      name: `Dr ${word}`,
      specialization: "urology",
      hospital_name: word,
      city: word,
    });
    const mapping = await ann.json("POST", "/api/mappings/", {
      patient: patient.body.id,
      doctor: doctor.body.id,
      is_primary: true,
    });
    const schedule = await ann.json("PUT", `/api/doctors/${doctor.body.id}/schedule/`, {
      timezone: "UTC",
      hours: [{ weekday: 1, start: "08:00", end: "12:00" }],
    });
    assert.equal(schedule.status, 200);
    const appointment = await ann.json("POST", "/api/appointments/", {
      patient: patient.body.id,
      doctor: doctor.body.id,
      start: "2027-02-01T08:00:00Z",
      duration_minutes: 30,
    });
    const form = new FormData();
    form.append("category", "clinical_note");
    form.append("file", new File([`Note about ${word}\n`], "note.txt", { type: "text/plain" }));
    const document = await app.request(`/api/patients/${patient.body.id}/documents/`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ann.token}` },
      body: form,
    });
    assert.equal(document.status, 201);
    const F = (await document.json()).id;
    const [P, D, M, A] = [patient.body.id, doctor.body.id, mapping.body.id, appointment.body.id];
    const has = (id: number) => (body: unknown) => ids(body).includes(id);
    const hasEntry = (id: number) => (body: unknown) => entries(body).includes(String(id));

    const rows: Record<string, Row> = {
      "GET /api/patients": {
        kind: "list",
        record: "patient",
        path: () => `/api/patients/?search=${word}&gender=other&blood_group=AB-`,
        shows: has(P),
      },
      "GET /api/patients/:id": {
        kind: "read",
        record: "patient",
        path: () => `/api/patients/${P}/`,
      },
      "GET /api/patients/:id/doctors": {
        kind: "list",
        record: "mapping",
        path: () => `/api/patients/${P}/doctors/`,
        shows: has(M),
      },
      "GET /api/patients/:id/history": {
        kind: "history",
        record: "patient",
        path: () => `/api/patients/${P}/history/`,
      },
      "GET /api/patients/:id/history/:version": {
        kind: "history",
        record: "patient",
        path: () => `/api/patients/${P}/history/1/`,
      },
      "GET /api/patients/:id/access-log": {
        kind: "history",
        record: "patient",
        path: () => `/api/patients/${P}/access-log/`,
      },
      "GET /api/doctors": {
        kind: "list",
        record: "doctor",
        path: () => `/api/doctors/?search=${word.toLowerCase()}&city=${word}`,
        shows: has(D),
      },
      "GET /api/doctors/:id": { kind: "read", record: "doctor", path: () => `/api/doctors/${D}/` },
      "GET /api/doctors/:id/history": {
        kind: "history",
        record: "doctor",
        path: () => `/api/doctors/${D}/history/`,
      },
      "GET /api/doctors/:id/history/:version": {
        kind: "history",
        record: "doctor",
        path: () => `/api/doctors/${D}/history/1/`,
      },
      "GET /api/mappings": {
        kind: "list",
        record: "mapping",
        path: () => `/api/mappings/?doctor_id=${D}&is_primary=true`,
        shows: has(M),
      },
      "GET /api/mappings/patient/:id": {
        kind: "list",
        record: "mapping",
        path: () => `/api/mappings/patient/${P}/`,
        shows: has(M),
      },
      "GET /api/mappings/:id": {
        kind: "list",
        record: "mapping",
        path: () => `/api/mappings/${P}/`,
        shows: has(M),
      },
      "GET /api/mappings/detail/:id": {
        kind: "read",
        record: "mapping",
        path: () => `/api/mappings/detail/${M}/`,
      },
      "GET /api/doctors/:id/schedule": {
        kind: "read",
        record: "doctor",
        path: () => `/api/doctors/${D}/schedule/`,
      },
      "GET /api/doctors/:id/availability": {
        kind: "read",
        record: "doctor",
        path: () => `/api/doctors/${D}/availability/?from=2027-02-01&to=2027-02-02`,
      },
      "GET /api/appointments": {
        kind: "list",
        record: "appointment",
        path: () => `/api/appointments/?doctor_id=${D}`,
        shows: has(A),
      },
      "GET /api/appointments/:id": {
        kind: "read",
        record: "appointment",
        path: () => `/api/appointments/${A}/`,
      },
      "GET /api/appointments/:id/history": {
        kind: "history",
        record: "appointment",
        path: () => `/api/appointments/${A}/history/`,
      },
      "GET /api/appointments/:id/history/:version": {
        kind: "history",
        record: "appointment",
        path: () => `/api/appointments/${A}/history/1/`,
      },
      "GET /api/patients/:id/appointments": {
        kind: "list",
        record: "appointment",
        path: () => `/api/patients/${P}/appointments/`,
        shows: has(A),
      },
      "GET /fhir/Appointment": {
        kind: "list",
        record: "appointment",
        path: () => `/fhir/Appointment?practitioner=${D}`,
        shows: hasEntry(A),
      },
      "GET /fhir/Appointment/:id": {
        kind: "read",
        record: "appointment",
        path: () => `/fhir/Appointment/${A}`,
      },
      "GET /api/patients/:id/documents": {
        kind: "list",
        record: "document",
        path: () => `/api/patients/${P}/documents/`,
        shows: has(F),
      },
      "GET /api/documents/:id": {
        kind: "read",
        record: "document",
        path: () => `/api/documents/${F}/`,
      },
      "GET /api/documents/:id/content": {
        kind: "read",
        record: "document",
        path: () => `/api/documents/${F}/content`,
        raw: true,
      },
      "GET /api/documents/:id/history": {
        kind: "history",
        record: "document",
        path: () => `/api/documents/${F}/history/`,
      },
      "GET /api/documents/:id/history/:version": {
        kind: "history",
        record: "document",
        path: () => `/api/documents/${F}/history/1/`,
      },
      "GET /fhir/DocumentReference": {
        kind: "list",
        record: "document",
        path: () => `/fhir/DocumentReference?patient=${P}`,
        shows: hasEntry(F),
      },
      "GET /fhir/DocumentReference/:id": {
        kind: "read",
        record: "document",
        path: () => `/fhir/DocumentReference/${F}`,
      },
      "GET /fhir/Binary/:id": {
        kind: "read",
        record: "document",
        path: () => `/fhir/Binary/${F}`,
        raw: true,
      },
      "GET /fhir/Schedule": {
        kind: "list",
        record: "doctor",
        path: () => `/fhir/Schedule?actor=Practitioner/${D}`,
        shows: hasEntry(D),
      },
      "GET /fhir/Schedule/:id": {
        kind: "read",
        record: "doctor",
        path: () => `/fhir/Schedule/${D}`,
      },
      "GET /fhir/Slot": {
        kind: "list",
        record: "doctor",
        path: () => `/fhir/Slot?schedule=${D}&start=ge2027-02-01&start=lt2027-02-02`,
        shows: (body) => entries(body).length > 0,
      },
      "GET /fhir/Patient": {
        kind: "list",
        record: "patient",
        path: () => `/fhir/Patient?name=${word}`,
        shows: hasEntry(P),
      },
      "GET /fhir/Patient/:id": {
        kind: "read",
        record: "patient",
        path: () => `/fhir/Patient/${P}`,
      },
      "GET /fhir/Patient/:id/_history": {
        kind: "history",
        record: "patient",
        path: () => `/fhir/Patient/${P}/_history`,
      },
      "GET /fhir/Patient/:id/_history/:vid": {
        kind: "history",
        record: "patient",
        path: () => `/fhir/Patient/${P}/_history/1`,
      },
      "GET /fhir/Practitioner": {
        kind: "list",
        record: "doctor",
        path: () => `/fhir/Practitioner?name=${word}`,
        shows: hasEntry(D),
      },
      "GET /fhir/Practitioner/:id": {
        kind: "read",
        record: "doctor",
        path: () => `/fhir/Practitioner/${D}`,
      },
      "GET /fhir/Practitioner/:id/_history": {
        kind: "history",
        record: "doctor",
        path: () => `/fhir/Practitioner/${D}/_history`,
      },
      "GET /fhir/Practitioner/:id/_history/:vid": {
        kind: "history",
        record: "doctor",
        path: () => `/fhir/Practitioner/${D}/_history/1`,
      },
      "GET /fhir/PractitionerRole": {
        kind: "list",
        record: "doctor",
        path: () => `/fhir/PractitionerRole?practitioner=Practitioner/${D}`,
        shows: hasEntry(D),
      },
      "GET /fhir/PractitionerRole/:id": {
        kind: "read",
        record: "doctor",
        path: () => `/fhir/PractitionerRole/${D}`,
      },
      "GET /fhir/CareTeam": {
        kind: "list",
        record: "mapping",
        path: () => `/fhir/CareTeam?patient=Patient/${P}`,
        shows: hasEntry(P),
      },
      "GET /fhir/CareTeam/:team": {
        // The team is the patient's live assignments: with none, there is no team (404); a
        // deleted patient's team is 410, as the patient.
        kind: "read",
        record: "mapping",
        path: () => `/fhir/CareTeam/${P}`,
      },
    };

    const versioned =
      /^\/(api\/(patients|doctors|mappings|appointments|documents)|fhir\/(Patient|Practitioner|CareTeam|Appointment|DocumentReference|Binary|Schedule|Slot))/;
    const routes = new Set(
      app.routes
        .filter((r) => r.method === "GET" && versioned.test(r.path))
        .map((r) => `${r.method} ${r.path.replace(/\/$/, "")}`),
    );
    assert.deepEqual([...routes].filter((r) => !(r in rows)), [], "reads without a row");
    assert.deepEqual(Object.keys(rows).filter((r) => !routes.has(r)), [], "rows without a route");

    /** What each read answers now: 'shown', 'left out', or the status. */
    const sweep = async (record?: Record_) => {
      const got: Record<string, string | number> = {};
      for (const [route, row] of Object.entries(rows)) {
        if (record && row.record !== record) continue;
        const res = row.raw
          ? await Promise.resolve(ann.call("GET", row.path())).then(async (r) => {
            await r.body?.cancel();
            return { status: r.status, body: null };
          })
          : await ann.json("GET", row.path());
        got[route] = res.status !== 200
          ? res.status
          : row.shows
          ? (row.shows(res.body) ? "shown" : "left out")
          : 200;
      }
      return got;
    };
    const expected = (record: Record_, deleted: boolean, readStatus = 410) =>
      Object.fromEntries(
        Object.entries(rows).filter(([, r]) => r.record === record).map(([route, r]) => [
          route,
          r.kind === "list"
            ? (deleted ? "left out" : "shown")
            : !deleted || r.kind === "history"
            ? 200
            : readStatus,
        ]),
      );

    await t.step("before: every read shows the records", async () => {
      assert.deepEqual(await sweep(), {
        ...expected("patient", false),
        ...expected("doctor", false),
        ...expected("mapping", false),
        ...expected("appointment", false),
        ...expected("document", false),
      });
    });
    await t.step("a deleted document: left out of every list and search", async () => {
      assert.equal((await ann.call("DELETE", `/api/documents/${F}/`)).status, 204);
      assert.deepEqual(await sweep("document"), expected("document", true));
      assert.equal((await ann.call("POST", `/api/documents/${F}/restore/`)).status, 200);
      assert.deepEqual(await sweep("document"), expected("document", false));
    });
    await t.step("a deleted appointment: left out of every list and search", async () => {
      assert.equal((await ann.call("DELETE", `/api/appointments/${A}/`)).status, 204);
      assert.deepEqual(await sweep("appointment"), expected("appointment", true));
      assert.equal((await ann.call("POST", `/api/appointments/${A}/restore/`)).status, 200);
      assert.deepEqual(await sweep("appointment"), expected("appointment", false));
    });
    await t.step("a deleted mapping: left out of every assignment list and care team", async () => {
      assert.equal((await ann.call("DELETE", `/api/mappings/detail/${M}/`)).status, 204);
      assert.deepEqual(await sweep("mapping"), {
        ...expected("mapping", true),
        "GET /fhir/CareTeam/:team": 404,
      });
      assert.equal((await ann.call("POST", `/api/mappings/detail/${M}/restore/`)).status, 200);
      assert.deepEqual(await sweep("mapping"), expected("mapping", false));
    });
    await t.step("a deleted patient: left out, and its assignments with it", async () => {
      assert.equal((await ann.call("DELETE", `/api/patients/${P}/`)).status, 204);
      assert.deepEqual(await sweep("patient"), expected("patient", true));
      assert.deepEqual(await sweep("mapping"), {
        ...expected("mapping", true),
        // The per-patient lists name the deleted patient: 410, as its own read.
        "GET /api/patients/:id/doctors": 410,
        "GET /api/mappings/patient/:id": 410,
        "GET /api/mappings/:id": 410,
      });
      assert.deepEqual(await sweep("appointment"), {
        ...expected("appointment", true),
        "GET /api/patients/:id/appointments": 410,
      });
      assert.deepEqual(await sweep("document"), {
        ...expected("document", true),
        "GET /api/patients/:id/documents": 410,
      });
    });
    await t.step("a deleted doctor: left out of the directory and its FHIR view", async () => {
      assert.equal((await ann.call("DELETE", `/api/doctors/${D}/`)).status, 204);
      assert.deepEqual(await sweep("doctor"), expected("doctor", true));
    });
  },
);
