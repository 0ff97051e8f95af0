/**
 * Webhook delivery through faults, shared by tests/webhook_instances_test.ts and
 * `deno task chaos --suite=webhooks`: a slow local receiver, clients writing through several
 * instances, and what reached the receiver against what the database holds.
 */
import { createClient } from "../db/client.ts";
import { callJson, type ServiceProcess, startService, TEST_JWT_SECRET } from "./helpers.ts";
import { type Fault, pause } from "./faults.ts";
import type { Cluster } from "./pg_cluster.ts";

/** An event as a receiver got it. */
export interface Got {
  id: string;
  resource_id: number;
  version: number;
}

/** A slow receiver (40 ms an answer) per path: what each got, in order, and the most in flight. */
export function receiver() {
  const got = new Map<string, Got[]>();
  const inFlight = new Map<string, number>();
  let most = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const path = new URL(req.url).pathname;
    const now = (inFlight.get(path) ?? 0) + 1;
    inFlight.set(path, now);
    most = Math.max(most, now);
    const event = JSON.parse(await req.text());
    await pause(40);
    const list = got.get(path) ?? [];
    list.push({ id: req.headers.get("webhook-id")!, ...event });
    got.set(path, list);
    inFlight.set(path, inFlight.get(path)! - 1);
    return new Response(null, { status: 204 });
  });
  return {
    base: `http://127.0.0.1:${server.addr.port}`,
    got,
    /** The distinct event ids a path got. */
    distinct: (path: string) => new Set((got.get(path) ?? []).map((e) => e.id)),
    most: () => most,
    close: () => server.shutdown(),
  };
}

/** Records whose first deliveries did not come in their versions' order. */
export function outOfOrder(got: Got[], records: number[]): number[] {
  return records.filter((id) => {
    const versions = got.filter((e) => e.resource_id === id).map((e) => e.version);
    const firsts = versions.filter((v, i) => versions.indexOf(v) === i);
    return firsts.some((v, i) => i > 0 && v < firsts[i - 1]);
  });
}

/** The service settings of a run: plain-HTTP receivers on loopback, short retries. */
export const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_HTTP: "true",
  WEBHOOK_ALLOW_PRIVATE: "true",
  WEBHOOK_RETRY_BASE_SECONDS: "1",
};

/** What a run through faults came to. */
export interface DeliveryReport {
  faults: string[];
  /** Events the database holds, writes answered as saved, and writes refused (503 or cut). */
  events: number;
  acknowledged: number;
  refused: number;
  /** Stored events that never reached the receiver, and saved writes whose event did not. */
  missing: string[];
  lost: { id: number; version: number }[];
  /** Records delivered out of order; deliveries beyond the first of each event. */
  outOfOrder: number[];
  again: number;
  /** The most deliveries the one webhook had in flight at once. */
  mostInFlight: number;
  /** The longest wait, from the database's return after a fault to the next event's arrival. */
  resumedMs: number;
  /** From the database's return after the last fault to the last event's arrival, in ms. */
  catchUpMs: number;
  /** Whether every instance was still running; their output, for the checks. */
  alive: boolean;
  output: string;
}

/**
 * Starts `instances` service processes on `cluster`, registers a webhook to a slow receiver,
 * and has four clients write (a patient each, then changes to it) through all instances while
 * each fault runs, 20 deliveries apart; then waits (at most `catchUpMs`) for every stored event.
 */
export async function deliverThroughFaults(
  cluster: Cluster,
  faults: Fault[],
  { instances = 2, catchUpMs = 90_000 } = {},
): Promise<DeliveryReport> {
  const env = {
    DATABASE_URL: cluster.url,
    JWT_SECRET: TEST_JWT_SECRET,
    DB_POOL_MAX: "4",
    ...WEBHOOK_ENV,
  };
  const hooks = receiver();
  const services: ServiceProcess[] = [];
  try {
    for (let i = 0; i < instances; i++) services.push(await startService(env));
    const urls = services.map((svc) => svc.url);
    const reg = await callJson(urls[0], "POST", "/api/auth/register/", undefined, {
      name: "Hook Owner",
      email: `hooks.${crypto.randomUUID().slice(0, 8)}@example.com`,
      password: "Copper-Kettle-1182",
    });
    const token = reg.body.access;
    const made = await callJson(urls[0], "POST", "/api/webhooks/", token, {
      url: `${hooks.base}/one`,
      events: ["*"],
    });
    if (made.status !== 201) throw new Error(`webhook: ${JSON.stringify(made.body)}`);

    const acknowledged: { id: number; version: number }[] = [];
    let refused = 0;
    let writing = true;
    const writer = async (w: number) => {
      let id: number | undefined;
      for (let i = 0; writing; i++) {
        const url = urls[(w + i) % urls.length];
        const res = await (id === undefined
          ? callJson(url, "POST", "/api/patients/", token, { name: `Writer ${w}` })
          : callJson(url, "PATCH", `/api/patients/${id}/`, token, { city: `C${i}` }))
          .catch(() => ({ status: 0, body: null }));
        if (res.status === 200 || res.status === 201) {
          id = res.body.id;
          acknowledged.push({ id: res.body.id, version: res.body.version });
        } else {
          if (res.status !== 0 && res.status !== 503) {
            throw new Error(`write: ${res.status}`);
          }
          refused++;
          await pause(100);
        }
        await pause(10);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    const moreDelivered = async (n: number) => {
      const target = hooks.distinct("/one").size + n;
      const until = Date.now() + 60_000;
      while (hooks.distinct("/one").size < target && Date.now() < until) await pause(20);
    };
    await moreDelivered(20);
    let faultsEnded = performance.now();
    let resumedMs = 0;
    for (const fault of faults) {
      await fault.run(cluster);
      faultsEnded = performance.now();
      const before = hooks.distinct("/one").size;
      const until = Date.now() + 60_000;
      while (hooks.distinct("/one").size === before && Date.now() < until) await pause(5);
      resumedMs = Math.max(resumedMs, performance.now() - faultsEnded);
      await moreDelivered(20);
    }
    writing = false;
    await Promise.all(writers);

    const db = createClient(cluster.url, 1);
    const stored = (await db<{ id: string }[]>`select id from events`).map((e) => e.id);
    await db.end();
    const deadline = Date.now() + catchUpMs;
    const missingNow = () => stored.filter((id) => !hooks.distinct("/one").has(id));
    while (missingNow().length && Date.now() < deadline) await pause(200);
    const catchUpMsTaken = performance.now() - faultsEnded;
    const got = hooks.got.get("/one") ?? [];
    const delivered = new Set(got.map((e) => `${e.resource_id}/${e.version}`));
    return {
      faults: faults.map((f) => f.name),
      events: stored.length,
      acknowledged: acknowledged.length,
      refused,
      missing: missingNow(),
      lost: acknowledged.filter((a) => !delivered.has(`${a.id}/${a.version}`)),
      outOfOrder: outOfOrder(got, [...new Set(acknowledged.map((a) => a.id))]),
      again: got.length - hooks.distinct("/one").size,
      mostInFlight: hooks.most(),
      resumedMs,
      catchUpMs: catchUpMsTaken,
      alive: services.every((svc) => !svc.exited()),
      output: services.map((svc) => svc.output()).join("\n"),
    };
  } finally {
    await Promise.all(services.filter((s) => !s.exited()).map((s) => s.stop()));
    await hooks.close();
  }
}
