/**
 * Losing the database server: a Patroni cluster (etcd, two PostgreSQL nodes with synchronous
 * replication, HAProxy) from `deno task cluster`, two service instances (one through a
 * multi-host DATABASE_URL, one through HAProxy) under 16 clients, and the leader lost three
 * ways in a row: its node, its postmaster alone, a planned switchover. Nothing acknowledged
 * may be lost, writes resume within 15 s (3 s for a switchover), clients see only answers
 * (503 with Retry-After while there is no primary), and neither instance restarts.
 */
import assert from "node:assert/strict";
import {
  callJson,
  registerOn,
  runToEnd,
  SERVER_URL,
  type ServiceProcess,
  startService,
  TEST_JWT_SECRET,
  within,
} from "./helpers.ts";
import * as cluster from "../scripts/cluster.ts";
import { haRound } from "./ha_faults.ts";
import { type Cluster, freePort, startCluster } from "./pg_cluster.ts";
import { createClient } from "../db/client.ts";
import { isUnavailable } from "../lib/errors.ts";

/** Limits of the issue: seconds without a write answered, per fault. */
const RESUME_LIMIT_S = { node: 15, postmaster: 15, switchover: 3 };

/** Runs `deno task cluster <args>` as an operator would: its exit code and output. */
function clusterTask(...args: string[]): Promise<{ code: number; output: string }> {
  return runToEnd(
    new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", "cluster", ...args],
      cwd: new URL("..", import.meta.url),
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }),
  );
}

/** Whether a client of `url` lands on a primary (false), a standby (true), or fails (its code). */
async function landsOn(url: string, readOnly = false): Promise<boolean | string> {
  const db = createClient(url, 1, { readOnly });
  try {
    const [row] = await db<{ standby: boolean }[]>`select pg_is_in_recovery() as standby`;
    return row.standby;
  } catch (err) {
    assert.ok(isUnavailable(err), `a 503, not a 500: ${err}`);
    return (err as { code: string }).code;
  } finally {
    await db.end({ timeout: 1 });
  }
}

if (SERVER_URL) {
  Deno.test({
    name: "ha: the service's connections reach the server that accepts writes, whatever the order",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const clusters: Cluster[] = [];
      try {
        const primary = await startCluster("app");
        clusters.push(primary);
        const standby = await startCluster("app", { standbyOf: primary });
        clusters.push(standby);
        const host = (c: Cluster) => `127.0.0.1:${c.port}`;
        const multi = (...hosts: string[]) => `postgres://postgres@${hosts.join(",")}/app`;
        const dead = `127.0.0.1:${freePort()}`;
        // The standby answers read-only at start-up and is passed over, first or last.
        assert.equal(await landsOn(multi(host(standby), host(primary))), false);
        assert.equal(await landsOn(multi(host(primary), host(standby))), false);
        // A host that refuses is skipped too (a lost node).
        assert.equal(await landsOn(multi(dead, host(standby), host(primary))), false);
        // With no writable host the query fails at once, as unavailable (503), not after a wait.
        const started = performance.now();
        assert.equal(await landsOn(multi(host(standby))), "25006");
        // The refusing host is the last one tried: its error is the one reported.
        assert.equal(await landsOn(multi(dead, host(standby))), "ECONNREFUSED");
        assert.ok(performance.now() - started < 2000, "no writable server: answered at once");
        // Replica clients may use the standby.
        assert.equal(await landsOn(multi(host(standby)), true), true);
        // target_session_attrs is libpq's spelling; the driver's own check of it would take
        // the standby (it reads default_transaction_read_only only), so it is ours.
        assert.equal(
          await landsOn(`${multi(host(standby), host(primary))}?target_session_attrs=read-write`),
          false,
        );
      } finally {
        for (const c of clusters.reverse()) await c.destroy();
      }
    },
  });

  Deno.test({
    name: "ha: a commit the synchronous standby never confirmed is answered as saved, and logged",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const primary = await startCluster("app");
      let svc: ServiceProcess | undefined;
      try {
        svc = await startService({
          DATABASE_URL: primary.url,
          JWT_SECRET: TEST_JWT_SECRET,
          DB_STATEMENT_TIMEOUT_MS: "400",
        });
        const user = await registerOn(svc.url, "sync");
        // Commits now wait for a standby that never comes. DB_STATEMENT_TIMEOUT_MS does not
        // end that wait (the server stops the statement timer before the commit).
        await primary.psql("alter system set synchronous_standby_names = 'nobody'");
        await primary.psql("select pg_reload_conf()");
        const pending = callJson(svc.url, "POST", "/api/patients/", user.token, {
          name: "Sync Wait",
          gender: "female",
        });
        const waiting = "select count(*) from pg_stat_activity where wait_event = 'SyncRep'";
        assert.ok(
          await within(5000, async () => (await primary.psql(waiting)).trim() !== "0") >= 0,
          "the commit waits for the standby",
        );
        await new Promise((r) => setTimeout(r, 1000));
        assert.notEqual((await primary.psql(waiting)).trim(), "0", "still waiting after 1 s");
        // An operator cancels the wait: the server keeps the transaction and answers the commit.
        await primary.psql(
          "select pg_cancel_backend(pid) from pg_stat_activity where wait_event = 'SyncRep'",
        );
        const res = await pending;
        // Not a 503: the write is committed, and saying it failed would invite a duplicate.
        assert.equal(res.status, 201);
        await primary.psql("alter system reset synchronous_standby_names");
        await primary.psql("select pg_reload_conf()");
        const db = createClient(primary.url, 1);
        try {
          const rows = await db`select 1 from patients where id = ${res.body.id}`;
          assert.equal(rows.length, 1, "the patient answered 201 is stored");
        } finally {
          await db.end();
        }
        const logged = await within(
          2000,
          () => Promise.resolve(svc!.output().includes("for the synchronous standby")),
        );
        assert.ok(logged >= 0, "the unconfirmed commit is logged");
      } finally {
        await svc?.stop();
        await primary.destroy();
      }
    },
  });

  Deno.test({
    name: "ha: failover under load loses no acknowledged write, through both routings",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const missing = cluster.missingPackages();
      assert.deepEqual(
        missing,
        [],
        `the HA test needs apt-get install -y ${missing.join(" ")} (.ci/run installs them)`,
      );
      // Started, read and stopped through the task, whose output outside checks script.
      const started = await clusterTask("up");
      assert.equal(started.code, 0, started.output);
      const lines = started.output.trim().split("\n");
      const dir = lines.find((l) => l.startsWith("CLUSTER_DIR="))!.slice("CLUSTER_DIR=".length);
      assert.match(
        lines.at(-2)!,
        /^DATABASE_URL_MULTIHOST=postgres:\/\/\S+,\S+\?target_session_attrs=read-write$/,
      );
      assert.match(lines.at(-1)!, /^DATABASE_URL_HAPROXY=postgres:\/\/\S+$/);
      let stopped = false;
      try {
        const shown = await clusterTask("status", "--dir", dir);
        assert.equal(shown.code, 0, shown.output);
        const before = JSON.parse(shown.output) as cluster.NodeStatus[];
        assert.deepEqual(before.map((n) => n.role).sort(), ["leader", "replica"]);
        for (const node of before) {
          assert.deepEqual(Object.keys(node).sort(), [
            "api",
            "data_dir",
            "host",
            "name",
            "patroni_pid",
            "port",
            "role",
            "state",
          ]);
          assert.ok(node.patroni_pid! > 0 && node.api.startsWith("http://"));
        }
        const r = await haRound(dir, ["node", "postmaster", "switchover"], {
          workers: 16,
          log: (line) => console.log(line),
        });
        for (const row of r.rows) {
          console.log(
            `${row.routing} ${row.fault}: elected ${row.electedS.toFixed(1)} s, first write ` +
              `${row.firstWriteS.toFixed(2)} s, writes stopped ${
                row.writesStoppedS.toFixed(2)
              } s, ` +
              `${row.unavailable} × 503`,
          );
        }
        const why = `\n${JSON.stringify(r.rows)}\n${r.output.slice(-4000)}`;
        for (const row of r.rows) {
          const what = `${row.routing} ${row.fault}`;
          assert.ok(row.firstWriteS > 0, `${what}: writes never resumed${why}`);
          assert.ok(
            row.writesStoppedS <= RESUME_LIMIT_S[row.fault],
            `${what}: writes stopped for ${row.writesStoppedS} s${why}`,
          );
          // After a kill, writes resume within the limit of the kill itself. A switchover is
          // asked for first and demotes the leader later: its measure is the gap alone.
          if (row.fault !== "switchover") {
            assert.ok(
              row.firstWriteS <= RESUME_LIMIT_S[row.fault],
              `${what}: writes resumed ${row.firstWriteS} s after the kill${why}`,
            );
          }
        }
        // Every fault cost some 503s somewhere, or the faults did not happen.
        assert.ok(r.rows.some((row) => row.unavailable > 0), `no 503 at all${why}`);
        for (const [routing, rep] of Object.entries(r.reports)) {
          // 409: a worker whose new patient was answered 503 assigns its previous patient
          // again (the load assigns each worker's newest one), a duplicate assignment.
          const statuses = Object.keys(rep.statuses).map(Number).sort();
          assert.deepEqual(
            statuses.filter((s) => ![200, 201, 409, 503].includes(s)),
            [],
            `${routing}: answers other than 200, 201, 409 and 503: ${
              JSON.stringify(rep.statuses)
            }${why}`,
          );
          assert.equal(rep.hung, 0, `${routing}: hung requests ${rep.hungRequests}`);
          assert.equal(rep.noRetryAfter, 0, `${routing}: 503 without Retry-After`);
          assert.ok(rep.createdPatients.length > 100, `${routing}: too few writes to judge`);
        }
        for (const [routing, loss] of Object.entries(r.losses)) {
          assert.deepEqual(
            { ...loss, listeners: 0 },
            {
              lostPatients: 0,
              lostUpdates: 0,
              lostMappings: 0,
              lostAuditEvents: 0,
              writesWithoutEvent: 0,
              listeners: 0,
            },
            `${routing} lost acknowledged work`,
          );
        }
        assert.equal(r.listeners, 2, "each instance's LISTEN connection on the new leader");
        assert.ok(r.alive, `an instance died${why}`);
        assert.deepEqual(r.exitCodes, [0, 0], "both instances stop cleanly on SIGTERM");
        // The lost leaders came back as replicas: one leader, every node running.
        const after = await cluster.status(dir);
        assert.deepEqual(after.map((n) => n.role).sort(), ["leader", "replica"]);
        assert.deepEqual(after.map((n) => n.name), before.map((n) => n.name));
        const down = await clusterTask("down", "--dir", dir);
        assert.equal(down.code, 0, down.output);
        stopped = true;
        // Nothing of the cluster is left: its processes and its (temporary) directory.
        for (const node of after) assert.ok(!cluster.alive(node.patroni_pid), node.name);
        assert.equal(await Deno.stat(dir).catch(() => null), null);
      } finally {
        if (!stopped) await cluster.down(dir).catch(() => {});
      }
    },
  });
}
