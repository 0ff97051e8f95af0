import { zValidator } from "@hono/zod-validator";
import { createMiddleware } from "hono/factory";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { type FieldError, invalid } from "../lib/errors.ts";
import { markValidator } from "../lib/route_marks.ts";

/** Turns zod issues into the contract's `errors[]`, one entry per field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "body";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Validates one part of the request with a zod schema; failures go to the error funnel.
 * The middleware is marked with its schema for the OpenAPI document.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const middleware = zValidator(target, schema, (result) => {
    if (result.success) return;
    if (target === "json" && !isPlainObject(result.data)) {
      throw invalid(
        [{ field: "body", message: "must be a JSON object" }],
        "The request body must be a JSON object",
      );
    }
    throw invalid(fieldErrors(result.error.issues));
  });
  return markValidator(middleware, target, schema);
}

/**
 * Adjusts a JSON object body before it is validated, for clients that spell fields another
 * way (Django peers' clients): `rewrite` changes the parsed body in place or throws a
 * 400 naming the field to send.
 */
export function bodyAliases(rewrite: (body: Record<string, unknown>) => void) {
  return createMiddleware(async (c, next) => {
    if (c.req.header("Content-Type") !== undefined) {
      const body = await c.req.json().catch(() => undefined);
      if (isPlainObject(body)) rewrite(body as Record<string, unknown>);
    }
    await next();
  });
}

/**
 * `name` from `first_name` and `last_name` (both, joined by a space) when `name` is absent;
 * one of the two alone is refused, naming the other, rather than cutting a name in half.
 */
export function nameFromParts(body: Record<string, unknown>): void {
  if (body.name !== undefined) return;
  const first = body.first_name;
  const last = body.last_name;
  if (first === undefined && last === undefined) return;
  if (typeof first !== "string" || typeof last !== "string") {
    const field = typeof first !== "string" ? "first_name" : "last_name";
    throw invalid([{
      field,
      message: "must be a string sent with the other part of the name (or send name)",
    }]);
  }
  body.name = `${first.trim()} ${last.trim()}`.trim();
}
