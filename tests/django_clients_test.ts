/**
 * Requests as the Django peers' clients send them (shared/seeds 000–004): accepted, or
 * refused with an error that names what to send instead.
 */
import assert from "node:assert/strict";
import { dbTest, jsonInit, testApp } from "./helpers.ts";
import { errorFields, signUp } from "./records_helpers.ts";

const PASSWORD = "Copper-Kettle-3318";

dbTest(
  "seed 000's client: register with username, sign in with the email as username",
  async () => {
    const app = await testApp();
    const email = `john.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const reg = await app.request(
      "/api/auth/register/",
      jsonInit("POST", { username: "john_doe", email, password: PASSWORD }),
    );
    assert.equal(reg.status, 201);
    assert.equal((await reg.json()).user.name, "john_doe");

    const asEmail = await app.request(
      "/api/auth/login/",
      jsonInit("POST", { username: email, password: PASSWORD }),
    );
    assert.equal(asEmail.status, 200);
    const byName = await app.request(
      "/api/auth/login/",
      jsonInit("POST", { username: "john_doe", password: PASSWORD }),
    );
    assert.equal(byName.status, 400);
    const problem = await byName.json();
    assert.deepEqual(errorFields(problem), ["email"]);
    assert.match(problem.errors[0].message, /email address, not a username/);
  },
);

dbTest("seed 001's client: first_name and last_name make the name", async () => {
  const ann = await signUp();
  const patient = await ann.json("POST", "/api/patients/", {
    first_name: " John ",
    last_name: "Doe",
    email: "john.doe@email.com",
  });
  assert.equal(patient.status, 201);
  assert.equal(patient.body.name, "John Doe");
  const doctor = await ann.json("POST", "/api/doctors/", {
    first_name: "Emily",
    last_name: "Chen",
    specialization: "Cardiologist",
  });
  assert.equal(doctor.status, 201);
  assert.equal(doctor.body.name, "Emily Chen");
  assert.equal(doctor.body.specialization, "cardiology");

  const renamed = await ann.json("PATCH", `/api/patients/${patient.body.id}/`, {
    first_name: "Jon",
    last_name: "Doe",
  });
  assert.equal(renamed.body.name, "Jon Doe");
  // Half a name would cut the stored one: refused, naming the missing part.
  const half = await ann.json("PATCH", `/api/patients/${patient.body.id}/`, { first_name: "J" });
  assert.equal(half.status, 400);
  assert.deepEqual(errorFields(half.body), ["last_name"]);
  // `name` wins when both are sent.
  const both = await ann.json("PUT", `/api/doctors/${doctor.body.id}/`, {
    name: "Dr Emily Chen",
    first_name: "X",
    last_name: "Y",
    specialization: "cardiology",
  });
  assert.equal(both.body.name, "Dr Emily Chen");
  const neither = await ann.json("POST", "/api/patients/", { email: "x@example.com" });
  assert.deepEqual(errorFields(neither.body), ["name"]);
});

dbTest("specializations by their other names; unknown ones list the codes", async () => {
  const ann = await signUp();
  for (
    const [sent, code] of [
      ["Cardiologist", "cardiology"],
      ["Orthopaedics", "orthopedics"],
      ["Obstetrics and Gynecology", "obstetrics_gynecology"],
      ["Obstetrics & Gynaecology", "obstetrics_gynecology"],
      ["OB/GYN", "obstetrics_gynecology"],
      ["ENT", "other"],
      ["Paediatrician", "pediatrics"],
      ["Haematology", "hematology"],
      ["General Practitioner", "general"],
      ["G.P.", "general"],
      ["internal-medicine", "internal_medicine"],
      ["Internist", "internal_medicine"],
    ]
  ) {
    const res = await ann.json("POST", "/api/doctors/", { name: "Dr X", specialization: sent });
    assert.equal(res.status, 201, sent);
    assert.equal(res.body.specialization, code, sent);
  }
  const filtered = await ann.json("GET", "/api/doctors/?specialization=Cardiologist");
  assert.equal(filtered.status, 200);
  assert.ok(
    filtered.body.results.every((d: { specialization: string }) =>
      d.specialization === "cardiology"
    ),
  );
  const unknown = await ann.json("POST", "/api/doctors/", {
    name: "Dr X",
    specialization: "Wizardry",
  });
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.errors[0].message, /cardiology, dermatology/);
});

dbTest("a mapping naming two different patients (or doctors) is refused", async () => {
  const ann = await signUp();
  const p1 = (await ann.json("POST", "/api/patients/", { name: "P One" })).body.id;
  const p2 = (await ann.json("POST", "/api/patients/", { name: "P Two" })).body.id;
  const d1 = (await ann.json("POST", "/api/doctors/", { name: "D One", specialization: "general" }))
    .body.id;
  const d2 = (await ann.json("POST", "/api/doctors/", { name: "D Two", specialization: "general" }))
    .body.id;
  const patients = await ann.json("POST", "/api/mappings/", {
    patient: p1,
    patient_id: p2,
    doctor: d1,
  });
  assert.equal(patients.status, 400);
  assert.deepEqual(errorFields(patients.body), ["patient_id"]);
  const doctors = await ann.json("POST", "/api/mappings/", {
    patient_id: p1,
    doctor: d1,
    doctor_id: d2,
  });
  assert.deepEqual(errorFields(doctors.body), ["doctor_id"]);
  const none = await ann.json("GET", `/api/patients/${p1}/doctors/`);
  assert.equal(none.body.count, 0, "nothing was assigned");
  const same = await ann.json("POST", "/api/mappings/", {
    patient: p1,
    patient_id: p1,
    doctor: d2,
  });
  assert.equal(same.status, 201, "the same id twice is no conflict");
});
