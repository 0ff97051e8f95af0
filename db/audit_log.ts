/** Reading the audit trail (the writes are in db/audit.ts). */
import { type AuditEvent, type AuditFilters, COLUMNS } from "./audit.ts";
import type { Page } from "./page.ts";
import type { Db } from "./client.ts";
import type { Scope } from "./scope.ts";

/** A page of events, newest first, and how many match. */
export function listEvents(
  s: Scope,
  f: AuditFilters,
  p: Page,
): Promise<{ count: number; rows: (AuditEvent & { id: number })[] }> {
  return s.run((db) => listIn(db, f, p));
}

async function listIn(
  db: Db,
  f: AuditFilters,
  p: Page,
): Promise<{ count: number; rows: (AuditEvent & { id: number })[] }> {
  const where = () =>
    db`true
    ${f.user_id ? db`and user_id = ${f.user_id}` : db``}
    ${f.patient_id ? db`and patient_ids @> array[${f.patient_id}::int]` : db``}
    ${f.action ? db`and action = ${f.action}` : db``}
    ${f.clinic_id ? db`and clinic_id = ${f.clinic_id}` : db``}
    ${f.since ? db`and at >= ${f.since}` : db``}
    ${f.until ? db`and at <= ${f.until}` : db``}`;
  const [rows, [{ count }]] = await Promise.all([
    db<(AuditEvent & { id: number })[]>`
      select id::float8 as id, ${db(COLUMNS)} from audit_events where ${where()}
      order by at desc, id desc
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`select count(*)::int as count from audit_events where ${where()}`,
  ]);
  return { count, rows };
}
