import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DataDirInUseError } from "./db/embedded.ts";
import { MigrationError } from "./db/migrate.ts";
import { prepare, type Prepared } from "./lib/startup.ts";
import { log } from "./middleware/logger.ts";

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

/** The application, for `deno serve` and Deno Deploy. */
export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;

export { app, service };
