/** Reading the audit trail (the writes are in db/audit.ts). */
import { type AuditEvent, type AuditFilters, COLUMNS } from "./audit.ts";
import {
  countUpTo,
  keptCount,
  keyValue,
  type Listed,
  type Page,
  pageOf,
  seek,
  settleCount,
  type Sorted,
  type SortKey,
} from "./page.ts";
import type { Db } from "./client.ts";
import { countKey, type Scope } from "./scope.ts";

/** How the audit trail sorts (newest first), and how its cursor is read. */
export const AUDIT_KEYS = { at: { column: "at", kind: "timestamptz" } } as const satisfies Record<
  string,
  SortKey
>;

/** A page of events, newest first, and how many match. */
export function listEvents(
  s: Scope,
  f: AuditFilters,
  p: Page<"at">,
): Promise<Listed<AuditEvent & { id: number }>> {
  // Row-level security decides which events the caller sees: the count is theirs alone.
  return s.run((db) => listIn(db, f, p, countKey(s, "audit", f)));
}

async function listIn(
  db: Db,
  f: AuditFilters,
  p: Page<"at">,
  counting: string,
): Promise<Listed<AuditEvent & { id: number }>> {
  const where = () =>
    db`true
    ${f.user_id ? db`and user_id = ${f.user_id}` : db``}
    ${f.action ? db`and action = ${f.action}` : db``}
    ${f.clinic_id ? db`and clinic_id = ${f.clinic_id}` : db``}
    ${f.since ? db`and at >= ${f.since}` : db``}
    ${f.until ? db`and at <= ${f.until}` : db``}`;
  // One patient's events come through audit_events_of_patient (migrations/016), which can
  // search the GIN index of patient_ids where a query under row-level security cannot.
  const events = () =>
    f.patient_id
      ? db`audit_events_of_patient(${f.patient_id}::int) audit_events`
      : db`audit_events`;
  const key = AUDIT_KEYS.at;
  // Newest first, always: the only order the trail is read in.
  const { after, order, back } = seek(db, { ...p, ordering: { field: "at", desc: true } }, key);
  const from = () => db`from ${events()} where ${where()}`;
  const columns = () => db`id::float8 as id, ${db(COLUMNS)}, ${keyValue(db, key)} as sort_key`;
  if (f.patient_id && !keptCount(counting)) {
    // The page and its count from one call of the function, whose every row it reads anyway
    // (the index gives a patient's events in no order): in two statements, it searched each
    // partition's index twice.
    const read = await db<(Sorted<AuditEvent & { id: number }> & { matched: number })[]>`
      with matching as materialized (select * ${from()})
      select ${columns()},
        (select count(*)::int from (select 1 from matching limit ${p.countUpTo + 1}) c) as matched
      from matching where ${after()} ${order()} limit ${p.limit + 1} offset ${p.offset}`;
    // A page past the end holds no row to carry the count: counted apart below.
    if (read.length > 0) {
      const counted = await settleCount(db, from, p.countUpTo, read[0].matched, counting);
      return { ...counted, ...pageOf(read.map(({ matched: _, ...row }) => row), p, back) };
    }
  }
  const [read, counted] = await Promise.all([
    db<Sorted<AuditEvent & { id: number }>[]>`
      select ${columns()} ${from()} and ${after()}
      ${order()} limit ${p.limit + 1} offset ${p.offset}`,
    countUpTo(db, from, p.countUpTo, counting),
  ]);
  return { ...counted, ...pageOf(read, p, back) };
}
