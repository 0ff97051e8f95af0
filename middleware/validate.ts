import { zValidator } from "@hono/zod-validator";
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
