/**
 * Losing the database server under load, on the Patroni cluster of `deno task cluster`: two
 * service instances, one following the primary through a multi-host DATABASE_URL
 * (`target_session_attrs=read-write`) and one through HAProxy, each under steady mixed
 * load while the cluster loses its leader. Shared by tests/ha_test.ts (one round) and
 * `deno task chaos --suite=ha`.
 */
import { createClient } from "../db/client.ts";
import * as cluster from "../scripts/cluster.ts";
import { checkLosses, isAlive, LISTENERS, type LossReport, pause } from "./faults.ts";
import { type ServiceProcess, startService, TEST_JWT_SECRET, within } from "./helpers.ts";
import { type Load, type LoadReport, startLoad } from "./load.ts";

/** How the cluster loses its leader. */
export type HaFault = "node" | "postmaster" | "switchover";

export const FAULT_NAMES: Record<HaFault, string> = {
  node: "leader node lost (kill -9 of Patroni and postmaster)",
  postmaster: "kill -9 of the leader's postmaster",
  switchover: "planned switchover (Patroni)",
};

/** The two ways the service finds the primary. */
export type Routing = "multi-host" | "HAProxy";

/** What one fault did to one instance's clients. */
export interface HaRow {
  routing: Routing;
  fault: HaFault;
  /**
   * Seconds from the fault to the first write answered 2xx among those sent after the new
   * leader was elected (at most one poll of Patroni late).
   */
  firstWriteS: number;
  /** Longest time without a write answered 2xx around the fault, in seconds. */
  writesStoppedS: number;
  /** 503 answers while the fault lasted (until the first write after it). */
  unavailable: number;
  /** Seconds until Patroni had a new leader. */
  electedS: number;
}

/** Everything one round measured. */
export interface HaResult {
  rows: HaRow[];
  reports: Record<Routing, LoadReport>;
  losses: Record<Routing, LossReport>;
  /** LISTEN connections on the last leader after the faults (one per instance expected). */
  listeners: number;
  /** Both instances were still running after the faults. */
  alive: boolean;
  /** Exit codes of the instances' SIGTERM at the end. */
  exitCodes: number[];
  /** What the instances logged, for a failure message. */
  output: string;
}

/** Longest gap between consecutive write successes from `fromMs` to `toMs`. */
function longestGap(report: LoadReport, fromMs: number, toMs: number): number {
  const times = report.writeOks.map((w) => w.answeredMs).sort((a, b) => a - b);
  const before = times.filter((t) => t <= fromMs).at(-1) ?? fromMs;
  const inside = times.filter((t) => t > fromMs && t <= toMs);
  let gap = 0;
  let last = before;
  for (const t of inside) {
    gap = Math.max(gap, t - last);
    last = t;
  }
  return gap;
}

/**
 * Runs the faults in order on the cluster in `dir`, each once the cluster is healthy again
 * (a node lost is restarted and rejoins as a replica, rewound by Patroni), under
 * `workers` clients split over the two instances; then stops the instances (SIGTERM, so
 * buffered audit events are written) and counts what was lost.
 */
export async function haRound(
  dir: string,
  faults: HaFault[],
  opts: { workers?: number; settleMs?: number; log?: (line: string) => void } = {},
): Promise<HaResult> {
  const workers = opts.workers ?? 16;
  const settleMs = opts.settleMs ?? 1500;
  const log = opts.log ?? (() => {});
  const u = cluster.urls(await cluster.loadState(dir));
  const env = { JWT_SECRET: TEST_JWT_SECRET };
  const services: Partial<Record<Routing, ServiceProcess>> = {};
  const loads: Partial<Record<Routing, Load>> = {};
  const rows: HaRow[] = [];
  const output = () =>
    Object.entries(services).map(([k, s]) => `--- ${k}\n${s!.output()}`).join("\n");
  try {
    // One after the other: the first applies the migrations.
    services["multi-host"] = await startService({ ...env, DATABASE_URL: u.multihost });
    services.HAProxy = await startService({ ...env, DATABASE_URL: u.haproxy });
    for (const routing of ["multi-host", "HAProxy"] as Routing[]) {
      loads[routing] = await startLoad({
        base: services[routing]!.url,
        workers: Math.max(1, Math.round(workers / 2)),
        loginEvery: 25,
      });
    }
    for (const fault of faults) {
      await cluster.healthy(dir);
      await pause(settleMs);
      const at = performance.now();
      log(`${new Date().toISOString()} ${FAULT_NAMES[fault]}`);
      const done = fault === "switchover"
        ? await cluster.switchover(dir)
        : await cluster.failover(dir, fault);
      log(
        `${new Date().toISOString()} ${done.old} → ${done.leader} in ${done.seconds.toFixed(1)} s`,
      );
      const electedAt = at + done.seconds * 1000;
      for (const routing of ["multi-host", "HAProxy"] as Routing[]) {
        const load = loads[routing]!;
        const since = at - load.started;
        // Writes resume with the first one sent once the new leader was elected (a write sent
        // earlier may have been answered before the old leader stopped, during a switchover).
        const firstAfter = () =>
          load.report.writeOks.filter((w) => w.sentMs >= electedAt - load.started)
            .sort((a, b) => a.answeredMs - b.answeredMs)[0];
        await within(30_000, () => Promise.resolve(firstAfter() !== undefined));
        const first = firstAfter();
        const untilMs = first ? first.answeredMs : performance.now() - load.started;
        rows.push({
          routing,
          fault,
          firstWriteS: first ? (first.answeredMs - since) / 1000 : -1,
          writesStoppedS: longestGap(load.report, since, untilMs) / 1000,
          unavailable: load.report.unavailableTimes.filter((t) => t >= since && t <= untilMs)
            .length,
          electedS: done.seconds,
        });
      }
      // The lost node comes back as a replica (a no-op after a switchover).
      await cluster.up({ dir });
    }
    await cluster.healthy(dir);
    // Each instance's LISTEN connection has moved to the new leader (it retries for up to 2 s).
    const admin = createClient(u.haproxy, 1);
    let listeners = 0;
    try {
      await within(10_000, async () => {
        const [{ count }] = await admin.unsafe(LISTENERS);
        listeners = Number(count);
        return listeners === 2;
      });
    } finally {
      await admin.end();
    }
    await pause(settleMs);
    const alive = (await Promise.all(Object.values(services).map((s) => isAlive(s!))))
      .every(Boolean);
    const reports = {} as Record<Routing, LoadReport>;
    for (const routing of ["multi-host", "HAProxy"] as Routing[]) {
      reports[routing] = await loads[routing]!.stop();
      delete loads[routing];
    }
    const text = output();
    const exitCodes: number[] = [];
    for (const routing of ["multi-host", "HAProxy"] as Routing[]) {
      exitCodes.push(await services[routing]!.stop("SIGTERM"));
      delete services[routing];
    }
    const losses = {} as Record<Routing, LossReport>;
    for (const routing of ["multi-host", "HAProxy"] as Routing[]) {
      losses[routing] = await checkLosses(u.haproxy, reports[routing]);
    }
    return { rows, reports, losses, listeners, alive, exitCodes, output: text };
  } finally {
    for (const load of Object.values(loads)) await load?.stop();
    for (const svc of Object.values(services)) await svc?.stop();
  }
}
