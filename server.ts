import { app, config, exitOnStop, onStop } from "./main.ts";
import { log } from "./middleware/logger.ts";

const server = Deno.serve({
  port: config.port,
  hostname: config.host,
  onListen: ({ hostname, port }) =>
    log(config, "info", { msg: "listening", url: `http://${hostname}:${port}` }),
}, app.fetch);

// On SIGTERM/SIGINT main.ts drains and exits; stop accepting connections first.
onStop(() => server.shutdown());
exitOnStop();
