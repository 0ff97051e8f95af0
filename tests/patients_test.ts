import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { ageOn, today } from "../lib/fields.ts";
import { dbTest, testApp } from "./helpers.ts";
import { errorFields, signUp } from "./records_helpers.ts";

const FULL = {
  name: "Maria Gonzalez",
  date_of_birth: "1985-03-12",
  gender: "F",
  email: "Maria.G@Example.com",
  phone: "+1 (555) 010-2000",
  emergency_contact_name: "Luis Gonzalez",
  emergency_contact_phone: "555 010 2001",
  blood_group: "o-",
  address: "12 Elm Street",
  city: "Springfield",
  state: "IL",
  country: "USA",
  allergies: "Penicillin",
  medical_history: "Asthma",
  current_medications: "Albuterol",
};

dbTest("patients: a CRUD story", async (t) => {
  const ann = await signUp();
  let id = 0;
  let etag = "";
  await t.step("create answers 201, Location, ETag and normalized fields", async () => {
    const res = await ann.json("POST", "/api/patients/", {
      ...FULL,
      name: "  Maria Gonzalez  ",
      id: 424242,
      created_by: 999,
      version: 77,
      created_at: "1999-01-01T00:00:00Z",
    });
    assert.equal(res.status, 201);
    id = res.body.id;
    assert.notEqual(id, 424242);
    assert.equal(res.headers.get("Location"), `http://localhost/api/patients/${id}/`);
    etag = res.headers.get("ETag")!;
    assert.equal(etag, '"1"');
    assert.equal(res.body.name, "Maria Gonzalez");
    assert.equal(res.body.gender, "female");
    assert.equal(res.body.blood_group, "O-");
    assert.equal(res.body.email, "maria.g@example.com");
    assert.equal(res.body.phone, "+1 (555) 010-2000");
    assert.equal(res.body.age, ageOn("1985-03-12"));
    assert.equal(res.body.created_by, ann.id);
    assert.equal(res.body.version, 1);
    assert.notEqual(res.body.created_at.slice(0, 4), "1999");
  });
  await t.step("read it back", async () => {
    const res = await ann.json("GET", `/api/patients/${id}/`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("ETag"), etag);
    assert.equal(res.body.medical_history, "Asthma");
  });
  await t.step("PATCH changes only what is sent and bumps the version", async () => {
    const res = await ann.json("PATCH", `/api/patients/${id}`, { city: "Chicago" }, {
      "If-Match": etag,
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.city, "Chicago");
    assert.equal(res.body.allergies, "Penicillin");
    assert.equal(res.body.version, 2);
    assert.equal(res.headers.get("ETag"), '"2"');
    assert.ok(res.body.updated_at > res.body.created_at);
  });
  await t.step("PUT replaces every field; omitted ones go back to their defaults", async () => {
    const res = await ann.json("PUT", `/api/patients/${id}/`, { name: "Maria G.", age: 40 });
    assert.equal(res.status, 200);
    assert.equal(res.body.name, "Maria G.");
    assert.equal(res.body.gender, "unknown");
    assert.equal(res.body.date_of_birth, null);
    assert.equal(res.body.city, null);
    assert.equal(res.body.age, 40);
    assert.equal(res.body.version, 3);
  });
  await t.step("PUT without the required name is 400", async () => {
    const res = await ann.json("PUT", `/api/patients/${id}/`, { age: 41 });
    assert.equal(res.status, 400);
    assert.deepEqual(errorFields(res.body), ["name"]);
  });
  await t.step("a stale If-Match is 412 and changes nothing", async () => {
    for (
      const [method, body] of [["PATCH", { city: "X" }], ["PUT", { name: "Y" }], [
        "DELETE",
        undefined,
      ]] as const
    ) {
      const res = await ann.json(method, `/api/patients/${id}/`, body, { "If-Match": '"1"' });
      assert.equal(res.status, 412, method);
    }
    const after = await ann.json("GET", `/api/patients/${id}/`);
    assert.equal(after.body.version, 3);
    assert.equal(after.body.name, "Maria G.");
  });
  await t.step(
    'If-Match takes W/"n" and *; an age alone must fit the stored birth date',
    async () => {
      const weak = await ann.json(
        "PATCH",
        `/api/patients/${id}/`,
        { date_of_birth: "1990-05-05" },
        {
          "If-Match": 'W/"3"',
        },
      );
      assert.equal(weak.status, 200);
      assert.equal(weak.body.version, 4);
      const wrong = await ann.json("PATCH", `/api/patients/${id}/`, {
        age: ageOn("1990-05-05") + 2,
      });
      assert.equal(wrong.status, 400);
      assert.deepEqual(errorFields(wrong.body), ["age"]);
      const fits = await ann.json("PATCH", `/api/patients/${id}/`, { age: ageOn("1990-05-05") }, {
        "If-Match": "*",
      });
      assert.equal(fits.status, 200);
      assert.equal(fits.body.version, 5, "the refused change made no version");
    },
  );
  await t.step("DELETE answers 204; the patient is gone (410: deleted, restorable)", async () => {
    const res = await ann.call("DELETE", `/api/patients/${id}/`, undefined, { "If-Match": '"5"' });
    assert.equal(res.status, 204);
    assert.equal((await ann.call("GET", `/api/patients/${id}/`)).status, 410);
    assert.equal((await ann.call("DELETE", `/api/patients/${id}/`)).status, 410);
  });
});

dbTest("patients: every validation rule answers 400 on its field", async (t) => {
  const ann = await signUp();
  const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, Record<string, unknown>, string][] = [
    ["name missing", { age: 3 }, "name"],
    ["name blank", { name: "   " }, "name"],
    ["name too long", { name: "n".repeat(201) }, "name"],
    ["name with NUL", { name: "a\u0000" }, "name"],
    ["name not a string", { name: 5 }, "name"],
    ["date_of_birth malformed", { name: "A", date_of_birth: "12/03/1985" }, "date_of_birth"],
    ["date_of_birth impossible", { name: "A", date_of_birth: "2001-02-30" }, "date_of_birth"],
    ["date_of_birth in the future", { name: "A", date_of_birth: future }, "date_of_birth"],
    ["date_of_birth before 1900", { name: "A", date_of_birth: "1899-12-31" }, "date_of_birth"],
    ["age negative", { name: "A", age: -1 }, "age"],
    ["age over 150", { name: "A", age: 151 }, "age"],
    ["age fractional", { name: "A", age: 3.5 }, "age"],
    [
      "age inconsistent with date_of_birth",
      { name: "A", date_of_birth: "2000-01-01", age: 5 },
      "age",
    ],
    ["gender unknown code", { name: "A", gender: "x" }, "gender"],
    ["email invalid", { name: "A", email: "not-an-email" }, "email"],
    ["phone with letters", { name: "A", phone: "555-CALL-NOW" }, "phone"],
    ["phone too few digits", { name: "A", phone: "12 34 5" }, "phone"],
    ["phone too many digits", { name: "A", phone: "1234567890123456" }, "phone"],
    ["emergency phone", { name: "A", emergency_contact_phone: "abc" }, "emergency_contact_phone"],
    ["blood group", { name: "A", blood_group: "C+" }, "blood_group"],
    ["address too long", { name: "A", address: "a".repeat(256) }, "address"],
    ["city too long", { name: "A", city: "a".repeat(256) }, "city"],
    ["allergies too long", { name: "A", allergies: "a".repeat(10_001) }, "allergies"],
    [
      "medical_history too long",
      { name: "A", medical_history: "a".repeat(10_001) },
      "medical_history",
    ],
  ];
  for (const [label, body, field] of cases) {
    await t.step(label, async () => {
      const res = await ann.json("POST", "/api/patients/", body);
      assert.equal(res.status, 400);
      assert.deepEqual(errorFields(res.body), [field]);
      assert.equal(res.headers.get("Content-Type"), "application/problem+json");
    });
  }
  await t.step("all invalid fields are listed at once", async () => {
    const res = await ann.json("POST", "/api/patients/", {
      name: "",
      age: 200,
      gender: "q",
      phone: "x",
    });
    assert.deepEqual(errorFields(res.body), ["age", "gender", "name", "phone"]);
  });
  await t.step("nothing was stored by any invalid request", async () => {
    const [row] = await sql`select count(*)::int as n from patients where created_by = ${ann.id}`;
    assert.equal(row.n, 0);
  });
});

dbTest("patients: accepted forms and defaults", async (t) => {
  const ann = await signUp();
  await t.step("gender codes in any case", async () => {
    for (
      const [input, code] of [["M", "male"], ["f", "female"], ["O", "other"], ["N", "unknown"], [
        "u",
        "unknown",
      ], ["FEMALE", "female"]]
    ) {
      const res = await ann.json("POST", "/api/patients/", { name: "G", gender: input });
      assert.equal(res.body.gender, code, input);
    }
  });
  await t.step(
    "optional fields default to null, gender to unknown, never absent or empty",
    async () => {
      const res = await ann.json("POST", "/api/patients/", { name: "Bare", email: "", city: "  " });
      assert.equal(res.status, 201);
      for (
        const f of ["date_of_birth", "age", "email", "phone", "blood_group", "city", "allergies"]
      ) {
        assert.ok(f in res.body, f);
        assert.equal(res.body[f], null, f);
      }
      assert.equal(res.body.gender, "unknown");
    },
  );
  await t.step("age is stored when there is no date of birth, computed when there is", async () => {
    const a = await ann.json("POST", "/api/patients/", { name: "Aged", age: 33 });
    assert.equal(a.body.age, 33);
    const dob = `${Number(today().slice(0, 4)) - 20}-01-01`;
    const b = await ann.json("POST", "/api/patients/", {
      name: "Born",
      date_of_birth: dob,
      age: ageOn(dob),
    });
    assert.equal(b.status, 201);
    assert.equal(b.body.age, ageOn(dob));
    const patch = await ann.json("PATCH", `/api/patients/${b.body.id}/`, { age: ageOn(dob) + 2 });
    assert.equal(patch.status, 400, "an age against the stored birth date is checked");
  });
});

dbTest("patients: another user's records are 404 on every verb", async () => {
  const app = await testApp();
  const ann = await signUp(app);
  const bob = await signUp(app);
  const mine = await ann.json("POST", "/api/patients/", { name: "Private Person" });
  const id = mine.body.id;
  for (
    const [method, body] of [["GET", undefined], ["PUT", { name: "X" }], ["PATCH", { name: "X" }], [
      "DELETE",
      undefined,
    ]] as const
  ) {
    const res = await bob.json(method, `/api/patients/${id}/`, body);
    assert.equal(res.status, 404, method);
    assert.ok(!JSON.stringify(res.body).includes("Private Person"));
  }
  assert.equal((await bob.json("GET", `/api/patients/${id}/doctors/`)).status, 404);
  const missing = await bob.json("GET", "/api/patients/2147483000/");
  assert.equal(missing.status, 404);
  assert.equal(
    missing.body.detail,
    (await bob.json("GET", `/api/patients/${id}/`)).body.detail,
    "same answer",
  );
  const list = await bob.json("GET", "/api/patients/");
  assert.ok(list.body.results.every((p: { created_by: number }) => p.created_by === bob.id));
  const still = await ann.json("GET", `/api/patients/${id}/`);
  assert.equal(still.body.name, "Private Person");
  assert.equal(still.body.version, 1);
});

dbTest("patients: ids that are not positive integers are 404", async () => {
  const ann = await signUp();
  for (const bad of ["abc", "0", "-1", "1.5", "99999999999", "1e3"]) {
    assert.equal((await ann.call("GET", `/api/patients/${bad}/`)).status, 404, bad);
  }
});

dbTest("patients: lists page, filter, search and order", async (t) => {
  const ann = await signUp();
  const names = ["Zoe Adams", "yusuf brown", "Xena Clark", "Walter Diaz", "Vera Evans"];
  for (const [i, name] of names.entries()) {
    await ann.json("POST", "/api/patients/", {
      name,
      gender: i % 2 ? "M" : "F",
      blood_group: i < 2 ? "A+" : "B-",
      email: `${name.split(" ")[0].toLowerCase()}@mail.test`,
      phone: `555 000 ${1000 + i}`,
      date_of_birth: `19${70 + i}-06-01`,
    });
  }
  await t.step("the envelope and relative next/previous (no PUBLIC_URL)", async () => {
    const res = await ann.json("GET", "/api/patients/?limit=2&offset=2");
    assert.deepEqual(Object.keys(res.body), ["count", "next", "previous", "results"]);
    assert.equal(res.body.count, 5);
    assert.equal(res.body.results.length, 2);
    assert.equal(res.body.next, "http://localhost/api/patients/?limit=2&offset=4");
    assert.equal(res.body.previous, "http://localhost/api/patients/?limit=2&offset=0");
    const last = await ann.json("GET", "/api/patients/?limit=2&offset=4");
    assert.equal(last.body.next, null);
    const first = await ann.json("GET", "/api/patients/?limit=2");
    assert.equal(first.body.previous, null);
    const beyond = await ann.json("GET", "/api/patients/?offset=50");
    assert.equal(beyond.body.count, 5);
    assert.deepEqual(beyond.body.results, []);
  });
  await t.step("DRF's page and page_size, followed to the end; mixing styles is 400", async () => {
    const seen: string[] = [];
    let url: string | null = "/api/patients/?page_size=2&page=1&ordering=name";
    for (let pages = 0; url; pages++) {
      assert.ok(pages < 5, "next ends");
      const res = await ann.json("GET", url.replace("http://localhost", ""));
      assert.equal(res.status, 200);
      seen.push(...res.body.results.map((p: { name: string }) => p.name));
      url = res.body.next;
    }
    assert.deepEqual(seen, [...names].sort());
    const third = await ann.json("GET", "/api/patients/?page=3&page_size=2&ordering=name");
    assert.deepEqual(third.body.results.map((p: { name: string }) => p.name), ["yusuf brown"]);
    assert.equal(third.body.next, null);
    assert.equal(
      third.body.previous,
      "http://localhost/api/patients/?page=2&page_size=2&ordering=name",
    );
    const defaultSize = await ann.json("GET", "/api/patients/?page=1");
    assert.equal(defaultSize.body.results.length, 5);
    assert.equal(defaultSize.body.previous, null);
    // A page size over 100 is read as 100, as limit is.
    const big = await ann.json("GET", "/api/patients/?page=2&page_size=5000");
    assert.equal(big.status, 200);
    assert.match(big.body.previous, /page=1&page_size=100/);
    for (
      const [q, field] of [
        ["page=2&limit=2", "page"],
        ["page_size=2&offset=2", "page_size"],
        ["page=0", "page"],
        ["page=x", "page"],
        ["page_size=0", "page_size"],
      ]
    ) {
      const res = await ann.json("GET", `/api/patients/?${q}`);
      assert.equal(res.status, 400, q);
      assert.deepEqual(errorFields(res.body), [field], q);
    }
  });
  await t.step(
    "defaults: 20 per page, ordered by id; a large limit is clamped to 100",
    async () => {
      const res = await ann.json("GET", "/api/patients/");
      const ids = res.body.results.map((p: { id: number }) => p.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      const big = await ann.json("GET", "/api/patients/?limit=5000&offset=1");
      assert.equal(big.status, 200);
      assert.match(big.body.previous, /limit=100/);
    },
  );
  await t.step("ordering by each listed field, ascending and descending", async () => {
    const byName = await ann.json("GET", "/api/patients/?ordering=name");
    assert.deepEqual(byName.body.results.map((p: { name: string }) => p.name), [...names].sort());
    const byDob = await ann.json("GET", "/api/patients/?ordering=-date_of_birth");
    assert.equal(byDob.body.results[0].name, "Vera Evans");
    for (const f of ["id", "created_at", "updated_at", "-id"]) {
      assert.equal((await ann.json("GET", `/api/patients/?ordering=${f}`)).status, 200, f);
    }
  });
  await t.step("filters and search", async () => {
    const girls = await ann.json("GET", "/api/patients/?gender=f");
    assert.equal(girls.body.count, 3);
    const a = await ann.json("GET", "/api/patients/?blood_group=a%2B");
    assert.equal(a.body.count, 2);
    for (
      const [q, expected] of [
        ["YUSUF", 1],
        ["clark", 1],
        ["xena@", 1],
        ["000 100", 5],
        ["nobody", 0],
        ["%", 0],
        ["_", 0],
      ] as const
    ) {
      const res = await ann.json("GET", `/api/patients/?search=${encodeURIComponent(q)}`);
      assert.equal(res.body.count, expected, q);
    }
  });
  await t.step("malformed list parameters are 400 on the parameter", async () => {
    for (
      const [query, field] of [
        ["limit=0", "limit"],
        ["limit=abc", "limit"],
        ["offset=-1", "offset"],
        ["offset=1.5", "offset"],
        ["ordering=password", "ordering"],
        ["ordering=--name", "ordering"],
        ["gender=z", "gender"],
        ["blood_group=Q", "blood_group"],
      ]
    ) {
      const res = await ann.json("GET", `/api/patients/?${query}`);
      assert.equal(res.status, 400, query);
      assert.deepEqual(errorFields(res.body), [field], query);
    }
  });
});
