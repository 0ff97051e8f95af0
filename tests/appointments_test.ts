import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { flushAudit } from "../middleware/audit.ts";
import { dbTest, testApp } from "./helpers.ts";
import { type Client, errorFields, signUp, signUpAdmin } from "./records_helpers.ts";
import { makeTeam } from "./clinic_helpers.ts";

/** A fresh doctor of `user`'s: its bookings collide with no earlier run's. */
async function doctorOf(user: Client, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await user.json("POST", "/api/doctors/", {
    name: "Dr Quinn",
    specialization: "general",
    ...fields,
  });
  assert.equal(res.status, 201);
  return res.body.id;
}

async function patientOf(user: Client, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await user.json("POST", "/api/patients/", { name: "Nora Helmer", ...fields });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** `2027-02-01T<hh:mm>:00Z` (a Monday). */
const at = (hhmm: string, day = "2027-02-01") => `${day}T${hhmm}:00.000Z`;

dbTest("appointments: book, read, list, move; the doctor is never double-booked", async (t) => {
  const app = await testApp();
  const [ann, bob] = await Promise.all([signUp(app), signUp(app)]);
  const patient = await patientOf(ann);
  const doctor = await doctorOf(ann);
  const book = (body: Record<string, unknown>, by: Client = ann) =>
    by.json("POST", "/api/appointments/", { patient, doctor, ...body });

  const first = await book({ start: at("10:00"), duration_minutes: 30, reason: "Review" });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const id = first.body.id;

  await t.step("a booking answers the appointment, its Location and ETag", () => {
    assert.equal(first.headers.get("Location"), `http://localhost/api/appointments/${id}/`);
    assert.equal(first.headers.get("ETag"), '"1"');
    assert.deepEqual(
      { ...first.body, id: 0, created_at: "", updated_at: "" },
      {
        id: 0,
        patient,
        doctor,
        start: at("10:00"),
        end: at("10:30"),
        status: "booked",
        reason: "Review",
        notes: null,
        created_by: ann.id,
        created_at: "",
        updated_at: "",
        version: 1,
        deleted_at: null,
        deleted_by: null,
      },
    );
  });

  await t.step("bad bodies: 400 naming each field, nothing booked", async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ patient: undefined, doctor: undefined, start: undefined }, [
        "doctor",
        "end",
        "patient",
        "start",
      ]],
      [{ start: at("11:00"), end: at("11:00") }, ["end"]],
      [{ start: at("11:00"), end: at("10:00") }, ["end"]],
      [{ start: at("11:00"), end: at("11:30"), duration_minutes: 30 }, ["duration_minutes"]],
      [{ start: at("11:00"), duration_minutes: 4 }, ["duration_minutes"]],
      [{ start: at("11:00"), duration_minutes: 481 }, ["duration_minutes"]],
      [{ start: "2027-02-01T11:00:00", duration_minutes: 30 }, ["start"]],
      [{ start: "2027-02-30T11:00:00Z", duration_minutes: 30 }, ["start"]],
      [{ start: "2040-01-01T11:00:00Z", duration_minutes: 30 }, ["start"]],
      [{ start: "2016-01-01T11:00:00Z", duration_minutes: 30 }, ["start"]],
      [{ start: at("11:00"), end: at("12:00", "2027-02-03") }, ["end"]],
      [{ start: at("11:00"), duration_minutes: 30, status: "done" }, ["status"]],
      [{ start: at("11:00"), duration_minutes: 30, reason: "x".repeat(2001) }, ["reason"]],
      [{ start: at("11:00"), duration_minutes: 30, patient_id: patient + 1 }, ["patient_id"]],
    ];
    for (const [body, fields] of cases) {
      const res = await book(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(errorFields(res.body), fields, JSON.stringify(body));
    }
    const [{ count }] = await sql<{ count: number }[]>`
      select count(*)::int as count from appointments where doctor_id = ${doctor}`;
    assert.equal(count, 1);
  });

  await t.step("an overlapping time → 409 on start; an adjacent one is free", async () => {
    for (const [start, end] of [["10:15", "10:45"], ["09:45", "10:15"], ["09:00", "11:00"]]) {
      const res = await book({ start: at(start), end: at(end) });
      assert.equal(res.status, 409, `${start}-${end}`);
      assert.deepEqual(errorFields(res.body), ["start"]);
    }
    // Another patient of another user: the doctor is still taken.
    const other = await bob.json("POST", "/api/appointments/", {
      patient: await patientOf(bob),
      doctor,
      start: at("10:10"),
      duration_minutes: 10,
    });
    assert.equal(other.status, 409);
    assert.equal((await book({ start: at("10:30"), end: at("11:00") })).status, 201);
    assert.equal((await book({ start: at("09:30"), end: at("10:00") })).status, 201);
  });

  await t.step("patients and doctors that cannot be booked", async () => {
    const foreign = await book({
      patient: await patientOf(bob),
      start: at("13:00"),
      duration_minutes: 5,
    });
    const missing = await book({ patient: 2_000_000_000, start: at("13:00"), duration_minutes: 5 });
    assert.equal(foreign.status, 400);
    assert.equal(missing.status, 400);
    assert.deepEqual(foreign.body.errors, missing.body.errors);
    assert.deepEqual(errorFields(foreign.body), ["patient"]);
    const noDoctor = await book({ doctor: 2_000_000_000, start: at("13:00"), duration_minutes: 5 });
    assert.equal(noDoctor.status, 400);
    assert.deepEqual(errorFields(noDoctor.body), ["doctor"]);
    const away = await doctorOf(ann, { is_available: false });
    const unavailable = await book({ doctor: away, start: at("13:00"), duration_minutes: 5 });
    assert.equal(unavailable.status, 409);
    assert.deepEqual(errorFields(unavailable.body), ["doctor"]);
  });

  await t.step("read, 404 to others, and lists with filters and ordering", async () => {
    const one = await ann.json("GET", `/api/appointments/${id}/`);
    assert.equal(one.status, 200);
    assert.equal(one.headers.get("ETag"), '"1"');
    assert.equal((await bob.json("GET", `/api/appointments/${id}/`)).status, 404);
    const list = await ann.json("GET", `/api/appointments/?doctor_id=${doctor}`);
    assert.equal(list.body.count, 3);
    assert.deepEqual(list.body.results.map((a: { start: string }) => a.start), [
      at("09:30"),
      at("10:00"),
      at("10:30"),
    ]);
    const desc = await ann.json("GET", `/api/appointments/?doctor_id=${doctor}&ordering=-start`);
    assert.equal(desc.body.results[0].start, at("10:30"));
    // Overlap with [from, to): 10:00–10:30 and 10:30–11:00 touch [10:15, 10:45).
    const window = await ann.json(
      "GET",
      `/api/appointments/?doctor_id=${doctor}&from=${at("10:15")}&to=${at("10:45")}`,
    );
    assert.deepEqual(window.body.results.map((a: { start: string }) => a.start), [
      at("10:00"),
      at("10:30"),
    ]);
    const byPatient = await ann.json("GET", `/api/patients/${patient}/appointments/`);
    assert.equal(byPatient.status, 200);
    assert.equal(byPatient.body.count, 3);
    assert.equal((await bob.json("GET", `/api/patients/${patient}/appointments/`)).status, 404);
    const seenByBob = await bob.json("GET", `/api/appointments/?doctor_id=${doctor}`);
    assert.equal(seenByBob.body.count, 0);
    const bad = await ann.json("GET", "/api/appointments/?status=done&ordering=end");
    assert.equal(bad.status, 400);
    assert.deepEqual(errorFields(bad.body), ["ordering", "status"]);
  });

  await t.step("PATCH moves it (keeping its length), under If-Match", async () => {
    const stale = await ann.json("PATCH", `/api/appointments/${id}/`, { start: at("14:00") }, {
      "If-Match": '"9"',
    });
    assert.equal(stale.status, 412);
    const moved = await ann.json("PATCH", `/api/appointments/${id}/`, { start: at("14:00") }, {
      "If-Match": '"1"',
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.end, at("14:30"));
    assert.equal(moved.body.version, 2);
    assert.equal(moved.headers.get("ETag"), '"2"');
    // Onto another booking: 409 on start, nothing changed.
    const onto = await ann.json("PATCH", `/api/appointments/${id}/`, { start: at("10:30") });
    assert.equal(onto.status, 409);
    assert.deepEqual(errorFields(onto.body), ["start"]);
    const backwards = await ann.json("PATCH", `/api/appointments/${id}/`, { end: at("13:00") });
    assert.equal(backwards.status, 400);
    assert.deepEqual(errorFields(backwards.body), ["end"]);
    const longer = await ann.json("PATCH", `/api/appointments/${id}/`, { duration_minutes: 60 });
    assert.equal(longer.body.end, at("15:00"));
    assert.equal((await ann.json("GET", `/api/appointments/${id}/`)).body.version, 3);
    assert.equal(
      (await bob.json("PATCH", `/api/appointments/${id}/`, { reason: "mine" })).status,
      404,
    );
  });

  await t.step("each write is audited naming the patient", async () => {
    await flushAudit();
    const events = await sql<{ action: string; patient_ids: number[]; status: number }[]>`
      select action, patient_ids, status from audit_events
      where resource_type = 'appointment' and resource_id = ${id} order by at, id`;
    assert.deepEqual(events.map((e) => [e.action, e.status]), [
      ["create", 201],
      ["read", 200],
      ["read", 404],
      ["update", 412],
      ["update", 200],
      ["update", 409],
      ["update", 400],
      ["update", 200],
      ["read", 200],
      ["update", 404],
    ]);
    // Bob, who may not see it, learns nothing and names no one.
    for (const e of events) assert.deepEqual(e.patient_ids, e.status === 404 ? [] : [patient]);
  });
});

/** Every status and the moves the contract allows between them. */
const STATUSES = ["booked", "arrived", "fulfilled", "cancelled", "noshow"] as const;
const ALLOWED = new Set([
  "booked>arrived",
  "arrived>fulfilled",
  "booked>cancelled",
  "booked>noshow",
  "arrived>cancelled",
]);
/** How to reach each status from booked. */
const PATH: Record<string, string[]> = {
  booked: [],
  arrived: ["arrived"],
  fulfilled: ["arrived", "fulfilled"],
  cancelled: ["cancelled"],
  noshow: ["noshow"],
};

dbTest("appointments: every status move, allowed and refused", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const patient = await patientOf(ann);
  const doctor = await doctorOf(ann);
  let slot = 0;
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      if (from === to) continue;
      const start = new Date(Date.UTC(2027, 2, 1, 8) + slot++ * 3600_000).toISOString();
      const made = await ann.json("POST", "/api/appointments/", {
        patient,
        doctor,
        start,
        duration_minutes: 30,
      });
      assert.equal(made.status, 201);
      for (const step of PATH[from]) {
        const res = await ann.json("PATCH", `/api/appointments/${made.body.id}/`, { status: step });
        assert.equal(res.status, 200, `${step} on the way to ${from}`);
      }
      const moved = await ann.json("PATCH", `/api/appointments/${made.body.id}/`, { status: to });
      const allowed = ALLOWED.has(`${from}>${to}`);
      assert.equal(moved.status, allowed ? 200 : 409, `${from} → ${to}`);
      if (allowed) assert.equal(moved.body.status, to);
      else assert.deepEqual(errorFields(moved.body), ["status"]);
      const now = await ann.json("GET", `/api/appointments/${made.body.id}/`);
      assert.equal(now.body.status, allowed ? to : from);
    }
  }
  // The database itself refuses, whoever writes.
  const [row] = await sql<{ id: number }[]>`
    select id from appointments where doctor_id = ${doctor} and status = 'fulfilled' limit 1`;
  await assert.rejects(
    sql`update appointments set status = 'booked' where id = ${row.id}`,
    (err: { constraint_name?: string }) => err.constraint_name === "appointments_status_move",
  );
});

dbTest("appointments: cancelled and no-show free their time; booking a freed slot", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const patient = await patientOf(ann);
  const doctor = await doctorOf(ann);
  const book = () =>
    ann.json("POST", "/api/appointments/", {
      patient,
      doctor,
      start: at("09:00", "2027-04-05"),
      duration_minutes: 20,
    });
  for (const freeing of ["cancelled", "noshow"]) {
    const made = await book();
    assert.equal(made.status, 201);
    assert.equal((await book()).status, 409);
    const freed = await ann.json("PATCH", `/api/appointments/${made.body.id}/`, {
      status: freeing,
    });
    assert.equal(freed.status, 200);
  }
  const last = await book();
  assert.equal(last.status, 201);
  // Arrived and fulfilled still hold it.
  await ann.json("PATCH", `/api/appointments/${last.body.id}/`, { status: "arrived" });
  assert.equal((await book()).status, 409);
  await ann.json("PATCH", `/api/appointments/${last.body.id}/`, { status: "fulfilled" });
  assert.equal((await book()).status, 409);
});

dbTest("appointments: 50 concurrent bookings of one doctor's time → one 201", async () => {
  const app = await testApp();
  const users = await Promise.all(Array.from({ length: 5 }, () => signUp(app)));
  const doctor = await doctorOf(users[0]);
  const patients = await Promise.all(users.map((u) => patientOf(u)));
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => {
    const who = i % users.length;
    // Overlapping ranges of different lengths and starts around 09:00.
    const start = new Date(Date.UTC(2027, 4, 3, 9, (i % 5) * 5)).toISOString();
    return users[who].json("POST", "/api/appointments/", {
      patient: patients[who],
      doctor,
      start,
      duration_minutes: 30 + (i % 3) * 5,
    });
  }));
  const statuses = answers.map((a) => a.status);
  assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
  assert.equal(statuses.filter((s) => s === 409).length, 49);
  for (const a of answers.filter((a) => a.status === 409)) {
    assert.deepEqual(errorFields(a.body), ["start"]);
  }
  const [{ count }] = await sql<{ count: number }[]>`
    select count(*)::int as count from appointments where doctor_id = ${doctor}`;
  assert.equal(count, 1);
});

dbTest("appointments: roles of a clinic", async () => {
  const app = await testApp();
  const team = await makeTeam(app);
  const patient = await patientOf(team.owner, { clinic: team.clinic });
  const doctor = await doctorOf(team.owner);
  let hour = 7;
  const book = (by: Client, body: Record<string, unknown> = {}) =>
    by.json("POST", "/api/appointments/", {
      patient,
      doctor,
      start: at(`${String(hour++).padStart(2, "0")}:00`, "2027-06-07"),
      duration_minutes: 30,
      ...body,
    });
  const made = await book(team.clinician, { notes: "Fasting bloods" });
  assert.equal(made.status, 201);
  const id = made.body.id;

  // The front desk books and moves, never with notes, and reads them redacted.
  const desk = await book(team.front_desk);
  assert.equal(desk.status, 201);
  assert.equal((await book(team.front_desk, { notes: "x" })).status, 403);
  const read = await team.front_desk.json("GET", `/api/appointments/${id}/`);
  assert.equal(read.status, 200);
  assert.equal(read.body.notes, null);
  assert.deepEqual(read.body.redacted_fields, ["notes"]);
  const listed = await team.front_desk.json("GET", `/api/patients/${patient}/appointments/`);
  assert.ok(listed.body.results.every((a: { notes: null }) => a.notes === null));
  const moved = await team.front_desk.json("PATCH", `/api/appointments/${id}/`, {
    status: "arrived",
  });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.notes, null);
  assert.equal(
    (await team.front_desk.json("PATCH", `/api/appointments/${id}/`, { notes: "x" })).status,
    403,
  );
  const history = await team.front_desk.json("GET", `/api/appointments/${id}/history/`);
  assert.ok(
    history.body.results.every((v: { snapshot: { notes: null } }) => v.snapshot.notes === null),
  );
  // A clinician reads them.
  const full = await team.clinician.json("GET", `/api/appointments/${id}/`);
  assert.equal(full.body.notes, "Fasting bloods");
  assert.equal(full.body.redacted_fields, undefined);

  // A viewer reads, never writes.
  assert.equal((await team.viewer.json("GET", `/api/appointments/${id}/`)).status, 200);
  assert.equal((await book(team.viewer)).status, 403);
  assert.equal(
    (await team.viewer.json("PATCH", `/api/appointments/${id}/`, { reason: "x" })).status,
    403,
  );
  assert.equal((await team.viewer.json("DELETE", `/api/appointments/${id}/`)).status, 403);

  // Outside the clinic: 404, and 400 on patient for a booking.
  for (const outsider of [team.outsider, team.removed, team.other_clinic]) {
    assert.equal((await outsider.json("GET", `/api/appointments/${id}/`)).status, 404);
    const res = await book(outsider);
    assert.equal(res.status, 400);
    assert.deepEqual(errorFields(res.body), ["patient"]);
  }
  assert.equal((await team.admin.json("GET", `/api/appointments/${id}/`)).status, 200);
  const byClinic = await team.owner.json("GET", `/api/appointments/?clinic_id=${team.clinic}`);
  assert.deepEqual(
    byClinic.body.results.map((a: { id: number }) => a.id).sort(),
    [id, desk.body.id].sort(),
  );
});

dbTest("appointments: soft delete frees the time; restore, history, purge", async (t) => {
  const app = await testApp();
  const [ann, bob, admin] = await Promise.all([signUp(app), signUp(app), signUpAdmin(app)]);
  const patient = await patientOf(ann);
  const doctor = await doctorOf(ann);
  const slot = { doctor, start: at("16:00", "2027-07-05"), duration_minutes: 30 };
  const made = await ann.json("POST", "/api/appointments/", { patient, ...slot });
  const id = made.body.id;

  await t.step("DELETE: 410 to whoever saw it, 404 to others; its time is free", async () => {
    assert.equal((await ann.json("DELETE", `/api/appointments/${id}/`)).status, 204);
    const gone = await ann.json("GET", `/api/appointments/${id}/`);
    assert.equal(gone.status, 410);
    assert.equal(gone.headers.get("Content-Type"), "application/problem+json");
    assert.equal((await bob.json("GET", `/api/appointments/${id}/`)).status, 404);
    assert.equal((await ann.json("GET", `/api/appointments/?doctor_id=${doctor}`)).body.count, 0);
    const deleted = await ann.json(
      "GET",
      `/api/appointments/?doctor_id=${doctor}&include_deleted=true`,
    );
    assert.equal(deleted.body.count, 1);
    assert.equal(
      (await ann.json("PATCH", `/api/appointments/${id}/`, { reason: "x" })).status,
      410,
    );
  });

  let other = 0;
  await t.step("restore: 409 on start while its time is taken, then 200", async () => {
    const taken = await bob.json("POST", "/api/appointments/", {
      patient: await patientOf(bob),
      ...slot,
    });
    assert.equal(taken.status, 201);
    other = taken.body.id;
    const refused = await ann.json("POST", `/api/appointments/${id}/restore/`);
    assert.equal(refused.status, 409);
    assert.deepEqual(errorFields(refused.body), ["start"]);
    await bob.json("PATCH", `/api/appointments/${other}/`, { status: "cancelled" });
    const restored = await ann.json("POST", `/api/appointments/${id}/restore/`);
    assert.equal(restored.status, 200);
    assert.equal(restored.body.deleted_at, null);
    const again = await ann.json("POST", `/api/appointments/${id}/restore/`);
    assert.equal(again.status, 409);
    assert.deepEqual(errorFields(again.body), ["deleted_at"]);
  });

  await t.step("history: one version per change, newest first", async () => {
    const history = await ann.json("GET", `/api/appointments/${id}/history/`);
    assert.equal(history.status, 200);
    assert.deepEqual(history.body.results.map((v: { action: string }) => v.action), [
      "restore",
      "delete",
      "create",
    ]);
    assert.equal(history.body.results[2].snapshot.start, slot.start);
    const one = await ann.json("GET", `/api/appointments/${id}/history/1/`);
    assert.equal(one.body.snapshot.status, "booked");
    assert.equal((await ann.json("GET", `/api/appointments/${id}/history/9/`)).status, 404);
    assert.equal((await bob.json("GET", `/api/appointments/${id}/history/`)).status, 404);
  });

  await t.step("a deleted patient's appointments are hidden with it", async () => {
    assert.equal((await ann.json("DELETE", `/api/patients/${patient}/`)).status, 204);
    assert.equal((await ann.json("GET", `/api/appointments/${id}/`)).status, 410);
    assert.equal((await ann.json("GET", `/api/appointments/?doctor_id=${doctor}`)).body.count, 0);
    assert.equal((await ann.json("GET", `/api/patients/${patient}/appointments/`)).status, 410);
    assert.equal(
      (await ann.json("PATCH", `/api/appointments/${id}/`, { reason: "x" })).status,
      410,
    );
    assert.equal((await ann.json("POST", `/api/patients/${patient}/restore/`)).status, 200);
    assert.equal((await ann.json("GET", `/api/appointments/${id}/`)).status, 200);
  });

  await t.step("purge removes them and their versions for good", async () => {
    const purged = await admin.json("DELETE", `/api/patients/${patient}/?purge=true`);
    assert.equal(purged.status, 204);
    const rows = await sql`select 1 from appointments where id = ${id}`;
    assert.equal(rows.length, 0);
    const versions = await sql`
      select 1 from versions where resource_type = 'appointment' and resource_id = ${id}`;
    assert.equal(versions.length, 0);
    assert.equal((await admin.json("GET", `/api/appointments/${id}/`)).status, 404);
  });
});

dbTest("schedules: working hours in the doctor's zone; free slots across DST", async (t) => {
  const app = await testApp();
  const [ann, bob] = await Promise.all([signUp(app), signUp(app)]);
  const doctor = await doctorOf(ann);
  const schedule = {
    timezone: "America/New_York",
    hours: [
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 5, start: "09:00", end: "10:30" },
      { weekday: 7, start: "00:30", end: "03:00" },
    ],
    exceptions: [{ date: "2026-03-10", available: false }],
  };
  const slotsOf = async (from: string, to: string, extra = "") => {
    const res = await bob.json(
      "GET",
      `/api/doctors/${doctor}/availability/?from=${from}&to=${to}${extra}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.slots.map((s: { start: string }) => s.start.slice(0, 16));
  };

  await t.step("no schedule: no slots", async () => {
    const res = await bob.json(
      "GET",
      `/api/doctors/${doctor}/availability/?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`,
    );
    assert.deepEqual(res.body, { doctor, timezone: null, slot_minutes: 30, slots: [] });
    assert.equal((await bob.json("GET", `/api/doctors/${doctor}/schedule/`)).status, 404);
  });

  await t.step("only its creator (or an admin) sets it; bad schedules → 400", async () => {
    assert.equal((await bob.json("PUT", `/api/doctors/${doctor}/schedule/`, schedule)).status, 403);
    const bad: [unknown, string][] = [
      [{ ...schedule, timezone: "Mars/Olympus_Mons" }, "timezone"],
      [{ ...schedule, timezone: "EST5EDT" }, "timezone"],
      [{ ...schedule, hours: [{ weekday: 8, start: "09:00", end: "10:00" }] }, "hours.0.weekday"],
      [{ ...schedule, hours: [{ weekday: 1, start: "10:00", end: "09:00" }] }, "hours.0.end"],
      [{ ...schedule, hours: [{ weekday: 1, start: "9:00", end: "10:00" }] }, "hours.0.start"],
      [{
        ...schedule,
        hours: [{ weekday: 1, start: "09:00", end: "12:00" }, {
          weekday: 1,
          start: "11:00",
          end: "13:00",
        }],
      }, "hours.1"],
      [{ ...schedule, exceptions: [{ date: "2026-02-30" }] }, "exceptions.0.date"],
    ];
    for (const [body, field] of bad) {
      const res = await ann.json("PUT", `/api/doctors/${doctor}/schedule/`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(errorFields(res.body), [field]);
    }
    const put = await ann.json("PUT", `/api/doctors/${doctor}/schedule/`, schedule);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.timezone, "America/New_York");
    assert.deepEqual(put.body.hours, [
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 5, start: "09:00", end: "10:30" },
      { weekday: 7, start: "00:30", end: "03:00" },
    ]);
    assert.deepEqual(put.body.exceptions, [{ date: "2026-03-10", available: false }]);
    const read = await bob.json("GET", `/api/doctors/${doctor}/schedule/`);
    assert.deepEqual(read.body, put.body);
  });

  await t.step("spring forward: the hours keep their local times, Sunday is shorter", async () => {
    // Friday 6 March 2026 is EST (UTC-5); Monday 9 March EDT (UTC-4). Sunday 8 March's
    // 00:30–03:00 local is 05:30–07:00 UTC: 02:00–03:00 does not exist that night.
    assert.deepEqual(await slotsOf("2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z"), [
      "2026-03-06T14:00",
      "2026-03-06T14:30",
      "2026-03-06T15:00",
      "2026-03-08T05:30",
      "2026-03-08T06:00",
      "2026-03-08T06:30",
      "2026-03-09T13:00",
      "2026-03-09T13:30",
      "2026-03-09T14:00",
      "2026-03-09T14:30",
      "2026-03-09T15:00",
      "2026-03-09T15:30",
    ]);
  });

  await t.step("fall back: Sunday is an hour longer", async () => {
    // Sunday 1 November 2026: 00:30 EDT is 04:30 UTC, 03:00 EST 08:00 UTC (01:00–02:00 twice).
    const sunday = await slotsOf("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
    assert.deepEqual(sunday, [
      "2026-11-01T04:30",
      "2026-11-01T05:00",
      "2026-11-01T05:30",
      "2026-11-01T06:00",
      "2026-11-01T06:30",
      "2026-11-01T07:00",
      "2026-11-01T07:30",
    ]);
    // The Monday after is EST: 09:00 local is 14:00 UTC.
    const monday = await slotsOf("2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z");
    assert.equal(monday[0], "2026-11-02T14:00");
    assert.equal(monday.length, 6);
  });

  await t.step("days off, slot length and the window's edges", async () => {
    // Tuesday 10 March has no hours anyway; Monday 16 March off instead.
    const withDayOff = { ...schedule, exceptions: [{ date: "2026-03-16", available: false }] };
    assert.equal(
      (await ann.json("PUT", `/api/doctors/${doctor}/schedule/`, withDayOff)).status,
      200,
    );
    assert.deepEqual(await slotsOf("2026-03-16T00:00:00Z", "2026-03-17T00:00:00Z"), []);
    assert.equal((await slotsOf("2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z")).length, 6);
    assert.deepEqual(
      await slotsOf("2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z", "&slot_minutes=45"),
      ["2026-03-23T13:00", "2026-03-23T13:45", "2026-03-23T14:30", "2026-03-23T15:15"],
    );
    // Only whole slots inside the window.
    assert.deepEqual(await slotsOf("2026-03-23T13:15:00Z", "2026-03-23T14:30:00Z"), [
      "2026-03-23T13:30",
      "2026-03-23T14:00",
    ]);
    for (
      const [query, field] of [
        ["from=2026-03-01T00:00:00Z&to=2026-04-02T00:00:00Z", "to"],
        ["from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to"],
        ["from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&slot_minutes=4", "slot_minutes"],
        ["to=2026-03-02T00:00:00Z", "from"],
      ]
    ) {
      const res = await bob.json("GET", `/api/doctors/${doctor}/availability/?${query}`);
      assert.equal(res.status, 400, query);
      assert.deepEqual(errorFields(res.body), [field]);
    }
    assert.equal(
      (await bob.json("GET", "/api/doctors/2000000000/availability/?from=2026-03-01&to=2026-03-02"))
        .status,
      404,
    );
  });

  await t.step("booked time is taken; cancelled time is free again", async () => {
    const patient = await patientOf(bob);
    const booked = await bob.json("POST", "/api/appointments/", {
      patient,
      doctor,
      start: "2026-03-23T13:15:00Z",
      duration_minutes: 30,
    });
    assert.equal(booked.status, 201);
    // 13:15–13:45 overlaps the 13:00 and 13:30 slots.
    assert.deepEqual(await slotsOf("2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z"), [
      "2026-03-23T14:00",
      "2026-03-23T14:30",
      "2026-03-23T15:00",
      "2026-03-23T15:30",
    ]);
    await bob.json("PATCH", `/api/appointments/${booked.body.id}/`, { status: "cancelled" });
    assert.equal((await slotsOf("2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z")).length, 6);
    // A doctor who takes no patients has no free slots (a booking would be 409).
    await ann.json("PATCH", `/api/doctors/${doctor}/`, { is_available: false });
    assert.deepEqual(await slotsOf("2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z"), []);
    await ann.json("PATCH", `/api/doctors/${doctor}/`, { is_available: true });
  });

  await t.step("a zone east of UTC: Europe/Berlin's change on 29 March 2026", async () => {
    const berlin = await doctorOf(ann);
    const put = await ann.json("PUT", `/api/doctors/${berlin}/schedule/`, {
      timezone: "Europe/Berlin",
      hours: [{ weekday: 5, start: "08:00", end: "09:00" }, {
        weekday: 1,
        start: "08:00",
        end: "09:00",
      }],
    });
    assert.equal(put.status, 200);
    const res = await bob.json(
      "GET",
      `/api/doctors/${berlin}/availability/?from=2026-03-27T00:00:00Z&to=2026-03-31T00:00:00Z&slot_minutes=60`,
    );
    // Friday CET (UTC+1), Monday CEST (UTC+2).
    assert.deepEqual(res.body.slots, [
      { start: "2026-03-27T07:00:00.000Z", end: "2026-03-27T08:00:00.000Z" },
      { start: "2026-03-30T06:00:00.000Z", end: "2026-03-30T07:00:00.000Z" },
    ]);
  });
});

dbTest("appointments: a front desk finds a free slot and books it", async () => {
  const app = await testApp();
  const team = await makeTeam(app);
  const desk = team.front_desk;
  const patient = await patientOf(team.clinician, { clinic: team.clinic, allergies: "Nuts" });
  const doctor = await doctorOf(team.owner);
  const put = await team.owner.json("PUT", `/api/doctors/${doctor}/schedule/`, {
    timezone: "Europe/Lisbon",
    hours: [{ weekday: 3, start: "14:00", end: "15:00" }],
  });
  assert.equal(put.status, 200);
  const week = "from=2027-06-07T00:00:00Z&to=2027-06-14T00:00:00Z";
  const free = await desk.json("GET", `/api/doctors/${doctor}/availability/?${week}`);
  // Wednesday 9 June, 14:00 in Lisbon (UTC+1 in summer).
  assert.deepEqual(free.body.slots.map((s: { start: string }) => s.start), [
    "2027-06-09T13:00:00.000Z",
    "2027-06-09T13:30:00.000Z",
  ]);
  const [first] = free.body.slots;
  const booked = await desk.json("POST", "/api/appointments/", {
    patient,
    doctor,
    start: first.start,
    end: first.end,
    reason: "New symptoms",
  });
  assert.equal(booked.status, 201);
  const after = await desk.json("GET", `/api/doctors/${doctor}/availability/?${week}`);
  assert.deepEqual(after.body.slots.map((s: { start: string }) => s.start), [
    "2027-06-09T13:30:00.000Z",
  ]);
  // Another member booking the same slot is too late.
  const late = await team.clinician.json("POST", "/api/appointments/", {
    patient,
    doctor,
    start: first.start,
    end: first.end,
  });
  assert.equal(late.status, 409);
  assert.deepEqual(errorFields(late.body), ["start"]);
});
