/** Paging and matching of list and search queries: what `db/` needs of a list request. */
import type postgres from "postgres";
import type { Db } from "./client.ts";
import type { DateMatch, StringMatch } from "../lib/fhir.ts";

/** The resolved paging of a list request. */
export interface Page<F extends string = string> {
  limit: number;
  offset: number;
  ordering: { field: F; desc: boolean };
  /** Asked for by `page`/`page_size` (Django REST Framework's style): links answer alike. */
  numbered?: boolean;
}

/** Escapes `%`, `_` and `\` so user text matches literally inside LIKE. */
function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Escapes `%`, `_` and `\` so user text matches literally inside ILIKE. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A piece of SQL. */
export type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * `parts` joined by `word`, flat: postgres.js writes an array of fragments one after the
 * other, where nesting each in the next would recurse once per part.
 */
function joined(db: Db, parts: Fragment[], word: Fragment): Fragment {
  return db`(${parts.flatMap((part, i) => i === 0 ? [part] : [word, part])})`;
}

/** `(a or b or …)`; false for none. */
export function anyOf(db: Db, parts: Fragment[]): Fragment {
  return parts.length === 0 ? db`false` : joined(db, parts, db`or`);
}

/** `(a and b and …)`; true for none. */
export function allOf(db: Db, parts: Fragment[]): Fragment {
  return parts.length === 0 ? db`true` : joined(db, parts, db`and`);
}

/**
 * A FHIR string search on a text column: a word of it starts with the value, it contains the
 * value, or it is the value, ignoring case (but for `exact`). `indexed` is a trigram-indexed
 * expression that holds the column's lower-cased text, so the index narrows the rows first.
 */
export function textMatch(
  db: Db,
  column: string,
  narrow: (pattern: string) => Fragment,
  m: StringMatch,
): Fragment {
  if (m.mode === "exact") return db`${db(column)} = ${m.value}`;
  const v = escapeLike(m.value);
  const narrowed = narrow(`%${v}%`);
  if (m.mode === "contains") return db`(${narrowed} and lower(${db(column)}) like ${`%${v}%`})`;
  return db`(${narrowed} and (lower(${db(column)}) like ${`${v}%`}
    or lower(${db(column)}) like ${`% ${v}%`}))`;
}

/** A FHIR date search on a date column (a day): the comparison against the range asked. */
export function dateMatchSql(db: Db, column: string, m: DateMatch): Fragment {
  const c = db(column);
  switch (m.op) {
    case "eq":
      return db`${c} between ${m.low}::date and ${m.high}::date`;
    case "ne":
      return db`not (${c} between ${m.low}::date and ${m.high}::date)`;
    case "gt":
      return db`${c} > ${m.high}::date`;
    case "lt":
      return db`${c} < ${m.low}::date`;
    case "ge":
      return db`${c} >= ${m.low}::date`;
    case "le":
      return db`${c} <= ${m.high}::date`;
  }
}

/** How a search counts its matches: not at all, the planner's estimate, or exactly. */
export type TotalMode = "none" | "estimate" | "accurate";

/** A search page: `limit` rows from `offset`, whether more follow, and the total asked for. */
export interface SearchPage<R> {
  rows: R[];
  more: boolean;
  total?: number;
}

/**
 * Runs a search: `rows(limit)` (one row more than the page, to know whether more follow) and,
 * when the page does not already tell, the count of `from()` (a `from … where …` fragment) as
 * `mode` asks. An estimate is the planner's row estimate: no scan of the matches.
 */
export async function searchPage<R>(
  db: Db,
  q: { rows: (limit: number) => Promise<R[]>; from: () => Fragment },
  limit: number,
  offset: number,
  mode: TotalMode,
): Promise<SearchPage<R>> {
  const exact = () =>
    db<{ count: number }[]>`select count(*)::int as count ${q.from()}`.then(([r]) => r.count);
  // An exact count runs beside the page, as the JSON lists do; the others wait for the page.
  const [fetched, counted] = await Promise.all([
    limit > 0 ? q.rows(limit + 1) : Promise.resolve([]),
    mode === "accurate" ? exact() : Promise.resolve(undefined),
  ]);
  const more = fetched.length > limit;
  const rows = more ? fetched.slice(0, limit) : fetched;
  if (mode === "none") return { rows, more };
  if (counted !== undefined) return { rows, more, total: counted };
  // The page itself can give the exact total: the last page, or nothing at the start.
  if (limit > 0 && !more && (rows.length > 0 || offset === 0)) {
    return { rows, more, total: offset + rows.length };
  }
  const [plan] = await db<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    explain (format json) select 1 ${q.from()}`;
  const estimate = Math.round(plan["QUERY PLAN"][0].Plan["Plan Rows"]);
  return { rows, more, total: Math.max(estimate, offset + rows.length) };
}
