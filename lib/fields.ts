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

/** Optional text: absent stays absent, `null` or blank becomes `null`, else `max` characters. */
export function optionalText(max: number) {
  return z.union([
    z.null(),
    str().transform((v) => v.trim()).pipe(
      z.string().max(max, `must be at most ${max} characters`),
    ).transform((v) => v === "" ? null : v),
  ], { error: "must be a string or null" }).optional();
}

/** An optional email address (blank or null clears it). */
export function optionalEmail() {
  return z.union([
    z.null(),
    str().transform((v) => v.trim().toLowerCase()).pipe(
      z.union([
        z.literal(""),
        z.email("must be a valid email address").max(254, "must be at most 254 characters"),
      ]),
    ).transform((v) => v === "" ? null : v),
  ], { error: "must be a string or null" }).optional();
}

/** An optional phone: digits, spaces, `+ - ( )`, and 7–15 digits in all. */
export function optionalPhone() {
  return optionalText(32).refine(
    (v) => v == null || (/^[0-9 +()-]+$/.test(v) && /^(\D*\d){7,15}\D*$/.test(v)),
    "must be 7 to 15 digits, optionally with spaces, +, -, ( and )",
  );
}

/** A whole number in [min, max]; numeric strings are accepted as DRF does. */
export function int(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.union([
    z.number(),
    z.string().trim().regex(/^-?\d{1,12}$/, message).transform(Number),
  ], { error: message }).pipe(z.number().int(message).min(min, message).max(max, message));
}

/** `true`/`false` (also the strings DRF accepts). */
export function bool() {
  return z.union([
    z.boolean(),
    z.enum(["true", "false", "True", "False", "1", "0"]).transform((v) =>
      v === "true" || v === "True" || v === "1"
    ),
  ], { error: "must be true or false" });
}

let todayText = "";
let todayEnds = 0;

/** Today's date in UTC as `YYYY-MM-DD` (worked out once a day: every answer asks for it). */
export function today(): string {
  const now = Date.now();
  if (now >= todayEnds) {
    todayText = new Date(now).toISOString().slice(0, 10);
    todayEnds = Date.parse(`${todayText}T00:00:00Z`) + 86_400_000;
  }
  return todayText;
}

/** A calendar date `YYYY-MM-DD` from 1900-01-01 up to today. */
export function pastDate() {
  return str()
    .transform((v) => v.trim())
    .refine((v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, "must be a date as YYYY-MM-DD")
    .refine((v) => v >= "1900-01-01", "must not be before 1900-01-01")
    .refine((v) => v <= today(), "must not be in the future");
}

/** Whole years between a `YYYY-MM-DD` birth date and today (UTC). */
export function ageOn(dateOfBirth: string, on = today()): number {
  // Both are YYYY-MM-DD, so month and day compare as text ("MM-DD").
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** The current values of `fields`, overlaid with the ones a PATCH sent. */
export function mergeFields<T, K extends keyof T>(
  fields: readonly K[],
  current: T,
  changes: Partial<Record<K, unknown>>,
): Pick<T, K> {
  const merged = {} as Pick<T, K>;
  for (const f of fields) merged[f] = changes[f] === undefined ? current[f] : changes[f] as T[K];
  return merged;
}
