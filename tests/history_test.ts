import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { flushAudit } from "../middleware/audit.ts";
import { dbTest, testApp } from "./helpers.ts";
import { errorFields, signUp, signUpAdmin } from "./records_helpers.ts";
import { makeTeam } from "./clinic_helpers.ts";

const PATIENT = { name: "Hedda Gabler", email: "hedda@example.com", allergies: "Latex" };
const DOCTOR = { name: "Dr Lovborg", specialization: "general" };

dbTest(
  "history: every change of a patient is a version; delete is soft, restore undoes it",
  async (t) => {
    const app = await testApp();
    const [ann, bob] = await Promise.all([signUp(app), signUp(app)]);
    const made = await ann.json("POST", "/api/patients/", PATIENT);
    const id = made.body.id;
    assert.equal(made.body.deleted_at, null);
    assert.equal(made.body.deleted_by, null);

    await t.step("a change appends a version naming its fields, author and snapshot", async () => {
      const patched = await ann.json("PATCH", `/api/patients/${id}/`, {
        city: "Oslo",
        phone: "+47 1234 5678",
      });
      assert.equal(patched.body.version, 2);
      const history = await ann.json("GET", `/api/patients/${id}/history/`);
      assert.equal(history.status, 200);
      assert.equal(history.body.count, 2);
      const [latest, first] = history.body.results;
      assert.deepEqual(
        { version: latest.version, action: latest.action, by: latest.by },
        { version: 2, action: "update", by: ann.id },
      );
      assert.deepEqual(latest.changed_fields, ["city", "phone"]);
      assert.equal(latest.snapshot.city, "Oslo");
      assert.equal(latest.snapshot.version, 2);
      assert.equal(first.action, "create");
      assert.equal(first.snapshot.city, null);
      assert.equal(first.snapshot.name, "Hedda Gabler");
      // Timestamps in snapshots are answered like the record's own.
      assert.match(first.snapshot.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const one = await ann.json("GET", `/api/patients/${id}/history/1/`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body, first);
      assert.equal((await ann.json("GET", `/api/patients/${id}/history/9/`)).status, 404);
      assert.equal((await bob.json("GET", `/api/patients/${id}/history/`)).status, 404);
      assert.equal((await bob.json("GET", `/api/patients/${id}/history/1/`)).status, 404);
    });

    await t.step(
      "DELETE marks it deleted: 410 to its owner, 404 to others, gone from lists",
      async () => {
        assert.equal((await ann.call("DELETE", `/api/patients/${id}/`)).status, 204);
        const gone = await ann.json("GET", `/api/patients/${id}/`);
        assert.equal(gone.status, 410);
        assert.equal(gone.headers.get("Content-Type"), "application/problem+json");
        assert.equal((await bob.json("GET", `/api/patients/${id}/`)).status, 404);
        assert.equal(
          (await ann.json("PATCH", `/api/patients/${id}/`, { city: "Bergen" })).status,
          410,
        );
        assert.equal((await ann.json("PUT", `/api/patients/${id}/`, PATIENT)).status, 410);
        assert.equal((await ann.json("GET", `/api/patients/${id}/doctors/`)).status, 410);
        assert.equal((await ann.json("GET", "/api/patients/")).body.count, 0);
        const shown = await ann.json("GET", "/api/patients/?include_deleted=true");
        assert.deepEqual(shown.body.results.map((p: { id: number }) => p.id), [id]);
        assert.equal(shown.body.results[0].version, 3);
        assert.equal(shown.body.results[0].deleted_by, ann.id);
        assert.ok(shown.body.results[0].deleted_at);
        assert.equal((await bob.json("GET", "/api/patients/?include_deleted=true")).body.count, 0);
        assert.equal((await ann.json("GET", "/api/patients/?include_deleted=maybe")).status, 400);
        const history = await ann.json("GET", `/api/patients/${id}/history/`);
        assert.equal(history.body.results[0].action, "delete");
        assert.deepEqual(history.body.results[0].changed_fields, []);
      },
    );

    await t.step(
      "restore honours If-Match, bumps the version, and refuses a live record",
      async () => {
        assert.equal((await bob.json("POST", `/api/patients/${id}/restore/`)).status, 404);
        const stale = await ann.json("POST", `/api/patients/${id}/restore/`, undefined, {
          "If-Match": '"2"',
        });
        assert.equal(stale.status, 412);
        const restored = await ann.json("POST", `/api/patients/${id}/restore/`, undefined, {
          "If-Match": '"3"',
        });
        assert.equal(restored.status, 200);
        assert.equal(restored.body.version, 4);
        assert.equal(restored.body.deleted_at, null);
        assert.equal(restored.body.city, "Oslo");
        assert.equal(restored.headers.get("ETag"), '"4"');
        assert.equal((await ann.json("GET", `/api/patients/${id}/`)).status, 200);
        const again = await ann.json("POST", `/api/patients/${id}/restore/`);
        assert.equal(again.status, 409);
        assert.deepEqual(errorFields(again.body), ["deleted_at"]);
        const history = await ann.json("GET", `/api/patients/${id}/history/?limit=1`);
        assert.equal(history.body.count, 4);
        assert.equal(history.body.results[0].action, "restore");
        assert.match(history.body.next, /offset=1/);
      },
    );

    await t.step(
      "audit: delete and restore have their actions, history reads are reads",
      async () => {
        await flushAudit();
        const events = await sql<{ action: string; status: number }[]>`
      select action, status from audit_events
      where ${id} = any(patient_ids) and resource_type = 'patient' order by id`;
        const actions = events.map((e) => `${e.action} ${e.status}`);
        for (const expected of ["delete 204", "restore 200", "read 200", "read 410"]) {
          assert.ok(actions.includes(expected), `${expected} in ${actions.join(", ")}`);
        }
      },
    );
  },
);

dbTest("history: the database keeps versions append-only", async () => {
  const ann = await signUp();
  const made = await ann.json("POST", "/api/patients/", PATIENT);
  for (
    const attempt of [
      () => sql`update versions set snapshot = null where resource_id = ${made.body.id}`,
      () => sql`delete from versions where resource_id = ${made.body.id}`,
      () => sql`truncate versions`,
    ]
  ) {
    await assert.rejects(attempt(), (err: { code?: string }) => err.code === "42501");
  }
  const [{ count }] = await sql<{ count: number }[]>`
    select count(*)::int from versions
    where resource_type = 'patient' and resource_id = ${made.body.id}`;
  assert.equal(count, 1);
  // The service's role may read versions but not write them, even with its own hands.
  await assert.rejects(
    sql.begin(async (tx) => {
      await tx`set local role healthcare_app`;
      await tx`insert into versions (resource_type, resource_id, version, action)
        values ('doctor', 1, 999, 'update')`;
    }),
    (err: { code?: string }) => err.code === "42501",
  );
});

dbTest("history: doctors — soft delete, restore, uniqueness among live ones", async (t) => {
  const app = await testApp();
  const [ann, bob] = await Promise.all([signUp(app), signUp(app)]);
  const email = `dr.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const license = `LIC-${crypto.randomUUID()}`;
  const made = await ann.json("POST", "/api/doctors/", {
    ...DOCTOR,
    email,
    license_number: license,
  });
  const id = made.body.id;

  await t.step("a deleted doctor answers 410 and leaves the directory", async () => {
    assert.equal((await bob.call("DELETE", `/api/doctors/${id}/`)).status, 403);
    assert.equal((await ann.call("DELETE", `/api/doctors/${id}/`)).status, 204);
    assert.equal((await bob.json("GET", `/api/doctors/${id}/`)).status, 410);
    const search = await bob.json("GET", `/api/doctors/?search=lovborg&ordering=-id&limit=100`);
    assert.ok(!search.body.results.some((d: { id: number }) => d.id === id));
    const mine = await ann.json("GET", "/api/doctors/?include_deleted=true&ordering=-id&limit=100");
    assert.ok(mine.body.results.some((d: { id: number }) => d.id === id));
    const theirs = await bob.json(
      "GET",
      "/api/doctors/?include_deleted=true&ordering=-id&limit=100",
    );
    assert.ok(!theirs.body.results.some((d: { id: number }) => d.id === id));
  });

  await t.step("its email is free again; restoring it then collides: 409 on email", async () => {
    const other = await bob.json("POST", "/api/doctors/", { ...DOCTOR, email });
    assert.equal(other.status, 201);
    const restore = await ann.json("POST", `/api/doctors/${id}/restore/`);
    assert.equal(restore.status, 409);
    assert.deepEqual(errorFields(restore.body), ["email"]);
    assert.equal((await ann.json("GET", `/api/doctors/${id}/`)).status, 410, "nothing changed");
    assert.equal((await bob.call("DELETE", `/api/doctors/${other.body.id}/`)).status, 204);
    const sameLicense = await bob.json("POST", "/api/doctors/", {
      ...DOCTOR,
      license_number: license,
    });
    assert.equal(sameLicense.status, 201);
    const licensed = await ann.json("POST", `/api/doctors/${id}/restore/`);
    assert.equal(licensed.status, 409);
    assert.deepEqual(errorFields(licensed.body), ["license_number"]);
    assert.equal((await bob.call("DELETE", `/api/doctors/${sameLicense.body.id}/`)).status, 204);
    const stale = await ann.json("POST", `/api/doctors/${id}/restore/`, undefined, {
      "If-Match": '"1"',
    });
    assert.equal(stale.status, 412);
    const ok = await ann.json("POST", `/api/doctors/${id}/restore/`, undefined, {
      "If-Match": '"2"',
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.license_number, license);
    const history = await bob.json("GET", `/api/doctors/${id}/history/`);
    assert.deepEqual(
      history.body.results.map((v: { action: string }) => v.action),
      ["restore", "delete", "create"],
    );
    assert.equal(history.body.results[2].snapshot.email, email);
  });

  await t.step(
    "a doctor with live assignments cannot be deleted; a deleted patient's do not count",
    async () => {
      const patient = await bob.json("POST", "/api/patients/", PATIENT);
      const assigned = await bob.json("POST", "/api/mappings/", {
        patient: patient.body.id,
        doctor: id,
      });
      assert.equal(assigned.status, 201);
      const held = await ann.json("DELETE", `/api/doctors/${id}/`);
      assert.equal(held.status, 409);
      assert.deepEqual(errorFields(held.body), ["assignments"]);
      assert.equal((await bob.call("DELETE", `/api/patients/${patient.body.id}/`)).status, 204);
      assert.equal((await ann.call("DELETE", `/api/doctors/${id}/`)).status, 204);
      // A deleted doctor takes no new assignments.
      const other = await bob.json("POST", "/api/patients/", PATIENT);
      const refused = await bob.json("POST", "/api/mappings/", {
        patient: other.body.id,
        doctor: id,
      });
      assert.equal(refused.status, 400);
      assert.deepEqual(errorFields(refused.body), ["doctor"]);
    },
  );
});

dbTest("history: mappings — removed, restored, hidden with their patient", async (t) => {
  const app = await testApp();
  const ann = await signUp(app);
  const patient = (await ann.json("POST", "/api/patients/", PATIENT)).body;
  const doctor = (await ann.json("POST", "/api/doctors/", DOCTOR)).body;
  const first = await ann.json("POST", "/api/mappings/", {
    patient: patient.id,
    doctor: doctor.id,
    is_primary: true,
  });
  const id = first.body.id;
  assert.equal(first.body.version, 1);

  await t.step(
    "a removed mapping answers 410, can be assigned anew, and its restore collides",
    async () => {
      assert.equal((await ann.call("DELETE", `/api/mappings/detail/${id}/`)).status, 204);
      assert.equal((await ann.call("GET", `/api/mappings/detail/${id}/`)).status, 410);
      assert.equal((await ann.json("GET", "/api/mappings/")).body.count, 0);
      const shown = await ann.json("GET", "/api/mappings/?include_deleted=true");
      assert.deepEqual(shown.body.results.map((m: { id: number }) => m.id), [id]);
      const again = await ann.json("POST", "/api/mappings/", {
        patient: patient.id,
        doctor: doctor.id,
      });
      assert.equal(again.status, 201);
      const collide = await ann.json("POST", `/api/mappings/detail/${id}/restore/`);
      assert.equal(collide.status, 409);
      assert.deepEqual(errorFields(collide.body), ["doctor"]);
      assert.equal((await ann.call("DELETE", `/api/mappings/${again.body.id}/`)).status, 204);
      const stale = await ann.json("POST", `/api/mappings/detail/${id}/restore/`, undefined, {
        "If-Match": '"1"',
      });
      assert.equal(stale.status, 412);
      // Another primary meanwhile: restoring this primary would make two (409 on is_primary).
      const other = (await ann.json("POST", "/api/doctors/", DOCTOR)).body;
      const primary = await ann.json("POST", "/api/mappings/", {
        patient: patient.id,
        doctor: other.id,
        is_primary: true,
      });
      const twoPrimaries = await ann.json("POST", `/api/mappings/detail/${id}/restore/`);
      assert.equal(twoPrimaries.status, 409);
      assert.deepEqual(errorFields(twoPrimaries.body), ["is_primary"]);
      assert.equal((await ann.call("DELETE", `/api/mappings/${primary.body.id}/`)).status, 204);
      const restored = await ann.json("POST", `/api/mappings/detail/${id}/restore/`, undefined, {
        "If-Match": '"2"',
      });
      assert.equal(restored.status, 200);
      assert.equal(restored.body.version, 3);
      assert.equal(restored.body.is_primary, true);
      assert.equal((await ann.json("POST", `/api/mappings/detail/${id}/restore/`)).status, 409);
    },
  );

  await t.step(
    "a deleted patient hides its assignments; restoring it brings them back",
    async () => {
      assert.equal((await ann.call("DELETE", `/api/patients/${patient.id}/`)).status, 204);
      assert.equal((await ann.json("GET", "/api/mappings/")).body.count, 0);
      assert.equal((await ann.call("GET", `/api/mappings/detail/${id}/`)).status, 410);
      assert.equal((await ann.call("GET", `/api/mappings/${patient.id}/`)).status, 410);
      assert.equal(
        (await ann.json("PATCH", `/api/mappings/detail/${id}/`, { notes: "x" })).status,
        410,
      );
      assert.equal((await ann.call("POST", `/api/patients/${patient.id}/restore/`)).status, 200);
      const back = await ann.json("GET", `/api/patients/${patient.id}/doctors/`);
      assert.deepEqual(back.body.results.map((m: { id: number }) => m.id), [id]);
    },
  );

  await t.step("versions of mappings are kept, the demoted primary's too", async () => {
    const other = (await ann.json("POST", "/api/doctors/", DOCTOR)).body;
    const second = await ann.json("POST", "/api/mappings/", {
      patient: patient.id,
      doctor: other.id,
      is_primary: true,
    });
    assert.equal(second.status, 201);
    const rows = await sql<{ version: number; action: string; changed_fields: string[] }[]>`
      select version, action, changed_fields from versions
      where resource_type = 'mapping' and resource_id = ${id} order by version`;
    assert.deepEqual(rows.map((r) => r.action), ["create", "delete", "restore", "update"]);
    assert.deepEqual(rows[3].changed_fields, ["is_primary"]);
  });
});

dbTest(
  "history: purge (admins) removes the patient's data everywhere, leaving a tombstone",
  async (t) => {
    const app = await testApp();
    const [ann, admin] = await Promise.all([signUp(app), signUpAdmin(app)]);
    const marker = `Purgeme${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const made = await ann.json("POST", "/api/patients/", {
      name: `${marker} Person`,
      email: `${marker.toLowerCase()}@example.com`,
      medical_history: `${marker} had a cough`,
    });
    const id = made.body.id;
    const doctor = (await ann.json("POST", "/api/doctors/", DOCTOR)).body;
    await ann.json("POST", "/api/mappings/", {
      patient: id,
      doctor: doctor.id,
      notes: `for ${marker}`,
    });
    await ann.json("PATCH", `/api/patients/${id}/`, { city: `${marker}ville` });
    await ann.call("DELETE", `/api/patients/${id}/`);

    await t.step("only admins purge", async () => {
      assert.equal((await ann.call("DELETE", `/api/patients/${id}/?purge=true`)).status, 403);
      assert.equal((await admin.call("DELETE", `/api/patients/${id}/?purge=maybe`)).status, 400);
    });

    await t.step(
      "an admin's purge leaves no trace of the patient's data in any table",
      async () => {
        assert.equal((await admin.call("DELETE", `/api/patients/${id}/?purge=true`)).status, 204);
        assert.equal((await admin.call("DELETE", `/api/patients/${id}/?purge=true`)).status, 404);
        assert.equal((await admin.call("GET", `/api/patients/${id}/`)).status, 404);
        assert.equal((await ann.call("GET", `/api/patients/${id}/`)).status, 404);
        // Every text-like column of every table of the schema, searched for the marker.
        const columns = await sql<{ table_name: string; column_name: string }[]>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`;
        assert.ok(columns.some((c) => c.table_name === "versions" && c.column_name === "snapshot"));
        for (const { table_name, column_name } of columns) {
          const [{ found }] = await sql<{ found: boolean }[]>`
        select exists (
          select 1 from ${sql(table_name)} where ${sql(column_name)}::text ilike ${`%${marker}%`}
        ) as found`;
          assert.equal(found, false, `${table_name}.${column_name} still holds the purged data`);
        }
      },
    );

    await t.step("the tombstone and the audit event remain", async () => {
      const history = await admin.json("GET", `/api/patients/${id}/history/`);
      assert.equal(history.status, 200);
      assert.equal(history.body.count, 1);
      assert.deepEqual(
        { action: history.body.results[0].action, snapshot: history.body.results[0].snapshot },
        { action: "purge", snapshot: null },
      );
      assert.equal(history.body.results[0].by, admin.id);
      assert.equal((await ann.json("GET", `/api/patients/${id}/history/`)).status, 404);
      await flushAudit();
      // The purge (written with it), then the second attempt that found nothing.
      const events = await sql<{ user_id: number; status: number }[]>`
        select user_id, status from audit_events
        where action = 'purge' and resource_id = ${id} and resource_type = 'patient' order by id`;
      assert.deepEqual(events.map((e) => ({ ...e })), [
        { user_id: admin.id, status: 204 },
        { user_id: admin.id, status: 404 },
      ]);
    });
  },
);

dbTest("history: clinics — who sees deleted records and redacted snapshots", async () => {
  const app = await testApp();
  const team = await makeTeam(app);
  const made = await team.clinician.json("POST", "/api/patients/", {
    ...PATIENT,
    clinic: team.clinic,
  });
  const id = made.body.id;
  const desk = await team.front_desk.json("GET", `/api/patients/${id}/history/`);
  assert.equal(desk.status, 200);
  assert.equal(desk.body.results[0].snapshot.allergies, null);
  assert.deepEqual(desk.body.results[0].snapshot.redacted_fields, [
    "allergies",
    "medical_history",
    "current_medications",
    "blood_group",
  ]);
  assert.equal(
    (await team.clinician.json("GET", `/api/patients/${id}/history/`)).body.results[0].snapshot
      .allergies,
    "Latex",
  );
  assert.equal((await team.outsider.json("GET", `/api/patients/${id}/history/`)).status, 404);
  assert.equal((await team.viewer.call("DELETE", `/api/patients/${id}/`)).status, 403);
  assert.equal((await team.clinician.call("DELETE", `/api/patients/${id}/`)).status, 204);
  assert.equal((await team.viewer.call("GET", `/api/patients/${id}/`)).status, 410);
  assert.equal((await team.outsider.call("GET", `/api/patients/${id}/`)).status, 404);
  const listed = async (who: typeof team.owner) =>
    (await who.json("GET", `/api/patients/?include_deleted=true&clinic_id=${team.clinic}`)).body
      .results.map((p: { id: number }) => p.id).includes(id);
  assert.equal(await listed(team.owner), true, "a clinic owner lists deleted patients");
  assert.equal(await listed(team.admin), true, "so does an admin");
  assert.equal(await listed(team.clinician), false, "a clinician does not");
  assert.equal((await team.viewer.call("POST", `/api/patients/${id}/restore/`)).status, 403);
  assert.equal((await team.clinician.call("POST", `/api/patients/${id}/restore/`)).status, 200);
});

dbTest("history: FHIR versionId, vread, _history and 410 for a deleted resource", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const id = (await ann.json("POST", "/api/patients/", PATIENT)).body.id;
  await ann.json("PATCH", `/api/patients/${id}/`, { city: "Oslo" });
  const read = await ann.json("GET", `/fhir/Patient/${id}`);
  assert.equal(read.body.meta.versionId, "2");
  const v1 = await ann.json("GET", `/fhir/Patient/${id}/_history/1`);
  assert.equal(v1.status, 200);
  assert.equal(v1.body.resourceType, "Patient");
  assert.equal(v1.body.meta.versionId, "1");
  assert.equal(v1.body.address, undefined);
  assert.equal((await ann.json("GET", `/fhir/Patient/${id}/_history/7`)).status, 404);
  await ann.call("DELETE", `/api/patients/${id}/`);
  const gone = await ann.json("GET", `/fhir/Patient/${id}`);
  assert.equal(gone.status, 410);
  assert.equal(gone.body.resourceType, "OperationOutcome");
  assert.equal(gone.body.issue[0].code, "deleted");
  assert.equal((await ann.json("GET", `/fhir/Patient/${id}/_history/3`)).status, 410);
  const history = await ann.json("GET", `/fhir/Patient/${id}/_history`);
  assert.equal(history.body.type, "history");
  assert.equal(history.body.total, 3);
  assert.deepEqual(
    history.body.entry.map((e: { request: { method: string } }) => e.request.method),
    ["DELETE", "PUT", "POST"],
  );
  assert.equal(history.body.entry[0].resource, undefined);
  assert.equal(history.body.entry[1].resource.meta.versionId, "2");
  const outsider = await signUp(app);
  assert.equal((await outsider.json("GET", `/fhir/Patient/${id}/_history`)).status, 404);
  assert.equal((await outsider.json("GET", `/fhir/Patient/${id}`)).status, 404);
  const doctor = (await ann.json("POST", "/api/doctors/", DOCTOR)).body;
  await ann.call("DELETE", `/api/doctors/${doctor.id}/`);
  assert.equal((await ann.json("GET", `/fhir/Practitioner/${doctor.id}`)).status, 410);
  assert.equal((await ann.json("GET", `/fhir/PractitionerRole/${doctor.id}`)).status, 410);
  assert.equal(
    (await ann.json("GET", `/fhir/Practitioner/${doctor.id}/_history`)).body.total,
    2,
  );
  const meta = await ann.json("GET", "/fhir/metadata");
  const patient = meta.body.rest[0].resource.find((r: { type: string }) => r.type === "Patient");
  assert.deepEqual(
    patient.interaction.map((i: { code: string }) => i.code),
    ["read", "vread", "history-instance", "search-type"],
  );
});
