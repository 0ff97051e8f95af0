import postgres from "postgres";
import type { Config } from "../config.ts";
import type { EmbeddedTarget } from "./embedded.ts";

/** The postgres.js client type used across `db/`. */
export type Sql = postgres.Sql;
/** A client or an open transaction: every query function accepts either. */
export type Db = postgres.Sql | postgres.TransactionSql;

/** The one client of the service, set by `openDatabase`. */
export let sql: Sql;

/** Whether the database in use is the embedded one (one connection, one process). */
export let embedded = false;

/** Closes the client and, for the embedded database, the server behind it. */
export let closeDatabase: () => Promise<void> = () => Promise.resolve();

/** Seconds postgres.js waits for a connection before the request fails with 503. */
const CONNECT_TIMEOUT_SECONDS = 3;

/** Makes a postgres.js client with the service's type handling. */
export function createClient(
  target: string | EmbeddedTarget,
  max: number,
  extra: Pick<postgres.Options<Record<string, never>>, "debug"> = {},
): Sql {
  const where = typeof target === "string" ? { url: target } : target;
  const options = {
    ...extra,
    max,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    idle_timeout: 60,
    onnotice: () => {},
    // Dates stay `YYYY-MM-DD` strings instead of becoming midnight-UTC Date objects.
    types: {
      date: {
        to: 1082,
        from: [1082],
        serialize: (v: string) => v,
        parse: (v: string) => v,
      },
    },
    connection: { application_name: "healthcare-api" },
  };
  if ("url" in where) return postgres(where.url, options);
  return postgres({ ...options, path: where.path, user: "postgres", database: "postgres" });
}

/** Connects to DATABASE_URL, or starts the embedded database under DATA_DIR. */
export async function openDatabase(config: Config): Promise<void> {
  if (config.databaseUrl) {
    sql = createClient(config.databaseUrl, config.dbPoolMax);
    embedded = false;
    closeDatabase = () => sql.end({ timeout: 5 });
    return;
  }
  // Loaded only when used: with DATABASE_URL, PGlite is never loaded (nor needed on Deploy).
  const { startEmbedded } = await import("./embedded.ts");
  const server = await startEmbedded(config.dataDir);
  sql = createClient(server.target, 1);
  embedded = true;
  closeDatabase = async () => {
    await sql.end({ timeout: 5 });
    await server.stop();
  };
}

/** True when the database answers a trivial query within the given time. */
export async function ping(timeoutMs = 2000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      sql`select 1`.then(() => true),
      new Promise<boolean>((resolve) => timer = setTimeout(() => resolve(false), timeoutMs)),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
