import { app, config, exitOnStop, onStop, SHUTDOWN_GRACE_MS } from "./main.ts";
import { whenIdle } from "./middleware/in_flight.ts";
import { beforeDeadline } from "./lib/deadline.ts";
import { flushLogs, log } from "./middleware/logger.ts";

/** Why the server could not listen, in words that name the address. */
function listenProblem(err: unknown): string | undefined {
  const where = `${config.host}:${config.port}`;
  if (err instanceof Deno.errors.AddrInUse) {
    return `Cannot listen on ${where}: the port is already in use (set PORT to another one)`;
  }
  if (err instanceof Deno.errors.AddrNotAvailable) {
    return `Cannot listen on ${where}: no such address on this machine (check HOST)`;
  }
  if (err instanceof Deno.errors.PermissionDenied) {
    return `Cannot listen on ${where}: permission denied (ports below 1024 need privileges)`;
  }
  return undefined;
}

let server: Deno.HttpServer;
try {
  server = Deno.serve({
    port: config.port,
    hostname: config.host,
    onListen: ({ hostname, port }) => {
      // Listening on every address, the same machine's browser reaches it as localhost.
      const browse = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
      log(config, "info", {
        msg: "listening",
        url: `http://${hostname}:${port}`,
        docs: `http://${browse.includes(":") ? `[${browse}]` : browse}:${port}/api/docs`,
      });
    },
  }, app.fetch);
} catch (err) {
  const problem = listenProblem(err);
  if (!problem) throw err;
  // Lines written before (start-up, migrations) go out first, then the reason, then exit.
  log(config, "error", { msg: problem, host: config.host, port: config.port });
  flushLogs();
  Deno.exit(1);
}

/** Time left, at the end of the grace period, for cut uploads to be answered 503. */
const CUT_MS = 1_000;

// On SIGTERM/SIGINT main.ts drains and exits. Deno's shutdown() cuts request bodies still
// arriving, so it waits until the requests accepted before the signal are done (new ones
// are answered 503 meanwhile), or until the grace period is nearly over.
onStop(async () => {
  await beforeDeadline(whenIdle(), SHUTDOWN_GRACE_MS - CUT_MS, "GRACE_OVER").catch(() => {});
  await server.shutdown();
});
exitOnStop();
