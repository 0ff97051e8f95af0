import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import type { Config } from "../config.ts";
import type { AppEnv } from "../types.ts";

const RANK: Record<Config["logLevel"], number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

type Level = Exclude<Config["logLevel"], "silent">;

/** Writes one JSON log line when `level` is at or above the configured level. */
export function log(config: Config, level: Level, fields: Record<string, unknown>): void {
  if (RANK[level] < RANK[config.logLevel]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, ...fields });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/**
 * Logs an error by its kind and code only: postgres.js keeps query text and parameters
 * off the error's enumerable fields, and the message of a database error holds no values.
 */
export function logError(c: Context<AppEnv>, msg: string, err: unknown): void {
  const e = err as { name?: string; code?: string; message?: string; stack?: string };
  log(c.var.config, "error", {
    msg,
    request_id: c.var.requestId,
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
  log(c.var.config, status >= 500 ? "error" : "info", {
    request_id: c.var.requestId,
    method: c.req.method,
    route: routePath(c, -1),
    status,
    duration_ms: Math.round((performance.now() - started) * 100) / 100,
    user_id: c.var.user?.id ?? null,
  });
});
