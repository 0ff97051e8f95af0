import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { dbTest, testApp } from "./helpers.ts";
import { type Client, errorFields, signUp } from "./records_helpers.ts";
import { addMember, makeTeam } from "./clinic_helpers.ts";

interface Event {
  id: string;
  seq: number;
  type: string;
  resource_type: string;
  resource_id: number;
  version: number;
  clinic_id: number | null;
}

/** Reads the feed from `after` to its end, `limit` at a time; every page in `seq` order. */
async function readFeed(user: Client, after: number, limit = 100) {
  const events: Event[] = [];
  for (;;) {
    const res = await user.json("GET", `/api/changes/?after=${after}&limit=${limit}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const page: Event[] = res.body.results;
    for (const e of page) {
      assert.ok(e.seq > after, `seq ${e.seq} after ${after}`);
      after = e.seq;
    }
    assert.ok(res.body.next_after >= after);
    after = res.body.next_after;
    events.push(...page);
    if (page.length < limit) return { events, after };
  }
}

dbTest(
  "changes: every change is one event, ids only, for those who may see the record",
  async (t) => {
    const app = await testApp();
    const [ann, bob] = await Promise.all([signUp(app), signUp(app)]);
    const { after: start } = await readFeed(ann, 0, 1000);
    const { after: bobStart } = await readFeed(bob, 0, 1000);

    const patient = (await ann.json("POST", "/api/patients/", {
      name: "Hester Prynne",
      allergies: "Aspirin",
    })).body.id;
    await ann.json("PATCH", `/api/patients/${patient}/`, { city: "Boston" });
    const doctor = (await ann.json("POST", "/api/doctors/", {
      name: "Dr Chillingworth",
      specialization: "general",
    })).body.id;
    const mapping = (await ann.json("POST", "/api/mappings/", { patient, doctor })).body.id;
    const appointment = (await ann.json("POST", "/api/appointments/", {
      patient,
      doctor,
      start: "2027-08-02T09:00:00Z",
      duration_minutes: 30,
    })).body.id;
    await ann.json("DELETE", `/api/appointments/${appointment}/`);
    await ann.json("POST", `/api/appointments/${appointment}/restore/`);
    await ann.json("DELETE", `/api/patients/${patient}/`);

    await t.step("in order, one per change, with the record's id and version", async () => {
      const { events } = await readFeed(ann, start, 3);
      assert.deepEqual(events.map((e) => [e.type, e.resource_id, e.version]), [
        ["patient.created", patient, 1],
        ["patient.updated", patient, 2],
        ["mapping.created", mapping, 1],
        ["appointment.created", appointment, 1],
        ["appointment.deleted", appointment, 2],
        ["appointment.restored", appointment, 3],
        ["patient.deleted", patient, 3],
      ]);
      // Ids, never patient data.
      const text = JSON.stringify(events);
      assert.ok(!text.includes("Hester") && !text.includes("Aspirin") && !text.includes("Boston"));
      assert.deepEqual(Object.keys(events[0]).sort(), [
        "clinic_id",
        "id",
        "occurred_at",
        "resource_id",
        "resource_type",
        "seq",
        "type",
        "version",
      ]);
      // Doctors are the shared directory: their changes are not in the feed.
      assert.ok(events.every((e) => e.resource_type !== "doctor"));
    });

    await t.step("another user sees none of them; a later poll finds nothing new", async () => {
      const { events } = await readFeed(bob, bobStart);
      assert.deepEqual(events, []);
      const { events: none, after } = await readFeed(ann, start, 1000);
      const again = await readFeed(ann, after);
      assert.equal(none.length, 7);
      assert.deepEqual(again.events, []);
    });

    await t.step("bad paging is 400", async () => {
      for (
        const [query, field] of [["after=-1", "after"], ["limit=0", "limit"], [
          "limit=1001",
          "limit",
        ]]
      ) {
        const res = await ann.json("GET", `/api/changes/?${query}`);
        assert.equal(res.status, 400, query);
        assert.deepEqual(errorFields(res.body), [field]);
      }
    });
  },
);

dbTest("changes: a clinic's events reach its members while they are members", async () => {
  const app = await testApp();
  const team = await makeTeam(app);
  const { after: start } = await readFeed(team.viewer, 0, 1000);
  const { after: outsiderStart } = await readFeed(team.outsider, 0, 1000);
  const patient = (await team.clinician.json("POST", "/api/patients/", {
    name: "Clinic Feed",
    clinic: team.clinic,
  })).body.id;
  const { events } = await readFeed(team.viewer, start);
  assert.deepEqual(events.map((e) => [e.type, e.resource_id, e.clinic_id]), [
    ["patient.created", patient, team.clinic],
  ]);
  assert.deepEqual((await readFeed(team.outsider, outsiderStart)).events, []);
  // Removed from the clinic: its events are no longer theirs to read, earlier ones included.
  assert.equal(
    (await team.owner.json("DELETE", `/api/clinics/${team.clinic}/members/${team.viewer.id}/`))
      .status,
    204,
  );
  await new Promise((r) => setTimeout(r, 600)); // membership changes reach a cache within 1 s
  assert.deepEqual((await readFeed(team.viewer, start)).events, []);
  await addMember(team.owner, team.clinic, team.viewer, "viewer");
  await new Promise((r) => setTimeout(r, 600));
  assert.equal((await readFeed(team.viewer, start)).events.length, 1);
});

dbTest(
  "changes: 16 writers committing out of order, a poller sees every event once, in seq order",
  async () => {
    const app = await testApp();
    const reader = await signUp(app);
    const { after: start } = await readFeed(reader, 0, 1000);
    const [shared] = await sql<{ id: number }[]>`
      insert into patients (created_by, name) values (${reader.id}, 'Shared') returning id`;
    const WRITERS = 16;
    const EACH = 8;
    let running = WRITERS;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < EACH; i++) {
        // A transaction that made its event early may commit late, after later ones.
        await sql.begin(async (tx) => {
          await tx`insert into patients (created_by, name) values (${reader.id}, ${`W${w}-${i}`})`;
          await tx`select pg_sleep(${Math.random() * 0.03})`;
          if (i % 2 === 0) {
            await tx`update patients set city = ${`C${w}-${i}`} where id = ${shared.id}`;
            await tx`select pg_sleep(${Math.random() * 0.01})`;
          }
        });
      }
      running--;
    });
    const seen: Event[] = [];
    let after = start;
    // Poll while they write, and once more after the last commit.
    for (let last = false; !last;) {
      last = running === 0;
      const page = await readFeed(reader, after, 5);
      seen.push(...page.events);
      after = page.after;
      if (!last) await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(writers);
    seen.push(...(await readFeed(reader, after)).events);

    const ids = seen.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, "an event seen twice");
    const seqs = seen.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), "out of seq order");
    const stored = await sql<{ id: string }[]>`
      select e.id from events e join patients p on p.id = e.patient_id
      where p.created_by = ${reader.id}`;
    assert.equal(stored.length, WRITERS * EACH + 1 + WRITERS * EACH / 2);
    assert.deepEqual(new Set(ids), new Set(stored.map((r) => r.id)), "an event never seen");
    // One record's events come in its versions' order.
    const versions = seen.filter((e) => e.resource_id === shared.id).map((e) => e.version);
    assert.deepEqual(versions, Array.from({ length: versions.length }, (_, k) => k + 1));
  },
);

dbTest(
  "changes: a backlog is numbered a batch at a time, each record's events together, on stale statistics",
  async () => {
    await testApp(); // opens the database
    const rollback = new Error("rolled back");
    // One transaction, rolled back at the end: it sees its own events and statistics, and its
    // lock keeps the dispatchers' numbering out (sequence_events() takes it too).
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('sequence_events'))`;
      // Number what other tests left, so that the backlog below is all there is, and let the
      // statistics say that many events are numbered and none waits, as after a quiet spell.
      while ((await tx`select sequence_events() as n`)[0].n > 0) { /* again */ }
      await tx`
      insert into events (type, resource_type, resource_id, version, patient_id, seq)
      select 'appointment.updated', 'appointment', -100000 - r, 1, -1, last + r
      from generate_series(1, 30000) r, (select coalesce(max(seq), 0) as last from events) l`;
      await tx`analyze events`;
      // 10,000 records of 2 versions each, written in random order, so that the first batch's
      // cut falls inside many records, some of them after their later version.
      await tx`
      insert into events (type, resource_type, resource_id, version, patient_id)
      select 'appointment.updated', 'appointment', -r, v, -1
      from generate_series(1, 10000) r, generate_series(1, 2) v order by random()`;
      const numberedOf = async () =>
        await tx<{ resource_id: number; seqs: (string | null)[] }[]>`
        select resource_id, array_agg(seq order by version) as seqs from events
        where resource_type = 'appointment' and resource_id between -10000 and -1
        group by resource_id`;
      // Within the service's statement timeout: a plan that believes the statistics reads the
      // whole backlog once per record of the batch (about a minute here), and then every call
      // fails and nothing is numbered again.
      await tx`set local statement_timeout = '5s'`;
      const batch = async () => (await tx<{ n: number }[]>`select sequence_events() as n`)[0].n;
      const first = await batch();
      assert.ok(first >= 10_000 && first < 20_000, `the first batch numbered ${first}`);
      for (const r of await numberedOf()) {
        const numbered = r.seqs.filter((s) => s !== null).length;
        assert.ok(numbered === 0 || numbered === 2, `record ${r.resource_id}: all or none`);
      }
      const second = await batch();
      assert.equal(first + second, 20_000);
      const records = await numberedOf();
      assert.equal(records.length, 10_000);
      for (const r of records) {
        const seqs = r.seqs.map(Number);
        assert.ok(seqs[0] < seqs[1], `record ${r.resource_id} in order`);
      }
      throw rollback;
    }).catch((err) => {
      if (err !== rollback) throw err;
    });
  },
);
