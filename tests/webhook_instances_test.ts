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
  freshDatabase,
  SERVER_URL,
  type ServiceProcess,
  startService,
  TEST_JWT_SECRET,
} from "./helpers.ts";
import { startCluster } from "./pg_cluster.ts";
import { createClient } from "../db/client.ts";

// deno-lint-ignore no-explicit-any
type Json = any;

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

/** A slow receiver per path: what each got, in order, and the most in flight at once. */
function receiver() {
  const got = new Map<string, { id: string; resource_id: number; version: number }[]>();
  const inFlight = new Map<string, number>();
  let most = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const path = new URL(req.url).pathname;
    const now = (inFlight.get(path) ?? 0) + 1;
    inFlight.set(path, now);
    most = Math.max(most, now);
    const event = JSON.parse(await req.text());
    await new Promise((r) => setTimeout(r, 40));
    const list = got.get(path) ?? [];
    list.push({ id: req.headers.get("webhook-id")!, ...event });
    got.set(path, list);
    inFlight.set(path, inFlight.get(path)! - 1);
    return new Response(null, { status: 204 });
  });
  return {
    base: `http://127.0.0.1:${server.addr.port}`,
    got,
    most: () => most,
    close: () => server.shutdown(),
  };
}

Deno.test({
  name: "webhooks: two instances, one killed mid-delivery: nothing lost, one in flight per hook",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const env = {
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      WEBHOOK_ALLOW_HTTP: "true",
      WEBHOOK_ALLOW_PRIVATE: "true",
      WEBHOOK_RETRY_BASE_SECONDS: "1",
    };
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
      const distinct = (path: string) => new Set((hooks.got.get(path) ?? []).map((e) => e.id));
      while (
        (distinct("/one").size < expected || distinct("/two").size < expected) &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const path of ["/one", "/two"]) {
        const got = hooks.got.get(path) ?? [];
        assert.equal(distinct(path).size, expected, `${path}: every event`);
        // At least once: a delivery cut by the kill may come again, never more than a few.
        assert.ok(got.length - expected <= 4, `${path}: ${got.length - expected} duplicates`);
        for (const id of patients) {
          const versions = got.filter((e) => e.resource_id === id).map((e) => e.version);
          const firsts = versions.filter((v, i) => versions.indexOf(v) === i);
          assert.deepEqual(firsts, [1, 2, 3, 4], `${path}: patient ${id} in order`);
        }
      }
      assert.equal(hooks.most(), 1, "one delivery in flight per webhook");
    } finally {
      await Promise.all(services.filter((s) => !s.exited()).map((s) => s.stop()));
      await hooks.close();
      await db.close();
    }
  },
});

/** Event ids of one receiver path, each once. */
function distinct(hooks: ReturnType<typeof receiver>, path: string): Set<string> {
  return new Set((hooks.got.get(path) ?? []).map((e) => e.id));
}

if (SERVER_URL) {
  Deno.test({
    name: "webhooks: the database crashed and killed mid-dispatch: nothing lost, order kept",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const cluster = await startCluster();
      const env = {
        DATABASE_URL: cluster.url,
        JWT_SECRET: TEST_JWT_SECRET,
        DB_POOL_MAX: "4",
        WEBHOOK_ALLOW_HTTP: "true",
        WEBHOOK_ALLOW_PRIVATE: "true",
        WEBHOOK_RETRY_BASE_SECONDS: "1",
      };
      const hooks = receiver();
      const services: ServiceProcess[] = [];
      try {
        services.push(await startService(env), await startService(env));
        const urls = services.map((svc) => svc.url);
        const reg = await call(urls[0], "POST", "/api/auth/register/", undefined, {
          name: "Hook Owner",
          email: `hooks.${crypto.randomUUID().slice(0, 8)}@example.com`,
          password: "Copper-Kettle-1182",
        });
        const token = reg.body.access;
        const made = await call(urls[0], "POST", "/api/webhooks/", token, {
          url: `${hooks.base}/one`,
          events: ["*"],
        });
        assert.equal(made.status, 201, JSON.stringify(made.body));

        // Four writers, each creating a patient and changing it, through both instances; what
        // was answered as saved is remembered. Writes during the outage are refused (503).
        const acknowledged: { id: number; version: number }[] = [];
        let refused = 0;
        let writing = true;
        const writer = async (w: number) => {
          let id: number | undefined;
          for (let i = 0; writing; i++) {
            const url = urls[(w + i) % 2];
            const res = await (id === undefined
              ? call(url, "POST", "/api/patients/", token, { name: `Writer ${w}` })
              : call(url, "PATCH", `/api/patients/${id}/`, token, { city: `C${i}` }))
              .catch(() => ({ status: 0, body: null }));
            if (res.status === 200 || res.status === 201) {
              id = res.body.id;
              acknowledged.push({ id: res.body.id, version: res.body.version });
            } else {
              assert.ok([0, 503].includes(res.status), `write answered ${res.status}`);
              refused++;
              await new Promise((r) =>
                setTimeout(r, 100)
              );
            }
            await new Promise((r) => setTimeout(r, 10));
          }
        };
        const writers = [0, 1, 2, 3].map(writer);
        const deliveredAtLeast = async (n: number) => {
          const until = Date.now() + 20_000;
          while (distinct(hooks, "/one").size < n && Date.now() < until) {
            await new Promise((r) => setTimeout(r, 20));
          }
        };
        await deliveredAtLeast(20);
        // A crash (backends gone at once, recovery on start), then the postmaster killed.
        await cluster.restart("immediate");
        await deliveredAtLeast(distinct(hooks, "/one").size + 20);
        await cluster.kill9();
        await new Promise((r) => setTimeout(r, 1000));
        await cluster.start();
        await deliveredAtLeast(distinct(hooks, "/one").size + 20);
        writing = false;
        await Promise.all(writers);

        // Every event the database holds reaches the receiver; what was leased by a delivery
        // whose settle was lost goes out again when its lease runs out.
        const db = createClient(cluster.url, 1);
        const stored = new Set(
          (await db<{ id: string }[]>`select id from events`).map((e) => e.id),
        );
        await db.end();
        const deadline = Date.now() + 90_000;
        while (
          [...stored].some((id) => !distinct(hooks, "/one").has(id)) && Date.now() < deadline
        ) {
          await new Promise((r) => setTimeout(r, 200));
        }
        const got = hooks.got.get("/one") ?? [];
        const missing = [...stored].filter((id) => !distinct(hooks, "/one").has(id));
        assert.deepEqual(missing, [], "every stored event delivered");
        // Each write answered as saved has its event.
        const events = new Set(got.map((e) => `${e.resource_id}/${e.version}`));
        const lost = acknowledged.filter((a) => !events.has(`${a.id}/${a.version}`));
        assert.deepEqual(lost, [], "every acknowledged write's event delivered");
        const patients = [...new Set(acknowledged.map((a) => a.id))];
        for (const id of patients) {
          const versions = got.filter((e) => e.resource_id === id).map((e) => e.version);
          const firsts = versions.filter((v, i) => versions.indexOf(v) === i);
          assert.deepEqual(firsts, [...firsts].sort((a, b) => a - b), `patient ${id} in order`);
        }
        const duplicates = got.length - distinct(hooks, "/one").size;
        console.log(
          `${stored.size} events, ${acknowledged.length} acknowledged writes (${refused} refused), ` +
            `${duplicates} deliveries again`,
        );
        assert.ok(duplicates <= 8, `at least once, with few again: ${duplicates}`);
        assert.equal(hooks.most(), 1, "one delivery in flight per webhook");
        for (const svc of services) {
          assert.ok(!svc.exited(), "the service survived");
          assert.doesNotMatch(svc.output(), /Uncaught|"status":5(?!03)\d\d/);
        }
      } finally {
        await Promise.all(services.filter((s) => !s.exited()).map((s) => s.stop()));
        await hooks.close();
        await cluster.destroy();
      }
    },
  });
}
