/**
 * Read replicas (DATABASE_REPLICA_URL) on a private primary and a streaming standby of it:
 * a session reads its own writes at once although the standby applies WAL 500 ms late, other
 * sessions' lists are served by the standby (its own statistics count them), and stopping the
 * standby under read load moves the reads to the primary without one error.
 */
import assert from "node:assert/strict";
import {
  callJson as call,
  registerOn,
  SERVER_URL,
  startService,
  TEST_JWT_SECRET,
  within,
} from "./helpers.ts";
import { type Cluster, startCluster } from "./pg_cluster.ts";
import { createClient } from "../db/client.ts";
import { createApp } from "../app.ts";
import { replicaReads } from "../middleware/replica.ts";
import { testConfig } from "./helpers.ts";

/** Every GET route that reads from a replica, from the route table itself. */
function replicaRoutes(): string[] {
  const app = createApp(testConfig({ JWT_SECRET: TEST_JWT_SECRET }));
  const paths = app.routes.filter((r) => r.handler === replicaReads).map((r) => r.path);
  return [...new Set(paths)].sort();
}

/** Sequential and index scans of `patients` on one server, from its own statistics. */
async function patientScans(url: string): Promise<number> {
  const db = createClient(url, 1, { readOnly: true });
  try {
    const [row] = await db<{ scans: string }[]>`
      select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as scans
      from pg_stat_user_tables where relname = 'patients'`;
    return Number(row.scans);
  } finally {
    await db.end();
  }
}

/** `hc_db_replica_reads_total` of the standby on `port`, from the service's metrics. */
async function replicaReadsOf(url: string, port: number): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`, {
    headers: { Authorization: "Bearer metrics-token-0123456789" },
  })).text();
  return Number(
    metrics.match(
      new RegExp(
        `^hc_db_replica_reads_total\\{replica="127\\.0\\.0\\.1:${port}/app"\\} (\\d+)$`,
        "m",
      ),
    )?.[1],
  );
}

async function signIn(url: string, email: string) {
  const res = await call(url, "POST", "/api/auth/login/", undefined, {
    email,
    password: "Copper-Kettle-1182",
  });
  assert.equal(res.status, 200);
  return res.body.access as string;
}

/** The id of the caller's newest patient, as a list shows it. */
async function newestPatient(url: string, token: string): Promise<number | undefined> {
  const res = await call(url, "GET", "/api/patients/?ordering=-id&limit=1", token);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.results[0]?.id;
}

if (SERVER_URL) {
  Deno.test({
    name: "replicas: read-your-writes against a late standby, and reads survive losing it",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn(t) {
      const clusters: Cluster[] = [];
      let svc: Awaited<ReturnType<typeof startService>> | undefined;
      try {
        const primary = await startCluster("app");
        clusters.push(primary);
        const standby = await startCluster("app", {
          standbyOf: primary,
          settings: ["recovery_min_apply_delay=500ms"],
        });
        clusters.push(standby);
        svc = await startService({
          DATABASE_URL: primary.url,
          DATABASE_REPLICA_URL: standby.url,
          // The standby is 500 ms late by design: it must stay in use.
          REPLICA_MAX_LAG_MS: "5000",
          JWT_SECRET: TEST_JWT_SECRET,
          SEARCHES_PER_USER: "16",
          METRICS_TOKEN: "metrics-token-0123456789",
        });
        const url = svc.url;
        assert.ok(
          await within(
            10_000,
            () => Promise.resolve(/read replica answering/.test(svc!.output())),
          ) >= 0,
          "the service found the standby",
        );

        await t.step("1,000 rounds of write-then-list by one session never miss", async () => {
          const writer = await registerOn(url, "writer");
          // The same user signed in again: another session, which may read the standby.
          const other = await signIn(url, writer.email);
          const reader = await registerOn(url, "reader");
          assert.equal(
            (await call(url, "POST", "/api/patients/", reader.token, { name: "Kept" })).status,
            201,
          );
          await new Promise((r) => setTimeout(r, 1500)); // the standby replays the setup
          const scans = { primary: await patientScans(primary.url), standby: 0 };
          scans.standby = await patientScans(standby.url);

          let missed = 0;
          let otherMissed = 0;
          let readerLists = 0;
          const ROUNDS = 1000;
          for (let i = 0; i < ROUNDS; i++) {
            const made = await call(url, "POST", "/api/patients/", writer.token, {
              name: `Round ${i}`,
            });
            assert.equal(made.status, 201);
            if (await newestPatient(url, writer.token) !== made.body.id) missed++;
            if (i % 20 === 0) {
              if (await newestPatient(url, other) !== made.body.id) otherMissed++;
              assert.equal(
                (await call(url, "GET", "/api/patients/", reader.token)).body.count,
                1,
              );
              readerLists++;
            }
          }
          console.log(`another session missed ${otherMissed} of ${readerLists} fresh writes`);
          assert.equal(missed, 0, `the writing session missed ${missed} of its own writes`);
          // The check can fail: another session of the same user, read from the late standby,
          // does not see a write made a moment before.
          assert.ok(
            otherMissed >= readerLists / 2,
            `another session missed only ${otherMissed} of ${readerLists} fresh writes`,
          );
          const primaryScans = await patientScans(primary.url) - scans.primary;
          const standbyScans = await patientScans(standby.url) - scans.standby;
          assert.ok(
            primaryScans >= ROUNDS,
            `the writer's ${ROUNDS} lists ran on the primary (${primaryScans} scans there)`,
          );
          assert.ok(
            standbyScans >= 2 * readerLists,
            `other sessions' ${2 * readerLists} lists ran on the standby (${standbyScans} scans)`,
          );
          // The service counts them too, per replica, for its operators.
          const metrics = await (await fetch(`${url}/metrics`, {
            headers: { Authorization: "Bearer metrics-token-0123456789" },
          })).text();
          const series = (name: string) =>
            Number(
              metrics.match(
                new RegExp(
                  `^${name}\\{replica="127\\.0\\.0\\.1:${standby.port}/app"\\} (\\S+)$`,
                  "m",
                ),
              )?.[1],
            );
          assert.equal(series("hc_db_replica_up"), 1);
          assert.ok(series("hc_db_replica_reads_total") >= 2 * readerLists, metrics);
          assert.ok(series("hc_db_replica_lag_seconds") >= 0);
        });

        await t.step("a write on one process is read at once on another", async () => {
          // A second process on the same primary and standby: a balancer may send a session's
          // next request to either.
          const second = await startService({
            DATABASE_URL: primary.url,
            DATABASE_REPLICA_URL: standby.url,
            REPLICA_MAX_LAG_MS: "5000",
            JWT_SECRET: TEST_JWT_SECRET,
            SEARCHES_PER_USER: "16",
          });
          try {
            const writer = await registerOn(url, "traveller");
            // Two sessions of one user: the first writes through the first process and lists
            // through the second, the other the other way round. Neither process serving a
            // session's lists ever answers its writes.
            const sessions = [writer.token, await signIn(second.url, writer.email)];
            const other = await signIn(url, writer.email);
            // Both processes find the standby and begin to use it.
            assert.ok(
              await within(
                10_000,
                () => Promise.resolve(/read replica answering/.test(second.output())),
              ) >=
                0,
            );
            await new Promise((r) => setTimeout(r, 1500));
            let missed = 0;
            let otherMissed = 0;
            let otherLists = 0;
            const ROUNDS = 1000;
            for (let i = 0; i < ROUNDS; i++) {
              const half = i < ROUNDS / 2 ? 0 : 1;
              const [from, to] = half ? [second.url, url] : [url, second.url];
              const made = await call(from, "POST", "/api/patients/", sessions[half], {
                name: `Traveller ${i}`,
              });
              assert.equal(made.status, 201);
              if (await newestPatient(to, sessions[half]) !== made.body.id) missed++;
              if (i % 20 === 0) {
                otherLists++;
                if (await newestPatient(to, other) !== made.body.id) otherMissed++;
              }
            }
            console.log(`another session missed ${otherMissed} of ${otherLists} fresh writes`);
            assert.equal(missed, 0, `the writing session missed ${missed} of ${ROUNDS} writes`);
            // The check can fail: both processes serve sessions that did not write from the
            // late standby.
            assert.ok(
              otherMissed >= otherLists / 2,
              `another session missed only ${otherMissed} of ${otherLists} fresh writes`,
            );
          } finally {
            await second.stop();
          }
        });

        await t.step("every route marked for replicas answers from the standby", async () => {
          const routes = replicaRoutes();
          assert.ok(routes.length >= 20, `routes that read from replicas: ${routes.join(", ")}`);
          const owner = await registerOn(url, "chief");
          const made = async (path: string, body: unknown) => {
            const res = await call(url, "POST", path, owner.token, body);
            assert.equal(res.status, 201, JSON.stringify(res.body));
            return res.body.id as number;
          };
          const clinic = await made("/api/clinics/", { name: "Read Ward" });
          const patient = await made("/api/patients/", { name: "Read Patient", clinic });
          const doctor = await made("/api/doctors/", {
            name: "Dr Read",
            email: `read.${crypto.randomUUID().slice(0, 8)}@example.com`,
            specialization: "cardiology",
            license_number: `LIC-${crypto.randomUUID().slice(0, 8)}`,
          });
          await made("/api/mappings/", { patient, doctor });
          const admin = createClient(primary.url, 1);
          await admin`update users set role = 'admin' where email = ${owner.email}`;
          await admin.end();
          await new Promise((r) => setTimeout(r, 1500)); // the standby replays it all
          // A new session of the (now) admin, which has written nothing: it reads the standby.
          const token = await signIn(url, owner.email);
          const ids: Record<string, number> = {
            "/api/patients": patient,
            "/api/doctors": doctor,
            "/api/clinics": clinic,
            "/api/appointments": 1,
            "/api/documents": 1,
            "/fhir/Patient": patient,
            "/fhir/Practitioner": doctor,
          };
          const readsBefore = await replicaReadsOf(url, standby.port);
          const answers: string[] = [];
          for (const route of routes) {
            const base = route.slice(0, route.indexOf("/:") < 0 ? undefined : route.indexOf("/:"));
            // A Slot search must name its schedule (a doctor's: empty without working hours).
            const query = route === "/fhir/Slot" ? `?schedule=Schedule/${doctor}` : "";
            const path = route.replace(":id", String(ids[base])) + query;
            const res = await call(url, "GET", path, token);
            answers.push(`${path} ${res.status}`);
          }
          // An appointment or document that does not exist is 404; everything else answers 200.
          const wrong = answers.filter((a) =>
            !/ 200$/.test(a) && !/^\/api\/(appointments|documents)\/1\/history 404$/.test(a)
          );
          assert.deepEqual(wrong, [], answers.join("\n"));
          assert.ok(
            await replicaReadsOf(url, standby.port) - readsBefore >= routes.length,
            "the standby served them",
          );
        });

        await t.step("a standby lagging past REPLICA_MAX_LAG_MS gets no reads", async () => {
          // A second process that allows 200 ms: under steady writes the standby is ~500 ms late.
          const strict = await startService({
            DATABASE_URL: primary.url,
            DATABASE_REPLICA_URL: standby.url,
            REPLICA_MAX_LAG_MS: "200",
            JWT_SECRET: TEST_JWT_SECRET,
          });
          try {
            const writer = await registerOn(strict.url, "busy");
            const reader = await registerOn(strict.url, "looker");
            let writing = true;
            const writes = (async () => {
              for (let i = 0; writing; i++) {
                await call(strict.url, "POST", "/api/patients/", writer.token, {
                  name: `Busy ${i}`,
                });
                await new Promise((r) => setTimeout(r, 20));
              }
            })();
            await new Promise((r) => setTimeout(r, 1500));
            const before = await patientScans(standby.url);
            for (let i = 0; i < 30; i++) {
              assert.equal(
                (await call(strict.url, "GET", "/api/patients/", reader.token)).status,
                200,
              );
            }
            writing = false;
            await writes;
            await new Promise((r) => setTimeout(r, 1500));
            assert.equal(await patientScans(standby.url) - before, 0, "no list ran on the standby");
            // The same lists once the writes stop and the standby catches up: it serves them.
            const idle = await patientScans(standby.url);
            for (let i = 0; i < 30; i++) {
              await call(strict.url, "GET", "/api/patients/", reader.token);
            }
            assert.ok(
              await within(5000, async () => await patientScans(standby.url) > idle) >= 0,
              "the caught-up standby served lists again",
            );
          } finally {
            await strict.stop();
          }
        });

        await t.step("stopping the standby under read load: every read still answers", async () => {
          const user = await registerOn(url, "steady");
          let patient = 0;
          for (let i = 0; i < 5; i++) {
            patient = (await call(url, "POST", "/api/patients/", user.token, {
              name: `Steady ${i}`,
            })).body.id;
          }
          const madeDoctor = await call(url, "POST", "/api/doctors/", user.token, {
            name: "Dr Steady",
            email: `steady.${crypto.randomUUID().slice(0, 8)}@example.com`,
            specialization: "cardiology",
            license_number: `LIC-${crypto.randomUUID().slice(0, 8)}`,
          });
          assert.equal(madeDoctor.status, 201, JSON.stringify(madeDoctor.body));
          const doctor = madeDoctor.body.id;
          assert.equal(
            (await call(url, "POST", "/api/mappings/", user.token, { patient, doctor })).status,
            201,
          );
          await new Promise((r) => setTimeout(r, 1500));
          // A new session of the user, which has written nothing.
          const token = await signIn(url, user.email);
          const before = await patientScans(standby.url);
          const paths = [
            "/api/patients/",
            "/api/doctors/",
            "/fhir/Patient?_count=5",
            "/api/patients/?search=steady",
          ];
          // Lists whose queries read doctors and schedules directly, not through a patient.
          const direct = [
            `/api/patients/${patient}/doctors/`,
            `/api/doctors/${doctor}/history/`,
            `/fhir/Slot?schedule=Schedule/${doctor}`,
          ];
          let stop = false;
          const failures: string[] = [];
          let answered = 0;
          const readers = Array.from({ length: 16 }, async (_, i) => {
            const mine = i % 2 ? direct : paths;
            for (let n = 0; !stop; n++) {
              const path = mine[(i + n) % mine.length];
              const res = await call(url, "GET", path, token);
              if (res.status !== 200) failures.push(`${path}: ${res.status}`);
              else answered++;
            }
          });
          await new Promise((r) => setTimeout(r, 1000));
          const servedBefore = await patientScans(standby.url) - before;
          await standby.stop("fast");
          await new Promise((r) => setTimeout(r, 2000));
          stop = true;
          await Promise.all(readers);
          assert.deepEqual(failures.slice(0, 5), [], `${failures.length} reads failed`);
          assert.ok(servedBefore > 0, "the standby served reads before it stopped");
          assert.ok(answered > 50, `only ${answered} reads answered`);
          assert.ok(/read replica not answering/.test(svc!.output()), "the loss was logged");

          // Back again: reads return to it.
          await standby.start();
          const back = await within(10_000, async () => {
            await call(url, "GET", "/api/patients/", token);
            return (svc!.output().match(/read replica answering/g) ?? []).length >= 2;
          });
          assert.ok(back >= 0, "the service found the standby again");
          const again = await patientScans(standby.url);
          for (let i = 0; i < 10; i++) await call(url, "GET", "/api/patients/", token);
          // A server publishes a backend's counts within about a second of its last query.
          assert.ok(
            await within(5000, async () => await patientScans(standby.url) > again) >= 0,
            "reads went back to the standby",
          );
        });
      } finally {
        if (svc) await svc.stop();
        for (const c of clusters.reverse()) await c.destroy();
      }
    },
  });
}
