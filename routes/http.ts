/** HTTP helpers the routers share: links, list envelopes, path ids and conditional requests. */
import type { Context } from "hono";
import { z } from "zod";
import type { Cursor, Key, Listed, Page } from "../db/page.ts";
import { encodeCursor, neighbours } from "../lib/cursor.ts";
import { ApiError, invalid } from "../lib/errors.ts";
import { sha256Hex } from "../lib/digest.ts";
import { named, schemaName } from "../lib/route_marks.ts";
import type { AppEnv } from "../types.ts";

/** The first value of a forwarded header's comma list. */
const first = (value: string | undefined) => value?.split(",")[0].trim();

/**
 * Where the client reached us as the proxy says (`X-Forwarded-Proto` and `X-Forwarded-Host`),
 * only under TRUST_PROXY=true; undefined when not trusted, absent or malformed.
 */
export function forwardedOrigin(c: Context<AppEnv>): string | undefined {
  if (!c.get("config").trustProxy) return undefined;
  const proto = first(c.req.header("X-Forwarded-Proto"))?.toLowerCase();
  const host = first(c.req.header("X-Forwarded-Host"));
  if (proto !== "http" && proto !== "https") return undefined;
  if (!host || !/^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.test(host)) {
    return undefined;
  }
  return `${proto}://${host.toLowerCase()}`;
}

/**
 * Where clients reach the service, as Django's `build_absolute_uri` sees it: PUBLIC_URL when
 * set, else where a trusted proxy says the client reached us, else the request's own scheme
 * and Host (which ALLOWED_HOSTS vets: middleware/hosts.ts).
 */
export function origin(c: Context<AppEnv>): string {
  return c.get("config").publicUrl ?? forwardedOrigin(c) ?? new URL(c.req.url).origin;
}

/** An absolute link to `path` (with its query) for answers, from `origin`. */
export function link(c: Context<AppEnv>, path: string): string {
  return `${origin(c)}${path}`;
}

/**
 * Fills in the defaults: limit 20, offset 0, ordering by id. `page` and `page_size` are
 * read as DRF reads them; mixed with `limit` or `offset` they are refused (400), since
 * either reading would be a guess. A `cursor` carries its own ordering and position, so
 * neither `offset`, `page` nor another `ordering` goes with it.
 */
export function page<F extends string>(c: Context<AppEnv>, q: PageQuery<F>): Page<F> {
  return readPage(q, c.get("config").countExactUpTo);
}

/** A list's paging parameters as validated (`pageQuery` of lib/fields.ts). */
export interface PageQuery<F extends string> {
  limit?: number;
  offset?: number;
  page?: number;
  page_size?: number;
  ordering?: { field: F; desc: boolean };
  cursor?: Cursor;
}

/** `page` with the count threshold given: counted exactly up to `countUpTo` matches. */
export function readPage<F extends string>(q: PageQuery<F>, countUpTo: number): Page<F> {
  if (q.cursor) {
    const { cursor } = q;
    const carried = cursor.ordering === undefined ? undefined : {
      field: cursor.ordering.replace(/^-/, "") as F,
      desc: cursor.ordering.startsWith("-"),
    };
    const ordering = carried ?? q.ordering ?? { field: "id" as F, desc: false };
    const clash = q.offset !== undefined
      ? "offset"
      : q.page !== undefined || q.page_size !== undefined
      ? "page"
      : carried && q.ordering &&
          (q.ordering.field !== carried.field || q.ordering.desc !== carried.desc)
      ? "ordering"
      : undefined;
    if (clash) {
      throw invalid([{
        field: clash,
        message: "cannot be combined with cursor, which carries its own position and ordering",
      }]);
    }
    return { limit: q.limit ?? 20, offset: 0, ordering, cursor, countUpTo };
  }
  const ordering = q.ordering ?? { field: "id" as F, desc: false };
  if (q.page === undefined && q.page_size === undefined) {
    return { limit: q.limit ?? 20, offset: q.offset ?? 0, ordering, countUpTo };
  }
  if (q.limit !== undefined || q.offset !== undefined) {
    const field = q.page !== undefined ? "page" : "page_size";
    throw invalid([{
      field,
      message: "cannot be combined with limit or offset: use page and page_size, or limit " +
        "and offset",
    }]);
  }
  const limit = q.page_size ?? 20;
  return { limit, offset: ((q.page ?? 1) - 1) * limit, ordering, numbered: true, countUpTo };
}

/**
 * `{ count, next, previous, results }` with links to the neighbouring pages, and
 * `count_is_estimate: true` when the count is the planner's estimate. `list` is a count, or
 * a page read with `pageOf` (whose links know whether rows follow, and carry a cursor when
 * the request did).
 */
export function envelope<T>(
  c: Context<AppEnv>,
  p: Page,
  list: number | Omit<Listed<unknown>, "rows">,
  results: T[],
) {
  const listed = typeof list === "number"
    ? { count: list, estimated: false, more: p.offset + p.limit < list }
    : list;
  const url = new URL(c.req.url);
  const at = (set: (q: URLSearchParams) => void) => {
    const u = new URL(url);
    set(u.searchParams);
    return link(c, `${u.pathname}${u.search}`);
  };
  const byOffset = (offset: number) =>
    at((q) => {
      if (p.numbered) {
        q.set("page", String(Math.floor(offset / p.limit) + 1));
        q.set("page_size", String(p.limit));
      } else {
        q.set("limit", String(p.limit));
        q.set("offset", String(offset));
      }
    });
  const byCursor = (key: Key | undefined, back: boolean) =>
    key === undefined ? null : at((q) => {
      const ordering = `${p.ordering.desc ? "-" : ""}${p.ordering.field}`;
      q.delete("ordering");
      q.set("limit", String(p.limit));
      q.set("cursor", encodeCursor({ ordering, key, back }));
    });
  const beside = p.cursor && neighbours(p.cursor, listed.more, listed.first, listed.last);
  const links = beside
    ? { next: byCursor(beside.next, false), previous: byCursor(beside.previous, true) }
    : {
      next: listed.more ? byOffset(p.offset + p.limit) : null,
      previous: p.offset > 0 ? byOffset(Math.max(0, p.offset - p.limit)) : null,
    };
  return {
    count: listed.count,
    ...(listed.estimated ? { count_is_estimate: true as const } : {}),
    ...links,
    results,
  };
}

/** A path id: a positive 32-bit integer, or 404 (an id that cannot exist names nothing). */
export function pathId(raw: string): number {
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  if (n < 1 || n > 2_147_483_647) throw new ApiError(404, "No resource at this address");
  return n;
}

/** The versions an `If-Match` header accepts: undefined when absent or `*` (any version). */
export function ifMatch(c: Context): number[] | undefined {
  const header = c.req.header("If-Match");
  if (header === undefined || header.trim() === "*") return undefined;
  const versions = [...header.matchAll(/(?:W\/)?"(\d{1,9})"/g)].map((m) => Number(m[1]));
  return versions;
}

/** Sets the ETag of a versioned resource. */
export function setEtag(c: Context, version: number): void {
  c.header("ETag", `"${version}"`);
}

/** The opaque part of an entity tag (`W/"3"` and `"3"` both give `3`). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** Whether the request's `If-None-Match` names `etag` (weak comparison) or is `*`. */
export function holdsCurrent(c: Context, etag: string): boolean {
  const header = c.req.header("If-None-Match");
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const current = opaque(etag);
  return header.split(",").some((tag) => opaque(tag) === current);
}

/**
 * A single resource's read: 304 with no body when `If-None-Match` names its current `etag`,
 * else `body` as JSON (or as `contentType`). Either way the answer carries the ETag.
 */
export function conditionalRead(
  c: Context,
  etag: string,
  body: unknown,
  contentType = "application/json",
): Response {
  c.header("ETag", etag);
  if (holdsCurrent(c, etag)) return c.body(null, 304);
  return c.body(JSON.stringify(body), 200, { "Content-Type": contentType });
}

/** A weak ETag for a resource without a version: a digest of what is answered. */
export async function contentEtag(body: unknown): Promise<string> {
  return `W/"${(await sha256Hex(JSON.stringify(body))).slice(0, 27)}"`;
}

/** Throws 412 when an `If-Match` header does not name the current version. */
export function checkIfMatch(expected: number[] | undefined, version: number): void {
  if (expected === undefined) return;
  if (!expected.includes(version)) {
    throw new ApiError(412, "The resource has changed since you read it; fetch it again", [
      { field: "If-Match", message: "does not match the current version" },
    ]);
  }
}

/** A point in time in answers: ISO 8601 in UTC, milliseconds included. */
export const timestamp = z.string().meta({
  format: "date-time",
  example: "2026-01-15T10:30:00.000Z",
});

/**
 * What a serializer returns for the answer schema `S`: every field of it and no other
 * (values as they leave the database; dates become strings on the way out). A serializer
 * typed so fails `deno task check` when it adds or drops a field the schema does not.
 */
export type Answer<S extends z.ZodType> = { [K in keyof z.output<S>]: unknown };

const envelopeOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    count: z.number().int(),
    count_is_estimate: z.literal(true).optional().meta({
      description: "Present when more matched than COUNT_EXACT_UP_TO: `count` is then the " +
        "planner's estimate, not a count",
    }),
    next: z.string().nullable().meta({ format: "uri-reference" }),
    previous: z.string().nullable().meta({ format: "uri-reference" }),
    results: z.array(item),
  });
const lists = new WeakMap<z.ZodType, z.ZodType>();

/** The list envelope around `item`, as every list answers (`PatientList` for `Patient`). */
export function listOf<T extends z.ZodType>(item: T): ReturnType<typeof envelopeOf<T>> {
  let list = lists.get(item);
  if (!list) {
    const name = schemaName(item);
    list = name ? named(`${name}List`, envelopeOf(item)) : envelopeOf(item);
    lists.set(item, list);
  }
  return list as ReturnType<typeof envelopeOf<T>>;
}

/** The clinic all these records belong to, for the audit event; null when none or several. */
export function clinicOfAll(rows: { clinic_id?: number | null }[]): number | null {
  const first = rows[0]?.clinic_id ?? null;
  return rows.every((r) => (r.clinic_id ?? null) === first) ? first : null;
}
