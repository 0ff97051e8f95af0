import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "../config.ts";
import { denoCommand, runToEnd } from "./helpers.ts";

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

Deno.test("the service exits non-zero naming a bad variable", async () => {
  const { code, output } = await runToEnd(
    denoCommand("server.ts", [], { PORT: "not-a-port", DATA_DIR: await Deno.makeTempDir() }),
  );
  assert.equal(code, 1);
  assert.match(output, /PORT: must be a whole number/);
});
