import { z } from "zod";
import { databaseUrlProblem } from "./lib/database_url.ts";
import { parseS3Url, type S3Settings } from "./lib/s3_url.ts";

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

/** Reads an integer environment value, treating "" as unset so the default applies. */
function intVar(def: number, min: number, max: number) {
  return z.preprocess(
    (v) => (v === undefined || v === "" ? def : v),
    z.coerce.number({ error: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be a whole number from ${min} to ${max}`)
      .max(max, `must be a whole number from ${min} to ${max}`),
  );
}

function optionalText() {
  return z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
}

function boolVar(def: boolean) {
  return z.preprocess(
    (v) => (v === undefined || v === "" ? String(def) : String(v).toLowerCase()),
    z.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
      .transform((v) => v === "true" || v === "1" || v === "yes"),
  );
}

const envSchema = z.object({
  PORT: intVar(8000, 0, 65535),
  HOST: z.preprocess((v) => (v === "" || v === undefined ? "0.0.0.0" : v), z.string()),
  DATABASE_URL: optionalText().refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    "must be a postgres:// or postgresql:// URL",
  ),
  DATABASE_REPLICA_URL: z.preprocess(
    (v) => (v ?? ""),
    // Split before each scheme: one replica URL may itself name several hosts (h1:p1,h2:p2).
    z.string().transform((v) =>
      v.split(/,(?=\s*postgres(?:ql)?:\/\/)/).map((u) => u.trim()).filter(Boolean)
    ),
  ).refine(
    (list) => list.every((u) => /^postgres(ql)?:\/\//.test(u)),
    "must be a comma-separated list of postgres:// or postgresql:// URLs",
  ),
  REPLICA_MAX_LAG_MS: intVar(500, 0, 3_600_000),
  DATABASE_LISTEN_URL: optionalText().refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    "must be a postgres:// or postgresql:// URL",
  ),
  DATABASE_POOLER: z.preprocess(
    (v) => (v === undefined || v === "" ? "none" : String(v).toLowerCase()),
    z.enum(["none", "transaction"], { error: "must be none or transaction" }),
  ),
  DATA_DIR: z.preprocess((v) => (v === "" || v === undefined ? "./data" : v), z.string()),
  JWT_SECRET: optionalText().refine(
    (v) => v === undefined || new TextEncoder().encode(v).length >= 32,
    "must be at least 32 bytes long",
  ),
  JWT_ACCESS_MINUTES: intVar(15, 1, 1440),
  JWT_REFRESH_DAYS: intVar(7, 1, 365),
  JWT_SESSION_MAX_DAYS: intVar(30, 1, 3650),
  JWT_REFRESH_REUSE_SECONDS: intVar(10, 0, 300),
  CORS_ORIGINS: z.preprocess(
    (v) => (v ?? ""),
    z.string().transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean)),
  ).refine(
    (list) => list.every((o) => o === "*" || /^https?:\/\/[^/\s]+$/.test(o)),
    "must be * or a comma-separated list of origins like https://app.example.com",
  ),
  DB_POOL_MAX: intVar(10, 1, 100),
  DB_STARTUP_TIMEOUT: intVar(60, 1, 3600),
  LOG_LEVEL: z.preprocess(
    (v) => (v === undefined || v === "" ? "info" : String(v).toLowerCase()),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }),
  ),
  TRUST_PROXY: boolVar(false),
  PUBLIC_URL: optionalText().refine(
    (v) => v === undefined || /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(v),
    "must be an http:// or https:// URL without query, like https://api.example.com",
  ),
  ALLOWED_HOSTS: z.preprocess(
    (v) => (v ?? ""),
    z.string().transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)),
  ).refine(
    (list) =>
      list.every((h) => h === "*" || /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/.test(h)),
    "must be a comma-separated list of host names (no port), .example.com for a domain and " +
      "its subdomains, or *",
  ),
  LOGIN_MAX_FAILURES: intVar(10, 1, 1000),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: intVar(100, 1, 100000),
  LOGIN_MAX_FAILURES_PER_ADDRESS: intVar(100, 1, 100000),
  LOGIN_WINDOW_SECONDS: intVar(900, 1, 86400),
  BODY_TIMEOUT_SECONDS: intVar(30, 1, 3600),
  HASH_CONCURRENCY: intVar(1, 1, 64),
  HASH_QUEUE: intVar(64, 0, 1024),
  HASH_PER_ADDRESS: intVar(4, 1, 1024),
  SEARCHES_PER_USER: intVar(0, 0, 100),
  SEARCH_QUEUE_PER_USER: intVar(32, 0, 1024),
  DB_STATEMENT_TIMEOUT_MS: intVar(5000, 0, 3_600_000),
  COUNT_EXACT_UP_TO: intVar(1000, 0, 100_000_000),
  PURGE_INTERVAL_SECONDS: intVar(600, 1, 86400),
  AUDIT_DETACH_AFTER_MONTHS: intVar(0, 0, 1200),
  WEBHOOK_ALLOW_HTTP: boolVar(false),
  WEBHOOK_ALLOW_PRIVATE: boolVar(false),
  WEBHOOK_RETRY_BASE_SECONDS: intVar(5, 1, 3600),
  WEBHOOK_RETRY_HOURS: intVar(72, 1, 720),
  DOCUMENT_MAX_BYTES: intVar(25 * 1024 * 1024, 1, 1024 * 1024 * 1024),
  UPLOADS_IN_FLIGHT: intVar(32, 1, 1024),
  DOCUMENT_STORE: z.preprocess(
    (v) => (v === undefined || v === "" ? "postgres" : v),
    z.string().refine((v) => v === "postgres" || typeof parseS3Url(v) !== "string", {
      error: "must be postgres or s3://bucket/prefix (with a valid bucket name)",
    }),
  ),
  AWS_REGION: z.preprocess((v) => (v === "" || v === undefined ? "us-east-1" : v), z.string()),
  AWS_ENDPOINT_URL_S3: optionalText().refine(
    (v) => v === undefined || /^https?:\/\/[^/\s]+\/?$/.test(v),
    "must be an http:// or https:// URL of the S3 endpoint, like http://127.0.0.1:9000",
  ),
  AWS_ACCESS_KEY_ID: optionalText(),
  AWS_SECRET_ACCESS_KEY: optionalText(),
  AWS_SESSION_TOKEN: optionalText(),
  ADMIN_PASSWORD: optionalText(),
  METRICS_TOKEN: optionalText().refine(
    (v) => v === undefined || v.length >= 16,
    "must be at least 16 characters long",
  ),
});

/** The names of every variable the service reads (ENV_FILE aside). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** The validated service configuration; built once at start-up. */
export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Read replicas of DATABASE_URL that lists, searches, logs and history read from. */
  databaseReplicaUrls: readonly string[];
  /** A replica further behind the primary than this is skipped until it catches up. */
  replicaMaxLagMs: number;
  /** Where LISTEN connects (a direct connection when DATABASE_URL is a pooler); unset: DATABASE_URL. */
  databaseListenUrl: string | undefined;
  /**
   * `transaction`: DATABASE_URL is a pooler in transaction mode (PgBouncer), so statements are
   * not prepared and no setting travels in the startup packet.
   */
  databasePooler: "none" | "transaction";
  dataDir: string;
  jwtSecret: string | undefined;
  jwtAccessMinutes: number;
  jwtRefreshDays: number;
  /** Days a session lives from sign-in at most; refreshing never extends it. */
  jwtSessionMaxDays: number;
  /**
   * Seconds a rotated refresh token may be presented again and get the same next token (two
   * tabs, a retried request); later it counts as theft. 0: never.
   */
  jwtRefreshReuseSeconds: number;
  corsOrigins: readonly string[];
  dbPoolMax: number;
  /** Seconds start-up keeps trying to reach DATABASE_URL before it gives up. */
  dbStartupTimeout: number;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: boolean;
  /** Where clients reach the service: absolute links start here; unset, links are relative. */
  publicUrl: string | undefined;
  /** Host names clients may reach us by (Django's ALLOWED_HOSTS); empty: any. */
  allowedHosts: readonly string[];
  /** Failed sign-ins for one email from one address (IPv6: one /64) within the window. */
  loginMaxFailures: number;
  /** Failed sign-ins for one email from all addresses together within the window. */
  loginMaxFailuresPerAccount: number;
  /** Failed sign-ins from one address (IPv6: one /64) whatever the email, within the window. */
  loginMaxFailuresPerAddress: number;
  loginWindowSeconds: number;
  /** Seconds a request body may take to arrive, from its headers; then 408. */
  bodyTimeoutSeconds: number;
  /** Password hashes one process runs at once. */
  hashConcurrency: number;
  /** Password hashes that may wait for a turn; more get 503 at once. */
  hashQueue: number;
  /** Sign-ins one client address may have hashing or waiting at once; more get 429. */
  hashPerAddress: number;
  /** Lists and searches of one user run at once per process (0: the pool less 2, at least 1; embedded: 1). */
  searchesPerUser: number;
  /** Lists and searches of one user that may wait for a turn; more get 429. */
  searchQueuePerUser: number;
  /** Longest a statement may run on DATABASE_URL before the server cancels it (0: no limit). */
  dbStatementTimeoutMs: number;
  /** Matches a list counts exactly; past this many its count is the planner's estimate. */
  countExactUpTo: number;
  /** Seconds between purges of expired sign-in failures and dead sessions. */
  purgeIntervalSeconds: number;
  /**
   * Whole months before this one after which the audit trail's monthly partitions are detached
   * for archiving (never dropped); 0: never.
   */
  auditDetachAfterMonths: number;
  /** The largest document an upload may hold; one byte more is 413. */
  documentMaxBytes: number;
  /** Uploads one process receives at once; more get 503. */
  uploadsInFlight: number;
  /** Where new documents' bytes go: PostgreSQL, or an S3-compatible bucket. */
  documentStore: "postgres" | Readonly<S3Settings>;
  /** Only for `deno task createsuperuser`. */
  adminPassword: string | undefined;
  /** The bearer token `GET /metrics` asks for; unset, the route answers 404. */
  metricsToken: string | undefined;
  /** Webhook receivers may be plain http:// URLs. */
  webhookAllowHttp: boolean;
  /** Webhook receivers may be loopback, private or link-local addresses (tests, private nets). */
  webhookAllowPrivate: boolean;
  /** The first retry's delay; each later one about doubles. */
  webhookRetryBaseSeconds: number;
  /** How long a delivery is retried before it fails (and disables its webhook). */
  webhookRetryHours: number;
}>;

/** Raised for an invalid environment; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * The variables of a dotenv file: `NAME=value` lines, optionally `export NAME=value`, with
 * `#` comments, values in single quotes taken as written and in double quotes with `\n`
 * escapes. A line that is none of these is a problem naming its line number.
 */
export function parseDotEnv(text: string): { vars: Record<string, string>; problems: string[] } {
  const vars: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const m = trimmed.match(/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/);
    if (!m) {
      problems.push(`line ${i + 1}: expected NAME=value`);
      return;
    }
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, "");
    }
    vars[m[1]] = value;
  });
  return { vars, problems };
}

/** The environment the service runs with, and which file's variables it took. */
export interface Environment {
  env: Record<string, string>;
  /** The dotenv file read, if any. */
  file?: string;
  /** Names taken from the file (those the process environment did not set). */
  fromFile: string[];
}

/**
 * The process environment over `ENV_FILE` (default `.env`, read when present; set it
 * empty to read none): a variable set in the process always wins. A named file that is
 * missing, or a line it cannot parse, is a ConfigError.
 */
export function readEnvironment(
  processEnv: Record<string, string> = Deno.env.toObject(),
): Environment {
  const named = processEnv.ENV_FILE;
  const file = named ?? ".env";
  if (file === "") return { env: processEnv, fromFile: [] };
  let text: string;
  try {
    text = Deno.readTextFileSync(file);
  } catch (err) {
    if (
      named === undefined &&
      (err instanceof Deno.errors.NotFound || err instanceof Deno.errors.PermissionDenied)
    ) {
      return { env: processEnv, fromFile: [] };
    }
    throw new ConfigError([`ENV_FILE: cannot read ${file} (${(err as Error).name})`]);
  }
  const { vars, problems } = parseDotEnv(text);
  if (problems.length) throw new ConfigError(problems.map((p) => `${file}: ${p}`));
  const fromFile = Object.keys(vars).filter((k) => processEnv[k] === undefined);
  return { env: { ...vars, ...processEnv }, file, fromFile };
}

/** Parses and validates the environment once; nothing else in the service reads it. */
export function loadConfig(env: Record<string, string | undefined> = Deno.env.toObject()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`),
    );
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.JWT_SECRET) {
    throw new ConfigError([
      "JWT_SECRET: is required when DATABASE_URL is set (at least 32 bytes)",
    ]);
  }
  const problems: string[] = [];
  const urls = [
    ["DATABASE_URL", e.DATABASE_URL],
    ["DATABASE_LISTEN_URL", e.DATABASE_LISTEN_URL],
    ...e.DATABASE_REPLICA_URL.map((u) => ["DATABASE_REPLICA_URL", u]),
  ];
  for (const [name, url] of urls) {
    const problem = url && databaseUrlProblem(url);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  if (!e.DATABASE_URL) {
    const needing = {
      DATABASE_REPLICA_URL: e.DATABASE_REPLICA_URL.length > 0,
      DATABASE_LISTEN_URL: e.DATABASE_LISTEN_URL !== undefined,
      DATABASE_POOLER: e.DATABASE_POOLER !== "none",
    };
    for (const [name, set] of Object.entries(needing)) {
      if (set) problems.push(`${name}: needs DATABASE_URL (the embedded database is one server)`);
    }
  } else if (e.DATABASE_POOLER === "transaction" && !e.DATABASE_LISTEN_URL) {
    problems.push(
      "DATABASE_LISTEN_URL: is required with DATABASE_POOLER=transaction (LISTEN needs a " +
        "direct connection to the server, not one through the pooler)",
    );
  }
  if (e.AWS_ACCESS_KEY_ID && !e.AWS_SECRET_ACCESS_KEY) {
    problems.push("AWS_SECRET_ACCESS_KEY: is required with AWS_ACCESS_KEY_ID");
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrls: Object.freeze(e.DATABASE_REPLICA_URL),
    replicaMaxLagMs: e.REPLICA_MAX_LAG_MS,
    databaseListenUrl: e.DATABASE_LISTEN_URL,
    databasePooler: e.DATABASE_POOLER,
    dataDir: e.DATA_DIR,
    jwtSecret: e.JWT_SECRET,
    jwtAccessMinutes: e.JWT_ACCESS_MINUTES,
    jwtRefreshDays: e.JWT_REFRESH_DAYS,
    jwtSessionMaxDays: e.JWT_SESSION_MAX_DAYS,
    jwtRefreshReuseSeconds: e.JWT_REFRESH_REUSE_SECONDS,
    corsOrigins: Object.freeze(e.CORS_ORIGINS),
    dbPoolMax: e.DB_POOL_MAX,
    dbStartupTimeout: e.DB_STARTUP_TIMEOUT,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    allowedHosts: Object.freeze(e.ALLOWED_HOSTS),
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    bodyTimeoutSeconds: e.BODY_TIMEOUT_SECONDS,
    hashConcurrency: e.HASH_CONCURRENCY,
    hashQueue: e.HASH_QUEUE,
    hashPerAddress: e.HASH_PER_ADDRESS,
    // The embedded database has one connection whatever DB_POOL_MAX says.
    searchesPerUser: e.SEARCHES_PER_USER ||
      (e.DATABASE_URL ? Math.max(1, e.DB_POOL_MAX - 2) : 1),
    searchQueuePerUser: e.SEARCH_QUEUE_PER_USER,
    dbStatementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    countExactUpTo: e.COUNT_EXACT_UP_TO,
    purgeIntervalSeconds: e.PURGE_INTERVAL_SECONDS,
    auditDetachAfterMonths: e.AUDIT_DETACH_AFTER_MONTHS,
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    uploadsInFlight: e.UPLOADS_IN_FLIGHT,
    documentStore: e.DOCUMENT_STORE === "postgres" ? "postgres" : Object.freeze({
      url: e.DOCUMENT_STORE,
      region: e.AWS_REGION,
      endpoint: e.AWS_ENDPOINT_URL_S3,
      accessKeyId: e.AWS_ACCESS_KEY_ID,
      secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
      sessionToken: e.AWS_SESSION_TOKEN,
    }),
    adminPassword: e.ADMIN_PASSWORD,
    metricsToken: e.METRICS_TOKEN,
    webhookAllowHttp: e.WEBHOOK_ALLOW_HTTP,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    webhookRetryBaseSeconds: e.WEBHOOK_RETRY_BASE_SECONDS,
    webhookRetryHours: e.WEBHOOK_RETRY_HOURS,
  });
}
