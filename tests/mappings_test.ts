import assert from "node:assert/strict";
import { dbTest, testApp } from "./helpers.ts";
import { type Client, errorFields, signUp } from "./records_helpers.ts";

async function setup(c: Client) {
  const patient = (await c.json("POST", "/api/patients/", { name: "Robin Patient" })).body;
  const d1 =
    (await c.json("POST", "/api/doctors/", { name: "Dr One", specialization: "general" })).body;
  const d2 =
    (await c.json("POST", "/api/doctors/", { name: "Dr Two", specialization: "oncology" })).body;
  return { patient, d1, d2 };
}

dbTest("mappings: a CRUD story over every route and alias", async (t) => {
  const ann = await signUp();
  const { patient, d1, d2 } = await setup(ann);
  let m1 = 0;
  let m2 = 0;
  await t.step("assign with patient/doctor and with the _id aliases", async () => {
    const a = await ann.json("POST", "/api/mappings/", {
      patient: patient.id,
      doctor: d1.id,
      is_primary: true,
      notes: " first ",
    });
    assert.equal(a.status, 201);
    m1 = a.body.id;
    assert.deepEqual(Object.keys(a.body).sort(), [
      "assigned_at",
      "assigned_by",
      "deleted_at",
      "deleted_by",
      "doctor",
      "doctor_detail",
      "id",
      "is_primary",
      "notes",
      "patient",
      "patient_name",
      "updated_at",
      "version",
    ]);
    assert.equal(a.body.patient_name, "Robin Patient");
    assert.equal(a.body.doctor_detail.name, "Dr One");
    assert.equal(a.body.doctor_detail.specialization, "general");
    assert.equal(a.body.notes, "first");
    assert.equal(a.body.assigned_by, ann.id);
    const b = await ann.json("POST", "/api/mappings/", {
      patient_id: patient.id,
      doctor_id: d2.id,
    });
    assert.equal(b.status, 201);
    m2 = b.body.id;
    assert.equal(b.body.is_primary, false);
    assert.equal(b.body.notes, null);
  });
  await t.step("the patient's doctors under all three paths", async () => {
    for (
      const path of [
        `/api/mappings/${patient.id}/`,
        `/api/mappings/patient/${patient.id}`,
        `/api/patients/${patient.id}/doctors/`,
      ]
    ) {
      const res = await ann.json("GET", path);
      assert.equal(res.status, 200, path);
      assert.equal(res.body.count, 2, path);
      assert.deepEqual(res.body.results.map((m: { id: number }) => m.id), [m1, m2], path);
    }
    const paged = await ann.json("GET", `/api/patients/${patient.id}/doctors/?limit=1`);
    assert.equal(paged.body.results.length, 1);
    assert.match(paged.body.next, /offset=1/);
    assert.equal(
      (await ann.json("GET", `/api/patients/${patient.id}/doctors/?limit=0`)).status,
      400,
    );
  });
  await t.step("one mapping at /detail/<id>/", async () => {
    const res = await ann.json("GET", `/api/mappings/detail/${m1}/`);
    assert.equal(res.status, 200);
    assert.equal(res.body.doctor, d1.id);
  });
  await t.step("making another primary demotes the previous one", async () => {
    const res = await ann.json("PATCH", `/api/mappings/detail/${m2}/`, {
      is_primary: true,
      notes: "now primary",
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.is_primary, true);
    assert.equal(res.body.notes, "now primary");
    assert.equal((await ann.json("GET", `/api/mappings/detail/${m1}/`)).body.is_primary, false);
    const primaries = await ann.json(
      "GET",
      `/api/mappings/?patient_id=${patient.id}&is_primary=true`,
    );
    assert.deepEqual(primaries.body.results.map((m: { id: number }) => m.id), [m2]);
    const d3 =
      (await ann.json("POST", "/api/doctors/", { name: "Dr Three", specialization: "surgery" }))
        .body;
    const third = await ann.json("POST", "/api/mappings/", {
      patient: patient.id,
      doctor: d3.id,
      is_primary: true,
    });
    assert.equal(third.status, 201);
    assert.equal((await ann.json("GET", `/api/mappings/detail/${m2}/`)).body.is_primary, false);
  });
  await t.step("list filters", async () => {
    const byDoctor = await ann.json("GET", `/api/mappings/?doctor_id=${d1.id}`);
    assert.deepEqual(byDoctor.body.results.map((m: { id: number }) => m.id), [m1]);
    for (const q of ["patient_id=x", "doctor_id=0", "is_primary=perhaps", "ordering=notes"]) {
      assert.equal((await ann.json("GET", `/api/mappings/?${q}`)).status, 400, q);
    }
  });
  await t.step("DELETE by mapping id under both paths", async () => {
    assert.equal((await ann.call("DELETE", `/api/mappings/${m1}/`)).status, 204);
    assert.equal((await ann.call("DELETE", `/api/mappings/detail/${m2}/`)).status, 204);
    // Removed, not destroyed (Part 2): 410 to those who could see it.
    assert.equal((await ann.call("GET", `/api/mappings/detail/${m1}/`)).status, 410);
    assert.equal((await ann.call("DELETE", `/api/mappings/${m1}/`)).status, 410);
  });
  await t.step("deleting the patient hides its assignments", async () => {
    const left = await ann.json("GET", `/api/mappings/?patient_id=${patient.id}`);
    assert.equal(left.body.count, 1);
    assert.equal((await ann.call("DELETE", `/api/patients/${patient.id}/`)).status, 204);
    assert.equal(
      (await ann.call("GET", `/api/mappings/detail/${left.body.results[0].id}/`)).status,
      410,
    );
    assert.equal((await ann.json("GET", `/api/mappings/?patient_id=${patient.id}`)).body.count, 0);
  });
});

dbTest("mappings: validation and the one message for missing or foreign patients", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const bob = await signUp(app);
  const { patient, d1 } = await setup(ann);
  const theirs = (await bob.json("POST", "/api/patients/", { name: "Bob's patient" })).body;
  const foreign = await ann.json("POST", "/api/mappings/", { patient: theirs.id, doctor: d1.id });
  const missing = await ann.json("POST", "/api/mappings/", {
    patient: 2_147_483_000,
    doctor: d1.id,
  });
  for (const res of [foreign, missing]) {
    assert.equal(res.status, 400);
    assert.deepEqual(errorFields(res.body), ["patient"]);
  }
  assert.equal(foreign.body.errors[0].message, missing.body.errors[0].message);
  const noDoctor = await ann.json("POST", "/api/mappings/", {
    patient: patient.id,
    doctor: 2_147_483_000,
  });
  assert.deepEqual(errorFields(noDoctor.body), ["doctor"]);
  const empty = await ann.json("POST", "/api/mappings/", {});
  assert.deepEqual(errorFields(empty.body), ["doctor", "patient"]);
  const bad = await ann.json("POST", "/api/mappings/", {
    patient: "x",
    doctor: -3,
    is_primary: "sometimes",
    notes: "n".repeat(2001),
  });
  assert.deepEqual(errorFields(bad.body), ["doctor", "is_primary", "notes", "patient"]);
});

dbTest("mappings: a refused primary assignment leaves the current primary alone", async () => {
  const ann = await signUp();
  const patient = (await ann.json("POST", "/api/patients/", { name: "Primary Kept" })).body.id;
  const doctor = (await ann.json("POST", "/api/doctors/", {
    name: "Dr Kept",
    specialization: "general",
  })).body.id;
  const first = await ann.json("POST", "/api/mappings/", { patient, doctor, is_primary: true });
  assert.equal(first.status, 201);
  // A doctor that does not exist: 400, and the existing primary must not be demoted.
  const refused = await ann.json("POST", "/api/mappings/", {
    patient,
    doctor: 2_000_000_000,
    is_primary: true,
  });
  assert.equal(refused.status, 400);
  const list = await ann.json("GET", `/api/patients/${patient}/doctors/`);
  assert.deepEqual(list.body.results.map((m: { is_primary: boolean }) => m.is_primary), [true]);
});

dbTest("mappings: another user's mappings are 404 on every route", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const bob = await signUp(app);
  const { patient, d1 } = await setup(ann);
  const m = (await ann.json("POST", "/api/mappings/", { patient: patient.id, doctor: d1.id })).body;
  for (
    const [method, path, body] of [
      ["GET", `/api/mappings/detail/${m.id}/`, undefined],
      ["PATCH", `/api/mappings/detail/${m.id}/`, { notes: "x" }],
      ["DELETE", `/api/mappings/detail/${m.id}/`, undefined],
      ["DELETE", `/api/mappings/${m.id}/`, undefined],
      ["GET", `/api/mappings/${patient.id}/`, undefined],
      ["GET", `/api/mappings/patient/${patient.id}/`, undefined],
    ] as const
  ) {
    assert.equal((await bob.json(method, path, body)).status, 404, `${method} ${path}`);
  }
  const list = await bob.json("GET", `/api/mappings/?patient_id=${patient.id}`);
  assert.equal(list.body.count, 0);
  assert.equal((await ann.json("GET", `/api/mappings/detail/${m.id}/`)).body.notes, null);
});

dbTest("mappings: eight concurrent identical assignments give one 201 and seven 409", async () => {
  const ann = await signUp();
  const { patient, d1 } = await setup(ann);
  const results = await Promise.all(
    Array.from(
      { length: 8 },
      () =>
        ann.json("POST", "/api/mappings/", {
          patient: patient.id,
          doctor: d1.id,
          is_primary: true,
        }),
    ),
  );
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409]);
  for (const r of results.filter((r) => r.status === 409)) {
    assert.deepEqual(errorFields(r.body), ["doctor"]);
  }
  const list = await ann.json("GET", `/api/mappings/${patient.id}/`);
  assert.equal(list.body.count, 1);
});

dbTest("mappings: concurrent primaries leave exactly one primary", async () => {
  const ann = await signUp();
  const patient = (await ann.json("POST", "/api/patients/", { name: "Many doctors" })).body;
  const doctors = await Promise.all(
    Array.from(
      { length: 5 },
      (_, i) => ann.json("POST", "/api/doctors/", { name: `Dr ${i}`, specialization: "general" }),
    ),
  );
  const results = await Promise.all(
    doctors.map((d) =>
      ann.json("POST", "/api/mappings/", {
        patient: patient.id,
        doctor: d.body.id,
        is_primary: true,
      })
    ),
  );
  assert.ok(results.every((r) => r.status === 201));
  const primaries = await ann.json(
    "GET",
    `/api/mappings/?patient_id=${patient.id}&is_primary=true`,
  );
  assert.equal(primaries.body.count, 1);
  // Made primary again, all at once: each answer 200, one primary left.
  const changed = await Promise.all(
    results.map((r) =>
      ann.json("PATCH", `/api/mappings/detail/${r.body.id}/`, { is_primary: true })
    ),
  );
  assert.deepEqual(changed.map((r) => r.status), results.map(() => 200));
  const after = await ann.json("GET", `/api/mappings/?patient_id=${patient.id}&is_primary=true`);
  assert.equal(after.body.count, 1);
});
