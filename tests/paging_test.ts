import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
import { dbTest, testApp } from "./helpers.ts";
import { type Client, errorFields, signUp } from "./records_helpers.ts";

/** The path and query of an absolute link (the app is called in process). */
const local = (link: string) => {
  const u = new URL(link);
  return `${u.pathname}${u.search}`;
};

/** Every page from `path` on, following `next` (or `previous`) links; the ids of each. */
async function walk(
  client: Client,
  path: string,
  rel: "next" | "previous" = "next",
): Promise<{ pages: number[][]; last: { next: string | null; previous: string | null } }> {
  const pages: number[][] = [];
  let at: string | null = path;
  let body = { next: null as string | null, previous: null as string | null, results: [] };
  while (at) {
    const res = await client.json("GET", at);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    body = res.body;
    pages.push(body.results.map((r: { id: number }) => r.id));
    assert.ok(pages.length < 50, "a walk that does not end");
    at = body[rel] ? local(body[rel]!) : null;
  }
  return { pages, last: body };
}

/**
 * Thirteen patients with ties in every sort column and some null birth dates; created_at
 * values that differ only in microseconds, which a cursor must keep.
 */
async function tiedPatients(client: Client): Promise<void> {
  const names = [
    "Ann",
    "Ann",
    "Bob",
    "Bob",
    "Bob",
    "Cy",
    "Dee",
    "Dee",
    "Eve",
    "Fay",
    "Fay",
    "Gus",
    "Hal",
  ];
  await sql`
    insert into patients (created_by, name, date_of_birth, created_at, updated_at)
    select ${client.id}::int, n.name,
      case when n.i % 4 = 0 then null else date '1980-01-01' + (n.i % 3)::int end,
      timestamptz '2026-01-01 10:00:00.000100+00' + make_interval(secs => (n.i % 5) * 0.000001),
      timestamptz '2026-01-01 10:00:00+00' + make_interval(secs => n.i % 2)
    from unnest(${names}::text[]) with ordinality as n(name, i)`;
}

/** The ids of every page of a cursor walk from the start, then back from the last page. */
async function bothWays(client: Client, path: string): Promise<{ on: number[]; back: number[] }> {
  const on = await walk(client, path);
  assert.equal(on.last.next, null);
  assert.equal(new URL(`http://x${path}`).searchParams.get("cursor"), "");
  const back = on.last.previous
    ? await walk(client, local(on.last.previous), "previous")
    : { pages: [], last: { previous: null } };
  assert.equal(back.last.previous, null);
  return { on: on.pages.flat(), back: [...back.pages.reverse().flat(), ...on.pages.at(-1)!] };
}

dbTest("paging: a cursor walks every ordering as one page reads it, both ways", async (t) => {
  const ann = await signUp();
  await tiedPatients(ann);
  const orderings = ["id", "name", "date_of_birth", "created_at", "updated_at"]
    .flatMap((f) => [f, `-${f}`]);
  for (const ordering of orderings) {
    await t.step(ordering, async () => {
      const whole = await ann.json("GET", `/api/patients/?ordering=${ordering}&limit=100`);
      assert.equal(whole.status, 200);
      const all = whole.body.results.map((r: { id: number }) => r.id);
      assert.equal(all.length, 13);
      const { on, back } = await bothWays(
        ann,
        `/api/patients/?ordering=${ordering}&limit=4&cursor=`,
      );
      assert.deepEqual(on, all);
      assert.deepEqual(back, all);
    });
  }
});

dbTest("paging: cursor links, and what a cursor refuses", async (t) => {
  const ann = await signUp();
  await tiedPatients(ann);
  await t.step("the first page by cursor links on by cursor, carrying the ordering", async () => {
    const res = await ann.json("GET", "/api/patients/?ordering=name&limit=2&cursor=");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.results.map((r: { name: string }) => r.name), ["Ann", "Ann"]);
    assert.equal(res.body.previous, null);
    const next = new URL(res.body.next).searchParams;
    assert.equal(next.get("ordering"), null);
    assert.equal(next.get("offset"), null);
    assert.equal(decodeCursor(next.get("cursor")!)?.ordering, "name");
    const same = await ann.json("GET", `${local(res.body.next)}&ordering=name`);
    assert.equal(same.status, 200);
    assert.deepEqual(same.body.results.map((r: { name: string }) => r.name), ["Bob", "Bob"]);
  });
  await t.step("an offset list links by offset, as before", async () => {
    const res = await ann.json("GET", "/api/patients/?limit=4");
    assert.equal(new URL(res.body.next).searchParams.get("offset"), "4");
  });
  const at = (ordering: string, key: [string | number | null, number]) =>
    encodeCursor({ ordering, key, back: false });
  const refused: [string, string, string][] = [
    ["not base64 JSON", "cursor=%25%25", "cursor"],
    ["garbage", "cursor=bm90IGEgY3Vyc29y", "cursor"],
    ["an ordering this list lacks", `cursor=${at("years_of_experience", [3, 1])}`, "cursor"],
    [
      "a value its column cannot hold",
      `cursor=${at("date_of_birth", ["1980-13-4x", 1])}`,
      "cursor",
    ],
    ["a null where the column has none", `cursor=${at("name", [null, 1])}`, "cursor"],
    ["with offset", `cursor=${at("id", [1, 1])}&offset=2`, "offset"],
    ["with page", `cursor=${at("id", [1, 1])}&page=2`, "page"],
    ["with another ordering", `cursor=${at("id", [1, 1])}&ordering=-id`, "ordering"],
  ];
  for (const [label, query, field] of refused) {
    await t.step(`400: ${label}`, async () => {
      const res = await ann.json("GET", `/api/patients/?${query}`);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.deepEqual(errorFields(res.body), [field]);
    });
  }
});

dbTest("paging: the directory and the audit trail page by cursor too", async (t) => {
  const ann = await signUp();
  await t.step("doctors by years of experience, nulls and ties included", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    await sql`
      insert into doctors (created_by, name, specialization, license_number, years_of_experience)
      select ${ann.id}::int, 'Dr ' || ${tag} || ' ' || i, 'cardiology', ${tag} || '-' || i,
        case when i % 3 = 0 then null else i % 4 end
      from generate_series(1, 11) i`;
    for (const ordering of ["years_of_experience", "-years_of_experience", "-created_at"]) {
      const q = `search=${tag}&ordering=${ordering}`;
      const whole = await ann.json("GET", `/api/doctors/?${q}&limit=100`);
      const all = whole.body.results.map((r: { id: number }) => r.id);
      assert.equal(all.length, 11);
      const { on, back } = await bothWays(ann, `/api/doctors/?${q}&limit=3&cursor=`);
      assert.deepEqual(on, all, ordering);
      assert.deepEqual(back, all, ordering);
    }
  });
  await t.step("a patient's access log, newest first", async () => {
    const res = await ann.json("POST", "/api/patients/", { name: "Logged Patient" });
    const id = res.body.id;
    for (let i = 0; i < 7; i++) {
      const res = await ann.json("PATCH", `/api/patients/${id}/`, { city: `City ${i}` });
      assert.equal(res.status, 200);
    }
    const whole = await ann.json("GET", `/api/patients/${id}/access-log/?limit=100`);
    assert.equal(whole.status, 200);
    const all = whole.body.results.map((r: { id: number }) => r.id);
    assert.ok(all.length >= 8);
    const { on, back } = await bothWays(ann, `/api/patients/${id}/access-log/?limit=3&cursor=`);
    // Reads of the log are logged too, later (newer than the walk's start): the oldest match.
    assert.deepEqual(on.slice(-all.length), all);
    assert.deepEqual(back.slice(-all.length), all);
  });
});

dbTest(
  "paging: past COUNT_EXACT_UP_TO the count is the planner's estimate, and says so",
  async () => {
    const app = await testApp({ COUNT_EXACT_UP_TO: "5" });
    const ann = await signUp(app);
    await tiedPatients(ann);
    const over = await ann.json("GET", "/api/patients/?limit=4");
    assert.equal(over.status, 200);
    assert.equal(over.body.count_is_estimate, true);
    assert.ok(over.body.count >= 6, `count ${over.body.count}`);
    assert.ok(over.body.next, "more follow");
    const under = await ann.json("GET", "/api/patients/?search=Bob");
    assert.equal(under.body.count, 3);
    assert.equal("count_is_estimate" in under.body, false);
    // An estimate is kept a while (a client pages through one list): more rows and fresh
    // statistics do not move it; an exact count moves with the next write.
    await sql`
      insert into patients (created_by, name) select ${ann.id}::int, 'More ' || i
      from generate_series(1, 300) i`;
    await sql`analyze patients`;
    const again = await ann.json("GET", "/api/patients/?limit=4&offset=4");
    assert.equal(again.body.count, over.body.count);
    const fresh = await ann.json("GET", "/api/patients/?limit=4&gender=unknown");
    assert.equal(fresh.body.count_is_estimate, true);
    assert.ok(fresh.body.count > 13, `a new filter asks the planner again: ${fresh.body.count}`);
    assert.equal((await ann.json("POST", "/api/patients/", { name: "New Bob" })).status, 201);
    assert.equal((await ann.json("GET", "/api/patients/?search=Bob")).body.count, 4);
    const exact = await signUp();
    await tiedPatients(exact);
    const counted = await exact.json("GET", "/api/patients/?limit=4");
    assert.equal(counted.body.count, 13);
    assert.equal("count_is_estimate" in counted.body, false);
  },
);

/** Every page of a FHIR search from `path` on, following `rel` links; the ids of each. */
async function walkBundles(client: Client, path: string, rel: "next" | "previous") {
  const pages: string[][] = [];
  let at: string | undefined = path;
  let bundle: { link: { relation: string; url: string }[] } = { link: [] };
  while (at) {
    const res = await client.json("GET", at);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    bundle = res.body;
    pages.push((res.body.entry ?? []).map((e: { resource: { id: string } }) => e.resource.id));
    assert.ok(pages.length < 50, "a walk that does not end");
    const link = bundle.link.find((l) => l.relation === rel);
    at = link ? local(link.url) : undefined;
  }
  return { pages, bundle };
}

dbTest("paging: FHIR searches page by _cursor, both ways, and count within bounds", async (t) => {
  const app = await testApp({ COUNT_EXACT_UP_TO: "5" });
  const ann = await signUp(app);
  await tiedPatients(ann);
  const whole = await ann.json("GET", "/fhir/Patient?_count=100");
  const all = whole.body.entry.map((e: { resource: { id: string } }) => e.resource.id);
  assert.equal(all.length, 13);
  await t.step("on by next links, back by previous links", async () => {
    const on = await walkBundles(ann, "/fhir/Patient?_count=4&_cursor=", "next");
    assert.deepEqual(on.pages.flat(), all);
    const self = on.bundle.link.find((l) => l.relation === "self")!.url;
    assert.match(self, /_cursor=./);
    const previous = on.bundle.link.find((l) => l.relation === "previous")!.url;
    const back = await walkBundles(ann, local(previous), "previous");
    assert.deepEqual([...back.pages.reverse().flat(), ...on.pages.at(-1)!], all);
  });
  await t.step("the search's parameters travel with the cursor", async () => {
    const on = await walkBundles(ann, "/fhir/Patient?name=bob&_count=2&_cursor=", "next");
    assert.equal(on.pages.flat().length, 3);
  });
  await t.step(
    "a total past COUNT_EXACT_UP_TO is the estimate unless _total=accurate",
    async () => {
      const bounded = await ann.json("GET", "/fhir/Patient?_count=2");
      assert.ok(bounded.body.total >= 6, `total ${bounded.body.total}`);
      const accurate = await ann.json("GET", "/fhir/Patient?_count=2&_total=accurate");
      assert.equal(accurate.body.total, 13);
      const few = await ann.json("GET", "/fhir/Patient?name=bob&_count=1");
      assert.equal(few.body.total, 3);
    },
  );
  await t.step(
    "a bad cursor, or one with _offset, is 400; a search by start ignores it",
    async () => {
      for (
        const query of [
          "_cursor=nonsense",
          `_cursor=${encodeCursor({ ordering: "_id", key: [3, 4], back: false })}`,
          "_cursor=&_offset=2",
        ]
      ) {
        const res = await ann.json("GET", `/fhir/Patient?${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.body.resourceType, "OperationOutcome");
      }
      const appointments = await ann.json("GET", "/fhir/Appointment?_cursor=");
      assert.equal(appointments.status, 200);
      assert.match(JSON.stringify(appointments.body), /Unknown search parameter '_cursor'/);
    },
  );
});
