/**
 * Two service processes dispatch the same webhooks while clients write; one is killed with
 * SIGKILL while its deliveries are in flight. Every event reaches every webhook that wants it
 * (at least once, duplicates counted), one record's events in order, and no webhook ever has
 * two deliveries in flight at once. On the embedded database (one process's) the one instance
 * is killed and a new one started on the same database. On real PostgreSQL, a private cluster
 * is also crashed and killed under two dispatching instances while clients write.
 */
import assert from "node:assert/strict";
import {
  callJson as call,
  freshDatabase,
  SERVER_URL,
  type ServiceProcess,
  startService,
  TEST_JWT_SECRET,
} from "./helpers.ts";
import { UNSETTLED } from "../dispatcher.ts";
import { pause } from "./faults.ts";
import { startCluster } from "./pg_cluster.ts";
import { deliverThroughFaults, outOfOrder, receiver, WEBHOOK_ENV } from "./webhook_faults.ts";

Deno.test({
  name: "webhooks: two instances, one killed mid-delivery: nothing lost, one in flight per hook",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, ...WEBHOOK_ENV };
    const hooks = receiver();
    const services: ServiceProcess[] = [];
    try {
      services.push(await startService(env));
      if (!db.embedded) services.push(await startService(env));
      const a = services[0].url;
      const b = services[services.length - 1].url;
      const reg = await call(a, "POST", "/api/auth/register/", undefined, {
        name: "Hook Owner",
        email: `hooks.${crypto.randomUUID().slice(0, 8)}@example.com`,
        password: "Copper-Kettle-1182",
      });
      const token = reg.body.access;
      for (const path of ["/one", "/two"]) {
        const made = await call(a, "POST", "/api/webhooks/", token, {
          url: `${hooks.base}${path}`,
          events: ["*"],
        });
        assert.equal(made.status, 201, JSON.stringify(made.body));
      }
      // 10 patients, each created and changed 3 times, through both instances.
      const patients: number[] = [];
      for (let i = 0; i < 10; i++) {
        const made = await call([a, b][i % 2], "POST", "/api/patients/", token, { name: `P${i}` });
        patients.push(made.body.id);
      }
      const writes = patients.flatMap((id, i) =>
        [1, 2, 3].map((k) => () =>
          call([a, b][(i + k) % 2], "PATCH", `/api/patients/${id}/`, token, { city: `C${k}` })
        )
      );
      for (const write of writes) assert.equal((await write()).status, 200);
      const expected = patients.length * 4;
      // Kill one instance while deliveries are under way.
      const until = Date.now() + 20_000;
      while ((hooks.got.get("/one")?.length ?? 0) < 5 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await services[0].stop("SIGKILL");
      if (db.embedded) services.push(await startService(env));
      // The survivor finishes, also what the killed one had leased (after its 30 s lease).
      const deadline = Date.now() + 90_000;
      const distinct = hooks.distinct;
      while (
        (distinct("/one").size < expected || distinct("/two").size < expected) &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const path of ["/one", "/two"]) {
        const got = hooks.got.get(path) ?? [];
        assert.equal(distinct(path).size, expected, `${path}: every event`);
        // At least once: what the killed one had delivered but not marked comes again, the
        // unmarked ones and the one in flight at most.
        assert.ok(
          got.length - expected <= 2 * UNSETTLED + 1,
          `${path}: ${got.length - expected} duplicates`,
        );
        assert.deepEqual(outOfOrder(got, patients), [], `${path}: each patient in order`);
      }
      assert.equal(hooks.most(), 1, "one delivery in flight per webhook");
    } finally {
      await Promise.all(services.filter((s) => !s.exited()).map((s) => s.stop()));
      await hooks.close();
      await db.close();
    }
  },
});

if (SERVER_URL) {
  Deno.test({
    name: "webhooks: the database crashed and killed mid-dispatch: nothing lost, order kept",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const cluster = await startCluster();
      try {
        const r = await deliverThroughFaults(cluster, [
          // Backends gone at once, crash recovery on start.
          { name: "immediate restart", run: (c) => c.restart("immediate") },
          {
            name: "kill -9 of the postmaster, 1 s down",
            run: async (c) => {
              await c.kill9();
              await pause(1000);
              await c.start();
            },
          },
        ]);
        console.log(
          `${r.events} events, ${r.acknowledged} acknowledged writes (${r.refused} refused), ` +
            `${r.again} deliveries again, caught up ${
              Math.round(r.catchUpMs)
            } ms after the last fault`,
        );
        assert.deepEqual(r.missing, [], "every stored event delivered");
        assert.deepEqual(r.lost, [], "every acknowledged write's event delivered");
        assert.deepEqual(r.outOfOrder, [], "each record's events in order");
        assert.ok(r.again <= 2 * (2 * UNSETTLED + 1), `at least once, with few again: ${r.again}`);
        assert.equal(r.mostInFlight, 1, "one delivery in flight per webhook");
        assert.ok(r.alive, "the instances survived");
        assert.doesNotMatch(r.output, /Uncaught|"status":5(?!03)\d\d/);
      } finally {
        await cluster.destroy();
      }
    },
  });
}
