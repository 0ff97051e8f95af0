/** Reading the audit trail (the writes are in db/audit.ts). */
import { type AuditEvent, type AuditFilters, COLUMNS } from "./audit.ts";
import {
  countUpTo,
  keyValue,
  type Listed,
  type Page,
  pageOf,
  seek,
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
  const [read, counted] = await Promise.all([
    db<Sorted<AuditEvent & { id: number }>[]>`
      select id::float8 as id, ${db(COLUMNS)}, ${keyValue(db, key)} as sort_key
      from ${events()} where ${where()} and ${after()}
      ${order()} limit ${p.limit + 1} offset ${p.offset}`,
    countUpTo(db, () => db`from ${events()} where ${where()}`, p.countUpTo, counting),
  ]);
  return { ...counted, ...pageOf(read, p, back) };
}
