import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, type FieldError } from "../lib/errors.ts";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import postgres from "postgres";
import type { AppEnv } from "../types.ts";
import { logError } from "./logger.ts";
import { HashingBusyError } from "../lib/passwords.ts";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Builds an `application/problem+json` response. */
export function problemResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  detail: string,
  errors?: FieldError[],
  headers?: Record<string, string>,
): Response {
  const body: Record<string, unknown> = {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    request_id: c.get("requestId") ?? null,
  };
  if (errors) body.errors = errors;
  const res = c.body(JSON.stringify(body), status, {
    "Content-Type": "application/problem+json",
    ...headers,
  });
  return res;
}

/** postgres.js and socket codes that mean the database cannot be reached right now. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

/** True for errors that mean the database is down or unreachable. */
export function isUnavailable(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "string") return false;
  return UNAVAILABLE_CODES.has(code) || code.startsWith("08");
}

/** The request field a constraint guards, from the `<table>_<field>_<kind>` naming rule. */
function constraintField(err: postgres.PostgresError): string {
  const name = err.constraint_name ?? "";
  const table = err.table_name ?? "";
  const bare = name.startsWith(`${table}_`) ? name.slice(table.length + 1) : name;
  return bare.replace(/_(key|fkey|check|uniq|excl)$/, "") || "id";
}

function fromPostgres(c: Context<AppEnv>, err: postgres.PostgresError): Response | undefined {
  switch (err.code) {
    case "23505": {
      const field = constraintField(err);
      return problemResponse(c, 409, `A record with this ${field} already exists`, [
        { field, message: "is already taken" },
      ]);
    }
    case "23503":
    case "23001": {
      const field = constraintField(err);
      return problemResponse(c, 409, "The record is still referenced by other records", [
        { field, message: "is referenced by other records" },
      ]);
    }
    case "23514":
    case "23502": {
      const field = err.column_name ?? constraintField(err);
      return problemResponse(c, 400, "The request has invalid fields", [
        { field, message: "is not valid" },
      ]);
    }
    case "22P02":
    case "22003":
    case "22007":
    case "22008":
    case "22001":
      return problemResponse(c, 400, "The request has a value out of range or malformed");
  }
  return undefined;
}

/** The single error funnel: every thrown error becomes a problem response here. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) {
    return problemResponse(
      c,
      err.status as ContentfulStatusCode,
      err.message,
      err.errors,
      err.headers,
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const detail = status === 400 && /json/i.test(err.message)
      ? "The request body is not valid JSON"
      : err.message || TITLES[status] || "Error";
    return problemResponse(c, status, detail);
  }
  if (err instanceof HashingBusyError) {
    return problemResponse(c, 503, "Too many sign-ins at once; try again shortly", undefined, {
      "Retry-After": "1",
    });
  }
  if (isUnavailable(err)) {
    logError(c, "database unavailable", err);
    return problemResponse(c, 503, "The database is unavailable; try again shortly", undefined, {
      "Retry-After": "5",
    });
  }
  if (err instanceof postgres.PostgresError) {
    const res = fromPostgres(c, err);
    if (res) return res;
  }
  logError(c, "unhandled error", err);
  return problemResponse(c, 500, "An unexpected error occurred");
};

/** Unknown routes, and known paths called with a method they do not have. */
export function notFoundHandler(
  allowedMethods: (path: string) => string[],
): NotFoundHandler<AppEnv> {
  return (c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      return problemResponse(c, 405, `This resource supports ${allowed.join(", ")}`, undefined, {
        Allow: allowed.join(", "),
      });
    }
    return problemResponse(c, 404, "No resource at this address");
  };
}
