import { app, service } from "./main.ts";
import { log } from "./middleware/logger.ts";

/** How long in-flight requests may take to finish after SIGTERM/SIGINT. */
const SHUTDOWN_GRACE_MS = 10_000;
const config = service.config;

const server = Deno.serve({
  port: config.port,
  hostname: config.host,
  onListen: ({ hostname, port }) =>
    log(config, "info", { msg: "listening", url: `http://${hostname}:${port}` }),
}, app.fetch);

let stopping = false;

/** Stops accepting, lets requests in flight finish, then closes the pool and exits 0. */
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(config, "info", { msg: "shutting down", signal });
  const drained = await Promise.race([
    server.shutdown().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS)),
  ]);
  if (!drained) log(config, "warn", { msg: "requests still running after the grace period" });
  await service.shutdown();
  log(config, "info", { msg: "stopped" });
  Deno.exit(0);
}

Deno.addSignalListener("SIGTERM", () => stop("SIGTERM"));
Deno.addSignalListener("SIGINT", () => stop("SIGINT"));
