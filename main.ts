import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DataDirInUseError } from "./db/embedded.ts";
import { MigrationError } from "./db/migrate.ts";
import { prepare, type Prepared } from "./lib/startup.ts";
import { writeAuditDirectly } from "./middleware/audit.ts";
import { whenIdle } from "./middleware/in_flight.ts";
import { flushLogs, log } from "./middleware/logger.ts";

function fail(message: string): never {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: message }));
  Deno.exit(1);
}

async function start(): Promise<Prepared> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  try {
    const prepared = await prepare(config, { serve: !Deno.args.includes("--migrate") });
    if (prepared.migrationsApplied.length > 0) {
      log(config, "info", { msg: "migrations applied", migrations: prepared.migrationsApplied });
    }
    return prepared;
  } catch (err) {
    if (err instanceof MigrationError || err instanceof DataDirInUseError) fail(err.message);
    const e = err as { code?: string; message?: string };
    fail(`Cannot prepare the database: ${e.code ?? ""} ${e.message ?? String(err)}`.trim());
  }
}

const service = await start();

if (Deno.args.includes("--migrate")) {
  await service.shutdown();
  Deno.exit(0);
}

const app = createApp(service.config);

/** How long requests in flight may take to finish after SIGTERM/SIGINT. */
const SHUTDOWN_GRACE_MS = 10_000;

const stopHooks: (() => Promise<unknown>)[] = [];

/** Adds work to do when a signal arrives, before the pool closes (server.ts: stop listening). */
export function onStop(hook: () => Promise<unknown>): void {
  stopHooks.push(hook);
}

let stopping = false;

/**
 * SIGTERM/SIGINT, under `deno serve` or server.ts alike: audit events are written before
 * their responses from now on, requests in flight finish (up to the grace period), then
 * the remaining audit events are written, the pool closes and the process exits 0.
 */
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(service.config, "info", { msg: "shutting down", signal });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drained = await Promise.race([
    Promise.all([writeAuditDirectly(), ...stopHooks.map((hook) => hook()), whenIdle()])
      .then(() => true),
    new Promise<boolean>((resolve) => timer = setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS)),
  ]);
  clearTimeout(timer);
  if (!drained) {
    log(service.config, "warn", { msg: "requests still running after the grace period" });
  }
  await service.shutdown();
  log(service.config, "info", { msg: "stopped" });
  flushLogs();
  Deno.exit(0);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  try {
    Deno.addSignalListener(signal, () => void stop(signal));
  } catch {
    // Platforms without signals (Deno Deploy) stop isolates without one.
  }
}

/** The application, for `deno serve` and Deno Deploy. */
export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;

export { app, service };
