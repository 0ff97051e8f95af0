/**
 * `deno task chaos`: every database fault we can make on one machine, in both ways the service runs
 * (`deno task start` and the container's `deno serve --parallel`), each under steady mixed
 * load on a private PostgreSQL cluster, then SIGTERM under load. Prints one table row per
 * fault and mode, for RELIABILITY.md.
 *
 * Then the attacks of scripts/attacks.ts in each mode, each with a request timed beside it.
 *
 * Then webhook delivery through each database fault: two instances dispatching to a slow receiver
 * while clients write, on a fresh cluster per fault (tests/webhook_faults.ts).
 *
 * Then (`--suite=ha`, needs the Debian packages patroni, etcd-server and haproxy) the loss of
 * the database server: a Patroni cluster from `deno task cluster`, two instances (multi-host
 * DATABASE_URL and HAProxy) under load, the leader lost by node, by postmaster and by
 * switchover, `--ha-rounds` times (tests/ha_faults.ts).
 *
 *   deno task chaos [--outage=30] [--load=10] [--workers=16] [--modes=start,serve]
 *                   [--suite=faults,attacks,webhooks,ha] [--ha-rounds=2]
 */
import { parseArgs } from "node:util";
import {
  type ServeMode,
  type ServiceProcess,
  startMode,
  TEST_JWT_SECRET,
} from "../tests/helpers.ts";
import { checkLosses, faults, isAlive, type LossReport, pause, recovery } from "../tests/faults.ts";
import { type LoadReport, startLoad } from "../tests/load.ts";
import { startCluster } from "../tests/pg_cluster.ts";
import { attackTable, runAttacks } from "./attacks.ts";
import { deliverThroughFaults, type DeliveryReport } from "../tests/webhook_faults.ts";
import { FAULT_NAMES, type HaResult, haRound } from "../tests/ha_faults.ts";
import * as haCluster from "./cluster.ts";

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    outage: { type: "string", default: "30" },
    load: { type: "string", default: "10" },
    workers: { type: "string", default: "16" },
    modes: { type: "string", default: "start,serve" },
    suite: { type: "string", default: "faults,attacks,webhooks,ha" },
    "ha-rounds": { type: "string", default: "2" },
  },
});
const outageMs = Number(flags.outage) * 1000;
const loadMs = Number(flags.load) * 1000;
const workers = Number(flags.workers);
const modes = flags.modes.split(",") as ServeMode[];
const suites = flags.suite.split(",");

interface Row {
  mode: string;
  fault: string;
  report: LoadReport;
  /** When SIGTERM was sent, in ms since the load started (SIGTERM rows only). */
  signalAtMs?: number;
  /** Seconds from the database accepting again to the next 2xx; -1 if none. */
  recoveryS: number;
  alive: boolean;
  exitCode?: number;
  loss?: LossReport;
}

async function runMode(mode: ServeMode): Promise<Row[]> {
  const cluster = await startCluster();
  const rows: Row[] = [];
  let svc: ServiceProcess | undefined;
  let last: ServiceProcess | undefined;
  try {
    svc = last = await startMode(mode, { DATABASE_URL: cluster.url, JWT_SECRET: TEST_JWT_SECRET });
    for (const fault of faults(outageMs)) {
      const load = await startLoad({ base: svc.url, workers, loginEvery: 25 });
      await pause(loadMs / 2);
      console.error(`${mode}: ${fault.name}`);
      await fault.run(cluster);
      const upAt = performance.now() - load.started;
      const ms = await recovery(load, upAt, 30_000);
      await pause(loadMs / 2);
      const report = await load.stop();
      rows.push({
        mode,
        fault: fault.name,
        report,
        recoveryS: ms < 0 ? -1 : ms / 1000,
        alive: await isAlive(svc),
      });
      if (!rows[rows.length - 1].alive) break;
    }
    // SIGTERM with requests in flight: each accepted one answers, the process exits 0.
    console.error(`${mode}: SIGTERM under load`);
    const load = await startLoad({ base: svc.url, workers, loginEvery: 25 });
    await pause(loadMs / 2);
    const signalAtMs = performance.now() - load.started;
    const exitCode = await svc.stop("SIGTERM");
    svc = undefined;
    const report = await load.stop();
    rows.push({
      mode,
      fault: "SIGTERM under load",
      report,
      recoveryS: 0,
      alive: false,
      exitCode,
      signalAtMs,
    });
    // Losses are counted once the service has stopped and written what it buffered.
    for (const row of rows) row.loss = await checkLosses(cluster.url, row.report);
    return rows;
  } finally {
    const output = svc?.output() ?? last?.output();
    await svc?.stop();
    await cluster.destroy();
    if (output) {
      const file = await Deno.makeTempFile({ prefix: `chaos-${mode}-`, suffix: ".log" });
      await Deno.writeTextFile(file, output);
      console.error(`${mode}: service log in ${file}`);
    }
  }
}

/**
 * Requests still unread when a stopping service closed its listener: connections in the
 * kernel's accept queue are reset, and Deno's server closes a connection whose request it
 * has not read yet. Counted apart, for the SIGTERM rows only: requests sent from 100 ms
 * before the signal on (a request sent earlier was read and must have been answered).
 */
const UNREAD_MARGIN_MS = 100;

function unreadAtClose(r: Row): number {
  if (r.signalAtMs === undefined) return 0;
  return r.report.closedSentMs.filter((t) => t >= r.signalAtMs! - UNREAD_MARGIN_MS).length;
}

/** Connections closed without an answer that the service had accepted. */
function closedUnanswered(r: Row): number {
  return (r.report.statuses[0] ?? 0) - unreadAtClose(r);
}

function table(rows: Row[]): string {
  const head = [
    "mode",
    "fault",
    "requests",
    "2xx",
    "503",
    "other 4xx",
    "5xx ≠ 503",
    "closed unanswered",
    "unread at listener close",
    "hung",
    "slowest 503 (s)",
    "recovery (s)",
    "acked writes lost",
    "audit events lost",
    "writes without event",
    "process",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) {
    const st = r.report.statuses;
    const count = (test: (s: number) => boolean) =>
      Object.entries(st).filter(([s]) => test(Number(s))).reduce((n, [, v]) => n + v, 0);
    const loss = r.loss!;
    lines.push(
      `| ${
        [
          r.mode === "serve" ? "deno serve --parallel" : "deno task start",
          r.fault,
          r.report.requests,
          count((s) => s >= 200 && s < 300),
          count((s) => s === 503),
          count((s) => s >= 400 && s < 500),
          r.report.bad5xx,
          closedUnanswered(r),
          r.signalAtMs === undefined ? "—" : unreadAtClose(r),
          r.report.hung,
          (r.report.slowest503Ms / 1000).toFixed(2),
          r.fault.startsWith("SIGTERM") ? "—" : r.recoveryS < 0 ? "never" : r.recoveryS.toFixed(2),
          loss.lostPatients + loss.lostUpdates + loss.lostMappings,
          loss.lostAuditEvents,
          loss.writesWithoutEvent,
          r.exitCode !== undefined ? `exit ${r.exitCode}` : r.alive ? "running" : "DIED",
        ].join(" | ")
      } |`,
    );
  }
  return lines.join("\n");
}

const cpus = navigator.hardwareConcurrency;
const memGiB = Math.round(Deno.systemMemoryInfo().total / 2 ** 30);
console.log(
  `deno ${Deno.version.deno}, ${cpus} cores, ${memGiB} GiB; outage ${outageMs / 1000} s, ` +
    `${workers} clients, ${loadMs / 1000} s of load around each fault\n`,
);
const all: Row[] = [];
if (suites.includes("faults")) {
  for (const mode of modes) all.push(...await runMode(mode));
  console.log(table(all));
}
for (const r of all.filter((r) => r.report.statuses[0])) {
  console.error(`${r.mode} ${r.fault}: closed without an answer:`, r.report.closedErrors);
}
let attacksFailed = 0;
if (suites.includes("attacks")) {
  console.log("\n### Attacks\n");
  const tables: string[] = [];
  for (const mode of modes) {
    const rows = await runAttacks(mode);
    attacksFailed += rows.filter((r) => !r.alive || r.statuses[0] || r.probeMaxMs > 1000).length;
    tables.push(attackTable(mode, rows));
  }
  console.log(tables.map((t, i) => i === 0 ? t : t.split("\n").slice(2).join("\n")).join("\n"));
}
/** One row per fault: what reached the receiver against what the database holds. */
function deliveryTable(reports: DeliveryReport[]): string {
  const lines = [
    "| fault | events stored | writes saved / refused | events missing | saved writes without delivery | records out of order | delivered again | most in flight | first delivery after the database is back (s) | last event arrived (s after) | instances |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of reports) {
    lines.push(
      `| ${
        [
          r.faults.join(", "),
          r.events,
          `${r.acknowledged} / ${r.refused}`,
          r.missing.length,
          r.lost.length,
          r.outOfOrder.length,
          r.again,
          r.mostInFlight,
          (r.resumedMs / 1000).toFixed(2),
          (r.catchUpMs / 1000).toFixed(1),
          r.alive ? "running" : "DIED",
        ].join(" | ")
      } |`,
    );
  }
  return lines.join("\n");
}

let deliveryFailed = 0;
if (suites.includes("webhooks")) {
  console.log("\n### Webhook delivery through faults\n");
  const reports: DeliveryReport[] = [];
  for (const fault of faults(outageMs)) {
    const cluster = await startCluster();
    try {
      reports.push(await deliverThroughFaults(cluster, [fault], { catchUpMs: 120_000 }));
    } finally {
      await cluster.destroy();
    }
  }
  console.log(deliveryTable(reports));
  deliveryFailed = reports.filter((r) =>
    r.missing.length || r.lost.length || r.outOfOrder.length || r.mostInFlight > 1 || !r.alive
  ).length;
}
/** One row per fault, routing and round of the HA suite. */
function haTable(results: HaResult[]): string {
  const lines = [
    "| round | routing | fault | new leader after (s) | writes stopped (s) | first write after the fault (s) | 503 answered | other 5xx | hung | acked writes lost | audit events lost | instances |",
    "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  results.forEach((res, round) => {
    for (const row of res.rows) {
      const rep = res.reports[row.routing];
      const loss = res.losses[row.routing];
      lines.push(
        `| ${
          [
            round + 1,
            row.routing,
            FAULT_NAMES[row.fault],
            row.electedS.toFixed(1),
            row.writesStoppedS.toFixed(2),
            row.firstWriteS < 0 ? "never" : row.firstWriteS.toFixed(2),
            row.unavailable,
            rep.bad5xx,
            rep.hung,
            loss.lostPatients + loss.lostUpdates + loss.lostMappings,
            loss.lostAuditEvents,
            res.alive && res.exitCodes.every((c) => c === 0) ? "running, exit 0" : "DIED",
          ].join(" | ")
        } |`,
      );
    }
  });
  return lines.join("\n");
}

let haFailed = 0;
if (suites.includes("ha")) {
  console.log("\n### Losing the database server (Patroni, etcd, HAProxy)\n");
  const missing = haCluster.missingPackages();
  if (missing.length) {
    console.log(`needs the Debian packages: apt-get install -y ${missing.join(" ")}`);
    haFailed++;
  } else {
    const results: HaResult[] = [];
    for (let round = 0; round < Number(flags["ha-rounds"]); round++) {
      const dir = await haCluster.up();
      try {
        results.push(
          await haRound(dir, ["node", "postmaster", "switchover"], {
            workers,
            log: (line) => console.error(`ha round ${round + 1}: ${line}`),
          }),
        );
      } finally {
        await haCluster.down(dir);
      }
    }
    console.log(haTable(results));
    const limit = { node: 15, postmaster: 15, switchover: 3 };
    haFailed = results.filter((res) =>
      !res.alive || res.exitCodes.some((c) =>
        c !== 0
      ) || res.listeners !== 2 ||
      res.rows.some((row) => row.firstWriteS < 0 || row.writesStoppedS > limit[row.fault]) ||
      Object.values(res.reports).some((rep) => rep.bad5xx || rep.hung || rep.noRetryAfter) ||
      Object.values(res.losses).some((l) =>
        l.lostPatients + l.lostUpdates + l.lostMappings + l.lostAuditEvents +
            l.writesWithoutEvent > 0
      )
    ).length;
  }
}
const bad = all.filter((r) =>
  r.report.bad5xx || r.report.hung || closedUnanswered(r) || r.recoveryS < 0 ||
  r.recoveryS > 5 || (r.exitCode ?? 0) !== 0 || (!r.alive && r.exitCode === undefined) ||
  r.loss!.lostPatients + r.loss!.lostUpdates + r.loss!.lostMappings +
        r.loss!.lostAuditEvents + r.loss!.writesWithoutEvent > 0
);
if (bad.length || attacksFailed || deliveryFailed || haFailed) {
  console.log(`\n${bad.length + attacksFailed + deliveryFailed + haFailed} row(s) miss the bar`);
  Deno.exit(1);
}
