/**
 * `deno task bench:pooler`: six service processes × DB_POOL_MAX 10, driven by 64 clients, with
 * their database reached three ways in one run: directly (60 server connections, statements
 * prepared and pipelined), directly with DATABASE_POOLER=transaction (what the pooler's
 * protocol limits cost by themselves), and through PgBouncer in transaction mode with 20
 * server connections. Per way: a read mix (one patient, a list page) and a write (a new patient).
 *
 *   deno task bench:pooler [--seconds 60] [--processes 6] [--clients 64] [--server-connections 20]
 *                          [--reverse]
 */
import { parseArgs } from "node:util";
import {
  createDatabase,
  log,
  type Result,
  runWrk,
  type Server,
  start,
  START_V8_FLAGS,
} from "./tools.ts";
import { startPgBouncer } from "../tests/pg_cluster.ts";
import { callJson } from "../tests/helpers.ts";

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    seconds: { type: "string", default: "60" },
    processes: { type: "string", default: "6" },
    clients: { type: "string", default: "64" },
    "server-connections": { type: "string", default: "20" },
    server: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    // The ways in the opposite order: the machine's speed drifts during a run.
    reverse: { type: "boolean" },
  },
});
const SECONDS = Number(flags.seconds);
const PROCESSES = Number(flags.processes);
const CLIENTS = Number(flags.clients);
const SERVER_CONNECTIONS = Number(flags["server-connections"]);
const USERS = 32;
const PATIENTS_EACH = 20;
const SECRET = `bench-secret-${crypto.randomUUID()}-${crypto.randomUUID()}`;
const PERMISSIONS = ["--allow-net", "--allow-env", "--allow-read", "--allow-write", "--allow-sys"];

/** A JSON call that must succeed: its body. */
async function json(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await callJson(base, method, path, token, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status}`);
  return res.body;
}

function startAll(env: Record<string, string>): Promise<Server[]> {
  return Promise.all(
    Array.from({ length: PROCESSES }, () =>
      start(
        ["run", `--v8-flags=${START_V8_FLAGS}`, ...PERMISSIONS, "server.ts"],
        env,
        "/readyz",
      )),
  );
}

/** Each process gets its share of the clients, all at once: the sum of rates, the worst p99. */
async function drive(
  servers: Server[],
  load: { name: string; method: string; paths: string[]; tokens: string[]; bodies?: string[] },
  seconds: number,
  work: string,
): Promise<Result> {
  const results = await Promise.all(servers.map((s, i) => {
    const connections = Math.floor(CLIENTS / servers.length) +
      (i < CLIENTS % servers.length ? 1 : 0);
    return runWrk(s.base, load, {
      bodies: load.bodies,
      seconds,
      connections,
      threads: 1,
      work,
    });
  }));
  return {
    rps: results.reduce((n, r) => n + r.rps, 0),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((n, r) => n + r.errors, 0),
    requests: results.reduce((n, r) => n + r.requests, 0),
  };
}

const db = await createDatabase(flags.server);
const work = await Deno.makeTempDir({ prefix: "bench-pooler-" });
const serverPort = Number(new URL(db.url).port || 5432);
const dbName = new URL(db.url).pathname.slice(1);
const bouncer = await startPgBouncer({ port: serverPort }, dbName, SERVER_CONNECTIONS);
const base = {
  JWT_SECRET: SECRET,
  DB_POOL_MAX: "10",
  LOG_LEVEL: "warn",
  PATH: Deno.env.get("PATH") ?? "",
  HOME: Deno.env.get("HOME") ?? "/tmp",
};
const ways: [string, Record<string, string>][] = [
  ["direct", { ...base, DATABASE_URL: db.url }],
  ["direct, unprepared", {
    ...base,
    DATABASE_URL: db.url,
    DATABASE_POOLER: "transaction",
    DATABASE_LISTEN_URL: db.url,
    DB_STATEMENT_TIMEOUT_MS: "0",
  }],
  ["PgBouncer", {
    ...base,
    DATABASE_URL: bouncer.url,
    DATABASE_POOLER: "transaction",
    DATABASE_LISTEN_URL: db.url,
    DB_STATEMENT_TIMEOUT_MS: "0",
  }],
];
const rows: string[] = [];
try {
  log(`setting up ${USERS} users × ${PATIENTS_EACH} patients`);
  const [first] = await startAll({ ...base, DATABASE_URL: db.url }).then(async (s) => {
    await Promise.all(s.slice(1).map((x) => x.stop()));
    return s.slice(0, 1);
  });
  const tokens: string[] = [];
  const reads: string[] = [];
  for (let u = 0; u < USERS; u++) {
    const { access } = await json(first.base, "POST", "/api/auth/register/", undefined, {
      name: `Bench ${u}`,
      email: `bench.${u}.${crypto.randomUUID().slice(0, 6)}@example.com`,
      password: "Copper-Kettle-1182",
    });
    tokens.push(access);
    for (let p = 0; p < PATIENTS_EACH; p++) {
      const made = await json(first.base, "POST", "/api/patients/", access, {
        name: `Patient ${u}-${p}`,
      });
      // The read mix, in token order: user u's requests carry user u's token.
      if (p < 4) reads.push(`/api/patients/${made.id}/`);
    }
  }
  await first.stop();
  // One path per token turn: request i uses tokens[i % USERS] and paths[i % paths.length].
  const paths: string[] = [];
  for (let i = 0; i < USERS * 2; i++) {
    const u = i % USERS;
    paths.push(i < USERS ? reads[u * 4 + (i % 4)] : "/api/patients/?limit=20");
  }
  const bodies = Array.from({ length: USERS }, (_, i) => JSON.stringify({ name: `New ${i}` }));
  for (const [way, env] of flags.reverse ? ways.toReversed() : ways) {
    const servers = await startAll(env);
    try {
      const readLoad = { name: "reads", method: "GET", paths, tokens };
      const writeLoad = {
        name: "writes",
        method: "POST",
        paths: ["/api/patients/"],
        tokens,
        bodies,
      };
      // A fresh process is slow for its first seconds: each load runs briefly first.
      await drive(servers, readLoad, 3, work);
      await drive(servers, writeLoad, 3, work);
      for (const load of [readLoad, writeLoad]) {
        const r = await drive(servers, load, SECONDS, work);
        const row = `| ${way} | ${load.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${
          r.p99.toFixed(1)
        } | ${r.errors} |`;
        log(row);
        rows.push(row);
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
} finally {
  await bouncer.stop();
  await db.drop();
  await Deno.remove(work, { recursive: true }).catch(() => {});
}
console.log(
  `${PROCESSES} processes × pool 10, ${CLIENTS} clients, ${SECONDS} s per row; PgBouncer ${SERVER_CONNECTIONS} server connections\n`,
);
console.log(
  "| database reached | load | req/s | p50 ms (worst process) | p99 ms (worst process) | errors |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) console.log(r);
