import assert from "node:assert/strict";
import { dbTest, testApp } from "./helpers.ts";
import { errorFields, signUp } from "./records_helpers.ts";

function uniq(tag: string) {
  return `${tag}-${crypto.randomUUID().slice(0, 8)}`;
}

dbTest("doctors: a CRUD story", async (t) => {
  const app = await testApp();
  const ann = await signUp(app);
  const bob = await signUp(app);
  let id = 0;
  const license = uniq("LIC");
  await t.step("create normalizes the specialization and answers the fee as a string", async () => {
    const res = await ann.json("POST", "/api/doctors/", {
      name: "Dr. Ada Byron",
      specialization: "Internal Medicine",
      email: `${uniq("ada")}@Hospital.org`,
      license_number: license,
      consultation_fee: 250,
      years_of_experience: "12",
      created_by: bob.id,
    });
    assert.equal(res.status, 201);
    id = res.body.id;
    assert.equal(res.body.specialization, "internal_medicine");
    assert.equal(res.body.consultation_fee, "250.00");
    assert.equal(res.body.years_of_experience, 12);
    assert.equal(res.body.is_available, true);
    assert.equal(res.body.created_by, ann.id);
    assert.equal(res.body.bio, null);
    assert.equal(res.headers.get("ETag"), '"1"');
    assert.match(res.headers.get("Location")!, new RegExp(`/api/doctors/${id}/$`));
  });
  await t.step("every signed-in user reads every doctor", async () => {
    const res = await bob.json("GET", `/api/doctors/${id}/`);
    assert.equal(res.status, 200);
    assert.equal(res.body.name, "Dr. Ada Byron");
    const list = await bob.json("GET", `/api/doctors/?search=ada%20byron`);
    assert.ok(list.body.results.some((d: { id: number }) => d.id === id));
  });
  await t.step("only the creator (or an admin) changes it: others get 403", async () => {
    for (
      const [method, body] of [["PATCH", { bio: "x" }], ["PUT", {
        name: "X",
        specialization: "other",
      }], ["DELETE", undefined]] as const
    ) {
      assert.equal((await bob.json(method, `/api/doctors/${id}/`, body)).status, 403, method);
    }
  });
  await t.step("PATCH and PUT by the creator, with If-Match", async () => {
    const patch = await ann.json("PATCH", `/api/doctors/${id}/`, {
      consultation_fee: "99.5",
      is_available: false,
    }, { "If-Match": '"1"' });
    assert.equal(patch.status, 200);
    assert.equal(patch.body.consultation_fee, "99.50");
    assert.equal(patch.body.is_available, false);
    assert.equal(patch.body.license_number, license);
    const stale = await ann.json("PATCH", `/api/doctors/${id}/`, { bio: "late" }, {
      "If-Match": '"1"',
    });
    assert.equal(stale.status, 412);
    const put = await ann.json("PUT", `/api/doctors/${id}/`, {
      name: "Dr. Ada",
      specialization: "CARDIOLOGY",
    });
    assert.equal(put.status, 200);
    assert.equal(put.body.specialization, "cardiology");
    assert.equal(put.body.license_number, null);
    assert.equal(put.body.is_available, true, "PUT restores the default");
    assert.equal(put.body.version, 3);
  });
  await t.step("DELETE by the creator", async () => {
    assert.equal((await ann.call("DELETE", `/api/doctors/${id}/`)).status, 204);
    assert.equal((await bob.call("GET", `/api/doctors/${id}/`)).status, 410);
  });
});

dbTest("doctors: validation", async (t) => {
  const ann = await signUp();
  const cases: [string, Record<string, unknown>, string][] = [
    ["name missing", { specialization: "general" }, "name"],
    ["specialization missing", { name: "D" }, "specialization"],
    ["specialization unknown", { name: "D", specialization: "wizardry" }, "specialization"],
    [
      "fee negative",
      { name: "D", specialization: "general", consultation_fee: -1 },
      "consultation_fee",
    ],
    [
      "fee three decimals",
      { name: "D", specialization: "general", consultation_fee: "10.123" },
      "consultation_fee",
    ],
    [
      "fee not a number",
      { name: "D", specialization: "general", consultation_fee: "ten" },
      "consultation_fee",
    ],
    [
      "experience over 70",
      { name: "D", specialization: "general", years_of_experience: 71 },
      "years_of_experience",
    ],
    ["email invalid", { name: "D", specialization: "general", email: "nope" }, "email"],
    ["phone invalid", { name: "D", specialization: "general", phone: "12" }, "phone"],
    [
      "is_available not boolean",
      { name: "D", specialization: "general", is_available: "maybe" },
      "is_available",
    ],
    ["bio too long", { name: "D", specialization: "general", bio: "b".repeat(10_001) }, "bio"],
    [
      "hospital too long",
      { name: "D", specialization: "general", hospital_name: "h".repeat(256) },
      "hospital_name",
    ],
  ];
  for (const [label, body, field] of cases) {
    await t.step(label, async () => {
      const res = await ann.json("POST", "/api/doctors/", body);
      assert.equal(res.status, 400);
      assert.deepEqual(errorFields(res.body), [field]);
    });
  }
  await t.step("forgiving specialization spellings", async () => {
    for (
      const [input, code] of [["internal-medicine", "internal_medicine"], [
        "Obstetrics & Gynecology",
        "obstetrics_gynecology",
      ], [" INFECTIOUS DISEASE ", "infectious_disease"]]
    ) {
      const res = await ann.json("POST", "/api/doctors/", { name: "D", specialization: input });
      assert.equal(res.body.specialization, code, input);
    }
  });
});

dbTest(
  "doctors: email (any case) and license number are unique: 409 naming the field",
  async () => {
    const ann = await signUp();
    const email = `${uniq("dup")}@clinic.org`;
    const license = uniq("L");
    const first = await ann.json("POST", "/api/doctors/", {
      name: "A",
      specialization: "general",
      email,
      license_number: license,
    });
    assert.equal(first.status, 201);
    const sameEmail = await ann.json("POST", "/api/doctors/", {
      name: "B",
      specialization: "general",
      email: email.toUpperCase(),
    });
    assert.equal(sameEmail.status, 409);
    assert.deepEqual(errorFields(sameEmail.body), ["email"]);
    const sameLicense = await ann.json("POST", "/api/doctors/", {
      name: "C",
      specialization: "general",
      license_number: license,
    });
    assert.equal(sameLicense.status, 409);
    assert.deepEqual(errorFields(sameLicense.body), ["license_number"]);
    const other = await ann.json("POST", "/api/doctors/", { name: "D", specialization: "general" });
    const patch = await ann.json("PATCH", `/api/doctors/${other.body.id}/`, { email });
    assert.equal(patch.status, 409);
  },
);

dbTest("doctors: a doctor with assignments cannot be deleted (409)", async () => {
  const ann = await signUp();
  const doctor = await ann.json("POST", "/api/doctors/", {
    name: "Busy",
    specialization: "general",
  });
  const patient = await ann.json("POST", "/api/patients/", { name: "P" });
  const m = await ann.json("POST", "/api/mappings/", {
    patient: patient.body.id,
    doctor: doctor.body.id,
  });
  assert.equal(m.status, 201);
  const res = await ann.json("DELETE", `/api/doctors/${doctor.body.id}/`);
  assert.equal(res.status, 409);
  assert.deepEqual(errorFields(res.body), ["assignments"]);
  assert.equal((await ann.call("DELETE", `/api/mappings/${m.body.id}/`)).status, 204);
  assert.equal((await ann.call("DELETE", `/api/doctors/${doctor.body.id}/`)).status, 204);
});

dbTest("doctors: list filters, ordering and bad parameters", async () => {
  const ann = await signUp();
  const city = uniq("Town");
  for (
    const [name, spec, years, available] of [["Alpha", "neurology", 5, true], [
      "Beta",
      "neurology",
      20,
      false,
    ], ["Gamma", "urology", 10, true]] as const
  ) {
    await ann.json("POST", "/api/doctors/", {
      name,
      specialization: spec,
      years_of_experience: years,
      is_available: available,
      city,
    });
  }
  const inCity = await ann.json(
    "GET",
    `/api/doctors/?city=${city.toUpperCase()}&ordering=-years_of_experience`,
  );
  assert.deepEqual(inCity.body.results.map((d: { name: string }) => d.name), [
    "Beta",
    "Gamma",
    "Alpha",
  ]);
  const neuro = await ann.json(
    "GET",
    `/api/doctors/?city=${city}&specialization=Neurology&is_available=true`,
  );
  assert.deepEqual(neuro.body.results.map((d: { name: string }) => d.name), ["Alpha"]);
  const search = await ann.json("GET", `/api/doctors/?city=${city}&search=gAmMa`);
  assert.equal(search.body.count, 1);
  for (const q of ["is_available=maybe", "specialization=magic", "ordering=email", "limit=-5"]) {
    assert.equal((await ann.json("GET", `/api/doctors/?${q}`)).status, 400, q);
  }
});
