import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import type { Config } from "../config.ts";
import type { AppEnv } from "../types.ts";
import { methodLabel } from "./metrics.ts";

const RANK: Record<Config["logLevel"], number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

type Level = Exclude<Config["logLevel"], "silent">;

/** Info and debug lines wait here briefly and go out in one write: one write per request cost more than its handler. */
let pending: string[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;
const FLUSH_MS = 20;

/** Writes the waiting log lines now (also called at shutdown). */
export function flushLogs(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  if (pending.length === 0) return;
  const lines = pending;
  pending = [];
  console.log(lines.join("\n"));
}

/** Writes one JSON log line when `level` is at or above the configured level. */
export function log(config: Config, level: Level, fields: Record<string, unknown>): void {
  if (RANK[level] < RANK[config.logLevel]) return;
  write(level, JSON.stringify({ time: new Date().toISOString(), level, ...fields }));
}

function write(level: Level, line: string): void {
  if (level === "error" || level === "warn") {
    flushLogs();
    console.error(line);
    return;
  }
  pending.push(line);
  if (pending.length >= 256) flushLogs();
  else if (flushTimer === undefined) flushTimer = setTimeout(flushLogs, FLUSH_MS);
}

/**
 * Logs an error by its kind and code only: postgres.js keeps query text and parameters
 * off the error's enumerable fields, and the message of a database error holds no values.
 */
export function logError(c: Context<AppEnv>, msg: string, err: unknown): void {
  const e = err as { name?: string; code?: string; message?: string; stack?: string };
  log(c.get("config"), "error", {
    msg,
    request_id: c.get("requestId"),
    error: e?.name,
    code: e?.code,
    message: e?.message,
    stack: e?.code ? undefined : e?.stack,
  });
}

/** One log line per request: no bodies, no headers, no query strings, no tokens. */
export const requestLogger = createMiddleware<AppEnv>(async function requestLogger(c, next) {
  const started = performance.now();
  await next();
  const status = c.res.status;
  // A 503 is the service saying "not now" (starting, draining, database away, busy): the
  // cause is logged on its own where there is one; error lines mean something is broken.
  const level = status === 503 ? "warn" : status >= 500 ? "error" : "info";
  if (RANK[level] < RANK[c.get("config").logLevel]) return;
  // Built by hand: this runs for every request. The request id is already restricted to
  // [A-Za-z0-9._-]; the rest is quoted by JSON.stringify or is a number.
  const ms = Math.round((performance.now() - started) * 100) / 100;
  write(
    level,
    `{"time":"${new Date().toISOString()}","level":"${level}","request_id":"${
      c.get("requestId")
    }","method":"${methodLabel(c.req.method)}","route":${
      JSON.stringify(routePath(c, -1))
    },"status":${status},"duration_ms":${ms},"user_id":${c.get("user")?.id ?? null}}`,
  );
});
