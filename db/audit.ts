import type postgres from "postgres";
import { type Db, sql } from "./client.ts";

/** What an audit event says happened. */
export type AuditAction =
  | "read"
  | "list"
  | "create"
  | "update"
  | "delete"
  | "restore"
  | "purge"
  | "member_add"
  | "member_change"
  | "member_remove";
/** What kind of record it happened to. */
export type AuditResource =
  | "patient"
  | "doctor"
  | "mapping"
  | "user"
  | "clinic"
  | "appointment"
  | "document"
  | "webhook";

/** One audit event, as stored and as answered. */
export interface AuditEvent {
  at: Date;
  user_id: number | null;
  action: AuditAction;
  resource_type: AuditResource;
  resource_id: number | null;
  patient_ids: number[];
  /** The clinic of the patients (or of the members) at the time; null for personal ones. */
  clinic_id: number | null;
  client_ip: string | null;
  request_id: string;
  status: number;
}

/** Filters of the audit log. */
export interface AuditFilters {
  user_id?: number;
  patient_id?: number;
  action?: AuditAction;
  clinic_id?: number;
  since?: Date;
  until?: Date;
}

/** The stored columns of an event, in order. */
export const COLUMNS = [
  "at",
  "user_id",
  "action",
  "resource_type",
  "resource_id",
  "patient_ids",
  "clinic_id",
  "client_ip",
  "request_id",
  "status",
] as const;

/**
 * Events waiting to be written, kept column by column: appending costs a few array pushes
 * and the insert sends the columns as they are, so a busy service makes little garbage.
 */
export class EventBatch {
  /** Milliseconds since the epoch. */
  at: number[] = [];
  user_id: (number | null)[] = [];
  action: AuditAction[] = [];
  resource_type: AuditResource[] = [];
  resource_id: (number | null)[] = [];
  /** Postgres array literals, `{1,2}`. */
  patient_ids: string[] = [];
  clinic_id: (number | null)[] = [];
  client_ip: (string | null)[] = [];
  request_id: string[] = [];
  status: number[] = [];

  get length(): number {
    return this.at.length;
  }

  /** Appends one event. */
  add(e: Omit<AuditEvent, "at"> & { at: number }): void {
    this.at.push(e.at);
    this.user_id.push(e.user_id);
    this.action.push(e.action);
    this.resource_type.push(e.resource_type);
    this.resource_id.push(e.resource_id);
    this.patient_ids.push(`{${e.patient_ids.join(",")}}`);
    this.clinic_id.push(e.clinic_id);
    this.client_ip.push(e.client_ip);
    this.request_id.push(e.request_id);
    this.status.push(e.status);
  }
}

/**
 * The event of a write, stored by the write's own statement: `resource_id` and `patient_ids`
 * come from the rows it wrote.
 */
export type WriteEvent = Omit<AuditEvent, "at" | "resource_id" | "patient_ids" | "clinic_id"> & {
  at: number;
};

/**
 * `insert into audit_events` of one event per row of `source` (a CTE of the same statement),
 * its `id` the resource, `patientIds` (an SQL int[] over the row) the patients it touches
 * and `clinicId` (an SQL int over the row) their clinic.
 */
export function eventsOfRows(
  db: Db,
  e: WriteEvent,
  source: string,
  patientIds: postgres.PendingQuery<postgres.Row[]>,
  clinicId: postgres.PendingQuery<postgres.Row[]>,
) {
  return db`
    insert into audit_events (${db(COLUMNS)})
    select to_timestamp(${e.at}::float8 / 1000), ${e.user_id}::int, ${e.action}::text,
      ${e.resource_type}::text, ${db(source)}.id, ${patientIds}, ${clinicId}, ${e.client_ip}::text,
      ${e.request_id}::text, ${e.status}::smallint
    from ${db(source)}`;
}

/** Appends a batch of events in one statement. */
export async function insertEvents(b: EventBatch, db: Db = sql): Promise<void> {
  if (b.length === 0) return;
  await db`
    insert into audit_events (${db(COLUMNS)})
    select to_timestamp(at / 1000.0), user_id, action, resource_type, resource_id,
      patient_ids::int[], clinic_id, client_ip, request_id, status
    from unnest(
      ${b.at}::float8[], ${b.user_id}::int[], ${b.action}::text[], ${b.resource_type}::text[],
      ${b.resource_id}::int[], ${b.patient_ids}::text[], ${b.clinic_id}::int[],
      ${b.client_ip}::text[], ${b.request_id}::text[], ${b.status}::smallint[]
    ) as t(at, user_id, action, resource_type, resource_id, patient_ids, clinic_id, client_ip,
           request_id, status)`;
}
