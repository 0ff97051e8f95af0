import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, type FieldError, isUnavailable } from "../lib/errors.ts";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import postgres from "postgres";
import type { AppEnv } from "../types.ts";
import { logError } from "./logger.ts";
import { unauthorized } from "./auth.ts";
import { HashingBusyError } from "../lib/passwords.ts";
import { FHIR_JSON, operationOutcome } from "../lib/fhir.ts";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Whether a path is under the FHIR base, `/fhir`. */
export function isFhirPath(path: string): boolean {
  return path === "/fhir" || path.startsWith("/fhir/");
}

/** Builds an `application/problem+json` response (an OperationOutcome under `/fhir`). */
export function problemResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  detail: string,
  errors?: FieldError[],
  headers?: Record<string, string>,
): Response {
  // The FHIR face answers its errors as FHIR clients expect them: an OperationOutcome.
  if (isFhirPath(c.req.path)) {
    return c.body(JSON.stringify(operationOutcome(status, detail, errors)), status, {
      "Content-Type": FHIR_JSON,
      ...headers,
    });
  }
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

/** What a conflict with each constraint means to the client: the field, and why. */
export const CONFLICTS: Record<string, { field: string; message: string; detail: string }> = {
  users_email_key: {
    field: "email",
    message: "is already taken",
    detail: "An account with this email already exists",
  },
  doctors_email_key: {
    field: "email",
    message: "is already taken",
    detail: "A doctor with this email already exists",
  },
  doctors_license_number_key: {
    field: "license_number",
    message: "is already taken",
    detail: "A doctor with this license number already exists",
  },
  patient_doctors_doctor_key: {
    field: "doctor",
    message: "is already assigned to this patient",
    detail: "This doctor is already assigned to this patient",
  },
  patient_doctors_is_primary_key: {
    field: "is_primary",
    message: "the patient already has a primary doctor",
    detail: "The patient already has a primary doctor",
  },
  appointments_doctor_overlap: {
    field: "start",
    message: "the doctor is already booked at this time",
    detail: "The doctor already has an appointment overlapping this time",
  },
  appointments_status_move: {
    field: "status",
    message: "cannot move from the current status to this one",
    detail: "An appointment's status moves booked → arrived → fulfilled, or from booked to " +
      "cancelled or noshow, or from arrived to cancelled",
  },
  patient_doctors_doctor_id_fkey: {
    field: "assignments",
    message: "must be removed before the doctor",
    detail: "The doctor still has patient assignments; remove them first",
  },
};

/** Checks whose refusal names a field the request got wrong (400): the field, and why. */
export const INVALID: Record<string, { field: string; message: string }> = {
  appointments_end_check: { field: "end", message: "must be after start" },
  appointments_length_check: { field: "end", message: "must be at most 24 hours after start" },
  doctor_hours_end_check: { field: "hours", message: "each span must end after it starts" },
  doctor_hours_overlap: { field: "hours", message: "spans of one weekday must not overlap" },
  doctor_schedules_timezone_check: { field: "timezone", message: "is not a known time zone" },
};

/**
 * Foreign keys to the caller's account: a write refused by one was made with a token whose
 * user no longer exists (a database restored without it, say). The token is what is wrong.
 */
const ACCOUNT_KEYS = new Set([
  "patients_created_by_fkey",
  "doctors_created_by_fkey",
  "patient_doctors_assigned_by_fkey",
  "sessions_user_id_fkey",
]);

function fromPostgres(c: Context<AppEnv>, err: postgres.PostgresError): Response | undefined {
  if (err.code === "23503" && ACCOUNT_KEYS.has(err.constraint_name ?? "")) {
    const gone = unauthorized("The account of this token does not exist; sign in again");
    return problemResponse(c, 401, gone.message, undefined, gone.headers);
  }
  const name = err.constraint_name ?? "";
  if (err.code.startsWith("23") && INVALID[name]) {
    return problemResponse(c, 400, "The request has invalid fields", [INVALID[name]]);
  }
  if (err.code.startsWith("23") && CONFLICTS[name]) {
    const conflict = CONFLICTS[name];
    return problemResponse(c, 409, conflict.detail, [
      { field: conflict.field, message: conflict.message },
    ]);
  }
  switch (err.code) {
    case "23505": // unique_violation
    case "23503": // foreign_key_violation
    case "23001": { // restrict_violation
      const conflict = CONFLICTS[err.constraint_name ?? ""];
      if (!conflict) return undefined; // a constraint with no meaning for clients: a bug
      return problemResponse(c, 409, conflict.detail, [
        { field: conflict.field, message: conflict.message },
      ]);
    }
    case "23514":
    case "23502": {
      // Validation should have caught it; name the column, never the value.
      const field = err.column_name ?? "body";
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
  if ((err as { code?: unknown })?.code === "57014") {
    // query_canceled: DB_STATEMENT_TIMEOUT_MS ended a statement (a search too costly, or a
    // database too busy to answer in time). Nothing was changed.
    return problemResponse(
      c,
      503,
      "The request took longer than the service allows; narrow the search or try again",
      undefined,
      { "Retry-After": "2" },
    );
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
    return problemResponse(
      c,
      404,
      "No route at this address: GET /api/ lists the resources and /api/docs every route",
    );
  };
}
