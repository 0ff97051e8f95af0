import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { sql } from "../db/client.ts";
import { dispatchOnce } from "../dispatcher.ts";
import {
  claimDeliveries,
  fanOut,
  releaseLease,
  releaseLeasesOf,
  settleDelivery,
} from "../db/webhooks.ts";
import { whenEventsWritten } from "../db/events.ts";
import { dispatchCounts, isPrivateAddress, nextAttempt } from "../lib/webhooks.ts";
import { dbTest, testApp, testConfig } from "./helpers.ts";
import { type Client, errorFields, signUp } from "./records_helpers.ts";
import { makeTeam } from "./clinic_helpers.ts";

/** A local receiver: what it got, and what it answers next (200 once the list is spent). */
function receiver() {
  const got: { at: number; headers: Headers; body: string }[] = [];
  const answers: number[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    got.push({ at: Date.now(), headers: req.headers, body: await req.text() });
    return new Response("thanks".repeat(2000), { status: answers.shift() ?? 200 });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/hook`,
    got,
    answers,
    close: () => server.shutdown(),
  };
}

const ALLOWED = {
  WEBHOOK_ALLOW_HTTP: "true",
  WEBHOOK_ALLOW_PRIVATE: "true",
  WEBHOOK_RETRY_BASE_SECONDS: "1",
};

Deno.test("webhooks: which addresses a receiver may not have", () => {
  for (
    const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::a9fe:a9fe",
      "not an address",
    ]
  ) {
    assert.ok(isPrivateAddress(a), a);
  }
  for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
    assert.ok(!isPrivateAddress(a), a);
  }
});

Deno.test("webhooks: retries about double each time, with jitter, until the period ends", () => {
  const config = { webhookRetryBaseSeconds: 5, webhookRetryHours: 72 };
  const now = Date.now();
  for (const [attempts, low, high] of [[0, 4, 6], [1, 8, 12], [2, 16, 24], [5, 128, 192]]) {
    const at = nextAttempt({ attempts, created_at: new Date(now) }, config, now)!;
    const gap = (at.getTime() - now) / 1000;
    assert.ok(gap >= low && gap <= high, `attempt ${attempts}: ${gap} s`);
  }
  const old = new Date(now - 72 * 3600_000);
  assert.equal(nextAttempt({ attempts: 3, created_at: old }, config, now), undefined);
});

dbTest("webhooks: registration, secrets shown once, and who manages them", async (t) => {
  const app = await testApp();
  const team = await makeTeam(app);
  const ann = team.outsider;
  const hook = { url: "https://93.184.216.34/records", events: ["patient.created"] };

  await t.step("a receiver must be https and public", async () => {
    for (
      const url of [
        "http://93.184.216.34/x",
        "https://127.0.0.1/x",
        "https://10.0.0.8/x",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/x",
        "https://[fd00:ec2::254]/x",
        "https://user:pw@93.184.216.34/x",
        "ftp://93.184.216.34/x",
        "not a url",
        "https://no-such-host.invalid/x",
      ]
    ) {
      const res = await ann.json("POST", "/api/webhooks/", { ...hook, url });
      assert.equal(res.status, 400, url);
      assert.deepEqual(errorFields(res.body), ["url"], url);
      assert.ok(!JSON.stringify(res.body).includes(url), "the URL is not echoed");
    }
    for (const events of [[], ["patient.read"], "*"]) {
      const res = await ann.json("POST", "/api/webhooks/", { ...hook, events });
      assert.equal(res.status, 400, JSON.stringify(events));
    }
  });

  let id = 0;
  await t.step("the secret is answered at creation and rotation only", async () => {
    const made = await ann.json("POST", "/api/webhooks/", hook);
    assert.equal(made.status, 201);
    id = made.body.id;
    assert.match(made.body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(made.headers.get("Location"), `http://localhost/api/webhooks/${id}/`);
    const read = await ann.json("GET", `/api/webhooks/${id}/`);
    assert.equal(read.body.secret, undefined);
    const listed = await ann.json("GET", "/api/webhooks/");
    assert.deepEqual(listed.body.results.map((w: { id: number }) => w.id), [id]);
    const rotated = await ann.json("POST", `/api/webhooks/${id}/rotate-secret/`);
    assert.match(rotated.body.secret, /^whsec_/);
    assert.notEqual(rotated.body.secret, made.body.secret);
    const patched = await ann.json("PATCH", `/api/webhooks/${id}/`, {
      events: ["*"],
      description: "Billing",
    });
    assert.deepEqual([patched.body.events, patched.body.description], [["*"], "Billing"]);
  });

  await t.step("others get 404; a clinic's webhooks are its owners'", async () => {
    for (const other of [team.owner, team.clinician]) {
      assert.equal((await other.json("GET", `/api/webhooks/${id}/`)).status, 404);
      assert.equal((await other.json("DELETE", `/api/webhooks/${id}/`)).status, 404);
    }
    const clinicHook = { ...hook, clinic: team.clinic };
    assert.equal((await team.clinician.json("POST", "/api/webhooks/", clinicHook)).status, 403);
    const stranger = await team.outsider.json("POST", "/api/webhooks/", clinicHook);
    assert.equal(stranger.status, 400);
    assert.deepEqual(errorFields(stranger.body), ["clinic"]);
    const made = await team.owner.json("POST", "/api/webhooks/", clinicHook);
    assert.equal(made.status, 201);
    assert.equal(made.body.clinic, team.clinic);
    assert.equal((await team.viewer.json("GET", `/api/webhooks/${made.body.id}/`)).status, 404);
    assert.equal((await team.admin.json("GET", `/api/webhooks/${made.body.id}/`)).status, 200);
    // It is owed the clinic's patients' events, not its owner's personal ones.
    const hookAll = await team.owner.json("PATCH", `/api/webhooks/${made.body.id}/`, {
      events: ["*"],
    });
    assert.equal(hookAll.status, 200);
    const clinicPatient = (await team.clinician.json("POST", "/api/patients/", {
      name: "Clinic Hooked",
      clinic: team.clinic,
    })).body.id;
    await team.owner.json("POST", "/api/patients/", { name: "Owner's Own" });
    await fanOut({ sql });
    const owed = await team.owner.json("GET", `/api/webhooks/${made.body.id}/deliveries/`);
    assert.deepEqual(owed.body.results.map((d: { type: string }) => d.type), ["patient.created"]);
    const [{ resource_id }] = await sql`
      select resource_id from webhook_deliveries where webhook_id = ${made.body.id}`;
    assert.equal(resource_id, clinicPatient);
    assert.equal((await team.owner.json("DELETE", `/api/webhooks/${made.body.id}/`)).status, 204);
    assert.equal((await ann.json("DELETE", `/api/webhooks/${id}/`)).status, 204);
    assert.equal((await ann.json("GET", `/api/webhooks/${id}/`)).status, 404);
  });
});

dbTest("webhooks: signed deliveries, in order per record, retried with growing gaps", async (t) => {
  const config = testConfig(ALLOWED);
  const app = await testApp(ALLOWED);
  const [ann, bob] = await Promise.all([signUp(app), signUp(app)]);
  const hooked = receiver();
  // The suite's database holds other tests' webhooks (the fuzzer's point at a public address
  // this machine cannot reach, 10 s a try): the rounds here deliver to this test's alone.
  await sql`update webhooks set active = false where active`;
  const made = await ann.json("POST", "/api/webhooks/", { url: hooked.url, events: ["*"] });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const { id, secret } = made.body;
  const rounds = async () => {
    // Until nothing more is due now.
    for (let i = 0; i < 5; i++) await dispatchOnce(config);
  };
  try {
    const patient = (await ann.json("POST", "/api/patients/", {
      name: "Ishmael Starbuck",
      allergies: "Whale oil",
    })).body.id;
    await ann.json("PATCH", `/api/patients/${patient}/`, { city: "Nantucket" });
    await bob.json("POST", "/api/patients/", { name: "Not Ann's" });

    await t.step("each event once, signed, ids only, in order", async () => {
      const before = dispatchCounts.delivered;
      await rounds();
      assert.equal(dispatchCounts.delivered - before, 2, "counted for /metrics");
      const types = hooked.got.map((g) => JSON.parse(g.body).type);
      assert.deepEqual(types, ["patient.created", "patient.updated"]);
      const verifier = new Webhook(secret.replace(/^whsec_/, ""));
      for (const g of hooked.got) {
        const payload = verifier.verify(g.body, Object.fromEntries(g.headers)) as {
          resource_id: number;
        };
        assert.equal(payload.resource_id, patient);
        assert.ok(!g.body.includes("Ishmael") && !g.body.includes("Whale"));
      }
      // A tampered body does not verify.
      const [first] = hooked.got;
      assert.throws(() =>
        verifier.verify(first.body.replace("patient", "mapping"), Object.fromEntries(first.headers))
      );
      assert.equal(hooked.got[0].headers.get("webhook-id"), JSON.parse(hooked.got[0].body).id);
    });

    await t.step(
      "failures are retried after growing gaps; the record's next change waits",
      async () => {
        hooked.got.length = 0;
        hooked.answers.push(500, 503);
        await ann.json("PATCH", `/api/patients/${patient}/`, { city: "Bedford" });
        await rounds(); // the first attempt: 500
        await ann.json("PATCH", `/api/patients/${patient}/`, { city: "Salem" });
        await rounds(); // nothing due: the update waits behind the failed one
        assert.equal(hooked.got.length, 1);
        const until = Date.now() + 8000;
        while (hooked.got.length < 4 && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 200));
          await dispatchOnce(config);
        }
        const versions = hooked.got.map((g) => JSON.parse(g.body).version);
        assert.deepEqual(versions, [3, 3, 3, 4], "retried in place, then the next change");
        const [a, b, c] = hooked.got.map((g) => g.at);
        const [gap1, gap2] = [(b - a) / 1000, (c - b) / 1000];
        assert.ok(gap1 >= 0.8 && gap1 < 1.8, `first gap ${gap1} s`);
        assert.ok(gap2 >= 1.6 && gap2 < 3.2, `second gap ${gap2} s`);
        assert.equal(
          hooked.got[0].headers.get("webhook-id"),
          hooked.got[2].headers.get("webhook-id"),
        );
        const deliveries = await ann.json("GET", `/api/webhooks/${id}/deliveries/`);
        const retried = deliveries.body.results.find((d: { attempts: number }) => d.attempts === 3);
        assert.deepEqual(
          [retried.status, retried.last_status, retried.last_error],
          ["delivered", 200, null],
        );
      },
    );

    await t.step("redeliver sends one again", async () => {
      const deliveries = await ann.json("GET", `/api/webhooks/${id}/deliveries/`);
      const [latest] = deliveries.body.results;
      hooked.got.length = 0;
      const again = await ann.call(
        "POST",
        `/api/webhooks/${id}/deliveries/${latest.id}/redeliver/`,
      );
      assert.equal(again.status, 202);
      await rounds();
      assert.equal(hooked.got.length, 1);
      assert.equal(hooked.got[0].headers.get("webhook-id"), latest.event_id);
      assert.equal(
        (await bob.call("POST", `/api/webhooks/${id}/deliveries/${latest.id}/redeliver/`)).status,
        404,
      );
    });

    await t.step(
      "a delivery failing past the retry period fails and disables the hook",
      async () => {
        hooked.got.length = 0;
        hooked.answers.push(500);
        await ann.json("PATCH", `/api/patients/${patient}/`, { city: "Boston" });
        await dispatchOnce(config); // fanned out and tried once: 500
        await sql`
        update webhook_deliveries set created_at = now() - interval '73 hours',
          next_attempt_at = now(), waiting_until = now()
        where webhook_id = ${id} and status = 'pending'`;
        hooked.answers.push(500);
        await rounds();
        const hook = await ann.json("GET", `/api/webhooks/${id}/`);
        assert.equal(hook.body.active, false);
        assert.match(hook.body.disabled_reason, /retry period/);
        const deliveries = await ann.json("GET", `/api/webhooks/${id}/deliveries/`);
        assert.equal(deliveries.body.results[0].status, "failed");
        const [event] = await sql`
        select action from audit_events where resource_type = 'webhook' and resource_id = ${id}
          and request_id = ${`webhook-disabled-${id}`}`;
        assert.equal(event.action, "update");
        // Re-enabled, it is owed what comes next.
        const on = await ann.json("PATCH", `/api/webhooks/${id}/`, { active: true });
        assert.deepEqual([on.body.active, on.body.disabled_reason], [true, null]);
      },
    );
  } finally {
    await sql`delete from webhooks where id = ${id}`;
    await hooked.close();
  }
});

dbTest(
  "webhooks: a committed write wakes the dispatcher; reads and refused writes do not",
  async () => {
    const app = await testApp();
    const ann = await signUp(app);
    let wakes = 0;
    whenEventsWritten(() => wakes++);
    try {
      const made = await ann.json("POST", "/api/patients/", { name: "Wake Test" });
      assert.equal(made.status, 201);
      assert.equal(wakes, 1);
      assert.equal((await ann.json("GET", `/api/patients/${made.body.id}/`)).status, 200);
      const refused = await ann.json("PATCH", `/api/patients/${made.body.id}/`, { email: "x" });
      assert.equal(refused.status, 400);
      assert.equal(wakes, 1, "a read and a refused write do not wake it");
      await ann.json("PATCH", `/api/patients/${made.body.id}/`, { city: "Lima" });
      assert.equal(wakes, 2);
    } finally {
      whenEventsWritten(undefined);
    }
  },
);

/** A webhook of a new user to a receiver that never answers, the only active one; its id. */
async function soleWebhook(ann: Client): Promise<number> {
  await sql`update webhooks set active = false where active`;
  const made = await ann.json("POST", "/api/webhooks/", {
    url: "http://127.0.0.1:9/never",
    events: ["*"],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  return made.body.id;
}

dbTest("webhooks: a late release does not end a lease another instance took since", async () => {
  const app = await testApp(ALLOWED);
  const ann = await signUp(app);
  const id = await soleWebhook(ann);
  try {
    await ann.json("POST", "/api/patients/", { name: "Lease Test" });
    await fanOut({ sql });
    const [first] = await claimDeliveries({ sql }, 10);
    assert.equal(first?.webhook_id, id);
    assert.deepEqual(await claimDeliveries({ sql }, 10), [], "leased: no one else may claim it");
    // The first instance stalls past its lease; another takes the webhook.
    await sql`update webhooks set lease_until = now() - interval '1 second' where id = ${id}`;
    const [second] = await claimDeliveries({ sql }, 10);
    assert.equal(second?.delivery_id, first.delivery_id);
    await settleDelivery({ sql }, first, { status: 200 }, undefined);
    await releaseLease({ sql }, first);
    const [held] = await sql`select lease_until from webhooks where id = ${id}`;
    assert.ok(held.lease_until > new Date(), "the second lease still holds");
    await releaseLease({ sql }, second);
    const [freed] = await sql`select lease_until from webhooks where id = ${id}`;
    assert.equal(freed.lease_until, null);
    // An instance that lost its claim's answer frees what it holds, and only that.
    const lost = crypto.randomUUID();
    await sql`update webhook_deliveries set status = 'pending' where webhook_id = ${id}`;
    assert.equal((await claimDeliveries({ sql }, 10, lost))[0]?.webhook_id, id);
    await releaseLeasesOf({ sql }, crypto.randomUUID());
    assert.deepEqual(await claimDeliveries({ sql }, 10), [], "another's release frees nothing");
    await releaseLeasesOf({ sql }, lost);
    assert.equal((await claimDeliveries({ sql }, 10))[0]?.webhook_id, id, "free again");
  } finally {
    await sql`delete from webhooks where id = ${id}`;
  }
});

dbTest(
  "webhooks: a claim reads only its batch while the statistics say that nothing is pending",
  async () => {
    await testApp();
    const rollback = new Error("rolled back");
    await sql.begin(async (tx) => {
      // Numbering waits (sequence_events() takes this lock too): the numbers below are taken.
      await tx`select pg_advisory_xact_lock(hashtext('sequence_events'))`;
      await tx`update webhooks set active = false where active`;
      const [{ id }] = await tx`
      with owner as (
        insert into users (name, email, password_hash)
        values ('Stale', 'stale-statistics@example.test', 'x') returning id
      )
      insert into webhooks (owner_id, url, events, secret)
      select id, 'http://127.0.0.1:9/never', '{*}', 'secret' from owner
      returning id`;
      // 20,000 deliveries of 5,000 records, all delivered when the statistics are taken,
      // then all pending again; the first of two records waits for a retry.
      await tx`
      insert into events (type, resource_type, resource_id, version, patient_id, seq)
      select 'patient.updated', 'patient', -1 - g % 5000, 1 + g / 5000, -1, l.last + 1 + g
      from generate_series(0, 19999) g, (select coalesce(max(seq), 0) as last from events) l`;
      await tx`
      insert into webhook_deliveries (webhook_id, event_id, event_seq, type, resource_type,
        resource_id, status)
      select ${id}, e.id, e.seq, e.type, e.resource_type, e.resource_id, 'delivered'
      from events e where e.patient_id = -1 and e.resource_type = 'patient'`;
      await tx`analyze webhook_deliveries`;
      await tx`update webhook_deliveries set status = 'pending' where webhook_id = ${id}`;
      await tx`
      update webhook_deliveries
      set next_attempt_at = now() + interval '1 hour', waiting_until = now() + interval '1 hour'
      where webhook_id = ${id} and resource_id in (-1, -2) and event_seq = (
        select min(o.event_seq) from webhook_deliveries o
        where o.webhook_id = ${id} and o.resource_id = webhook_deliveries.resource_id)`;
      const read = async () => {
        const [row] = await tx<{ n: string }[]>`
        select coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) as n
        from pg_stat_xact_user_tables where relname = 'webhook_deliveries'`;
        return Number(row.n);
      };
      const before = await read();
      const batch = await claimDeliveries({ sql: tx }, 50);
      const rows = (await read()) - before;
      assert.equal(batch.length, 50);
      assert.ok(batch.every((c) => c.event.resource_id < -2), "the waiting records stay behind");
      // Asking each candidate about its record by the index of the waiting deliveries reads a
      // few rows each; answering from the pending ones reads all 20,000 for each.
      assert.ok(rows < 1000, `the claim read ${rows} rows of deliveries`);
      throw rollback;
    }).catch((err) => {
      if (err !== rollback) throw err;
    });
  },
);

dbTest(
  "webhooks: a batch is claimed in order, without a record whose earlier event waits",
  async () => {
    const app = await testApp(ALLOWED);
    const ann = await signUp(app);
    const id = await soleWebhook(ann);
    try {
      const a = (await ann.json("POST", "/api/patients/", { name: "Batch A" })).body.id;
      const b = (await ann.json("POST", "/api/patients/", { name: "Batch B" })).body.id;
      for (const city of ["X", "Y"]) {
        await ann.json("PATCH", `/api/patients/${a}/`, { city });
        await ann.json("PATCH", `/api/patients/${b}/`, { city });
      }
      await fanOut({ sql });
      const all = await claimDeliveries({ sql }, 10);
      const seen = all.map((c) => `${c.event.resource_id === a ? "a" : "b"}${c.event.version}`);
      assert.deepEqual(seen, ["a1", "b1", "a2", "b2", "a3", "b3"], "oldest first, all of them");
      assert.equal(new Set(all.map((c) => c.lease_until.getTime())).size, 1, "one lease");
      // A's first event fails and waits for its retry: A's later events stay behind it.
      await settleDelivery(
        { sql },
        all[0],
        { status: 500, error: "answered 500" },
        new Date(Date.now() + 60_000),
      );
      await releaseLease({ sql }, all[0]);
      const next = await claimDeliveries({ sql }, 10);
      assert.deepEqual(next.map((c) => `b${c.event.version}`), ["b1", "b2", "b3"]);
      await releaseLease({ sql }, next[0]);
      const two = await claimDeliveries({ sql }, 2);
      assert.deepEqual(two.map((c) => c.event.version), [1, 2]);
      await releaseLease({ sql }, two[0]);
      // Redelivered, A's first is due now and no longer holds A back.
      const redone = await ann.call(
        "POST",
        `/api/webhooks/${id}/deliveries/${all[0].delivery_id}/redeliver/`,
      );
      assert.equal(redone.status, 202);
      const again = await claimDeliveries({ sql }, 10);
      assert.deepEqual(
        again.map((c) => `${c.event.resource_id === a ? "a" : "b"}${c.event.version}`),
        ["a1", "b1", "a2", "b2", "a3", "b3"],
      );
    } finally {
      await sql`delete from webhooks where id = ${id}`;
    }
  },
);
