import assert from "node:assert/strict";
import {
  CONFIG_VARIABLES,
  ConfigError,
  loadConfig,
  parseDotEnv,
  readEnvironment,
} from "../config.ts";
import { denoCommand, runToEnd, spawnServer, startTaskArgs } from "./helpers.ts";
import { parseDatabaseUrl } from "../lib/database_url.ts";
import { describeDatabase } from "../db/client.ts";

const SECRET = "x".repeat(32);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  assert.fail("expected a ConfigError");
}

Deno.test("loadConfig() applies the documented defaults", () => {
  const c = loadConfig({});
  assert.equal(c.port, 8000);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.dataDir, "./data");
  assert.equal(c.jwtAccessMinutes, 15);
  assert.equal(c.jwtRefreshDays, 7);
  assert.deepEqual(c.corsOrigins, []);
  assert.equal(c.dbPoolMax, 10);
  assert.equal(c.logLevel, "info");
  assert.equal(c.trustProxy, false);
  assert.ok(Object.isFrozen(c));
});

Deno.test("loadConfig() parses every variable", () => {
  const c = loadConfig({
    PORT: "9001",
    DATABASE_URL: "postgres://u@h:5432/db",
    JWT_SECRET: SECRET,
    JWT_ACCESS_MINUTES: "5",
    JWT_REFRESH_DAYS: "30",
    CORS_ORIGINS: "https://a.example.com, http://localhost:3000",
    DB_POOL_MAX: "4",
    LOG_LEVEL: "WARN",
    TRUST_PROXY: "true",
  });
  assert.equal(c.port, 9001);
  assert.equal(c.databaseUrl, "postgres://u@h:5432/db");
  assert.deepEqual(c.corsOrigins, ["https://a.example.com", "http://localhost:3000"]);
  assert.equal(c.dbPoolMax, 4);
  assert.equal(c.logLevel, "warn");
  assert.equal(c.trustProxy, true);
});

Deno.test("loadConfig() names each invalid variable", () => {
  const problems = problemsOf({
    PORT: "eighty",
    JWT_ACCESS_MINUTES: "0",
    DB_POOL_MAX: "1.5",
    LOG_LEVEL: "loud",
    CORS_ORIGINS: "not a url",
    DATABASE_URL: "mysql://x",
  });
  for (
    const name of [
      "PORT",
      "JWT_ACCESS_MINUTES",
      "DB_POOL_MAX",
      "LOG_LEVEL",
      "CORS_ORIGINS",
      "DATABASE_URL",
    ]
  ) {
    assert.ok(problems.some((p) => p.startsWith(`${name}:`)), `${name} in ${problems}`);
  }
});

Deno.test("loadConfig() rejects a short JWT_SECRET whatever the database", () => {
  assert.match(problemsOf({ JWT_SECRET: "short" })[0], /^JWT_SECRET: .*32 bytes/);
  assert.match(
    problemsOf({ JWT_SECRET: "short", DATABASE_URL: "postgres://h/db" })[0],
    /^JWT_SECRET:/,
  );
});

Deno.test("loadConfig() requires JWT_SECRET with DATABASE_URL", () => {
  assert.match(problemsOf({ DATABASE_URL: "postgres://h/db" })[0], /^JWT_SECRET: is required/);
});

Deno.test("loadConfig() reads replicas, the listen URL and the pooler, which need DATABASE_URL", () => {
  const c = loadConfig({
    DATABASE_URL: "postgres://u@pooler:6432/db",
    JWT_SECRET: SECRET,
    DATABASE_REPLICA_URL: "postgres://u@r1/db, postgresql://u@r2:5433/db",
    REPLICA_MAX_LAG_MS: "250",
    DATABASE_LISTEN_URL: "postgres://u@primary:5432/db",
    DATABASE_POOLER: "Transaction",
  });
  assert.deepEqual(c.databaseReplicaUrls, ["postgres://u@r1/db", "postgresql://u@r2:5433/db"]);
  assert.equal(c.replicaMaxLagMs, 250);
  assert.equal(c.databaseListenUrl, "postgres://u@primary:5432/db");
  assert.equal(c.databasePooler, "transaction");
  const defaults = loadConfig({});
  assert.deepEqual(defaults.databaseReplicaUrls, []);
  assert.equal(defaults.replicaMaxLagMs, 500);
  assert.equal(defaults.databasePooler, "none");

  assert.deepEqual(
    problemsOf({
      DATABASE_REPLICA_URL: "postgres://u@r1/db",
      DATABASE_LISTEN_URL: "postgres://u@p/db",
      DATABASE_POOLER: "transaction",
    }).map((p) => p.split(":")[0]),
    ["DATABASE_REPLICA_URL", "DATABASE_LISTEN_URL", "DATABASE_POOLER"],
  );
  assert.match(
    problemsOf({
      DATABASE_URL: "postgres://u@h/db",
      JWT_SECRET: SECRET,
      DATABASE_POOLER: "transaction",
    })[0],
    /^DATABASE_LISTEN_URL: is required with DATABASE_POOLER=transaction/,
  );
  assert.match(
    problemsOf({
      DATABASE_URL: "postgres://u@h/db",
      JWT_SECRET: SECRET,
      DATABASE_REPLICA_URL: "mysql://x",
    })[0],
    /^DATABASE_REPLICA_URL: must be a comma-separated list/,
  );
  assert.match(
    problemsOf({ DATABASE_POOLER: "session" })[0],
    /^DATABASE_POOLER: must be none or transaction/,
  );
});

Deno.test("loadConfig() takes multi-host URLs (libpq's form), refusing them with TLS", () => {
  const c = loadConfig({
    DATABASE_URL: "postgres://u@h1:5433,h2:5434/db?target_session_attrs=read-write",
    JWT_SECRET: SECRET,
    // A replica URL may itself name several hosts: the list splits before each scheme.
    DATABASE_REPLICA_URL: "postgres://u@r1:5432,r2:5432/db,postgres://u@r3/db",
  });
  assert.equal(c.databaseUrl, "postgres://u@h1:5433,h2:5434/db?target_session_attrs=read-write");
  assert.deepEqual(c.databaseReplicaUrls, [
    "postgres://u@r1:5432,r2:5432/db",
    "postgres://u@r3/db",
  ]);
  assert.match(
    problemsOf({
      DATABASE_URL: "postgres://u@h1,h2/db?sslmode=require",
      JWT_SECRET: SECRET,
    })[0],
    /^DATABASE_URL: names several hosts with TLS/,
  );
  assert.match(
    problemsOf({ DATABASE_URL: "postgres://u@h1:99999/db", JWT_SECRET: SECRET })[0],
    /^DATABASE_URL: has a host with an invalid port/,
  );
  // One host with TLS stays fine.
  assert.equal(
    loadConfig({ DATABASE_URL: "postgres://u@h1/db?sslmode=require", JWT_SECRET: SECRET })
      .databaseUrl,
    "postgres://u@h1/db?sslmode=require",
  );
});

Deno.test("parseDatabaseUrl() splits hosts and hands the driver the first, without target_session_attrs", () => {
  const u = parseDatabaseUrl(
    "postgresql://me:s%40cret@10.0.0.1:5433,[::1]:5434,db3/my%20db?target_session_attrs=read-write&application_name=x",
  );
  assert.deepEqual(u.hosts, [
    { host: "10.0.0.1", port: 5433 },
    { host: "::1", port: 5434 },
    { host: "db3", port: 5432 },
  ]);
  assert.equal(u.database, "my db");
  assert.equal(u.driverUrl, "postgresql://me:s%40cret@10.0.0.1:5433/my%20db?application_name=x");
  assert.equal(describeDatabase("postgres://u:pw@h1:1,h2:2/db"), "h1:1,h2:2/db");
});

Deno.test("the service exits non-zero naming each bad variable on its own", async () => {
  const { code, output } = await runToEnd(
    denoCommand("server.ts", [], {
      PORT: "not-a-port",
      JWT_SECRET: "short",
      DATA_DIR: await Deno.makeTempDir(),
    }),
  );
  assert.equal(code, 1);
  const line = JSON.parse(output.trim().split("\n").at(-1)!);
  assert.equal(line.msg, "Invalid configuration");
  assert.equal(line.problems.length, 2);
  assert.match(line.problems[0], /^PORT: must be a whole number/);
  assert.match(line.problems[1], /^JWT_SECRET: must be at least 32 bytes/);
  assert.doesNotMatch(output, /\\n/, "no escaped line break in what a person reads");
});

Deno.test("dotenv lines: comments, export, quotes; a bad line is named", () => {
  const { vars, problems } = parseDotEnv([
    "# a comment",
    "",
    "PORT=9001",
    "export LOG_LEVEL = debug  # trailing comment",
    "JWT_SECRET='a # not a comment'",
    'GREETING="two\\nlines"',
    "EMPTY=",
    "not a line",
  ].join("\n"));
  assert.deepEqual(vars, {
    PORT: "9001",
    LOG_LEVEL: "debug",
    JWT_SECRET: "a # not a comment",
    GREETING: "two\nlines",
    EMPTY: "",
  });
  assert.deepEqual(problems, ["line 8: expected NAME=value"]);
});

Deno.test(".env is read when present; the process environment wins", async () => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/.env`;
  await Deno.writeTextFile(file, `PORT=9001\nLOG_LEVEL=debug\nJWT_SECRET=${SECRET}\n`);
  const read = readEnvironment({ ENV_FILE: file, LOG_LEVEL: "warn" });
  assert.equal(read.file, file);
  assert.deepEqual(read.fromFile.sort(), ["JWT_SECRET", "PORT"]);
  const config = loadConfig(read.env);
  assert.equal(config.port, 9001);
  assert.equal(config.logLevel, "warn");
  assert.equal(config.jwtSecret, SECRET);
  // Unset, ENV_FILE means ./.env, which may be absent; named, it must exist; empty, none.
  assert.throws(() => readEnvironment({ ENV_FILE: `${dir}/missing` }), /ENV_FILE: cannot read/);
  assert.deepEqual(readEnvironment({ ENV_FILE: "", PORT: "1" }).env, { ENV_FILE: "", PORT: "1" });
  await Deno.writeTextFile(file, "PORT 9001\n");
  assert.throws(() => readEnvironment({ ENV_FILE: file }), /line 1: expected NAME=value/);
});

Deno.test("the service reads .env from its working directory and says so", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/.env`, `PORT=not-a-port\nCORS_ORIGINS=https://app.test\n`);
  // Started elsewhere, as `deno task start` is from a checkout: the file's invalid PORT loses
  // to the process's.
  const root = new URL("..", import.meta.url).pathname;
  const args = (await startTaskArgs()).map((a) => a === "server.ts" ? `${root}server.ts` : a);
  args.splice(1, 0, "--config", `${root}deno.json`);
  const svc = await spawnServer(
    args,
    { PORT: "0", HOST: "127.0.0.1", DATA_DIR: `${dir}/data`, ENV_FILE: ".env" },
    /"msg":"listening","url":"http:\/\/[^:]+:(\d+)"/,
    dir,
  );
  try {
    const res = await fetch(`${svc.url}/healthz`, { headers: { Origin: "https://app.test" } });
    await res.body?.cancel();
    assert.equal(res.headers.get("access-control-allow-origin"), "https://app.test");
  } finally {
    await svc.stop();
  }
  const line = svc.output().split("\n").find((l) => l.includes("environment file read"));
  assert.ok(line, svc.output());
  assert.deepEqual(JSON.parse(line).variables, ["CORS_ORIGINS"]);
});

Deno.test(".env.example names every variable and parses as a .env", async () => {
  const text = await Deno.readTextFile(new URL("../.env.example", import.meta.url));
  const { problems } = parseDotEnv(text);
  assert.deepEqual(problems, []);
  for (const name of [...CONFIG_VARIABLES, "ENV_FILE"]) {
    assert.match(text, new RegExp(`\\b${name}\\b`), name);
  }
  // Copied as it is, it configures a valid embedded service.
  loadConfig(parseDotEnv(text).vars);
});
