/**
 * The database faults of the fault tests and `deno task chaos`, and the checks that
 * nothing acknowledged was lost: shared by tests/faults_test.ts and scripts/chaos.ts.
 */
import assert from "node:assert/strict";
import { createClient } from "../db/client.ts";
import { type ServiceProcess, within } from "./helpers.ts";
import type { Load, LoadReport } from "./load.ts";
import type { Cluster } from "./pg_cluster.ts";

/** One fault: what it does to the cluster, and when the database accepts connections again. */
export interface Fault {
  name: string;
  /** Breaks the database; resolves once it accepts connections again. */
  run(cluster: Cluster): Promise<void>;
}

/** Resolves after `ms`. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The faults of issue 10, with the outage of `outageMs` for the refusing database. */
export function faults(outageMs: number): Fault[] {
  return [
    { name: "fast restart", run: (c) => c.restart("fast") },
    {
      name: "immediate shutdown, then start",
      run: async (c) => {
        await c.stop("immediate");
        await c.start();
      },
    },
    {
      name: "kill -9 of the postmaster, then start",
      run: async (c) => {
        await c.kill9();
        await c.start();
      },
    },
    {
      name: "pg_terminate_backend of every connection",
      run: async (c) => {
        await c.terminate("healthcare-api");
      },
    },
    {
      name: `refuses connections for ${outageMs / 1000} s`,
      run: async (c) => {
        await c.stop("fast");
        await pause(outageMs);
        await c.start();
      },
    },
  ];
}

/** What one fault did to the service. */
export interface FaultResult {
  fault: string;
  /** Milliseconds from the database accepting again to the service's next 2xx. */
  recoveryMs: number;
  /** Whether the process was still running after the fault. */
  alive: boolean;
}

/** Milliseconds from `upAt` (ms since the load started) to its first 2xx after it, or -1. */
export async function recovery(load: Load, upAt: number, ms = 15_000): Promise<number> {
  const after = () => load.report.okTimes.find((t) => t > upAt);
  // okTimes grows in order of answers, so the last one tells whether any came after upAt.
  const took = await within(ms, () => {
    const times = load.report.okTimes;
    return Promise.resolve(times.length > 0 && times[times.length - 1] > upAt);
  });
  const first = after();
  return took < 0 || first === undefined ? -1 : Math.round(first - upAt);
}

/** Whether the service process is still running. */
export function isAlive(svc: ServiceProcess): Promise<boolean> {
  return Promise.race([svc.child.status.then(() => false), pause(10).then(() => true)]);
}

/** Runs each fault in turn under the running load and times the recovery. */
export async function runFaults(
  cluster: Cluster,
  svc: ServiceProcess,
  load: Load,
  list: Fault[],
  settleMs = 1500,
): Promise<FaultResult[]> {
  const results: FaultResult[] = [];
  for (const fault of list) {
    await pause(settleMs);
    const began = new Date().toISOString();
    await fault.run(cluster);
    console.log(`${began} – ${new Date().toISOString()} ${fault.name}`);
    const upAt = performance.now() - load.started;
    const recoveryMs = await recovery(load, upAt);
    results.push({ fault: fault.name, recoveryMs, alive: await isAlive(svc) });
  }
  return results;
}

/** What the database holds against what the service acknowledged. */
export interface LossReport {
  lostPatients: number;
  lostUpdates: number;
  lostMappings: number;
  /** Answered patient and mapping requests with no audit event. */
  lostAuditEvents: number;
  /** Patients and mappings stored with no event of their creation. */
  writesWithoutEvent: number;
  /** LISTEN connections of the service at the end (one per process is expected). */
  listeners: number;
}

/** Compares the acknowledged writes and answered reads with what the database holds. */
export async function checkLosses(url: string, rep: LoadReport): Promise<LossReport> {
  const sql = createClient(url, 1);
  try {
    const patients = new Set(
      (await sql<{ id: number }[]>`select id from patients where id = any(${rep.createdPatients})`)
        .map((r) => r.id),
    );
    const updated = [...rep.updatedPatients.keys()];
    const versions = new Map(
      (await sql<{ id: number; version: number }[]>`
        select id, version from patients where id = any(${updated})`).map((r) => [r.id, r.version]),
    );
    const mappings = new Set(
      (await sql<{ id: number }[]>`
        select id from patient_doctors where id = any(${rep.createdMappings})`).map((r) => r.id),
    );
    const audited = new Set(
      (await sql<{ request_id: string }[]>`
        select distinct request_id from audit_events
        where request_id = any(${rep.auditedRequests})`).map((r) => r.request_id),
    );
    const [{ n: withoutEvent }] = await sql<{ n: number }[]>`
      select (
        select count(*) from patients p where not exists (
          select 1 from audit_events a
          where a.resource_type = 'patient' and a.action = 'create' and a.resource_id = p.id)
      ) + (
        select count(*) from patient_doctors m where not exists (
          select 1 from audit_events a
          where a.resource_type = 'mapping' and a.action = 'create' and a.resource_id = m.id)
      ) as n`;
    const [{ n: listeners }] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where application_name = 'healthcare-api' and query ilike 'listen%'`;
    return {
      lostPatients: rep.createdPatients.filter((id) => !patients.has(id)).length,
      lostUpdates: updated.filter((id) =>
        (versions.get(id) ?? -1) < rep.updatedPatients.get(id)!
      ).length,
      lostMappings: rep.createdMappings.filter((id) => !mappings.has(id)).length,
      lostAuditEvents: rep.auditedRequests.filter((id) => !audited.has(id)).length,
      writesWithoutEvent: Number(withoutEvent),
      listeners,
    };
  } finally {
    await sql.end();
  }
}

/** SQL counting the LISTEN connections of the service. */
export const LISTENERS = "select count(*) from pg_stat_activity " +
  "where application_name = 'healthcare-api' and query ilike 'listen%'";

/**
 * Signs up on `here`, logs out on `elsewhere`, and answers the milliseconds until `here`
 * refuses the access token (-1 if it never does within 5 s).
 */
export async function logoutElsewhere(here: string, elsewhere: string): Promise<number> {
  const email = `logout.${crypto.randomUUID().slice(0, 8)}@example.org`;
  const reg = await fetch(`${here}/api/auth/register/`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Logout Check", email, password: "Harbor-Quill-4417" }),
  });
  assert.equal(reg.status, 201);
  const { access, refresh } = await reg.json();
  const me = () =>
    fetch(`${here}/api/auth/me/`, { headers: { Authorization: `Bearer ${access}` } })
      .then(async (r) => (await r.body?.cancel(), r.status));
  assert.equal(await me(), 200);
  const out = await fetch(`${elsewhere}/api/auth/logout/`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${access}` },
    body: JSON.stringify({ refresh }),
  });
  assert.equal(out.status, 204);
  const started = performance.now();
  const took = await within(5000, async () => (await me()) === 401);
  return took < 0 ? -1 : performance.now() - started;
}
