/**
 * Keyset paging's positions: what a cursor names, how a list's sort columns are described
 * and checked, and how a cursor travels in links (db/page.ts turns them into SQL).
 */

/** A position in a list: the sort value and id of the row it is next to. */
export type Key = [value: string | number | null, id: number];

/**
 * Where a cursor points: after (or before) the row of `key`, in the order `ordering`. A
 * cursor without them is the start of keyset paging (`cursor=` with nothing after it): the
 * first page, in the order the request's `ordering` asks, with links by cursor.
 */
export interface Cursor {
  ordering?: string;
  key?: Key;
  back: boolean;
}

/** How a sort column's values are written in a cursor and compared in SQL. */
export type KeyKind = "int" | "text" | "date" | "timestamptz";

/** A list's sort column: its SQL expression, kind, and whether it may be null. */
export interface SortKey {
  column: string;
  kind: KeyKind;
  nullable?: boolean;
}

const KEY_SHAPES: Record<KeyKind, (v: string | number) => boolean> = {
  int: (v) => Number.isSafeInteger(v),
  text: (v) => typeof v === "string" && v.length <= 1000,
  date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v),
  timestamptz: (v) =>
    typeof v === "string" &&
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/.test(v),
};

/** Whether a cursor's value can be one of a `kind` column's (null only where it may be null). */
export function keyFits(key: SortKey, value: string | number | null): boolean {
  return value === null ? key.nullable === true : KEY_SHAPES[key.kind](value);
}

/**
 * The positions of the pages beside one read by `cursor`, from the keys of its first and
 * last rows and whether more rows follow in the order it was read: paging on, rows precede
 * the cursor's (unless it is the start); paging back, the cursor's own row follows.
 */
export function neighbours(
  cursor: Cursor,
  more: boolean,
  first: Key | undefined,
  last: Key | undefined,
): { next?: Key; previous?: Key } {
  return {
    next: cursor.back || more ? last : undefined,
    previous: cursor.key && (!cursor.back || more) ? first : undefined,
  };
}

/** A cursor as it travels in links: base64url of `[ordering, value, id, back]`. */
export function encodeCursor(c: Required<Cursor>): string {
  const json = JSON.stringify([c.ordering, c.key[0], c.key[1], c.back ? 1 : 0]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor `encodeCursor` wrote, or undefined for anything else. */
export function decodeCursor(raw: string): Required<Cursor> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const bytes = Uint8Array.from(
      atob(raw.replace(/-/g, "+").replace(/_/g, "/")),
      (ch) => ch.charCodeAt(0),
    );
    const v: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (!Array.isArray(v) || v.length !== 4) return undefined;
    const [ordering, value, id, back] = v;
    if (typeof ordering !== "string") return undefined;
    if (value !== null && typeof value !== "string" && typeof value !== "number") return undefined;
    if (!Number.isSafeInteger(id) || id < 0 || (back !== 0 && back !== 1)) return undefined;
    return { ordering, key: [value, id], back: back === 1 };
  } catch {
    return undefined;
  }
}
