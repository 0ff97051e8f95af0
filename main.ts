import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { closeDatabase, openDatabase } from "./db/client.ts";
import { DataDirInUseError } from "./db/embedded.ts";
import { migrate, MigrationError } from "./db/migrate.ts";
import { log } from "./middleware/logger.ts";

function fail(message: string): never {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: message }));
  Deno.exit(1);
}

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

const config = loadConfigOrExit();

try {
  await openDatabase(config);
  const applied = await migrate();
  if (applied.length > 0) log(config, "info", { msg: "migrations applied", migrations: applied });
} catch (err) {
  if (err instanceof MigrationError || err instanceof DataDirInUseError) fail(err.message);
  const e = err as { code?: string; message?: string };
  fail(`Cannot prepare the database: ${e.code ?? ""} ${e.message ?? String(err)}`.trim());
}

const app = createApp(config);

/** The application, for `deno serve` and Deno Deploy. */
export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;

if (Deno.args.includes("--migrate")) {
  await closeDatabase();
  Deno.exit(0);
}

export { app, config };
