import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";

/** One invalid field of a request, named by its dotted path. */
export interface FieldError {
  field: string;
  message: string;
}

/** An error the client caused or may retry, answered as RFC 9457 problem details. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message: detail });
    this.name = "ApiError";
  }
}

/** A 400 for one or more invalid fields. */
export function invalid(errors: FieldError[], detail = "The request has invalid fields"): ApiError {
  return new ApiError(400, detail, errors);
}

/** The body of every error answer: RFC 9457 problem details. */
export const problemSchema = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  request_id: z.string().nullable(),
  errors: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
}).meta({ description: "RFC 9457 problem details" });

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
  "25006", // read_only_sql_transaction: a primary demoted under us, or no writable server yet
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

/** An error's code for a log line (a driver or socket code, else its name), never its message. */
export function errorCode(err: unknown): string | undefined {
  return (err as { code?: string })?.code ?? (err as Error)?.name;
}
