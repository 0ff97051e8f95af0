import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { scopeFor } from "../db/scope.ts";
import { flushAudit } from "../middleware/audit.ts";
import { dbTest, testApp } from "./helpers.ts";
import { errorFields, signUp, signUpAdmin } from "./records_helpers.ts";
import { addMember, emailOf, makeTeam } from "./clinic_helpers.ts";

const CLINICAL = ["allergies", "blood_group", "current_medications", "medical_history"];

dbTest("clinics: create, list, read, rename, delete, with the caller's role", async () => {
  const app = await testApp();
  const [ann, bob] = await Promise.all([signUp(app), signUp(app)]);
  const created = await ann.json("POST", "/api/clinics/", { name: "  Riverside  " });
  assert.equal(created.status, 201);
  assert.deepEqual(Object.keys(created.body).sort(), [
    "created_at",
    "id",
    "name",
    "role",
    "updated_at",
    "version",
  ]);
  assert.equal(created.body.name, "Riverside");
  assert.equal(created.body.role, "owner");
  const id = created.body.id;
  assert.equal((await ann.json("POST", "/api/clinics/", { name: "" })).status, 400);
  assert.deepEqual(
    errorFields((await ann.json("POST", "/api/clinics/", { name: "x".repeat(201) })).body),
    ["name"],
  );

  const list = await ann.json("GET", "/api/clinics/");
  assert.deepEqual(list.body.results.map((c: { id: number }) => c.id), [id]);
  // Lists order by a listed field, in either direction.
  const second = (await ann.json("POST", "/api/clinics/", { name: "Alder" })).body.id;
  const order = async (q: string) =>
    (await ann.json("GET", `/api/clinics/?ordering=${q}`)).body.results.map((c: { id: number }) =>
      c.id
    );
  assert.deepEqual(await order("-id"), [second, id]);
  assert.deepEqual(await order("name"), [second, id]);
  assert.equal((await ann.json("GET", "/api/clinics/?ordering=added_at")).status, 400);
  const members = async (q: string) =>
    (await ann.json("GET", `/api/clinics/${id}/members/?ordering=${q}`)).body.results.map((
      m: { user_id: number },
    ) => m.user_id);
  await ann.json("POST", `/api/clinics/${id}/members/`, {
    email: await emailOf(bob),
    role: "viewer",
  });
  assert.deepEqual(await members("added_at"), [ann.id, bob.id]);
  assert.deepEqual(await members("-added_at"), [bob.id, ann.id]);
  await ann.call("DELETE", `/api/clinics/${id}/members/${bob.id}/`);
  assert.equal((await ann.call("DELETE", `/api/clinics/${second}/`)).status, 204);
  assert.equal((await bob.json("GET", "/api/clinics/")).body.count, 0);
  assert.equal((await bob.json("GET", `/api/clinics/${id}/`)).status, 404);
  assert.equal((await bob.json("PATCH", `/api/clinics/${id}/`, { name: "Mine" })).status, 404);

  const stale = await ann.json("PATCH", `/api/clinics/${id}/`, { name: "New" }, {
    "If-Match": '"7"',
  });
  assert.equal(stale.status, 412);
  const renamed = await ann.json("PATCH", `/api/clinics/${id}/`, { name: "Riverside East" }, {
    "If-Match": '"1"',
  });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.body.name, "Riverside East");
  assert.equal(renamed.body.version, 2);
  assert.equal(renamed.body.role, "owner");

  await addMember(ann, id, bob, "clinician");
  assert.equal((await bob.json("GET", `/api/clinics/${id}/`)).body.role, "clinician");
  assert.equal((await bob.json("PATCH", `/api/clinics/${id}/`, { name: "Mine" })).status, 403);
  assert.equal((await bob.json("DELETE", `/api/clinics/${id}/`)).status, 403);

  // A clinic that holds patients cannot be deleted.
  const patient = await bob.json("POST", "/api/patients/", { name: "Held", clinic: id });
  assert.equal(patient.status, 201);
  const refused = await ann.json("DELETE", `/api/clinics/${id}/`);
  assert.equal(refused.status, 409);
  assert.deepEqual(errorFields(refused.body), ["patients"]);
  assert.equal((await bob.json("DELETE", `/api/patients/${patient.body.id}/`)).status, 204);
  // A deleted patient can be restored: the clinic still holds it until an admin purges it.
  assert.equal((await ann.json("DELETE", `/api/clinics/${id}/`)).status, 409);
  const admin = await signUpAdmin(app);
  const purged = await admin.call("DELETE", `/api/patients/${patient.body.id}/?purge=true`);
  assert.equal(purged.status, 204);
  assert.equal((await ann.json("DELETE", `/api/clinics/${id}/`)).status, 204);
  assert.equal((await ann.json("GET", `/api/clinics/${id}/`)).status, 404);
  assert.equal((await bob.json("GET", "/api/clinics/")).body.count, 0);
});

dbTest("clinics: members are added by email, change roles, leave, and keep an owner", async () => {
  const app = await testApp();
  const [ann, bob, cat] = await Promise.all([signUp(app), signUp(app), signUp(app)]);
  const id = (await ann.json("POST", "/api/clinics/", { name: "Team" })).body.id;

  const unknown = await ann.json("POST", `/api/clinics/${id}/members/`, {
    email: "nobody.here@example.com",
    role: "viewer",
  });
  assert.equal(unknown.status, 400);
  assert.deepEqual(errorFields(unknown.body), ["email"]);
  const badRole = await ann.json("POST", `/api/clinics/${id}/members/`, {
    email: await emailOf(bob),
    role: "boss",
  });
  assert.deepEqual(errorFields(badRole.body), ["role"]);

  const added = await addMember(ann, id, bob, "viewer");
  assert.deepEqual(Object.keys(added).sort(), [
    "added_at",
    "added_by",
    "email",
    "name",
    "role",
    "user_id",
  ]);
  assert.equal(added.added_by, ann.id);
  const again = await ann.json("POST", `/api/clinics/${id}/members/`, {
    email: (await emailOf(bob)).toUpperCase(),
    role: "clinician",
  });
  assert.equal(again.status, 409);
  assert.deepEqual(errorFields(again.body), ["email"]);

  // Members read the member list; only owners change it.
  const members = await bob.json("GET", `/api/clinics/${id}/members/`);
  assert.equal(members.status, 200);
  assert.deepEqual(members.body.results.map((m: { user_id: number }) => m.user_id), [
    ann.id,
    bob.id,
  ]);
  assert.equal((await cat.json("GET", `/api/clinics/${id}/members/`)).status, 404);
  const byViewer = await bob.json("POST", `/api/clinics/${id}/members/`, {
    email: await emailOf(cat),
    role: "owner",
  });
  assert.equal(byViewer.status, 403);

  const promoted = await ann.json("PATCH", `/api/clinics/${id}/members/${bob.id}/`, {
    role: "owner",
  });
  assert.equal(promoted.status, 200);
  assert.equal(promoted.body.role, "owner");
  assert.equal(
    (await ann.json("PATCH", `/api/clinics/${id}/members/${cat.id}/`, { role: "viewer" })).status,
    404,
  );

  // Two owners: one may step down; the last may not, nor leave.
  const down = await bob.json("PATCH", `/api/clinics/${id}/members/${ann.id}/`, {
    role: "clinician",
  });
  assert.equal(down.status, 200);
  const last = await bob.json("PATCH", `/api/clinics/${id}/members/${bob.id}/`, {
    role: "viewer",
  });
  assert.equal(last.status, 409);
  assert.deepEqual(errorFields(last.body), ["role"]);
  const leaveLast = await bob.json("DELETE", `/api/clinics/${id}/members/${bob.id}/`);
  assert.equal(leaveLast.status, 409);
  // A non-owner may leave, but not remove others.
  assert.equal((await ann.json("DELETE", `/api/clinics/${id}/members/${bob.id}/`)).status, 403);
  assert.equal((await ann.json("DELETE", `/api/clinics/${id}/members/${ann.id}/`)).status, 204);
  assert.equal((await ann.json("GET", `/api/clinics/${id}/`)).status, 404);

  // Every membership change is audited under the clinic.
  await flushAudit();
  const audit = await bob.json("GET", `/api/clinics/${id}/audit/`);
  assert.equal(audit.status, 200);
  const actions = audit.body.results.map((e: { action: string }) => e.action).reverse();
  assert.deepEqual(actions, [
    "create",
    "member_add",
    "member_change",
    "member_change",
    "member_remove",
  ]);
  assert.ok(audit.body.results.every((e: { clinic_id: number }) => e.clinic_id === id));
  assert.equal(audit.body.results[0].resource_type, "clinic");
});

dbTest("clinics: a clinic patient is shared by role, redacted for front_desk", async () => {
  const app = await testApp();
  const t = await makeTeam(app);
  const body = {
    name: "Shared Patient",
    phone: "+1 555 0100",
    allergies: "Penicillin",
    blood_group: "O+",
    medical_history: "Asthma",
    current_medications: "Salbutamol",
    clinic_id: t.clinic,
  };
  const created = await t.clinician.json("POST", "/api/patients/", body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.clinic, t.clinic);
  assert.equal(created.body.redacted_fields, undefined);
  const id = created.body.id;

  for (const member of [t.owner, t.clinician, t.viewer, t.admin]) {
    const read = await member.json("GET", `/api/patients/${id}/`);
    assert.equal(read.status, 200);
    assert.equal(read.body.allergies, "Penicillin");
  }
  const desk = await t.front_desk.json("GET", `/api/patients/${id}/`);
  assert.equal(desk.status, 200);
  for (const f of CLINICAL) assert.equal(desk.body[f], null, f);
  assert.deepEqual([...desk.body.redacted_fields].sort(), CLINICAL);
  assert.equal(desk.body.phone, "+1 555 0100");
  const deskList = await t.front_desk.json("GET", `/api/patients/?clinic_id=${t.clinic}`);
  assert.equal(deskList.body.count, 1);
  assert.equal(deskList.body.results[0].allergies, null);
  assert.ok(deskList.body.results[0].redacted_fields);
  const fhir = await t.front_desk.call("GET", `/fhir/Patient/${id}`);
  const resource = await fhir.json();
  assert.equal(resource.meta.security[0].code, "REDACTED");
  assert.equal(resource.managingOrganization.reference, `Organization/${t.clinic}`);
  const fhirOwner = await (await t.owner.call("GET", `/fhir/Patient/${id}`)).json();
  assert.equal(fhirOwner.meta.security, undefined);

  // Writes by role: front_desk demographics only, viewer nothing.
  const deskPatch = await t.front_desk.json("PATCH", `/api/patients/${id}/`, {
    phone: "+1 555 0199",
  });
  assert.equal(deskPatch.status, 200);
  assert.equal(deskPatch.body.allergies, null);
  const deskClinical = await t.front_desk.json("PATCH", `/api/patients/${id}/`, {
    allergies: "None",
  });
  assert.equal(deskClinical.status, 403);
  assert.equal(
    (await t.front_desk.json("PUT", `/api/patients/${id}/`, { name: "Renamed" })).status,
    403,
  );
  assert.equal(
    (await t.viewer.json("PATCH", `/api/patients/${id}/`, { city: "Leeds" })).status,
    403,
  );
  assert.equal((await t.viewer.json("DELETE", `/api/patients/${id}/`)).status, 403);
  const [stored] = await sql`select allergies, phone, version from patients where id = ${id}`;
  assert.deepEqual({ ...stored }, { allergies: "Penicillin", phone: "+1 555 0199", version: 2 });

  // Creating into a clinic needs a writing role there; another's clinic reads as missing.
  const deskCreate = await t.front_desk.json("POST", "/api/patients/", {
    name: "Walk-in",
    clinic: t.clinic,
  });
  assert.equal(deskCreate.status, 201);
  const deskCreateClinical = await t.front_desk.json("POST", "/api/patients/", {
    name: "Walk-in",
    clinic: t.clinic,
    allergies: "Latex",
  });
  assert.equal(deskCreateClinical.status, 403);
  assert.equal(
    (await t.viewer.json("POST", "/api/patients/", { name: "No", clinic: t.clinic })).status,
    403,
  );
  const foreign = await t.outsider.json("POST", "/api/patients/", { name: "No", clinic: t.clinic });
  const missing = await t.outsider.json("POST", "/api/patients/", {
    name: "No",
    clinic: 2147483647,
  });
  assert.equal(foreign.status, 400);
  assert.deepEqual(foreign.body, { ...missing.body, request_id: foreign.body.request_id });
  const both = await t.owner.json("POST", "/api/patients/", {
    name: "No",
    clinic: t.clinic,
    clinic_id: t.otherClinic,
  });
  assert.deepEqual(errorFields(both.body), ["clinic_id"]);

  // Outsiders, removed members and other clinics see nothing, by any route.
  for (const stranger of [t.outsider, t.removed, t.other_clinic]) {
    assert.equal((await stranger.json("GET", `/api/patients/${id}/`)).status, 404);
    assert.equal((await stranger.json("PATCH", `/api/patients/${id}/`, { city: "X" })).status, 404);
    assert.equal((await stranger.json("GET", "/api/patients/")).body.count, 0);
    assert.equal((await stranger.call("GET", `/fhir/Patient/${id}`)).status, 404);
  }
});

dbTest("clinics: patients move between clinics, and a creator who leaves loses them", async () => {
  const app = await testApp();
  const t = await makeTeam(app);
  await addMember(t.other_clinic, t.otherClinic, t.clinician, "clinician");
  const personal = await t.clinician.json("POST", "/api/patients/", { name: "Personal" });
  assert.equal(personal.body.clinic, null);
  // Into a clinic: visible to its members from then on.
  const moved = await t.clinician.json("PATCH", `/api/patients/${personal.body.id}/`, {
    clinic: t.clinic,
  });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.clinic, t.clinic);
  assert.equal((await t.viewer.json("GET", `/api/patients/${personal.body.id}/`)).status, 200);
  // Not back to personal; on to a clinic where the caller writes.
  const back = await t.clinician.json("PATCH", `/api/patients/${personal.body.id}/`, {
    clinic: null,
  });
  assert.deepEqual(errorFields(back.body), ["clinic"]);
  const onward = await t.clinician.json("PATCH", `/api/patients/${personal.body.id}/`, {
    clinic_id: t.otherClinic,
  });
  assert.equal(onward.status, 200);
  assert.equal((await t.viewer.json("GET", `/api/patients/${personal.body.id}/`)).status, 404);
  assert.equal(
    (await t.viewer.json("PATCH", `/api/patients/${personal.body.id}/`, {
      clinic: t.clinic,
    })).status,
    404,
  );

  const mine = await t.clinician.json("POST", "/api/patients/", { name: "Mine", clinic: t.clinic });
  const leave = await t.clinician.json(
    "DELETE",
    `/api/clinics/${t.clinic}/members/${t.clinician.id}/`,
  );
  assert.equal(leave.status, 204);
  assert.equal((await t.clinician.json("GET", `/api/patients/${mine.body.id}/`)).status, 404);
  assert.equal((await t.owner.json("GET", `/api/patients/${mine.body.id}/`)).status, 200);
});

dbTest("clinics: FHIR Organization for members, audit events carry the clinic", async () => {
  const app = await testApp();
  const t = await makeTeam(app);
  const org = await t.viewer.call("GET", `/fhir/Organization/${t.clinic}`);
  assert.equal(org.status, 200);
  const resource = await org.json();
  assert.deepEqual(
    { type: resource.resourceType, id: resource.id, name: resource.name },
    { type: "Organization", id: String(t.clinic), name: "Riverside Practice" },
  );
  assert.equal((await t.outsider.call("GET", `/fhir/Organization/${t.clinic}`)).status, 404);
  const search = await (await t.viewer.call("GET", "/fhir/Organization?name=river")).json();
  assert.deepEqual(search.entry.map((e: { resource: { id: string } }) => e.resource.id), [
    String(t.clinic),
  ]);
  const none = await (await t.outsider.call("GET", "/fhir/Organization?name=river")).json();
  assert.equal(none.total, 0);

  const p = await t.owner.json("POST", "/api/patients/", { name: "Audited", clinic: t.clinic });
  await t.viewer.json("GET", `/api/patients/${p.body.id}/`);
  const doctors = await t.viewer.call("GET", `/api/patients/${p.body.id}/doctors/`, undefined, {
    "X-Request-Id": `clinic-doctors-${p.body.id}`,
  });
  assert.equal(doctors.status, 200);
  await flushAudit();
  const [listed] = await sql`
    select clinic_id from audit_events where request_id = ${`clinic-doctors-${p.body.id}`}`;
  assert.equal(listed.clinic_id, t.clinic);
  const events = await t.owner.json("GET", `/api/clinics/${t.clinic}/audit/?action=read`);
  assert.equal(events.status, 200);
  assert.ok(
    events.body.results.some((e: { user_id: number; patient_ids: number[] }) =>
      e.user_id === t.viewer.id && e.patient_ids.includes(p.body.id)
    ),
  );
  const created = await sql`
    select clinic_id from audit_events where action = 'create' and resource_id = ${p.body.id}
      and resource_type = 'patient'`;
  assert.equal(created[0].clinic_id, t.clinic);
  assert.equal((await t.clinician.json("GET", `/api/clinics/${t.clinic}/audit/`)).status, 403);
  assert.equal((await t.outsider.json("GET", `/api/clinics/${t.clinic}/audit/`)).status, 404);
  // The clinic audit takes since/until as /api/audit/ does.
  const reads = (q: string) =>
    t.owner.json("GET", `/api/clinics/${t.clinic}/audit/?action=read&limit=100&${q}`);
  const future = new Date(Date.now() + 3_600_000).toISOString();
  assert.equal((await reads(`since=${future}`)).body.count, 0);
  assert.ok((await reads(`until=${future}`)).body.count >= 1);
  assert.equal((await reads("until=2000-01-01T00:00:00Z")).body.count, 0);
  assert.equal((await reads("since=yesterday")).status, 400);
});

dbTest(
  "clinics: the mapping list filters by clinic; admins change clinics they are not in",
  async () => {
    const app = await testApp();
    const t = await makeTeam(app);
    const doctor = (await t.owner.json("POST", "/api/doctors/", {
      name: "Dr Filter",
      specialization: "general",
    })).body.id;
    const inClinic = (await t.owner.json("POST", "/api/patients/", {
      name: "In Clinic",
      clinic: t.clinic,
    })).body.id;
    const personal = (await t.owner.json("POST", "/api/patients/", { name: "Personal" })).body.id;
    const m1 =
      (await t.owner.json("POST", "/api/mappings/", { patient: inClinic, doctor })).body.id;
    const m2 =
      (await t.owner.json("POST", "/api/mappings/", { patient: personal, doctor })).body.id;
    const ids = async (q: string) =>
      (await t.owner.json("GET", `/api/mappings/?doctor_id=${doctor}${q}`)).body.results
        .map((m: { id: number }) => m.id);
    assert.deepEqual(await ids(""), [m1, m2]);
    assert.deepEqual(await ids(`&clinic_id=${t.clinic}`), [m1]);
    assert.deepEqual(await ids(`&clinic_id=${t.otherClinic}`), []);
    assert.equal((await t.owner.json("GET", "/api/mappings/?clinic_id=x")).status, 400);

    // An admin is no member of the other clinic, yet renames and deletes it.
    const renamed = await t.admin.json("PATCH", `/api/clinics/${t.otherClinic}/`, {
      name: "Renamed",
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, "Renamed");
    assert.equal((await t.admin.call("DELETE", `/api/clinics/${t.otherClinic}/`)).status, 204);
    assert.equal((await t.other_clinic.call("GET", `/api/clinics/${t.otherClinic}/`)).status, 404);
  },
);

dbTest("clinics: row-level security refuses what a query forgot to filter", async () => {
  const app = await testApp();
  const t = await makeTeam(app);
  const theirs = await t.other_clinic.json("POST", "/api/patients/", {
    name: "Other Clinic Patient",
    clinic: t.otherClinic,
  });
  const doctor = await t.other_clinic.json("POST", "/api/doctors/", {
    name: "Dr Other",
    specialization: "general",
  });
  await t.other_clinic.json("POST", "/api/mappings/", {
    patient: theirs.body.id,
    doctor: doctor.body.id,
  });
  const ours = await t.owner.json("POST", "/api/patients/", { name: "Ours", clinic: t.clinic });
  await flushAudit();
  const context = (tx: typeof sql) =>
    tx`select set_config('role', 'healthcare_app', true),
      set_config('app.read_keys', ${`{${-t.owner.id},${t.clinic}}`}, true),
      set_config('app.write_keys', ${`{${-t.owner.id},${t.clinic}}`}, true)`;
  const seen = await sql.begin(async (tx) => {
    await context(tx as unknown as typeof sql);
    const [me] = await tx`select current_user, (select rolsuper from pg_roles
      where rolname = current_user) as superuser`;
    assert.deepEqual({ ...me }, { current_user: "healthcare_app", superuser: false });
    return {
      patients: (await tx`select * from patients`).map((r) => r.id),
      mappings: (await tx`select * from patient_doctors`).map((r) => r.patient_id),
      events: (await tx`select * from audit_events`).map((r) => r.clinic_id),
    };
  });
  assert.ok(seen.patients.includes(ours.body.id));
  assert.ok(!seen.patients.includes(theirs.body.id));
  assert.ok(!seen.mappings.includes(theirs.body.id));
  assert.ok(!seen.events.includes(t.otherClinic));
  // Writes into, or changes of, the other clinic's rows are refused or touch nothing.
  await assert.rejects(
    sql.begin(async (tx) => {
      await context(tx as unknown as typeof sql);
      await tx`insert into patients (created_by, name, clinic_id)
        values (${t.owner.id}, 'Smuggled', ${t.otherClinic})`;
    }),
    /row-level security/,
  );
  const changed = await sql.begin(async (tx) => {
    await context(tx as unknown as typeof sql);
    return (await tx`update patients set name = 'Taken' where id = ${theirs.body.id}`).count;
  });
  assert.equal(changed, 0);
  // The scope's own statements run as that role, with the caller's keys, from the first one.
  const scope = scopeFor(
    { id: t.owner.id, role: "user" },
    undefined,
    new Map([[t.clinic, "owner"]]),
  );
  const [who] = await scope.run((db) =>
    db`select current_user as role, current_setting('app.read_keys') as keys`
  );
  assert.deepEqual({ ...who }, { role: "healthcare_app", keys: `{${-t.owner.id},${t.clinic}}` });
  // Without any context, the service's role sees no patient at all.
  const bare = await sql.begin(async (tx) => {
    await tx`set local role healthcare_app`;
    return (await tx`select count(*)::int as n from patients`)[0].n;
  });
  assert.equal(bare, 0);
});
