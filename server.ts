import { app, config, exitOnStop, onStop } from "./main.ts";
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
    onListen: ({ hostname, port }) =>
      log(config, "info", { msg: "listening", url: `http://${hostname}:${port}` }),
  }, app.fetch);
} catch (err) {
  const problem = listenProblem(err);
  if (!problem) throw err;
  // Lines written before (start-up, migrations) go out first, then the reason, then exit.
  log(config, "error", { msg: problem, host: config.host, port: config.port });
  flushLogs();
  Deno.exit(1);
}

// On SIGTERM/SIGINT main.ts drains and exits; stop accepting connections first.
onStop(() => server.shutdown());
exitOnStop();
