/**
 * Database faults under load, on a private PostgreSQL cluster that the tests restart, kill
 * and cut off. These run with DATABASE_URL set (the CI pass on real PostgreSQL); the
 * embedded database has no server to break.
 */
import assert from "node:assert/strict";
import {
  SERVER_URL,
  type ServiceProcess,
  startContainerCommand,
  startService,
  TEST_JWT_SECRET,
  waitReady,
  within,
} from "./helpers.ts";
import {
  checkLosses,
  type FaultResult,
  faults,
  LISTENERS,
  logoutElsewhere,
  type LossReport,
  pause,
  recovery,
  runFaults,
} from "./faults.ts";
import { type LoadReport, startLoad } from "./load.ts";
import { type Cluster, startCluster } from "./pg_cluster.ts";

/** The service's backends and what each waits for, recorded when a request hangs. */
const ACTIVITY = "select pid, state, wait_event_type, wait_event, now() - xact_start as xact, " +
  "left(query, 80) from pg_stat_activity where application_name = 'healthcare-api'";

/** Steady load on `svc`, then the four faults that restart, kill or cut the cluster. */
async function loadThroughFaults(cluster: Cluster, svc: ServiceProcess) {
  const load = await startLoad({
    base: svc.url,
    workers: 8,
    loginEvery: 25,
    onHung: () => cluster.psql(ACTIVITY),
  });
  return { load, results: await runFaults(cluster, svc, load, faults(0).slice(0, 4)) };
}

function assertClean(results: FaultResult[], rep: LoadReport, output: string): void {
  for (const r of results) {
    assert.ok(r.alive, `the service survived: ${r.fault}\n${output.slice(-3000)}`);
    assert.ok(
      r.recoveryMs >= 0 && r.recoveryMs <= 5000,
      `answered within 5 s of the database returning after ${r.fault}: ${r.recoveryMs} ms`,
    );
  }
  const bad = output.split("\n").filter((l) =>
    /"status":5(?!03)\d\d|Uncaught|"level":"error"(?!.*database unavailable)/.test(l)
  );
  assert.equal(rep.bad5xx, 0, `no 5xx but 503: ${JSON.stringify(rep.statuses)}\n${bad.join("\n")}`);
  const slow = output.split("\n").filter((l) =>
    /"duration_ms":\d{4,}/.test(l) || /"level":"warn"/.test(l)
  );
  assert.equal(
    rep.hung,
    0,
    `no request hung: ${rep.hungRequests.join(", ")}\n${slow.slice(-30).join("\n")}\n${
      rep.activityWhenHung ?? ""
    }`,
  );
  assert.equal(rep.statuses[0] ?? 0, 0, "no connection closed without an answer");
  assert.equal(rep.noRetryAfter, 0, "every 503 has Retry-After");
  // The connect timeout is 3 s; a sign-in also hashes a password.
  const slowest = rep.slowest503.split(" ").at(-1);
  assert.ok(
    rep.slowest503Ms < 4000,
    `each 503 came within 4 s: ${rep.slowest503Ms} ms (${rep.slowest503})\n${
      output.split("\n").filter((l) => slowest && l.includes(slowest)).join("\n")
    }`,
  );
  assert.doesNotMatch(output, /Uncaught|reading 'write'/);
}

function assertNoLoss(loss: LossReport): void {
  assert.deepEqual(
    { ...loss, listeners: undefined },
    {
      lostPatients: 0,
      lostUpdates: 0,
      lostMappings: 0,
      lostAuditEvents: 0,
      writesWithoutEvent: 0,
      listeners: undefined,
    },
  );
}

if (SERVER_URL) {
  Deno.test({
    name:
      "server.ts rides through restarts, kills, terminated backends and an outage, losing nothing",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const cluster = await startCluster();
      let svc: ServiceProcess | undefined;
      try {
        svc = await startService({
          DATABASE_URL: cluster.url,
          JWT_SECRET: TEST_JWT_SECRET,
          DB_POOL_MAX: "4",
        });
        const { load, results } = await loadThroughFaults(cluster, svc);

        // While the database refuses connections: probes and requests answer at once.
        await cluster.stop("fast");
        const probe = async (path: string) => {
          const started = performance.now();
          const res = await fetch(`${svc!.url}${path}`, { signal: AbortSignal.timeout(8000) })
            .catch((err) => {
              const lines = svc!.output().split("\n").filter((l) => !/"level":"info"/.test(l));
              throw new Error(`${path} failed: ${err}\n${lines.slice(-40).join("\n")}`);
            });
          await res.body?.cancel();
          return { status: res.status, ms: performance.now() - started, retry: res.headers };
        };
        assert.equal((await probe("/healthz")).status, 200);
        const ready = await probe("/readyz");
        assert.equal(ready.status, 503);
        assert.ok(ready.ms < 5000, `readyz answered in ${ready.ms} ms`);
        await pause(2000);
        const upAt = performance.now() - load.started;
        await cluster.start();
        results.push({
          fault: "refused connections for 2 s",
          recoveryMs: await recovery(load, upAt),
          alive: true,
        });
        await pause(1000);
        const rep = await load.stop();
        console.table(results);
        console.log(JSON.stringify(rep.statuses));
        assertClean(results, rep, svc.output());

        // LISTEN is back: a logout on another instance is honoured here before the poll.
        await within(5000, async () => Number(await cluster.psql(LISTENERS)) >= 1);
        assert.equal(Number(await cluster.psql(LISTENERS)), 1, "this instance listens again");
        const other = await startService({
          DATABASE_URL: cluster.url,
          JWT_SECRET: TEST_JWT_SECRET,
        });
        try {
          const ms = await logoutElsewhere(svc.url, other.url);
          console.log(`logout on another instance honoured after ${Math.round(ms)} ms`);
          assert.ok(ms >= 0 && ms < 1000, `honoured within 1 s, not at the 2 s poll (${ms} ms)`);
        } finally {
          await other.stop();
        }
        assert.equal(await svc.stop("SIGTERM"), 0);
        const loss = await checkLosses(cluster.url, rep);
        console.log(JSON.stringify(loss));
        assertNoLoss(loss);
      } finally {
        await svc?.stop();
        await cluster.destroy();
      }
    },
  });

  Deno.test({
    name: "deno serve --parallel rides through restarts, kills and terminated backends",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const cluster = await startCluster();
      let svc: ServiceProcess | undefined;
      try {
        svc = await startContainerCommand({
          DATABASE_URL: cluster.url,
          JWT_SECRET: TEST_JWT_SECRET,
          DB_POOL_MAX: "3",
        });
        const { load, results } = await loadThroughFaults(cluster, svc);
        await pause(1000);
        const rep = await load.stop();
        console.table(results);
        assertClean(results, rep, svc.output());
        // LISTEN is back on every worker: a logout made after recovery is honoured at once.
        const listeners = await within(5000, async () => {
          return Number(await cluster.psql(LISTENERS)) >= 2;
        });
        assert.ok(listeners >= 0, "each worker listens again");
        assert.equal(await svc.stop("SIGTERM"), 0);
        assertNoLoss(await checkLosses(cluster.url, rep));
      } finally {
        await svc?.stop();
        await cluster.destroy();
      }
    },
  });

  Deno.test({
    name: "start-up waits for a database that is down, and gives up after DB_STARTUP_TIMEOUT",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const cluster = await startCluster();
      try {
        await cluster.stop("fast");
        const svc = await startService({
          DATABASE_URL: cluster.url,
          JWT_SECRET: TEST_JWT_SECRET,
          DB_STARTUP_TIMEOUT: "60",
        }, { ready: false });
        try {
          const status = async (path: string) => {
            const res = await fetch(`${svc.url}${path}`);
            await res.body?.cancel();
            return { status: res.status, retry: res.headers.get("Retry-After") };
          };
          assert.equal((await status("/healthz")).status, 200);
          assert.equal((await status("/readyz")).status, 503);
          assert.deepEqual(await status("/api/doctors/"), { status: 503, retry: "2" });
          await pause(1500);
          await cluster.start();
          const started = performance.now();
          await waitReady(svc, 10_000);
          const ms = performance.now() - started;
          console.log(`ready ${Math.round(ms)} ms after the database accepted connections`);
          assert.ok(ms <= 5000, `ready within 5 s (${ms} ms)`);
          assert.match(svc.output(), /database not reachable yet; retrying.*"attempt":2/);
          assert.equal(await svc.stop("SIGTERM"), 0);
        } finally {
          await svc.stop();
        }

        // A listener that is not PostgreSQL and hangs up at once: same deadline, no password.
        const fake = Deno.listen({ hostname: "127.0.0.1", port: 0 });
        (async () => {
          for await (const conn of fake) conn.close();
        })().catch(() => {});
        const port = (fake.addr as Deno.NetAddr).port;
        const child = await new Deno.Command(Deno.execPath(), {
          args: ["run", "-A", "main.ts", "--migrate"],
          cwd: new URL("../", import.meta.url),
          clearEnv: true,
          env: {
            PATH: Deno.env.get("PATH") ?? "",
            HOME: Deno.env.get("HOME") ?? "/tmp",
            DATABASE_URL: `postgres://clinic:hunter2-secret@127.0.0.1:${port}/records`,
            JWT_SECRET: TEST_JWT_SECRET,
            DB_STARTUP_TIMEOUT: "3",
          },
          stdout: "piped",
          stderr: "piped",
        }).output();
        fake.close();
        const text = new TextDecoder().decode(child.stdout) +
          new TextDecoder().decode(child.stderr);
        assert.notEqual(child.code, 0);
        assert.match(text, /Cannot reach the database at 127\.0\.0\.1:\d+\/records within 3 s/);
        assert.ok((text.match(/retrying/g) ?? []).length >= 2, "a line per attempt");
        assert.doesNotMatch(text, /hunter2/);
      } finally {
        await cluster.destroy();
      }
    },
  });
}
