import { z } from "zod";

/** "is required" for a missing value, "must be a string" for a value of another type. */
function stringError(issue: { input?: unknown }): string {
  return issue.input === undefined || issue.input === null ? "is required" : "must be a string";
}

/** A string, with the contract's messages for missing and mistyped values and NULs refused. */
export function str() {
  return z.string({ error: stringError })
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
}

/** Trimmed text, `min`–`max` characters long. */
export function text(min: number, max: number) {
  return str()
    .transform((v) => v.trim())
    .pipe(
      z.string()
        .min(min, min === 1 ? "must not be blank" : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );
}

/** A trimmed, lower-cased email address. */
export function email() {
  return str()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.email("must be a valid email address").max(254, "must be at most 254 characters"));
}
