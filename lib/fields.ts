import { z } from "zod";
import { shownAs } from "./route_marks.ts";
import { type Cursor, decodeCursor, keyFits, type SortKey } from "./cursor.ts";

/** "is required" for a missing value, "must be a string" for a value of another type. */
function stringError(issue: { input?: unknown }): string {
  return issue.input === undefined || issue.input === null ? "is required" : "must be a string";
}

/** A string, with the contract's messages for missing and mistyped values and NULs refused. */
export function str(typeMessage?: string) {
  return z.string({ error: typeMessage ? () => typeMessage : stringError })
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
}

/**
 * `inner`, or null, or absent. A value that is neither null nor valid answers the message
 * of the rule it broke ("must be at most 255 characters"), not a catch-all.
 */
export function orNull<T extends z.ZodType>(inner: T) {
  return inner.nullable().optional();
}

/** Trimmed text, `min`–`max` characters long. */
export function text(min: number, max: number) {
  const checked = str()
    .transform((v) => v.trim())
    .pipe(
      z.string()
        .min(min, min === 1 ? "must not be blank" : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );
  return shownAs(checked, { type: "string", minLength: min, maxLength: max });
}

/** A trimmed, lower-cased email address. */
export function email() {
  const checked = str()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.string().max(254, "must be at most 254 characters"))
    .pipe(z.email("must be a valid email address"));
  return shownAs(checked, { type: "string", format: "email", maxLength: 254 });
}

/** Optional text: absent stays absent, `null` or blank becomes `null`, else `max` characters. */
export function optionalText(max: number) {
  const checked = str("must be a string or null").transform((v) => v.trim()).pipe(
    z.string().max(max, `must be at most ${max} characters`),
  ).transform((v) => v === "" ? null : v);
  return orNull(shownAs(checked, { type: "string", maxLength: max }));
}

/** An optional email address (blank or null clears it). */
export function optionalEmail() {
  const checked = str("must be a string or null").transform((v) => v.trim().toLowerCase()).pipe(
    z.string().max(254, "must be at most 254 characters").pipe(z.union([
      z.literal(""),
      z.email("must be a valid email address"),
    ], { error: "must be a valid email address" })),
  ).transform((v) => v === "" ? null : v);
  return orNull(shownAs(checked, {
    anyOf: [{ type: "string", format: "email", maxLength: 254 }, { const: "" }],
    description: "An email address; blank or null clears it",
  }));
}

/** An optional phone: digits, spaces, `+ - ( )`, and 7–15 digits in all. */
export function optionalPhone() {
  const checked = optionalText(32).refine(
    (v) => v == null || (/^[0-9 +()-]+$/.test(v) && /^(\D*\d){7,15}\D*$/.test(v)),
    "must be 7 to 15 digits, optionally with spaces, +, -, ( and )",
  );
  return shownAs(checked, {
    type: ["string", "null"],
    maxLength: 32,
    pattern: "^[0-9 +()-]*$",
    description: "7 to 15 digits, optionally with spaces, +, -, ( and ); blank or null clears it",
    examples: ["+1 555-0100"],
  });
}

/** A whole number in [min, max]; numeric strings are accepted as DRF does. */
export function int(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  const checked = z.union([
    z.number(),
    z.string().trim().regex(/^-?\d{1,12}$/, message).transform(Number),
  ], { error: message }).pipe(z.number().int(message).min(min, message).max(max, message));
  return shownAs(checked, { type: "integer", minimum: min, maximum: max });
}

/** `true`/`false` (also the strings DRF accepts). */
export function bool() {
  return shownAs(
    z.union([
      z.boolean(),
      z.enum(["true", "false", "True", "False", "1", "0"]).transform((v) =>
        v === "true" || v === "True" || v === "1"
      ),
    ], { error: "must be true or false" }),
    { type: "boolean" },
  );
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

/** Whether `v` is a real calendar day written `YYYY-MM-DD` (no 2021-02-29). */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A calendar date `YYYY-MM-DD` from 1900-01-01 up to today. */
export function pastDate() {
  const checked = str()
    .transform((v) => v.trim())
    .refine(isCalendarDate, "must be a date as YYYY-MM-DD")
    .refine((v) => v >= "1900-01-01", "must not be before 1900-01-01")
    .refine((v) => v <= today(), "must not be in the future");
  return shownAs(checked, {
    type: "string",
    format: "date",
    description: "From 1900-01-01 up to today",
    examples: ["1990-04-12"],
  });
}

/** Whole years between a `YYYY-MM-DD` birth date and today (UTC). */
export function ageOn(dateOfBirth: string, on = today()): number {
  // Both are YYYY-MM-DD, so month and day compare as text ("MM-DD").
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** A free-text query parameter: trimmed, at most `max` characters, no NUL. */
export function queryText(max = 200) {
  const checked = str().transform((v) => v.trim()).pipe(
    z.string().max(max, `must be at most ${max} characters`),
  );
  return shownAs(checked, { type: "string", maxLength: max });
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether `text` names a real calendar day and time of day (no 2020-02-30, no 24:00). */
function realInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return false;
  if (m[6] !== undefined && Number(m[6]) > 59) return false;
  const offset = m[8];
  if (offset && offset !== "Z") {
    const [h, min] = [Number(offset.slice(1, 3)), Number(offset.slice(-2))];
    if (h > 18 || min > 59) return false;
  }
  return true;
}

/** An ISO 8601 date or timestamp within years 1–9999 (UTC), as a Date. */
export const instant = shownAs(
  str()
    .refine(realInstant, "must be an ISO 8601 date or timestamp, like 2024-05-01T08:00:00Z")
    .transform((v) => new Date(v.replace(" ", "T")))
    .refine((d) => {
      const year = d.getUTCFullYear();
      return !Number.isNaN(d.getTime()) && year >= 1 && year <= 9999;
    }, "must fall within the years 1 to 9999 (UTC)"),
  {
    type: "string",
    format: "date-time",
    description: "An ISO 8601 timestamp or date (a date means its start, UTC)",
  },
);

/**
 * A moment in a request body: an ISO 8601 timestamp with its time and its zone (`Z` or an
 * offset), so that it never depends on the server's own zone; as a Date.
 */
export const zonedInstant = shownAs(
  str()
    .refine(
      (v) => realInstant(v) && /[T ]\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(v),
      "must be an ISO 8601 timestamp with a time zone, like 2026-05-01T09:00:00Z",
    )
    .transform((v) => new Date(v.replace(" ", "T")))
    .refine((d) => !Number.isNaN(d.getTime()), "must be a real point in time"),
  {
    type: "string",
    format: "date-time",
    description: "An ISO 8601 timestamp with its zone (Z or an offset)",
  },
);

/** Largest page a client may ask for; larger limits are clamped to it. */
export const MAX_LIMIT = 100;

const wholeNumber = (what: string) =>
  z.string().regex(/^\d{1,9}$/, `must be a whole number ${what}`).transform(Number);

/** The `limit`, `offset` and `ordering` query parameters, for a list ordered by `fields`. */
export function pageQuery<const F extends readonly [string, ...string[]]>(fields: F) {
  const orderings = fields.flatMap((f) => [f, `-${f}`]);
  const limit = wholeNumber("from 1")
    .refine((n) => n >= 1, "must be at least 1")
    .transform((n) => Math.min(n, MAX_LIMIT));
  const ordering = z.string()
    .refine((v) => orderings.includes(v), `must be one of ${orderings.join(", ")}`)
    .transform((v) => ({
      field: (v.startsWith("-") ? v.slice(1) : v) as F[number],
      desc: v.startsWith("-"),
    }));
  return {
    limit: shownAs(limit, {
      type: "integer",
      minimum: 1,
      default: 20,
      description: `Page size; more than ${MAX_LIMIT} is read as ${MAX_LIMIT}`,
    }).optional(),
    offset: shownAs(wholeNumber("of 0 or more"), { type: "integer", minimum: 0, default: 0 })
      .optional(),
    page: shownAs(wholeNumber("from 1").refine((n) => n >= 1, "must be at least 1"), {
      type: "integer",
      minimum: 1,
      description: "Page number, as Django REST Framework's page pagination (with page_size; " +
        "not with limit or offset)",
    }).optional(),
    page_size: shownAs(limit, {
      type: "integer",
      minimum: 1,
      description:
        `Page size for page (default 20; more than ${MAX_LIMIT} is read as ${MAX_LIMIT})`,
    }).optional(),
    ordering: shownAs(ordering, {
      type: "string",
      enum: orderings,
      description: "A field to sort by; a leading `-` sorts descending",
    }).optional(),
  };
}

/** `pageQuery` with keyset paging (`cursor`) beside `offset`, sorting as `keys` say. */
export function cursorPageQuery<const F extends readonly [string, ...string[]]>(
  fields: F,
  keys: Record<F[number], SortKey>,
) {
  const orderings = fields.flatMap((f) => [f, `-${f}`]);
  return { ...pageQuery(fields), cursor: cursorParam(orderings, keys) };
}

/**
 * A list's `cursor`: what `encodeCursor` wrote, naming one of `orderings` and a value its
 * sort column can hold; anything else is refused (400), never reaches SQL.
 */
function cursorParam(orderings: string[], keys: Record<string, SortKey>) {
  return shownAs(
    z.string().max(2048, "is not a cursor of this list").transform((raw, ctx) => {
      if (raw === "") return { back: false } as Cursor;
      const cursor = decodeCursor(raw);
      const key = cursor?.ordering && orderings.includes(cursor.ordering)
        ? keys[cursor.ordering.replace(/^-/, "")]
        : undefined;
      if (!cursor?.key || !key || !keyFits(key, cursor.key[0])) {
        ctx.addIssue({ code: "custom", message: "is not a cursor of this list" });
        return z.NEVER;
      }
      return cursor;
    }),
    {
      type: "string",
      description: "Keyset paging, instead of `offset` and as fast at any depth: empty for " +
        "the first page, then the position a `next` or `previous` link carries",
    },
  ).optional();
}

/** A filter parameter that must be `true` or `false`. */
export const boolParam = shownAs(
  z.enum(["true", "false", "True", "False", "1", "0"], {
    error: "must be true or false",
  }).transform((v) => v === "true" || v === "True" || v === "1"),
  { type: "boolean" },
);

/** A filter parameter that must be a positive id. */
export const idParam = shownAs(
  z.string().regex(/^[1-9]\d{0,9}$/, "must be a positive whole number")
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, "must be a positive whole number"),
  { type: "integer", minimum: 1, maximum: 2_147_483_647 },
);
