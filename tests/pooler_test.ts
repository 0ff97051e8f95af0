/**
 * The service behind PgBouncer in transaction mode (DATABASE_POOLER=transaction): three
 * processes × 10 connections share 20 server connections under mixed load without an error
 * or a lost write, LISTEN goes straight to the server (DATABASE_LISTEN_URL), and a logout on
 * one process ends the session on the others within 1 s.
 */
import assert from "node:assert/strict";
import { SERVER_URL, type ServiceProcess, startService, TEST_JWT_SECRET } from "./helpers.ts";
import { type Bouncer, type Cluster, startCluster, startPgBouncer } from "./pg_cluster.ts";
import { createClient } from "../db/client.ts";
import { startLoad } from "./load.ts";
import { checkLosses, logoutElsewhere } from "./faults.ts";

if (SERVER_URL) {
  Deno.test({
    name: "pooler: three processes through PgBouncer in transaction mode",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn(t) {
      let cluster: Cluster | undefined;
      let bouncer: Bouncer | undefined;
      const services: ServiceProcess[] = [];
      try {
        cluster = await startCluster("app");
        bouncer = await startPgBouncer(cluster, "app", 20);

        await t.step(
          "without DATABASE_POOLER the pooler refuses our startup settings",
          async () => {
            const direct = createClient(bouncer!.url, 1, { statementTimeoutMs: 5000 });
            await assert.rejects(direct`select 1`.execute(), /unsupported startup parameter/);
            await direct.end();
          },
        );

        const env = {
          DATABASE_URL: bouncer.url,
          DATABASE_POOLER: "transaction",
          DATABASE_LISTEN_URL: cluster.url,
          JWT_SECRET: TEST_JWT_SECRET,
          DB_POOL_MAX: "10",
        };
        // The first one migrates; then the others.
        services.push(await startService(env));
        services.push(...await Promise.all([startService(env), startService(env)]));

        await t.step("the role lacks the statement timeout: the service says so", () => {
          assert.ok(
            /statement_timeout on the server differs/.test(services[0].output()),
            "a warning names statement_timeout",
          );
        });

        await t.step(
          "a logout on one process ends the session on the others within 1 s",
          async () => {
            for (const [here, there] of [[0, 1], [1, 2], [2, 0]]) {
              const took = await logoutElsewhere(services[here].url, services[there].url);
              assert.ok(took >= 0 && took <= 1000, `refused after ${took} ms`);
            }
          },
        );

        await t.step("mixed load on every process: no error, nothing lost", async () => {
          const loads = await Promise.all(
            services.map((s) =>
              startLoad({
                base: s.url,
                workers: 8,
                loginEvery: 1000,
                onHung: async () =>
                  await cluster!.psql(
                    "select pid, state, wait_event_type, wait_event, now() - xact_start, left(query, 100) from pg_stat_activity where datname = 'app'",
                  ) + "\n" + await bouncer!.admin("SHOW CLIENTS") + "\n" +
                  await bouncer!.admin("SHOW POOLS") + "\n" +
                  (await bouncer!.log()).split("\n").filter((l) => !/ LOG /.test(l)).join("\n"),
              })
            ),
          );
          await new Promise((r) => setTimeout(r, 5000));
          const reports = await Promise.all(loads.map((l) => l.stop()));
          for (const rep of reports) {
            const statuses = JSON.stringify(rep.statuses);
            assert.ok(rep.requests > 100, `a worker's requests: ${rep.requests}`);
            assert.equal(rep.bad5xx, 0, statuses);
            assert.equal(rep.statuses[503] ?? 0, 0, statuses);
            assert.equal(rep.statuses[0] ?? 0, 0, statuses);
            assert.equal(
              rep.hung,
              0,
              `${statuses} ${rep.hungRequests.join(", ")}\n${rep.activityWhenHung}`,
            );
          }
          const pools = await bouncer!.admin("SHOW POOLS");
          const row = pools.split("\n").find((l) => l.startsWith("app|"))!.split("|");
          // database|user|cl_active|cl_waiting|cl_active_cancel_req|cl_waiting_cancel_req|
          // sv_active|sv_active_cancel|sv_being_canceled|sv_idle|sv_used|sv_tested|sv_login|…
          const servers = [6, 9, 10, 11, 12].reduce((n, i) => n + Number(row[i]), 0);
          assert.ok(servers > 0 && servers <= 20, `server connections in use: ${servers}`);

          // Stopped, each process writes the read audit events it still holds.
          for (const code of await Promise.all(services.splice(0).map((s) => s.stop()))) {
            assert.equal(code, 0);
          }
          for (const rep of reports) {
            const loss = await checkLosses(cluster!.url, rep);
            assert.deepEqual(
              [loss.lostPatients, loss.lostUpdates, loss.lostMappings, loss.lostAuditEvents],
              [0, 0, 0, 0],
            );
          }
        });
      } finally {
        await Promise.all(services.map((s) => s.stop()));
        await bouncer?.stop();
        await cluster?.destroy();
      }
    },
  });
}
