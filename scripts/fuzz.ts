/**
 * `deno task fuzz`: the generated request fuzzer of tests/fuzz.ts, run long, in process,
 * against a fresh database (a new database on DATABASE_URL's server, or a new embedded one).
 * Prints statuses per operation, peak RSS and every failure, for RELIABILITY.md; exits 1
 * on any failure.
 *
 *   deno task fuzz [--runs 100000] [--seed 1]
 */
import { parseArgs } from "node:util";
import { peakRssMb } from "../bench/rss.ts";
import { createApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { sql } from "../db/client.ts";
import { prepare } from "../startup.ts";
import { fingerprint, fuzz, FUZZ_CONFIG, setUpCast, statusTable } from "../tests/fuzz.ts";
import { freshDatabase, TEST_JWT_SECRET } from "../tests/helpers.ts";

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string", default: "100000" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
  },
});
const runs = Number(flags.runs);
const seed = Number(flags.seed);

const db = await freshDatabase();
const dataDir = await Deno.makeTempDir({ prefix: "hc-fuzz-" });
// The embedded one is reached through its socket server, as a DATABASE_URL.
const prepared = await prepare(loadConfig({
  DATABASE_URL: db.url,
  DATA_DIR: dataDir,
  JWT_SECRET: TEST_JWT_SECRET,
  ...FUZZ_CONFIG,
  METRICS_TOKEN: "fuzz-metrics-token-0123456789",
  DB_POOL_MAX: db.embedded ? "1" : "10",
}));
const app = createApp(prepared.config);
// One process holds the service, the fuzzer and, for the embedded database, PGlite itself.
let peakHeap = 0;
const sampler = setInterval(() => peakHeap = Math.max(peakHeap, Deno.memoryUsage().heapUsed), 100);
const started = performance.now();
try {
  const target = {
    request: async (p: string, i: RequestInit) => await app.request(p, i),
    fingerprint,
  };
  const cast = await setUpCast(target, async (email) => {
    await sql`update users set role = 'admin' where email = ${email}`;
  });
  const report = await fuzz(target, cast, {
    runs,
    seed,
    onProgress: (n) => {
      if (n % 10_000 === 0) {
        console.error(`${n} requests, ${Math.round((performance.now() - started) / 1000)} s`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const fivexx = [...report.statuses.values()].reduce(
    (n, m) => n + [...m].filter(([s]) => s >= 500).reduce((k, [, c]) => k + c, 0),
    0,
  );
  console.log(
    `${report.requests} requests, seed ${seed}, database ${
      db.embedded ? "embedded (PGlite)" : "PostgreSQL"
    }, ` +
      `${seconds.toFixed(0)} s, ${fivexx} × 5xx, ${report.failures.length} failures, ` +
      `peak RSS ${(await peakRssMb(Deno.pid)).toFixed(0)} MB (one process: service, fuzzer${
        db.embedded ? ", PGlite" : ""
      }), peak JS heap ${(peakHeap / 2 ** 20).toFixed(0)} MB\n`,
  );
  console.log(statusTable(report));
  // Series per metric family after the run: bounded whatever the requests were.
  const scraped = await app.request("/metrics", {
    headers: { Authorization: "Bearer fuzz-metrics-token-0123456789" },
  });
  const families = new Map<string, number>();
  for (const line of (await scraped.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const name = line.split(/[{ ]/)[0].replace(/_(bucket|sum|count)$/, "");
    families.set(name, (families.get(name) ?? 0) + 1);
  }
  console.log(`\nmetric series after the run: ${JSON.stringify(Object.fromEntries(families))}`);
  for (const f of report.failures) console.log(`\nFAILURE: ${f}`);
  if (report.failures.length) Deno.exitCode = 1;
} finally {
  clearInterval(sampler);
  await prepared.shutdown();
  await db.close();
  await Deno.remove(dataDir, { recursive: true }).catch(() => {});
}
