import type { Config } from "./config.ts";
import { startDispatcher } from "./dispatcher.ts";
import {
  closeDatabase,
  describeDatabase,
  embedded,
  isReady,
  openDatabase,
  serverStatementTimeoutMs,
  setReady,
  sql,
} from "./db/client.ts";
import { DataDirInUseError } from "./db/embedded.ts";
import { checkDocumentStore, removeObjects } from "./db/document_store.ts";
import {
  detachAuditPartitions,
  ensureAuditPartitions,
  purgeExpired,
  sweepDocumentContents,
} from "./db/housekeeping.ts";
import { migrate, MigrationError } from "./db/migrate.ts";
import { ensureSecret } from "./db/secrets.ts";
import { setHashingLimits } from "./lib/passwords.ts";
import { startRevocationSync } from "./db/revocations.ts";
import { closeReplicas, openReplicas, type ReplicaNews, writesHeard } from "./db/replicas.ts";
import { flushAudit } from "./middleware/audit.ts";
import { flushLogs, log } from "./middleware/logger.ts";
import { beforeDeadline } from "./lib/deadline.ts";
import { errorCode } from "./lib/errors.ts";

/** A prepared service: the final config and how to release what it holds. */
export interface Prepared {
  config: Config;
  migrationsApplied: string[];
  shutdown(): Promise<void>;
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(48));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Makes the audit partitions of the coming months, and detaches those past
 * AUDIT_DETACH_AFTER_MONTHS (if set); says what it did.
 */
async function auditPartitions(config: Config): Promise<void> {
  const made = await ensureAuditPartitions();
  if (made) log(config, "info", { msg: "audit partitions made", made });
  if (config.auditDetachAfterMonths > 0) {
    const detached = await detachAuditPartitions(config.auditDetachAfterMonths);
    if (detached.length) log(config, "info", { msg: "audit partitions detached", detached });
  }
}

/**
 * Every PURGE_INTERVAL_SECONDS, deletes sign-in failures past their window and sessions
 * dead for a day (or for the access-token lifetime, if longer), so anonymous traffic
 * cannot grow the tables, removes bytes an upload cut short by a crash left, and keeps the audit trail's partitions (auditPartitions). Answers a
 * function that stops it.
 */
export function startHousekeeping(config: Config): () => Promise<void> {
  const keepSeconds = Math.max(86_400, config.jwtAccessMinutes * 60 + 60);
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running || !isReady()) return;
    running = purgeExpired(config.loginWindowSeconds, keepSeconds)
      .then(async (purged) => {
        if (purged.loginFailures || purged.sessions) {
          log(config, "info", { msg: "purged expired rows", ...purged });
        }
        const swept = await sweepDocumentContents();
        if (swept.removed) {
          log(config, "info", {
            msg: "removed unfinished uploads' bytes",
            contents: swept.removed,
          });
        }
        await removeObjects(config, swept.objects);
        await auditPartitions(config);
      })
      .catch((err) =>
        log(config, "warn", {
          msg: "purge failed; will retry",
          code: errorCode(err),
        })
      )
      .finally(() => running = undefined);
  }, config.purgeIntervalSeconds * 1000);
  Deno.unrefTimer(timer);
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Opens the database, applies migrations, settles the JWT secret (with the embedded
 * database a random one is made once and kept in it) and starts revocation sync, housekeeping
 * and the webhook dispatcher (`dispatch: false`: not the dispatcher).
 */
export async function prepare(
  config: Config,
  opts: { serve?: boolean; dispatch?: boolean } = {},
): Promise<Prepared> {
  await openDatabase(config, () =>
    log(config, "warn", {
      msg: "a commit's wait for the synchronous standby was cancelled and the commit answered " +
        "as saved: it is committed on the primary, maybe not yet on a standby",
    }));
  const applied = await migrate();
  // An S3 store that does not answer fails uploads and downloads, not the service.
  await checkDocumentStore(config).catch((err) =>
    log(config, "error", { msg: `${(err as Error).message}; documents cannot be stored or read` })
  );
  await auditPartitions(config);
  if (config.databasePooler === "transaction" && config.dbStatementTimeoutMs > 0) {
    // Behind a transaction pooler no setting travels at connect: the role must carry it.
    const serverMs = await serverStatementTimeoutMs();
    if (serverMs !== config.dbStatementTimeoutMs) {
      log(config, "warn", {
        msg: "statement_timeout on the server differs from DB_STATEMENT_TIMEOUT_MS; behind a " +
          "pooler set it on the role: ALTER ROLE <role> SET statement_timeout = '<ms>ms'",
        server_ms: serverMs,
        configured_ms: config.dbStatementTimeoutMs,
      });
    }
  }
  let jwtSecret = config.jwtSecret;
  if (!jwtSecret && embedded) jwtSecret = await ensureSecret("jwt_secret", randomSecret);
  const final: Config = Object.freeze({ ...config, jwtSecret });
  const replicated = opts.serve !== false && config.databaseReplicaUrls.length > 0;
  if (replicated) {
    openReplicas(config.databaseReplicaUrls, sql, {
      poolMax: config.dbPoolMax,
      maxLagMs: config.replicaMaxLagMs,
      statementTimeoutMs: config.dbStatementTimeoutMs,
      pooled: config.databasePooler === "transaction",
    }, (news) => log(config, news.event === "up" ? "info" : "warn", replicaMessage(news)));
  }
  // With replicas, the listening connection also hears which sessions wrote on other processes.
  const stopSync = opts.serve === false
    ? undefined
    : await startRevocationSync(config.jwtAccessMinutes, replicated ? [writesHeard] : []);
  const stopHousekeeping = opts.serve === false ? undefined : startHousekeeping(config);
  const stopDispatcher = !(opts.dispatch ?? opts.serve !== false)
    ? undefined
    : startDispatcher(config, (err) =>
      log(config, "warn", {
        msg: "webhook dispatch failed; will retry",
        code: errorCode(err),
      }));
  setHashingLimits(config.hashConcurrency, config.hashQueue);
  setReady(true);
  return {
    config: final,
    migrationsApplied: applied,
    async shutdown() {
      setReady(false);
      await flushAudit();
      await stopHousekeeping?.();
      await stopDispatcher?.();
      await stopSync?.();
      await closeReplicas();
      await closeDatabase();
      flushLogs();
    },
  };
}

/** A log line for what the replicas reported. */
function replicaMessage(news: ReplicaNews): Record<string, unknown> {
  switch (news.event) {
    case "up":
      return { msg: "read replica answering; reads go to it", replica: news.replica };
    case "down":
      return {
        msg: "read replica not answering; its reads go to the primary",
        replica: news.replica,
        code: news.code,
      };
    case "not_standby":
      return {
        msg: "DATABASE_REPLICA_URL names a server that is not a standby; not read from",
        replica: news.replica,
      };
  }
}

/** Raised when DATABASE_URL did not answer within DB_STARTUP_TIMEOUT. */
export class DatabaseUnreachableError extends Error {
  constructor(where: string, seconds: number, cause: unknown) {
    const code = (cause as { code?: string })?.code ?? (cause as Error)?.message ?? "";
    super(`Cannot reach the database at ${where} within ${seconds} s (last error: ${code})`);
    this.name = "DatabaseUnreachableError";
  }
}

/**
 * What the server says when waiting cannot help, with what to do about it: the database
 * does not exist, or the role or its password is refused.
 */
const REFUSALS: Record<string, string> = {
  "3D000": "create it (for example `createdb <name>`) or fix the name in DATABASE_URL",
  "28000": "check the user name in DATABASE_URL and the server's pg_hba.conf",
  "28P01": "check the user name and password in DATABASE_URL",
};

/** Raised at once when DATABASE_URL's server refuses us for good (see REFUSALS). */
export class DatabaseRefusedError extends Error {
  constructor(where: string, code: string, serverMessage: string) {
    super(
      `The database at ${where} refused the connection: ${serverMessage} (${code}); ` +
        REFUSALS[code],
    );
    this.name = "DatabaseRefusedError";
  }
}

/** Errors that no retry can fix, in words for whoever started the service. */
function finalError(err: unknown, where: string): Error | undefined {
  if (err instanceof MigrationError || err instanceof DataDirInUseError) return err;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === "string" && code in REFUSALS) {
    // The server's own sentence names the database or role, never a password.
    return new DatabaseRefusedError(where, code, String(message));
  }
  return undefined;
}

/** Longest one attempt may take (a server that accepts and then says nothing). */
const ATTEMPT_MS = 10_000;
/** Longest pause between attempts, so the service is ready soon after the database is. */
const MAX_BACKOFF_MS = 2_000;

/**
 * `prepare`, retried with backoff while the database cannot be reached, each attempt
 * logged; after DB_STARTUP_TIMEOUT it throws `DatabaseUnreachableError`.
 */
export async function prepareWhenReachable(
  config: Config,
  opts: { serve?: boolean } = {},
): Promise<Prepared> {
  // The embedded database is this process's own: nothing to wait for, and its first
  // start (initdb and migrations) may take longer than one attempt's limit.
  if (!config.databaseUrl) return await prepare(config, opts);
  const deadline = Date.now() + config.dbStartupTimeout * 1000;
  for (let attempt = 1;; attempt++) {
    try {
      return await beforeDeadline(prepare(config, opts), ATTEMPT_MS, "ATTEMPT_TIMEOUT");
    } catch (err) {
      const where = describeDatabase(config.databaseUrl);
      const final = finalError(err, where);
      if (final === err) throw err;
      // Ends the client so the driver stops reconnecting on its own.
      await closeDatabase(0).catch(() => {});
      if (final) throw final;
      const wait = Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt, deadline - Date.now());
      if (wait <= 0) {
        throw new DatabaseUnreachableError(where, config.dbStartupTimeout, err);
      }
      log(config, "warn", {
        msg: "database not reachable yet; retrying",
        database: where,
        attempt,
        retry_in_ms: wait,
        code: errorCode(err),
      });
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
