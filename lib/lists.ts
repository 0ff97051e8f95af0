import type { Context } from "hono";
import { z } from "zod";
import { ApiError } from "../middleware/errors.ts";
import type { AppEnv } from "../types.ts";

/** Largest page a client may ask for; larger limits are clamped to it. */
export const MAX_LIMIT = 100;

const wholeNumber = (what: string) =>
  z.string().regex(/^\d{1,9}$/, `must be a whole number ${what}`).transform(Number);

/** The `limit`, `offset` and `ordering` query parameters, for a list ordered by `fields`. */
export function pageQuery<const F extends readonly [string, ...string[]]>(fields: F) {
  const orderings = fields.flatMap((f) => [f, `-${f}`]);
  return {
    limit: wholeNumber("from 1")
      .refine((n) => n >= 1, "must be at least 1")
      .transform((n) => Math.min(n, MAX_LIMIT))
      .optional(),
    offset: wholeNumber("of 0 or more").optional(),
    ordering: z.string()
      .refine((v) => orderings.includes(v), `must be one of ${orderings.join(", ")}`)
      .transform((v) => ({
        field: (v.startsWith("-") ? v.slice(1) : v) as F[number],
        desc: v.startsWith("-"),
      }))
      .optional(),
  };
}

/** A filter parameter that must be `true` or `false`. */
export const boolParam = z.enum(["true", "false", "True", "False", "1", "0"], {
  error: "must be true or false",
}).transform((v) => v === "true" || v === "True" || v === "1");

/** A filter parameter that must be a positive id. */
export const idParam = z.string().regex(/^[1-9]\d{0,9}$/, "must be a positive whole number")
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, "must be a positive whole number");

/** The resolved paging of a list request. */
export interface Page<F extends string = string> {
  limit: number;
  offset: number;
  ordering: { field: F; desc: boolean };
}

/** Fills in the defaults: limit 20, offset 0, ordering by id. */
export function page<F extends string>(
  q: { limit?: number; offset?: number; ordering?: { field: F; desc: boolean } },
): Page<F> {
  return {
    limit: q.limit ?? 20,
    offset: q.offset ?? 0,
    ordering: q.ordering ?? { field: "id" as F, desc: false },
  };
}

/**
 * A link to `path` (with its query) for answers: under PUBLIC_URL when it is set, else
 * relative. Never built from the request's Host header, which the client chooses.
 */
export function link(c: Context<AppEnv>, path: string): string {
  const base = c.get("config").publicUrl;
  return base ? `${base}${path}` : path;
}

/** `{ count, next, previous, results }` with links to the neighbouring pages. */
export function envelope<T>(c: Context<AppEnv>, p: Page, count: number, results: T[]) {
  const at = (offset: number) => {
    const url = new URL(c.req.url);
    url.searchParams.set("limit", String(p.limit));
    url.searchParams.set("offset", String(offset));
    return link(c, `${url.pathname}${url.search}`);
  };
  return {
    count,
    next: p.offset + p.limit < count ? at(p.offset + p.limit) : null,
    previous: p.offset > 0 ? at(Math.max(0, p.offset - p.limit)) : null,
    results,
  };
}

/** A path id: a positive 32-bit integer, or 404 (an id that cannot exist names nothing). */
export function pathId(raw: string): number {
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  if (n < 1 || n > 2_147_483_647) throw new ApiError(404, "No resource at this address");
  return n;
}

/** Escapes `%`, `_` and `\` so user text matches literally inside ILIKE. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The versions an `If-Match` header accepts: undefined when absent, "any" for `*`. */
export function ifMatch(c: Context): number[] | "any" | undefined {
  const header = c.req.header("If-Match");
  if (header === undefined) return undefined;
  if (header.trim() === "*") return "any";
  const versions = [...header.matchAll(/(?:W\/)?"(\d{1,9})"/g)].map((m) => Number(m[1]));
  return versions;
}

/** Sets the ETag of a versioned resource. */
export function setEtag(c: Context, version: number): void {
  c.header("ETag", `"${version}"`);
}

/** Throws 412 when an `If-Match` header does not name the current version. */
export function checkIfMatch(expected: number[] | "any" | undefined, version: number): void {
  if (expected === undefined || expected === "any") return;
  if (!expected.includes(version)) {
    throw new ApiError(412, "The resource has changed since you read it; fetch it again", [
      { field: "If-Match", message: "does not match the current version" },
    ]);
  }
}
