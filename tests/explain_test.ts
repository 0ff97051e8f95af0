import { scopeFor } from "../db/scope.ts";
import assert from "node:assert/strict";
import { createClient, type Sql } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { listPatients, searchPatients } from "../db/patients.ts";
import { listEvents } from "../db/audit_log.ts";
import { parseSearch } from "../lib/fhir.ts";
import { likePattern } from "../db/page.ts";
import { readPage } from "../routes/http.ts";
import { freshDatabase } from "./helpers.ts";

const ROWS = 100_000;
const FHIR_PATIENT = { _id: "id", name: "string", birthdate: "date", gender: "token" } as const;

/** A statement the client sent, with its parameters. */
interface Captured {
  query: string;
  params: unknown[];
}

/**
 * A test on a fresh, migrated database whose one-connection client records each statement it
 * sends (`captured`), for the test to plan again as the service ran it.
 */
function capturingTest(
  name: string,
  fn: (sql: Sql, captured: Captured[], t: Deno.TestContext) => Promise<void>,
): void {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn(t) {
      const db = await freshDatabase();
      const captured: Captured[] = [];
      const sql = createClient(db.url, 1, {
        debug: (_conn, query, params) => captured.push({ query, params: params as unknown[] }),
      });
      try {
        await migrate(sql);
        await fn(sql, captured, t);
      } finally {
        await sql.end();
        await db.close();
      }
    },
  });
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

capturingTest(
  "patient list and search queries use indexes at 100,000 rows",
  async (sql, captured, t) => {
    const [{ id: owner }] = await sql`
      insert into users (name, email, password_hash) values ('Owner', 'owner@bulk.test', 'x')
      returning id`;
    const [{ id: other }] = await sql`
      insert into users (name, email, password_hash) values ('Other', 'other@bulk.test', 'x')
      returning id`;
    await sql`
      insert into patients (created_by, name, email, phone, gender, blood_group, date_of_birth)
      select case when i % 10 = 0 then ${other}::int else ${owner}::int end,
        'Patient ' || md5(i::text), 'p' || i || '@mail.test', '555 ' || lpad(i::text, 7, '0'),
        (array['male','female','other','unknown'])[1 + i % 4],
        (array['A+','A-','B+','B-','AB+','AB-','O+','O-'])[1 + i % 8],
        date '1940-01-01' + (i % 25000)
      from generate_series(1, ${ROWS}) i`;
    // The other user's patients belong to a clinic the owner is a member of: the owner's
    // lists then read two scope keys, merged from one ordered walk each.
    const [{ id: clinic }] = await sql`
      insert into clinics (name, created_by) values ('Bulk Clinic', ${other}) returning id`;
    await sql`update patients set clinic_id = ${clinic} where created_by = ${other}`;
    await sql`vacuum analyze patients`;
    const member = scopeFor(
      { id: owner, role: "user" as const },
      undefined,
      new Map([[clinic, "clinician" as const]]),
      sql,
    );

    const viewer = scopeFor({ id: owner, role: "user" as const }, undefined, new Map(), sql);
    const cases = {
      "first page by id": () => listPatients(viewer, {}, readPage({}, 1_000_000)),
      "page by -name, offset 500": () =>
        listPatients(
          viewer,
          {},
          readPage({ offset: 500, ordering: { field: "name", desc: true } }, 1_000_000),
        ),
      "filtered by gender and blood group": () =>
        listPatients(viewer, { gender: "female", blood_group: "A-" }, readPage({}, 1_000_000)),
      "substring search": () =>
        listPatients(viewer, { search: likePattern("3f2a") }, readPage({}, 1_000_000)),
      "clinic member, first page by id": () => listPatients(member, {}, readPage({}, 1_000_000)),
      "clinic member, page by -name, offset 500": () =>
        listPatients(
          member,
          {},
          readPage({ offset: 500, ordering: { field: "name", desc: true } }, 1_000_000),
        ),
      "search by phone digits": () =>
        listPatients(viewer, { search: likePattern("0042") }, readPage({}, 1_000_000)),
      ...Object.fromEntries(
        ["name=3f2a", "name:contains=3f2a", "birthdate=ge1990-01-01&birthdate=lt1990-03-01"]
          .map((query) => [`FHIR Patient?${query}`, () => {
            const s = parseSearch(new URLSearchParams(query), FHIR_PATIENT, false);
            return searchPatients(
              viewer,
              s.params,
              { limit: 20, offset: 0, total: "accurate", countUpTo: 10_000 },
            );
          }]),
      ),
    };
    for (const [label, run] of Object.entries(cases)) {
      await t.step(label, async () => {
        captured.length = 0;
        const { rows } = await run();
        const keys = label.startsWith("clinic member") ? `{${-owner},${clinic}}` : `{${-owner}}`;
        assert.ok(rows.every((r) => r.created_by === owner || r.clinic_id === clinic));
        // The planner's estimate of a count past COUNT_EXACT_UP_TO is an EXPLAIN: no plan.
        const queries = captured.filter((c) =>
          /from patients/.test(c.query) && !/^\s*explain/.test(c.query)
        );
        assert.equal(queries.length, 2, "a page query and a count query");
        for (const { query, params } of queries) {
          // Planned as the service runs it: as its role, bound by row-level security.
          const [{ "QUERY PLAN": plan }] = await sql.begin(async (tx) => {
            await tx`select set_config('role', 'healthcare_app', true),
              set_config('app.read_keys', ${keys}, true)`;
            return await tx.unsafe(`explain (analyze, format json) ${query}`, params as never[]);
          });
          const all = nodes(plan[0].Plan);
          const onPatients = all.filter((n) => n["Relation Name"] === "patients");
          assert.ok(onPatients.length > 0);
          assert.ok(
            onPatients.every((n) => n["Node Type"] !== "Seq Scan"),
            `${label}: ${onPatients.map((n) => n["Node Type"]).join(", ")}`,
          );
          const kind = /count\(\*\)/.test(query) ? "count" : "page";
          if (kind === "page" && label.startsWith("clinic member")) {
            // One ordered walk per scope key, merged: no sort of every visible row.
            assert.ok(
              all.some((n) => n["Node Type"] === "Merge Append"),
              `${label}: ${all.map((n) => n["Node Type"]).join(", ")}`,
            );
          }
          const indexes = all.map((n) => n["Index Name"]).filter(Boolean).join(", ");
          const ms = plan[0]["Execution Time"].toFixed(1);
          console.log(`  ${label} (${kind}): ${indexes} — ${ms} ms`);
        }
      });
    }

    await t.step("a search's page and count search the trigram index once", async () => {
      captured.length = 0;
      const pattern = likePattern("3f2a");
      const { rows, count } = await listPatients(
        viewer,
        { search: pattern },
        readPage({}, 1_000_000),
      );
      assert.ok(rows.length > 0 && count > rows.length, `${rows.length} rows of ${count}`);
      const statements = captured.filter((c) => /patients_matching/.test(c.query));
      assert.equal(statements.length, 2, "a page query and a count query");
      // The service's two statements again, in one transaction as the service sends them, with
      // the index's scans counted by the server.
      const scans = (tx: Sql) =>
        tx<{ n: number }[]>`
          select pg_stat_get_xact_numscans('patients_search_idx'::regclass)::int as n`
          .then(([r]) => r.n);
      const context = (tx: Sql, keys: string) =>
        tx`select set_config('role', 'healthcare_app', true),
          set_config('app.read_keys', ${keys}, true)`;
      await sql.begin(async (tx) => {
        await context(tx as unknown as Sql, `{${-owner}}`);
        const before = await scans(tx as unknown as Sql);
        const answers: Record<string, Record<string, unknown>[]> = {};
        for (const { query, params } of statements) {
          answers[/count\(\*\)/.test(query) ? "count" : "page"] = await tx.unsafe(
            query,
            params as never[],
          );
        }
        assert.equal(await scans(tx as unknown as Sql) - before, 1, "one index search for both");
        assert.deepEqual(answers.page.map((r) => r.id), [
          ...rows.map((r) => r.id),
          answers.page[20].id,
        ]);
        assert.equal(answers.count[0].count, Math.min(count, 1_000_001));
        // Another caller's context in the same transaction (the clinic's patients, which the
        // other user made): searched again, and answered as theirs, never the kept answer.
        await context(tx as unknown as Sql, `{${clinic}}`);
        const theirs = await tx<{ id: number; clinic_id: number }[]>`
          select id, clinic_id from patients
          where id = any(array(select patients_matching(${pattern})))`;
        assert.equal(await scans(tx as unknown as Sql) - before, 2, "searched again");
        const mine = new Set(rows.map((r) => r.id));
        assert.ok(theirs.length > 0);
        assert.ok(theirs.every((r) => !mine.has(r.id) && r.clinic_id === clinic));
      });
    });
  },
);

capturingTest(
  "the audit trail's queries over a period read that period's partitions only",
  async (sql, captured) => {
    const [{ id: admin }] = await sql`
      insert into users (name, email, password_hash, role)
      values ('Auditor', 'auditor@bulk.test', 'x', 'admin') returning id`;
    // Events in every month that has a partition: the past, this one, the next three.
    await sql`
      insert into audit_events (at, user_id, action, resource_type, resource_id, patient_ids,
        request_id, status)
      select now() + (d || ' days')::interval, ${admin}, 'read', 'patient', d, array[d],
        'bulk', 200
      from generate_series(-400, 110) d`;
    const now = new Date();
    const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
    const until = new Date(since.getTime() + 10 * 86_400_000);
    const month = `audit_events_${since.getUTCFullYear()}_${
      String(since.getUTCMonth() + 1).padStart(2, "0")
    }`;
    const viewer = scopeFor({ id: admin, role: "admin" as const }, undefined, new Map(), sql);
    captured.length = 0;
    const { rows } = await listEvents(viewer, { since, until }, readPage({}, 10_000));
    assert.ok(rows.length > 0 && rows.every((r) => r.at >= since && r.at <= until));
    const queries = captured.filter((c) => /from audit_events/.test(c.query));
    assert.equal(queries.length, 2, "a page query and a count query");
    for (const { query, params } of queries) {
      const [{ "QUERY PLAN": plan }] = await sql.begin(async (tx) => {
        await tx`select set_config('role', 'healthcare_app', true),
          set_config('app.admin', 'on', true)`;
        return await tx.unsafe(`explain (format json) ${query}`, params as never[]);
      });
      const read = new Set(
        nodes(plan[0].Plan).map((n) => n["Relation Name"]).filter((n) => n !== undefined),
      );
      assert.deepEqual([...read], [month], query);
    }
  },
);

capturingTest(
  "a patient's access log finds its events through the index under row-level security",
  async (sql, captured) => {
    const [{ id: user }] = await sql`
      insert into users (name, email, password_hash) values ('Nurse', 'nurse@bulk.test', 'x')
      returning id`;
    const [{ id: clinic }] = await sql`
      insert into clinics (name, created_by) values ('Audited', ${user}) returning id`;
    // 60,000 events over this month and the next, each naming one of 3,000 patients, in
    // this clinic (even i) and in another (odd i): patient 8's 20 are here, patient 7's not.
    await sql`
      insert into audit_events (at, user_id, action, resource_type, resource_id, patient_ids,
        clinic_id, request_id, status)
      select now() + (i % 40 || ' days')::interval, ${user}, 'read', 'patient', i % 3000,
        array[i % 3000], case when i % 2 = 0 then ${clinic}::int else ${clinic}::int + 1 end,
        'bulk', 200
      from generate_series(1, 60000) i`;
    await sql`vacuum analyze audit_events`;
    const viewer = scopeFor(
      { id: user, role: "user" as const },
      undefined,
      new Map([[clinic, "clinician" as const]]),
      sql,
    );
    captured.length = 0;
    const elsewhere = await listEvents(viewer, { patient_id: 7 }, readPage({}, 10_000));
    assert.equal(elsewhere.count, 0, "another clinic's events stay hidden");
    captured.length = 0;
    const { rows, count } = await listEvents(viewer, { patient_id: 8 }, readPage({}, 10_000));
    assert.equal(count, 20);
    assert.ok(rows.every((r) => r.patient_ids.includes(8) && r.clinic_id === clinic));
    const queries = captured.filter((c) => /audit_events/.test(c.query));
    // The page and its count from one call of the function, in one statement.
    assert.equal(queries.length, 1, queries.map((q) => q.query).join("\n---\n"));
    assert.match(queries[0].query, /count\(\*\)/);
    for (const { query, params } of queries) {
      const [{ "QUERY PLAN": plan }] = await sql.begin(async (tx) => {
        await tx`select set_config('role', 'healthcare_app', true),
          set_config('app.admin', 'off', true), set_config('app.read_keys', ${`{${clinic}}`}, true)`;
        return await tx.unsafe(
          `explain (analyze, buffers, format json) ${query}`,
          params as never[],
        );
      });
      // Every page of 60,000 events is over 400; the index reads a handful.
      const root = plan[0].Plan;
      const pages = root["Shared Hit Blocks"] + root["Shared Read Blocks"];
      assert.ok(pages < 120, `${pages} pages read: ${query}`);
    }
  },
);
