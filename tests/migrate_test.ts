import assert from "node:assert/strict";
import { createClient } from "../db/client.ts";
import { migrate, MigrationError } from "../db/migrate.ts";
import { findPatient } from "../db/patients.ts";
import { scopeFor } from "../db/scope.ts";
import {
  denoCommand,
  freshDatabase,
  runToEnd,
  startService,
  tempDir,
  TEST_JWT_SECRET,
} from "./helpers.ts";

async function migrationDir(files: Record<string, string>): Promise<URL> {
  const dir = tempDir("hc-mig-");
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/${name}`, text);
  }
  return new URL(`file://${dir}/`);
}

Deno.test({
  name: "migrate() applies files in numeric order once, and refuses an edited one",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const sql = createClient(db.url, 1);
    try {
      const dir = await migrationDir({
        "2_second.sql": "insert into steps values ('second');",
        "10_third.sql": "insert into steps values ('third');",
        "1_first.sql": "create table steps (name text); insert into steps values ('first');",
        "notes.txt": "not a migration",
      });
      assert.deepEqual(await migrate(sql, dir), ["1_first.sql", "2_second.sql", "10_third.sql"]);
      assert.deepEqual(await migrate(sql, dir), []);
      const steps = await sql`select name from steps`;
      assert.deepEqual(steps.map((r) => r.name), ["first", "second", "third"]);
      const recorded = await sql`select name, checksum from schema_migrations order by name`;
      assert.equal(recorded.length, 3);
      assert.ok(recorded.every((r) => /^[0-9a-f]{64}$/.test(r.checksum)));

      await Deno.writeTextFile(
        new URL("2_second.sql", dir),
        "insert into steps values ('changed');",
      );
      await assert.rejects(() => migrate(sql, dir), (err: Error) => {
        assert.ok(err instanceof MigrationError);
        assert.match(err.message, /2_second\.sql was edited/);
        return true;
      });
      const after = await sql`select count(*)::int as n from steps`;
      assert.equal(after[0].n, 3);
    } finally {
      await sql.end();
      await db.close();
    }
  },
});

Deno.test({
  name: "a failing migration leaves nothing applied",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const sql = createClient(db.url, 1);
    try {
      const dir = await migrationDir({
        "1_ok.sql": "create table kept (id int);",
        "2_bad.sql": "create table broken (id int); select no_such_function();",
      });
      await assert.rejects(() => migrate(sql, dir));
      const tables =
        await sql`select count(*)::int as n from pg_tables where tablename in ('kept', 'broken')`;
      assert.equal(tables[0].n, 0);
    } finally {
      await sql.end();
      await db.close();
    }
  },
});

Deno.test({
  name: "five instances migrating one empty database at once apply each file exactly once",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    try {
      const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, DB_POOL_MAX: "1" };
      const runs = await Promise.all(
        Array.from({ length: 5 }, () => runToEnd(denoCommand("main.ts", ["--migrate"], env))),
      );
      for (const run of runs) assert.equal(run.code, 0, run.output);
      const sql = createClient(db.url, 1);
      try {
        const rows =
          await sql`select name, count(*)::int as n from schema_migrations group by name`;
        const files = [...Deno.readDirSync(new URL("../migrations/", import.meta.url))]
          .filter((e) => e.name.endsWith(".sql"));
        assert.equal(rows.length, files.length);
        assert.ok(rows.every((r) => r.n === 1));
        const applying = runs.filter((r) => r.output.includes("migrations applied"));
        assert.equal(applying.length, 1, "exactly one instance applied the migrations");
      } finally {
        await sql.end();
      }
    } finally {
      await db.close();
    }
  },
});

Deno.test({
  name: "the service refuses to start when an applied migration was edited, naming it",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    try {
      const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, DB_POOL_MAX: "1" };
      const first = await runToEnd(denoCommand("main.ts", ["--migrate"], env));
      assert.equal(first.code, 0, first.output);
      const sql = createClient(db.url, 1);
      const [{ name }] = await sql`
        update schema_migrations set checksum = repeat('0', 64)
        where name = (select min(name) from schema_migrations) returning name`;
      await sql.end();
      await assert.rejects(() => startService(env), (err: Error) => {
        assert.match(err.message, new RegExp(`${name.replace(".", "\\.")} was edited`));
        return true;
      });
    } finally {
      await db.close();
    }
  },
});

Deno.test({
  name: "the clinics, history, appointments, events, audit partition and documents migrations " +
    "run on a " +
    "database holding records; they keep working",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const sql = createClient(db.url, 2);
    try {
      // The schema as it was before clinics, with records in it.
      const all = new URL("../migrations/", import.meta.url);
      const before: Record<string, string> = {};
      for await (const entry of Deno.readDir(all)) {
        if (entry.name < "009") {
          before[entry.name] = await Deno.readTextFile(new URL(entry.name, all));
        }
      }
      await migrate(sql, await migrationDir(before));
      const [{ id: owner }] = await sql`
        insert into users (name, email, password_hash) values ('Old', 'old@records.test', 'x')
        returning id`;
      const [{ id: patient }] = await sql`
        insert into patients (created_by, name, allergies) values (${owner}, 'Kept', 'Dust')
        returning id`;
      await sql`
        insert into audit_events (user_id, action, resource_type, resource_id, patient_ids,
          request_id, status)
        values (${owner}, 'create', 'patient', ${patient}, array[${patient}::int], 'old', 201)`;

      await sql`update patients set allergies = 'Dust', version = 2 where id = ${patient}`;
      const [{ id: doctor }] = await sql`
        insert into doctors (created_by, name, specialization, email)
        values (${owner}, 'Dr Old', 'general', 'old@doctors.test') returning id`;
      await sql`insert into patient_doctors (patient_id, doctor_id, assigned_by)
        values (${patient}, ${doctor}, ${owner})`;

      assert.deepEqual(await migrate(sql, all), [
        "009_clinics.sql",
        "010_history.sql",
        "011_appointments.sql",
        "012_events.sql",
        "013_webhooks.sql",
        "014_event_batches.sql",
        "015_audit_partitions.sql",
        "016_audit_of_patient.sql",
        "017_documents.sql",
        "018_search_once.sql",
      ]);
      // History starts where each record stands.
      const versions = await sql<{ resource_type: string; version: number; name: string }[]>`
        select resource_type, version, snapshot ->> 'name' as name from versions
        order by resource_type`;
      assert.deepEqual(versions.map((v) => ({ ...v })), [
        { resource_type: "doctor", version: 1, name: "Dr Old" },
        { resource_type: "mapping", version: 1, name: null },
        { resource_type: "patient", version: 2, name: "Kept" },
      ]);
      const scope = scopeFor({ id: owner, role: "user" }, undefined, new Map(), sql);
      const row = await findPatient(scope, patient);
      assert.deepEqual({ name: row?.name, allergies: row?.allergies, clinic: row?.clinic_id }, {
        name: "Kept",
        allergies: "Dust",
        clinic: null,
      });
      const stranger = scopeFor({ id: owner + 1000, role: "user" }, undefined, new Map(), sql);
      assert.equal(await findPatient(stranger, patient), undefined);
      const [event] =
        await sql`select clinic_id, action from audit_events where request_id = 'old'`;
      assert.deepEqual({ ...event }, { clinic_id: null, action: "create" });
      // The trail as it stood is the partition of everything before next month; the ids go on,
      // and later months have partitions of their own.
      const [old] = await sql<{ id: string; part: string }[]>`
        select id, tableoid::regclass::text as part from audit_events where request_id = 'old'`;
      assert.match(old.part, /^audit_events_before_\d{4}_\d{2}$/);
      const [later] = await sql<{ id: string; part: string }[]>`
        insert into audit_events (at, user_id, action, resource_type, request_id, status)
        values (now() + interval '45 days', ${owner}, 'read', 'patient', 'later', 200)
        returning id, tableoid::regclass::text as part`;
      assert.equal(Number(later.id), Number(old.id) + 1);
      assert.match(later.part, /^audit_events_\d{4}_\d{2}$/);
      // The kept records take appointments; versions still name their patient.
      const [{ id: appointment }] = await sql`
        insert into appointments (patient_id, doctor_id, start_at, end_at, created_by)
        values (${patient}, ${doctor}, '2027-01-04 09:00Z', '2027-01-04 09:30Z', ${owner})
        returning id`;
      await sql`update patients set city = 'Leeds' where id = ${patient}`;
      const named = await sql<{ resource_type: string; patient_id: number }[]>`
        select resource_type, patient_id from versions
        where (resource_type = 'appointment' and resource_id = ${appointment})
          or (resource_type = 'patient' and version = 3)`;
      assert.deepEqual(
        named.map((v) => ({ ...v })).sort((a, b) => a.resource_type < b.resource_type ? -1 : 1),
        [
          { resource_type: "appointment", patient_id: patient },
          { resource_type: "patient", patient_id: patient },
        ],
      );
      // And each change is an event, numbered once committed.
      assert.equal((await sql`select sequence_events() as n`)[0].n, 2);
      const events = await sql<{ type: string; seq: string }[]>`
        select type, seq from events where patient_id = ${patient} order by seq`;
      assert.deepEqual(events.map((e) => [e.type, Number(e.seq)]), [
        ["appointment.created", 1],
        ["patient.updated", 2],
      ]);
    } finally {
      await sql.end();
      await db.close();
    }
  },
});
