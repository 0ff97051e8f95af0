import { createApp } from "./app.ts";
import {
  type Config,
  ConfigError,
  type Environment,
  loadConfig,
  readEnvironment,
} from "./config.ts";
import { closeDatabase } from "./db/client.ts";
import { connectionStates } from "./db/socket.ts";
import { finishAudit, writeAuditDirectly } from "./middleware/audit.ts";
import { startDraining, watchStalls, whenIdle } from "./middleware/in_flight.ts";
import { flushLogs, log } from "./middleware/logger.ts";
import { type Prepared, prepareWhenReachable } from "./startup.ts";

/** Writes one error line (extra fields beside `msg`) and exits 1. */
function fail(message: string, extra: Record<string, unknown> = {}): never {
  flushLogs();
  console.error(
    JSON.stringify({ time: new Date().toISOString(), level: "error", msg: message, ...extra }),
  );
  Deno.exit(1);
}

/** The configuration from the environment and `.env`, or exit 1 naming each problem. */
function configOrExit(): { config: Config; environment: Environment } {
  try {
    const environment = readEnvironment();
    return { config: loadConfig(environment.env), environment };
  } catch (err) {
    // One problem per array item: a JSON line cannot show a line break but as "\n".
    if (err instanceof ConfigError) fail("Invalid configuration", { problems: err.problems });
    throw err;
  }
}

/** Prepares the database (waiting for DATABASE_URL up to DB_STARTUP_TIMEOUT) or exits 1. */
async function prepareOrExit(config: Config, serve: boolean): Promise<Prepared> {
  try {
    const prepared = await prepareWhenReachable(config, { serve });
    if (prepared.migrationsApplied.length > 0) {
      log(config, "info", { msg: "migrations applied", migrations: prepared.migrationsApplied });
    }
    if (!config.databaseUrl) {
      log(config, "info", {
        msg: "embedded database ready (set DATABASE_URL to use a PostgreSQL server)",
        data_dir: await Deno.realPath(config.dataDir).catch(() => config.dataDir),
      });
    }
    return prepared;
  } catch (err) {
    fail((err as Error).message ?? String(err));
  }
}

const { config, environment } = configOrExit();
if (environment.file) {
  // Names only: the values may be secrets.
  log(config, "info", {
    msg: "environment file read (variables set in the process win)",
    file: environment.file,
    variables: environment.fromFile,
  });
}

if (Deno.args.includes("--migrate")) {
  const prepared = await prepareOrExit(config, false);
  await prepared.shutdown();
  Deno.exit(0);
}

/**
 * With DATABASE_URL the service listens at once (`/healthz` 200, everything else 503 until
 * the database is reached and migrated); the embedded database is prepared first, since it
 * also supplies the JWT secret.
 */
let service: Prepared | undefined = config.databaseUrl
  ? undefined
  : await prepareOrExit(config, true);
if (!service) void prepareOrExit(config, true).then((p) => service = p);

const app = createApp(service?.config ?? config);

// Requests in flight and none finished for 5 s: said once, with the database connections'
// states, so that a stalled process can be told apart from a slow database.
watchStalls(5000, (running, seconds) =>
  log(config, "warn", {
    msg: "requests in flight, none finished",
    in_flight: running,
    seconds,
    connections: connectionStates(),
  }));

/** How long requests in flight may take to finish after SIGTERM/SIGINT. */
export const SHUTDOWN_GRACE_MS = 10_000;

const stopHooks: (() => Promise<unknown>)[] = [];

/** Adds work to do when a signal arrives, before the pool closes (server.ts: stop listening). */
export function onStop(hook: () => Promise<unknown>): void {
  stopHooks.push(hook);
}

let stopping = false;
let exitWhenStopped = false;

/**
 * server.ts owns its process and exits once stopped. Under `deno serve --parallel` each
 * worker runs this module and the runtime exits when every worker is done: a worker that
 * called `Deno.exit` would end the others' requests.
 */
export function exitOnStop(): void {
  exitWhenStopped = true;
}

const signalListeners: [Deno.Signal, () => void][] = [];

/**
 * SIGTERM/SIGINT, under `deno serve` or server.ts alike: audit events are written before
 * their responses from now on, requests in flight finish (up to the grace period), then
 * the remaining audit events are written and the pool closes. An upload cut off by the
 * server's shutdown answers 503 with Retry-After (middleware/body.ts).
 */
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  startDraining();
  log(config, "info", { msg: "shutting down", signal });
  const started = Date.now();
  if (!exitWhenStopped) {
    // Under `deno serve` the runtime exits once every worker is idle, but a client that
    // never finishes sending a body holds its connection open: once every worker's grace
    // period is over, the process ends anyway.
    Deno.unrefTimer(setTimeout(() => Deno.exit(0), SHUTDOWN_GRACE_MS + 1000));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drained = await Promise.race([
    Promise.all([writeAuditDirectly(), ...stopHooks.map((hook) => hook()), whenIdle()])
      .then(() => true),
    new Promise<boolean>((resolve) => timer = setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS)),
  ]);
  clearTimeout(timer);
  if (!drained) {
    log(config, "warn", { msg: "requests still running after the grace period" });
  }
  const unwritten = await finishAudit(started + SHUTDOWN_GRACE_MS);
  if (unwritten > 0) log(config, "error", { msg: "audit events not written", unwritten });
  if (service) await service.shutdown();
  else await closeDatabase(0).catch(() => {});
  log(config, "info", { msg: "stopped" });
  flushLogs();
  // Exit while the listeners are still there: a second signal that arrived after their removal
  // would end the process by the signal's default action (exit 143), not with 0.
  if (exitWhenStopped) Deno.exit(0);
  // Under `deno serve` the worker ends on its own once idle: let go of the listeners.
  for (const [signal, listener] of signalListeners) Deno.removeSignalListener(signal, listener);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  const listener = () => void stop(signal);
  try {
    Deno.addSignalListener(signal, listener);
    signalListeners.push([signal, listener]);
  } catch {
    // Platforms without signals (Deno Deploy) stop isolates without one.
  }
}

/** The application, for `deno serve` and Deno Deploy. */
export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;

/** The service once its database is ready (tests and server.ts). */
export { app, config };
