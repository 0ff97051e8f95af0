/** Paging and matching of list and search queries: what `db/` needs of a list request. */
import type postgres from "postgres";
import type { Db } from "./client.ts";
import type { DateMatch, StringMatch } from "../lib/fhir.ts";
import type { Cursor, Key, KeyKind, SortKey } from "../lib/cursor.ts";

export type { Cursor, Key, SortKey };

/** The resolved paging of a list request. */
export interface Page<F extends string = string> {
  limit: number;
  offset: number;
  ordering: { field: F; desc: boolean };
  /** Asked for by `page`/`page_size` (Django REST Framework's style): links answer alike. */
  numbered?: boolean;
  /** Keyset paging: the rows after (or, `back`, before) a position, instead of `offset`. */
  cursor?: Cursor;
  /** Matches counted exactly up to this many; past it the count is the planner's estimate. */
  countUpTo: number;
}

/** The SQL that gives a row's cursor value: timestamps as text keep their microseconds. */
export function keyValue(db: Db, key: SortKey): Fragment {
  return key.kind === "timestamptz" ? db`${db(key.column)}::text` : db`${db(key.column)}`;
}

/**
 * Keyset paging in SQL: `after()`, the condition of the rows past the cursor in the order of
 * travel (true without a cursor), and `order()`, that order (reversed when paging back, as
 * `back` says; the rows are then read in reverse and must be turned round). Ascending puts
 * nulls last and descending first, as PostgreSQL does, so both directions are one order.
 * Both are functions: a fragment goes into one statement once.
 */
export function seek(
  db: Db,
  p: Pick<Page, "ordering" | "cursor">,
  key: SortKey,
  idColumn = "id",
): { after: () => Fragment; order: () => Fragment; back: boolean } {
  const back = p.cursor?.back ?? false;
  const desc = p.ordering.desc !== back;
  const byId = key.column === idColumn;
  const order = () => {
    const dir = desc ? db`desc` : db`asc`;
    return byId
      ? db`order by ${db(idColumn)} ${dir}`
      : db`order by ${db(key.column)} ${dir}, ${db(idColumn)} ${dir}`;
  };
  return { after: () => pastCursor(db, key, idColumn, desc, p.cursor?.key), order, back };
}

/** The rows past `at` in the order (`desc` or not) of `key` then `idColumn`. */
function pastCursor(
  db: Db,
  key: SortKey,
  idColumn: string,
  desc: boolean,
  at: Key | undefined,
): Fragment {
  if (!at) return db`true`;
  const [value, lastId] = at;
  const col = db(key.column);
  const id = db(idColumn);
  const cmp = desc ? db`<` : db`>`;
  if (key.column === idColumn) return db`${id} ${cmp} ${lastId}`;
  if (value === null) {
    // Past a null: the nulls after it, then (descending, where nulls come first) the rest.
    const nulls = db`(${col} is null and ${id} ${cmp} ${lastId})`;
    return desc ? db`(${nulls} or ${col} is not null)` : nulls;
  }
  const past = db`(${col}, ${id}) ${cmp} (${typedValue(db, key.kind, value)}, ${lastId})`;
  if (key.nullable) return desc ? past : db`(${past} or ${col} is null)`;
  // The same bound on the column alone, which partition pruning reads (a row comparison
  // it does not).
  const bound = desc ? db`<=` : db`>=`;
  return db`${past} and ${col} ${bound} ${typedValue(db, key.kind, value)}`;
}

/**
 * A cursor value as a parameter of its column's type, sent as text and cast by the server:
 * sent as a timestamp, the driver would pass it through a Date and drop its microseconds.
 */
function typedValue(db: Db, kind: KeyKind, value: string | number | null): Fragment {
  const text = db`${value === null ? null : String(value)}::text`;
  switch (kind) {
    case "int":
      return db`${text}::int8`;
    case "text":
      return text;
    case "date":
      return db`${text}::date`;
    case "timestamptz":
      return db`${text}::timestamptz`;
  }
}

/** A list's page: its rows, whether more follow in the order of travel, and the match count. */
export interface Listed<R> {
  rows: R[];
  count: number;
  /** The count is the planner's estimate: more matched than `Page.countUpTo`. */
  estimated: boolean;
  /** Rows follow the last (or, paging back, precede the first). */
  more: boolean;
  /** The cursor values of the first and last rows. */
  first?: Key;
  last?: Key;
}

/** A row read with its cursor value (`keyValue(...) as sort_key`). */
export type Sorted<R> = R & { id: number; sort_key: string | number | null };

/**
 * Rows read one more than `limit` (in the order of travel): the page in list order (turned
 * round when read `back`) and whether more follow.
 */
function trimmed<R>(fetched: R[], limit: number, back: boolean): { rows: R[]; more: boolean } {
  const more = fetched.length > limit;
  const rows = more ? fetched.slice(0, limit) : fetched;
  if (back) rows.reverse();
  return { rows, more };
}

/**
 * A list page read with one row more than asked, each row with its `sort_key`: the rows in
 * list order without it, whether more follow, and the keys of the page's ends.
 */
export function pageOf<R>(
  fetched: Sorted<R>[],
  p: Page,
  back: boolean,
): Pick<Listed<R>, "rows" | "more" | "first" | "last"> {
  const { rows, more } = trimmed(fetched, p.limit, back);
  const keyOf = (r: Sorted<R> | undefined): Key | undefined => r && [r.sort_key, r.id];
  return {
    rows: rows.map(({ sort_key: _, ...row }) => row as unknown as R),
    more,
    first: keyOf(rows[0]),
    last: keyOf(rows.at(-1)),
  };
}

/**
 * How many rows `from` (a `from … where …` fragment) holds: exactly up to `upTo`, read
 * through at most `upTo + 1` matches; past that, the planner's estimate (no scan at all),
 * never less than `upTo + 1`. An estimate is kept for ESTIMATE_TTL_MS under `key` (which
 * must name the caller and everything `from` depends on): a client paging through a large
 * list asks the same count again with every page, and an estimate moves only with the
 * table's statistics. Exact counts are never kept: they must show the caller's last write.
 */
export async function countUpTo(
  db: Db,
  from: () => Fragment,
  upTo: number,
  key?: string,
): Promise<{ count: number; estimated: boolean }> {
  const kept = keptCount(key);
  if (kept) return kept;
  const [{ count }] = await db<{ count: number }[]>`
    select count(*)::int as count from (${cappedRows(db, from, upTo)}) capped`;
  return settleCount(db, from, upTo, count, key);
}

/** At most `upTo + 1` rows of `from`: what a count up to `upTo` reads. */
function cappedRows(db: Db, from: () => Fragment, upTo: number): Fragment {
  return db`select 1 ${from()} limit ${upTo + 1}`;
}

/** The estimate kept under `key` (see `countUpTo`), while it is fresh. */
export function keptCount(key: string | undefined): { count: number; estimated: true } | undefined {
  const kept = key === undefined ? undefined : estimates.get(key);
  return kept && kept.until > Date.now() ? { count: kept.count, estimated: true } : undefined;
}

/**
 * `countUpTo`'s answer from `capped`, the rows of `from` counted up to `upTo + 1` (by the
 * caller, in a statement of its own): exact up to `upTo`, else the planner's estimate.
 */
export async function settleCount(
  db: Db,
  from: () => Fragment,
  upTo: number,
  capped: number,
  key?: string,
): Promise<{ count: number; estimated: boolean }> {
  if (capped <= upTo) {
    if (key !== undefined) estimates.delete(key);
    return { count: capped, estimated: false };
  }
  const estimated = Math.max(await estimate(db, from), upTo + 1);
  if (key !== undefined) keep(key, estimated, Date.now());
  return { count: estimated, estimated: true };
}

/** How long an estimated count is answered again without asking the planner. */
export const ESTIMATE_TTL_MS = 10_000;
/** Most estimates kept; past this the expired go, then the oldest. */
const ESTIMATES_MAX = 10_000;
const estimates = new Map<string, { count: number; until: number }>();

function keep(key: string, count: number, now: number): void {
  estimates.delete(key);
  if (estimates.size >= ESTIMATES_MAX) {
    for (const [k, v] of estimates) if (v.until <= now) estimates.delete(k);
    // Insertion order: the first key is the oldest.
    if (estimates.size >= ESTIMATES_MAX) estimates.delete(estimates.keys().next().value!);
  }
  estimates.set(key, { count, until: now + ESTIMATE_TTL_MS });
}

/** The planner's estimate of the rows of `from`. */
async function estimate(db: Db, from: () => Fragment): Promise<number> {
  const [plan] = await db<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    explain (format json) select 1 ${from()}`;
  return Math.round(plan["QUERY PLAN"][0].Plan["Plan Rows"]);
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

/**
 * A FHIR date search on a timestamp column, by UTC days: the comparison against the days asked
 * (`eq`: from the first day's start to the last day's end).
 */
export function instantMatchSql(db: Db, column: string, m: DateMatch): Fragment {
  const c = db(column);
  const low = db`${m.low}::date::timestamp at time zone 'UTC'`;
  const high = db`(${m.high}::date + 1)::timestamp at time zone 'UTC'`;
  switch (m.op) {
    case "eq":
      return db`(${c} >= ${low} and ${c} < ${high})`;
    case "ne":
      return db`not (${c} >= ${low} and ${c} < ${high})`;
    case "gt":
      return db`${c} >= ${high}`;
    case "lt":
      return db`${c} < ${low}`;
    case "ge":
      return db`${c} >= ${low}`;
    case "le":
      return db`${c} < ${high}`;
  }
}

/**
 * How a search counts its matches: not at all, the planner's estimate, exactly, or exactly
 * up to `countUpTo` and the estimate past it (`bounded`, when the search does not say).
 */
export type TotalMode = "none" | "estimate" | "accurate" | "bounded";

/** The paging of a search: `limit` rows from `offset` or from a cursor (by id), and its total. */
export interface SearchLimits {
  limit: number;
  offset: number;
  total: TotalMode;
  countUpTo: number;
  cursor?: Cursor;
}

/** A search page: `limit` rows from `offset`, whether more follow, and the total asked for. */
export interface SearchPage<R> {
  rows: R[];
  more: boolean;
  total?: number;
}

/** What a search's page query puts after its `where`: the cursor's condition and the order. */
export interface Seek {
  after: () => Fragment;
  order: () => Fragment;
}

/**
 * Runs a search: `rows(limit, seek)` (one row more than the page, to know whether more
 * follow) and, when the page does not already tell, the count of `from()` (a `from … where …`
 * fragment) as `page.total` asks. An estimate is the planner's row estimate: no scan of the
 * matches. A search ordered by its `id` column pages by cursor too (`seek`, in the order of
 * travel: read back, the rows are turned round here).
 */
export async function searchPage<R>(
  db: Db,
  q: {
    rows: (limit: number, seek: Seek) => Promise<R[]>;
    from: () => Fragment;
    id?: string;
    /** Names the search and its caller, for `countUpTo`'s kept estimates. */
    countKey?: string;
  },
  page: SearchLimits,
): Promise<SearchPage<R>> {
  const { limit, offset, total: mode } = page;
  const ordered = { ordering: { field: "id", desc: false }, cursor: page.cursor };
  const by = q.id ?? "id";
  const { after, order, back } = seek(db, ordered, { column: by, kind: "int" }, by);
  const exact = () =>
    db<{ count: number }[]>`select count(*)::int as count ${q.from()}`.then(([r]) => r.count);
  // A count runs beside the page, in the same flush, as the JSON lists do (after it, it
  // would cost a round trip more); only an estimate waits to see whether the page tells.
  const [fetched, counted] = await Promise.all([
    limit > 0 ? q.rows(limit + 1, { after, order }) : Promise.resolve([]),
    mode === "accurate"
      ? exact().then((count) => ({ count, estimated: false }))
      : mode === "bounded"
      ? countUpTo(db, q.from, page.countUpTo, q.countKey)
      : Promise.resolve(undefined),
  ]);
  const { rows, more } = trimmed(fetched, limit, back);
  if (mode === "none") return { rows, more };
  if (counted && !counted.estimated) return { rows, more, total: counted.count };
  // The page itself can give the exact total: the last page, or nothing at the start.
  if (limit > 0 && !more && !page.cursor && (rows.length > 0 || offset === 0)) {
    return { rows, more, total: offset + rows.length };
  }
  const estimated = counted?.count ?? await estimate(db, q.from);
  return { rows, more, total: Math.max(estimated, offset + rows.length) };
}
