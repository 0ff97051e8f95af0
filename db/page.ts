/** Paging and matching of list queries: what `db/` needs of a list request. */

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

/** Escapes `%`, `_` and `\` so user text matches literally inside ILIKE. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
