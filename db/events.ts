/**
 * The change feed (migrations/012_events.sql): events written by the same statement as each
 * change, numbered (`seq`) once committed, read by those who may see the record's patient now.
 */
import type { Scope } from "./scope.ts";

/** What an event says changed. */
export interface EventRow {
  id: string;
  seq: number;
  type: string;
  occurred_at: Date;
  clinic_id: number | null;
  resource_type: "patient" | "mapping" | "appointment" | "document";
  resource_id: number;
  version: number;
}

/** What happened: a write committed, or a webhook was made or turned on. */
export type News = "write" | "webhook";

let onNews: ((news: News) => void) | undefined;

/** Sets what runs when this instance has committed a write or made or turned on a webhook. */
export function whenEventsWritten(fn: ((news: News) => void) | undefined): void {
  onNews = fn;
}

/** Says that a write of this instance has committed, or a webhook is new or on again. */
export function eventsWritten(news: News = "write"): void {
  onNews?.(news);
}

/** The most events one call numbers, with the other events of their records (migration 014). */
export const SEQUENCE_BATCH = 10_000;

/** Numbers the committed events that have no `seq` yet, a batch of them; how many it numbered. */
export async function sequenceEvents(s: Pick<Scope, "sql">): Promise<number> {
  const [{ numbered }] = await s.sql<{ numbered: number }[]>`
    select sequence_events() as numbered`;
  return numbered;
}

/**
 * Up to `limit` events after `after`, oldest first, about patients the caller may see now
 * (deleted ones included: their deletion is news), documents' only to those who may read them; `next_after` is where the next page starts:
 * the last event answered, or, when the page is not full, the last event numbered so far
 * (those between were about records the caller may not see).
 */
export function listChanges(
  s: Scope,
  after: number,
  limit: number,
): Promise<{ rows: EventRow[]; next_after: number }> {
  return s.run(async (db) => {
    // One statement, one snapshot: the page and the last number given agree.
    const rows = await db<(Omit<EventRow, "seq"> & { seq: string | null; last: string })[]>`
      with page as (
        select e.id, e.seq, e.type, e.occurred_at, e.clinic_id, e.resource_type, e.resource_id,
          e.version
        from events e
        where e.seq > ${after} and exists (
          select 1 from patients p
          where p.id = e.patient_id and ${s.visible("p.scope_key", "read", "all")}
            -- A document's events only to those who may read its documents (not front_desk).
            and (e.resource_type <> 'document' or ${s.visible("p.scope_key", "documents", "all")})
        )
        order by e.seq limit ${limit}
      )
      select page.*, last_event_seq() as last
      from (select) as one left join page on true order by page.seq`;
    const events = rows.filter((r) => r.seq !== null).map(({ last: _, ...r }) => ({
      ...r,
      seq: Number(r.seq),
    }));
    const next = events.length === limit
      ? events[events.length - 1].seq
      : Math.max(after, Number(rows[0].last));
    return { rows: events, next_after: next };
  });
}
