import postgres from "postgres";
import type { Config } from "../config.ts";
import type { EmbeddedTarget } from "./embedded.ts";
import { beforeDeadline } from "../lib/deadline.ts";
import { guardedSocket, HostRoute } from "./socket.ts";
import { parseDatabaseUrl } from "../lib/database_url.ts";

/** The postgres.js client type used across `db/`. */
export type Sql = postgres.Sql;
/** A client or an open transaction: every query function accepts either. */
export type TransactionSql = postgres.TransactionSql;
export type Db = postgres.Sql | TransactionSql;

/** The one client of the service, set by `openDatabase`. */
export let sql: Sql;

/** Whether the database in use is the embedded one (one connection, one process). */
export let embedded = false;

/** Closes the client (waiting up to `timeoutSeconds` for queries) and any embedded server. */
export let closeDatabase: (timeoutSeconds?: number) => Promise<void> = () => Promise.resolve();

let listenUrl: string | undefined;
let ready = false;

/** True once the schema is migrated and the service may use the database. */
export function isReady(): boolean {
  return ready;
}

/** Marks the database ready (start-up) or not (shutdown). */
export function setReady(value: boolean): void {
  ready = value;
}

/** Seconds postgres.js waits for a connection before the request fails with 503. */
const CONNECT_TIMEOUT_SECONDS = 3;

/** True when the URL asks for TLS (the driver then negotiates it on a socket of its own). */
function wantsTls(params: URLSearchParams): boolean {
  const mode = params.get("sslmode") ?? params.get("ssl");
  return mode !== null && mode !== "disable" && mode !== "false";
}

/** Clients that send one query at a time on a connection (`pooled`): see `transaction`. */
const unpipelined = new WeakSet<Sql>();

/**
 * Runs `fn` in one transaction on `db` (the driver's `begin`: rolled back when `fn` fails).
 * A `pooled` client sends no query behind another, and the driver's `begin` needs that to
 * claim its connection, so there the transaction runs on a reserved connection instead.
 */
export async function transaction<T>(
  db: Sql,
  fn: (tx: TransactionSql) => Promise<T>,
): Promise<T> {
  if (!unpipelined.has(db)) return await (db.begin(fn) as Promise<T>);
  const tx = await db.reserve();
  try {
    await tx`begin`;
    try {
      const result = await fn(tx as unknown as TransactionSql);
      await tx`commit`;
      return result;
    } catch (err) {
      await tx`rollback`.catch(() => {});
      throw err;
    }
  } finally {
    tx.release();
  }
}

/** Makes a postgres.js client with the service's type handling. */
export function createClient(
  target: string | EmbeddedTarget,
  max: number,
  extra: Pick<postgres.Options<Record<string, never>>, "debug" | "onnotice"> & {
    /** The server cancels a statement that runs longer (0 or unset: no limit). */
    statementTimeoutMs?: number;
    /**
     * The target is a pooler in transaction mode: each transaction may run on another server
     * connection, so nothing is prepared and no setting travels in the startup packet (the
     * pooler refuses what it does not know; README: "Behind PgBouncer").
     */
    pooled?: boolean;
    /**
     * The client may use a read-only server (a replica). Otherwise a server that says at
     * start-up it is a standby or read-only is passed over for the URL's next host, as libpq's
     * `target_session_attrs=read-write` does, whether the URL names several hosts or one
     * (a proxy that still routes to a demoted primary).
     */
    readOnly?: boolean;
  } = {},
): Sql {
  const url = typeof target === "string" ? parseDatabaseUrl(target) : undefined;
  const { statementTimeoutMs, pooled, readOnly, ...driver } = extra;
  const options = {
    max,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    idle_timeout: 60,
    onnotice: () => {},
    ...driver,
    // Dates stay `YYYY-MM-DD` strings instead of becoming midnight-UTC Date objects.
    types: {
      date: {
        to: 1082,
        from: [1082],
        serialize: (v: string) => v,
        parse: (v: string) => v,
      },
    },
    // Behind a transaction pooler: no statement is prepared (the next transaction may run on
    // another server connection), and no query is sent behind another on one connection.
    // PgBouncer 1.18 gives the server connection back at the first query's end, so the
    // answer to one sent behind it was dropped and its request waited forever (tests/pooler_test.ts).
    ...(pooled ? { prepare: false, max_pipeline: 0 } : {}),
    connection: pooled ? { application_name: "healthcare-api" } : {
      application_name: "healthcare-api",
      // Short statements only: JIT compiling one whose plan looks costly (a policy's
      // subquery on a large table, in a branch that never runs) took ~70 ms per request.
      jit: "off",
      // A startup parameter: no round trip per statement, and it holds behind a pooler too.
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
    // Plain TCP and unix sockets go through the guard against the driver's write-after-close
    // defect (db/socket.ts); TLS is negotiated by the driver on its own socket.
    // TLS and several hosts do not go together here: the driver would try only the first.
    ...(url && wantsTls(url.params)
      ? {}
      : { socket: guardedSocket(url && new HostRoute(url.hosts, !readOnly)) }),
  };
  const client = url ? postgres(url.driverUrl, options) : postgres({
    ...options,
    path: (target as EmbeddedTarget).path,
    user: "postgres",
    database: "postgres",
  });
  if (pooled) unpipelined.add(client);
  return client;
}

/**
 * The server's warning when a commit waiting for the synchronous standby is cancelled
 * (`pg_cancel_backend`; `statement_timeout` does not cover that wait): the transaction stays
 * committed on the primary and the commit is answered as done, but no standby may have it.
 */
const SYNC_WAIT_CANCELLED = "canceling wait for synchronous replication";

/**
 * Connects to DATABASE_URL, or starts the embedded database under DATA_DIR. `unconfirmed` is
 * called for each commit answered before the synchronous standby confirmed it.
 */
export async function openDatabase(config: Config, unconfirmed = () => {}): Promise<void> {
  if (config.databaseUrl) {
    const client = createClient(config.databaseUrl, config.dbPoolMax, {
      statementTimeoutMs: config.dbStatementTimeoutMs,
      pooled: config.databasePooler === "transaction",
      onnotice: (notice) => {
        if (String(notice.message).startsWith(SYNC_WAIT_CANCELLED)) unconfirmed();
      },
    });
    sql = client;
    listenUrl = config.databaseListenUrl ?? config.databaseUrl;
    embedded = false;
    closeDatabase = (timeout = 5) => client.end({ timeout });
    return;
  }
  // Loaded only when used: with DATABASE_URL, PGlite is never loaded (nor needed on Deploy).
  const { startEmbedded } = await import("./embedded.ts");
  const server = await startEmbedded(config.dataDir);
  sql = createClient(server.target, 1);
  listenUrl = undefined;
  embedded = true;
  closeDatabase = async () => {
    await sql.end({ timeout: 5 });
    await server.stop();
  };
}

/**
 * A separate one-connection client for LISTEN (on DATABASE_LISTEN_URL when set), which the
 * caller ends (not for embedded).
 */
export function openListener(): Sql {
  if (!listenUrl) throw new Error("LISTEN needs DATABASE_URL");
  return createClient(listenUrl, 1);
}

/** Where DATABASE_URL points, without credentials, for messages: `host:port[,host:port]/database`. */
export function describeDatabase(url: string): string {
  const { hosts, database } = parseDatabaseUrl(url);
  return `${hosts.map((h) => `${h.host}:${h.port}`).join(",")}/${database}`;
}

/** The server's `statement_timeout` for our role and database, in milliseconds (0: none). */
export async function serverStatementTimeoutMs(): Promise<number> {
  const [row] = await sql<{ ms: number }[]>`
    select extract(epoch from current_setting('statement_timeout')::interval) * 1000 as ms`;
  return Number(row.ms);
}

/** True when the database answers a trivial query within the given time. */
export function ping(timeoutMs = 2000): Promise<boolean> {
  return beforeDeadline(sql`select 1`.execute(), timeoutMs, "PING_TIMEOUT")
    .then(() => true, () => false);
}
