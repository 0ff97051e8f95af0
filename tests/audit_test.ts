import assert from "node:assert/strict";
import { createClient, type Db, sql } from "../db/client.ts";
import { flushAudit } from "../middleware/audit.ts";
import { detachAuditPartitions, ensureAuditPartitions } from "../db/housekeeping.ts";
import {
  dbTest,
  freshDatabase,
  startService,
  TEST_JWT_SECRET,
  testApp,
  within,
} from "./helpers.ts";
import { type Client, signUp, signUpAdmin } from "./records_helpers.ts";

async function events(requestId: string) {
  return await sql`
    select user_id, action, resource_type, resource_id, patient_ids, client_ip, status
    from audit_events where request_id = ${requestId} order by id`;
}

function traced(c: Client, tag: string) {
  const requestId = `${tag}-${crypto.randomUUID()}`;
  return {
    requestId,
    send: (method: string, path: string, body?: unknown) =>
      c.json(method, path, body, { "X-Request-Id": requestId, "X-Forwarded-For": "203.0.113.50" }),
  };
}

dbTest("audit: every action on patients and mappings leaves an event", async (t) => {
  const app = await testApp({ TRUST_PROXY: "true" });
  const ann = await signUp(app);
  const doctor =
    (await ann.json("POST", "/api/doctors/", { name: "Dr Audit", specialization: "general" })).body;
  let pid = 0;
  let mid = 0;
  const expectOne = async (
    requestId: string,
    want: {
      action: string;
      resource_type: string;
      resource_id: number | null;
      patient_ids: number[];
      status: number;
    },
  ) => {
    await flushAudit();
    const rows = await events(requestId);
    assert.equal(rows.length, 1, `one event for ${requestId}`);
    assert.deepEqual({ ...rows[0] }, { user_id: ann.id, client_ip: "203.0.113.50", ...want });
  };

  await t.step("create patient (written in the same transaction)", async () => {
    const r = traced(ann, "create");
    const res = await r.send("POST", "/api/patients/", { name: "Audited Person" });
    pid = res.body.id;
    const rows = await events(r.requestId);
    assert.equal(rows.length, 1, "present without any flush");
    await expectOne(r.requestId, {
      action: "create",
      resource_type: "patient",
      resource_id: pid,
      patient_ids: [pid],
      status: 201,
    });
  });
  await t.step("read patient", async () => {
    const r = traced(ann, "read");
    await r.send("GET", `/api/patients/${pid}/`);
    await expectOne(r.requestId, {
      action: "read",
      resource_type: "patient",
      resource_id: pid,
      patient_ids: [pid],
      status: 200,
    });
  });
  await t.step("list patients records the ids it returned", async () => {
    const second = (await ann.json("POST", "/api/patients/", { name: "Second" })).body.id;
    const r = traced(ann, "list");
    const res = await r.send("GET", "/api/patients/?ordering=-id");
    const ids = res.body.results.map((p: { id: number }) => p.id);
    assert.deepEqual(ids, [second, pid]);
    await expectOne(r.requestId, {
      action: "list",
      resource_type: "patient",
      resource_id: null,
      patient_ids: ids,
      status: 200,
    });
  });
  await t.step("update patient", async () => {
    const r = traced(ann, "update");
    await r.send("PATCH", `/api/patients/${pid}/`, { city: "Oslo" });
    await expectOne(r.requestId, {
      action: "update",
      resource_type: "patient",
      resource_id: pid,
      patient_ids: [pid],
      status: 200,
    });
  });
  await t.step("a rejected update is recorded with its status", async () => {
    const r = traced(ann, "bad-update");
    await r.send("PATCH", `/api/patients/${pid}/`, { age: 999 });
    await expectOne(r.requestId, {
      action: "update",
      resource_type: "patient",
      resource_id: pid,
      patient_ids: [pid],
      status: 400,
    });
  });
  await t.step("create, list, read, update and delete a mapping", async () => {
    const create = traced(ann, "m-create");
    mid =
      (await create.send("POST", "/api/mappings/", { patient: pid, doctor: doctor.id })).body.id;
    await expectOne(create.requestId, {
      action: "create",
      resource_type: "mapping",
      resource_id: mid,
      patient_ids: [pid],
      status: 201,
    });
    const list = traced(ann, "m-list");
    await list.send("GET", `/api/mappings/?patient_id=${pid}`);
    await expectOne(list.requestId, {
      action: "list",
      resource_type: "mapping",
      resource_id: null,
      patient_ids: [pid],
      status: 200,
    });
    const ofPatient = traced(ann, "m-of-patient");
    await ofPatient.send("GET", `/api/patients/${pid}/doctors/`);
    await expectOne(ofPatient.requestId, {
      action: "list",
      resource_type: "mapping",
      resource_id: null,
      patient_ids: [pid],
      status: 200,
    });
    const read = traced(ann, "m-read");
    await read.send("GET", `/api/mappings/detail/${mid}/`);
    await expectOne(read.requestId, {
      action: "read",
      resource_type: "mapping",
      resource_id: mid,
      patient_ids: [pid],
      status: 200,
    });
    const update = traced(ann, "m-update");
    await update.send("PATCH", `/api/mappings/detail/${mid}/`, { notes: "n" });
    await expectOne(update.requestId, {
      action: "update",
      resource_type: "mapping",
      resource_id: mid,
      patient_ids: [pid],
      status: 200,
    });
    const del = traced(ann, "m-delete");
    await del.send("DELETE", `/api/mappings/${mid}/`);
    await expectOne(del.requestId, {
      action: "delete",
      resource_type: "mapping",
      resource_id: mid,
      patient_ids: [pid],
      status: 204,
    });
  });
  await t.step("doctor changes are recorded, doctor reads are not", async () => {
    const update = traced(ann, "d-update");
    await update.send("PATCH", `/api/doctors/${doctor.id}/`, { bio: "b" });
    await expectOne(update.requestId, {
      action: "update",
      resource_type: "doctor",
      resource_id: doctor.id,
      patient_ids: [],
      status: 200,
    });
    const read = traced(ann, "d-read");
    await read.send("GET", `/api/doctors/${doctor.id}/`);
    await flushAudit();
    assert.equal((await events(read.requestId)).length, 0);
  });
  await t.step("delete patient", async () => {
    const r = traced(ann, "delete");
    await r.send("DELETE", `/api/patients/${pid}/`);
    await expectOne(r.requestId, {
      action: "delete",
      resource_type: "patient",
      resource_id: pid,
      patient_ids: [pid],
      status: 204,
    });
  });
});

dbTest(
  "audit: another user's failed attempts are recorded and show in the owner's access log",
  async () => {
    const app = await testApp();
    const ann = await signUp(app);
    const bob = await signUp(app);
    const pid = (await ann.json("POST", "/api/patients/", { name: "Watched" })).body.id;
    const probe = traced(bob, "probe");
    assert.equal((await probe.send("GET", `/api/patients/${pid}/`)).status, 404);
    assert.equal((await probe.send("DELETE", `/api/patients/${pid}/`)).status, 404);
    await flushAudit();
    const rows = await events(probe.requestId);
    assert.deepEqual(rows.map((r) => [r.user_id, r.action, r.status, r.patient_ids]), [
      [bob.id, "read", 404, [pid]],
      [bob.id, "delete", 404, [pid]],
    ]);
    const log = await ann.json("GET", `/api/patients/${pid}/access-log/`);
    assert.equal(log.status, 200);
    assert.deepEqual(Object.keys(log.body), ["count", "next", "previous", "results"]);
    const mine = log.body.results.filter((e: { user_id: number }) => e.user_id === bob.id);
    assert.equal(mine.length, 2);
    assert.deepEqual(Object.keys(log.body.results[0]).sort(), [
      "action",
      "at",
      "client_ip",
      "clinic_id",
      "id",
      "patient_ids",
      "request_id",
      "resource_id",
      "resource_type",
      "status",
      "user_id",
    ]);
    const ats = log.body.results.map((e: { at: string }) => e.at);
    assert.deepEqual(ats, [...ats].sort().reverse(), "newest first");
    assert.equal((await bob.json("GET", `/api/patients/${pid}/access-log/`)).status, 404);
  },
);

dbTest("audit: a failing audit insert rolls the write back", async () => {
  const app = await testApp({ LOG_LEVEL: "silent" });
  const ann = await signUp(app);
  const pid = (await ann.json("POST", "/api/patients/", { name: "Unchanged" })).body.id;
  const marker = `inject-${crypto.randomUUID()}`;
  await sql.unsafe(`
    create or replace function test_fail_audit() returns trigger language plpgsql as $$
    begin
      if new.request_id = '${marker}' then raise exception 'injected audit failure'; end if;
      return new;
    end $$;
    create trigger test_fail_audit before insert on audit_events
      for each row execute function test_fail_audit();`).simple();
  try {
    const headers = { "X-Request-Id": marker };
    const patch = await ann.json("PATCH", `/api/patients/${pid}/`, { name: "Changed" }, headers);
    assert.equal(patch.status, 500);
    const create = await ann.json("POST", "/api/patients/", { name: "Never stored" }, headers);
    assert.equal(create.status, 500);
    const del = await ann.json("DELETE", `/api/patients/${pid}/`, undefined, headers);
    assert.equal(del.status, 500);
  } finally {
    await sql.unsafe(
      `drop trigger test_fail_audit on audit_events; drop function test_fail_audit();`,
    ).simple();
  }
  const after = await ann.json("GET", `/api/patients/${pid}/`);
  assert.equal(after.body.name, "Unchanged");
  assert.equal(after.body.version, 1);
  const [{ n }] =
    await sql`select count(*)::int as n from patients where name = 'Never stored' and created_by = ${ann.id}`;
  assert.equal(n, 0);
});

dbTest("audit: the table refuses UPDATE, DELETE and TRUNCATE", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  await ann.json("POST", "/api/patients/", { name: "Trail" });
  const [{ n: before }] = await sql`select count(*)::int as n from audit_events`;
  assert.ok(before > 0);
  for (
    const statement of [
      "update audit_events set status = 0",
      "delete from audit_events",
      "truncate audit_events",
    ]
  ) {
    await assert.rejects(
      () => sql.unsafe(statement),
      (err: { code?: string; message?: string }) => {
        assert.equal(err.code, "42501", statement);
        assert.match(err.message!, /append-only/);
        return true;
      },
    );
  }
  const [{ n: after }] = await sql`select count(*)::int as n from audit_events`;
  assert.ok(after >= before);
});

/** The first instant of the UTC month `ahead` months after this one. */
function monthStart(ahead: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
}

/** The name of the partition of the month starting at `start`. */
function partitionOf(start: Date): string {
  return `audit_events_${start.getUTCFullYear()}_${
    String(start.getUTCMonth() + 1).padStart(2, "0")
  }`;
}

/** The tables an EXPLAIN (FORMAT JSON) plan reads. */
function relations(plan: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => relations(p, into));
  else if (plan && typeof plan === "object") {
    for (const [key, value] of Object.entries(plan)) {
      if (key === "Relation Name") into.add(value as string);
      else relations(value, into);
    }
  }
  return into;
}

dbTest(
  "audit: monthly partitions, made ahead, read by period, append-only each, detached not dropped",
  async () => {
    await testApp();
    const partitions = async (db: Db) =>
      (await db<{ name: string }[]>`
        select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'audit_events'::regclass`).map((r) => r.name);
    // Start-up made this month's and the next three months' (this month's may be the converted
    // trail's: everything before next month); asking again makes nothing.
    assert.equal(await ensureAuditPartitions(), 0);
    const names = await partitions(sql);
    for (const ahead of [1, 2, 3]) assert.ok(names.includes(partitionOf(monthStart(ahead))));
    assert.ok(
      names.includes(partitionOf(monthStart(0))) ||
        names.some((n) => n === `audit_events_before_${partitionOf(monthStart(1)).slice(13)}`),
      `this month has a partition: ${names}`,
    );
    // A period reads its months only.
    const from = monthStart(2);
    const to = new Date(from.getTime() + 10 * 86_400_000);
    const [{ "QUERY PLAN": plan }] = await sql.unsafe(
      `explain (format json) select id from audit_events
       where at >= '${from.toISOString()}' and at < '${to.toISOString()}'
       order by at desc limit 20`,
    );
    assert.deepEqual([...relations(plan)], [partitionOf(from)]);

    const rollback = new Error("rolled back");
    const next = partitionOf(monthStart(1));
    await sql.begin(async (tx) => {
      const marker = `partition-${crypto.randomUUID()}`;
      await tx`
        insert into audit_events (at, user_id, action, resource_type, request_id, status)
        values (${new Date(monthStart(1).getTime() + 86_400_000)}, null, 'read', 'patient',
          ${marker}, 200)`;
      // Each partition refuses changes, itself too.
      for (
        const statement of [
          `update ${next} set status = 0`,
          `delete from ${next}`,
          `truncate ${next}`,
        ]
      ) {
        await assert.rejects(
          () => tx.savepoint((sp) => sp.unsafe(statement)),
          (err: { code?: string }) => err.code === "42501",
          statement,
        );
      }
      // Detached, a month leaves the trail and stays a table, append-only still.
      const detached = await detachAuditPartitions(-2, tx);
      assert.ok(detached.includes(next), `detached: ${detached}`);
      assert.ok(!(await partitions(tx)).includes(next));
      assert.equal(
        (await tx`select count(*)::int as n from audit_events where request_id = ${marker}`)[0].n,
        0,
      );
      assert.equal(
        (await tx.unsafe(`select count(*)::int as n from ${next} where request_id = $1`, [marker]))[
          0
        ].n,
        1,
      );
      await assert.rejects(
        () => tx.savepoint((sp) => sp.unsafe(`delete from ${next}`)),
        (err: { code?: string }) => err.code === "42501",
      );
      throw rollback;
    }).catch((err) => {
      if (err !== rollback) throw err;
    });
    assert.ok((await partitions(sql)).includes(next), "rolled back: still a partition");
  },
);

dbTest("audit: GET /api/audit/ is for admins, with filters and newest first", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const admin = await signUpAdmin(app);
  const pid = (await ann.json("POST", "/api/patients/", { name: "Filtered" })).body.id;
  await ann.json("GET", `/api/patients/${pid}/`);
  await ann.json("GET", `/api/patients/?limit=100`);
  await flushAudit();
  assert.equal((await ann.json("GET", "/api/audit/")).status, 403);
  assert.equal((await ann.json("GET", "/api/audit/?since=garbage")).status, 403, "403 before 400");

  const all = await admin.json("GET", `/api/audit/?user_id=${ann.id}`);
  assert.equal(all.status, 200);
  assert.ok(all.body.results.every((e: { user_id: number }) => e.user_id === ann.id));
  const ids = all.body.results.map((e: { id: number }) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), "newest first");

  const byPatient = await admin.json("GET", `/api/audit/?patient_id=${pid}`);
  assert.deepEqual(
    byPatient.body.results.map((e: { action: string }) => e.action).sort(),
    ["create", "list", "read"],
    "its own reads and changes, and the list that returned it",
  );
  const reads = await admin.json("GET", `/api/audit/?patient_id=${pid}&action=read`);
  assert.equal(reads.body.count, 1);
  const future = await admin.json(
    "GET",
    `/api/audit/?user_id=${ann.id}&since=2999-01-01T00:00:00Z`,
  );
  assert.equal(future.body.count, 0);
  const past = await admin.json("GET", `/api/audit/?user_id=${ann.id}&until=2000-01-01`);
  assert.equal(past.body.count, 0);
  const paged = await admin.json("GET", `/api/audit/?user_id=${ann.id}&limit=1`);
  assert.equal(paged.body.results.length, 1);
  assert.ok(paged.body.next);
  for (const q of ["since=yesterday", "action=peek", "user_id=abc", "limit=0"]) {
    assert.equal((await admin.json("GET", `/api/audit/?${q}`)).status, 400, q);
  }
  assert.equal((await admin.json("GET", `/api/patients/${pid}/access-log/`)).status, 200);
});

dbTest("admins see and change every patient, doctor and mapping, and are audited", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const admin = await signUpAdmin(app);
  const pid = (await ann.json("POST", "/api/patients/", { name: "Ann's patient" })).body.id;
  const doctor =
    (await ann.json("POST", "/api/doctors/", { name: "Ann's doctor", specialization: "general" }))
      .body;
  const mapping =
    (await ann.json("POST", "/api/mappings/", { patient: pid, doctor: doctor.id })).body;
  assert.equal((await admin.json("GET", `/api/patients/${pid}/`)).status, 200);
  const list = await admin.json("GET", `/api/patients/?limit=100&ordering=-id`);
  assert.ok(list.body.results.some((p: { id: number }) => p.id === pid));
  assert.equal(
    (await admin.json("PATCH", `/api/patients/${pid}/`, { city: "Admin City" })).status,
    200,
  );
  assert.equal(
    (await admin.json("PATCH", `/api/doctors/${doctor.id}/`, { bio: "checked" })).status,
    200,
  );
  assert.equal((await admin.json("GET", `/api/mappings/detail/${mapping.id}/`)).status, 200);
  assert.equal(
    (await admin.json("PATCH", `/api/mappings/detail/${mapping.id}/`, { notes: "ok" })).status,
    200,
  );
  const adminMapping = await admin.json("POST", "/api/mappings/", {
    patient: pid,
    doctor: (await admin.json("POST", "/api/doctors/", {
      name: "Admin's doctor",
      specialization: "other",
    })).body.id,
  });
  assert.equal(adminMapping.status, 201);
  await flushAudit();
  const [{ n }] = await sql`
    select count(*)::int as n from audit_events
    where user_id = ${admin.id} and ${pid} = any(patient_ids)`;
  assert.ok(n >= 4, `admin events on the patient: ${n}`);
  const me = await ann.json("PATCH", `/api/patients/${pid}/`, {
    role: "admin",
    created_by: admin.id,
  });
  assert.equal(me.body.created_by, ann.id);
  const self = await ann.json("GET", "/api/auth/me/");
  assert.equal(self.body.role, "user", "nothing in the API makes a user an admin");
});

dbTest("audit: read events are written within 1 s without any explicit flush", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const pid = (await ann.json("POST", "/api/patients/", { name: "Soon" })).body.id;
  const r = traced(ann, "timely");
  await r.send("GET", `/api/patients/${pid}/`);
  const took = await within(1000, async () => (await events(r.requestId)).length === 1);
  assert.ok(took >= 0, "written within 1 s");
});

Deno.test({
  name: "audit: buffered read events are flushed on SIGTERM",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const svc = await startService({
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      DB_POOL_MAX: "2",
    });
    try {
      const headers = { "Content-Type": "application/json" };
      const reg = await (await fetch(`${svc.url}/api/auth/register/`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          name: "Sig Term",
          email: "sig@term.test",
          password: "Copper-Kettle-1182",
        }),
      })).json();
      const auth = { Authorization: `Bearer ${reg.access}`, ...headers };
      const pid = (await (await fetch(`${svc.url}/api/patients/`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ name: "Flushed" }),
      })).json()).id;
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${svc.url}/api/patients/${pid}/`, {
          headers: { ...auth, "X-Request-Id": `sigterm-read-${i}` },
        });
        assert.equal(res.status, 200);
        await res.body?.cancel();
      }
      assert.equal(await svc.stop("SIGTERM"), 0);
    } finally {
      await svc.stop();
    }
    const sql = createClient(db.url, 1);
    try {
      const [{ n }] = await sql`
        select count(*)::int as n from audit_events where request_id like 'sigterm-read-%'`;
      assert.equal(n, 5);
    } finally {
      await sql.end();
      await db.close();
    }
  },
});

dbTest("audit: a refused assignment to another user's patient names that patient", async () => {
  const app = await testApp({ TRUST_PROXY: "true" });
  const owner = await signUp(app);
  const intruder = await signUp(app);
  const patient = (await owner.json("POST", "/api/patients/", { name: "Guarded Person" })).body;
  const doctor =
    (await intruder.json("POST", "/api/doctors/", { name: "Dr Probe", specialization: "general" }))
      .body;
  const r = traced(intruder, "assign-other");
  const res = await r.send("POST", "/api/mappings/", { patient: patient.id, doctor: doctor.id });
  assert.equal(res.status, 400);
  await flushAudit();
  const rows = await events(r.requestId);
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].patient_ids, [patient.id]);
  assert.equal(rows[0].user_id, intruder.id);
  // The owner's access log shows the attempt.
  const log = await owner.json("GET", `/api/patients/${patient.id}/access-log/`);
  assert.ok(
    log.body.results.some((e: { user_id: number; status: number }) =>
      e.user_id === intruder.id && e.status === 400
    ),
    JSON.stringify(log.body.results),
  );
});

dbTest(
  "audit: requests with an ended or expired token that names a user are recorded",
  async () => {
    const app = await testApp({ TRUST_PROXY: "true" });
    const ann = await signUp(app);
    const patient = (await ann.json("POST", "/api/patients/", { name: "Token Person" })).body;
    // An expired token of ours: signed with the service's key, an hour past its expiry.
    const { createTokens } = await import("../lib/tokens.ts");
    const expired = await createTokens(TEST_JWT_SECRET, -60, 1).access({
      userId: ann.id,
      role: "user",
      sessionId: crypto.randomUUID(),
    });
    const old = traced({ ...ann, token: expired } as Client, "expired");
    const send = (token: string, requestId: string) =>
      app.request(`/api/patients/${patient.id}/`, {
        headers: {
          Authorization: `Bearer ${token}`,
          "X-Request-Id": requestId,
          "X-Forwarded-For": "203.0.113.50",
        },
      });
    const first = await send(expired, old.requestId);
    assert.equal(first.status, 401);
    await first.body?.cancel();

    const out = await ann.json("POST", "/api/auth/logout/", {});
    assert.equal(out.status, 204);
    const ended = `ended-${crypto.randomUUID()}`;
    const second = await send(ann.token, ended);
    assert.equal(second.status, 401);
    await second.body?.cancel();

    const forged = `forged-${crypto.randomUUID()}`;
    const third = await send(expired.slice(0, -4) + "AAAA", forged);
    assert.equal(third.status, 401);
    await third.body?.cancel();

    await flushAudit();
    for (const id of [old.requestId, ended]) {
      const rows = await events(id);
      assert.equal(rows.length, 1, id);
      assert.deepEqual(
        { user_id: rows[0].user_id, patient_ids: rows[0].patient_ids, status: rows[0].status },
        { user_id: ann.id, patient_ids: [patient.id], status: 401 },
      );
    }
    assert.equal((await events(forged)).length, 0, "a token we did not sign names no one");
  },
);

dbTest("audit: a count-only page of a patient search names the patients it matched", async () => {
  const app = await testApp({ TRUST_PROXY: "true" });
  const admin = await signUpAdmin(app);
  const ann = await signUp(app);
  const phone = `+351 ${Math.floor(Math.random() * 1e9)}`;
  const patient = (await ann.json("POST", "/api/patients/", { name: "Probed Person", phone }))
    .body;
  const r = traced(admin, "probe");
  const res = await r.send(
    "GET",
    `/api/patients/?search=${encodeURIComponent(phone)}&offset=99999`,
  );
  assert.equal(res.status, 200);
  assert.equal(res.body.count, 1);
  assert.deepEqual(res.body.results, []);
  await flushAudit();
  const rows = await events(r.requestId);
  assert.deepEqual(rows[0].patient_ids, [patient.id]);
});
