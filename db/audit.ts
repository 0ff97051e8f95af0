import type { Page } from "../lib/lists.ts";
import { type Db, sql } from "./client.ts";

/** What an audit event says happened. */
export type AuditAction = "read" | "list" | "create" | "update" | "delete";
/** What kind of record it happened to. */
export type AuditResource = "patient" | "doctor" | "mapping";

/** One audit event, as stored and as answered. */
export interface AuditEvent {
  at: Date;
  user_id: number | null;
  action: AuditAction;
  resource_type: AuditResource;
  resource_id: number | null;
  patient_ids: number[];
  client_ip: string | null;
  request_id: string;
  status: number;
}

/** Filters of the audit log. */
export interface AuditFilters {
  user_id?: number;
  patient_id?: number;
  action?: AuditAction;
  since?: Date;
  until?: Date;
}

const COLUMNS = [
  "at",
  "user_id",
  "action",
  "resource_type",
  "resource_id",
  "patient_ids",
  "client_ip",
  "request_id",
  "status",
] as const;

/** Appends events in one statement. */
export async function insertEvents(events: AuditEvent[], db: Db = sql): Promise<void> {
  if (events.length === 0) return;
  await db`
    insert into audit_events (${db(COLUMNS)})
    select at, user_id, action, resource_type, resource_id, patient_ids::int[], client_ip,
      request_id, status
    from unnest(
      ${events.map((e) => e.at.toISOString())}::timestamptz[],
      ${events.map((e) => e.user_id)}::int[],
      ${events.map((e) => e.action)}::text[],
      ${events.map((e) => e.resource_type)}::text[],
      ${events.map((e) => e.resource_id)}::int[],
      ${events.map((e) => `{${e.patient_ids.join(",")}}`)}::text[],
      ${events.map((e) => e.client_ip)}::text[],
      ${events.map((e) => e.request_id)}::text[],
      ${events.map((e) => e.status)}::smallint[]
    ) as t(at, user_id, action, resource_type, resource_id, patient_ids, client_ip,
           request_id, status)`;
}

/** A page of events, newest first, and how many match. */
export async function listEvents(
  f: AuditFilters,
  p: Page,
  db: Db = sql,
): Promise<{ count: number; rows: (AuditEvent & { id: number })[] }> {
  const where = () =>
    db`true
    ${f.user_id ? db`and user_id = ${f.user_id}` : db``}
    ${f.patient_id ? db`and patient_ids @> array[${f.patient_id}::int]` : db``}
    ${f.action ? db`and action = ${f.action}` : db``}
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
