import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Config } from "../config.ts";
import {
  type AuditAction,
  type AuditEvent,
  type AuditResource,
  EventBatch,
  insertEvents,
  type WriteEvent,
} from "../db/audit.ts";
import type { AppEnv, AuditNote } from "../types.ts";
import { clientIp } from "./client_ip.ts";
import { log } from "./logger.ts";
import { beforeDeadline } from "../lib/deadline.ts";

/** Read events wait here at most FLUSH_MS before a bulk insert of up to BATCH events. */
const FLUSH_MS = 200;
const BATCH = 2000;
/** Beyond this many unwritten events (a long outage) the oldest are dropped, and logged. */
const MAX_BUFFERED = 50_000;

/** Events written by the buffer's bulk inserts, and dropped by a full buffer, since start. */
export const auditCounts = { written: 0, dropped: 0 };

/** Full batches first, the one being filled last. */
const batches: EventBatch[] = [];
let writeThrough = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;
let logConfig: Config | undefined;

function schedule(): void {
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    void flushAudit();
  }, FLUSH_MS);
  Deno.unrefTimer(Number(timer));
}

/**
 * Longest one batch insert may take. A connection whose server vanished without a word
 * could keep its query waiting for good, and every later batch behind it; past this the
 * batch counts as failed and is written again on another connection (should the first
 * insert still commit, its events are stored twice, never lost).
 */
const WRITE_LIMIT_MS = 10_000;

/** Writes every buffered event now; failed batches go back to the buffer for a retry. */
export async function flushAudit(): Promise<void> {
  while (flushing) await flushing;
  while (batches.length > 0) {
    const batch = batches.shift()!;
    let failed = false;
    flushing = beforeDeadline(insertEvents(batch), WRITE_LIMIT_MS, "WRITE_TIMEOUT")
      .then(() => void (auditCounts.written += batch.length))
      .catch((err) => {
        failed = true;
        batches.unshift(batch);
        if (logConfig) {
          log(logConfig, "error", {
            msg: "audit events not yet written",
            pending: pendingAuditEvents(),
            code: err?.code,
          });
        }
        schedule();
      })
      .finally(() => flushing = undefined);
    await flushing;
    if (failed) return;
  }
}

/**
 * From now on each event is written before its response is sent, and what is buffered is
 * written now: used once shutdown starts, so requests still draining lose no events.
 */
export async function writeAuditDirectly(): Promise<void> {
  writeThrough = true;
  await flushAudit();
}

/**
 * At shutdown: writes what is buffered, retrying a failed write (a connection lost in an
 * outage fails its first query) until everything is written or `deadline` (epoch ms)
 * passes; answers how many events are left unwritten.
 */
export async function finishAudit(deadline: number): Promise<number> {
  writeThrough = true;
  for (;;) {
    await flushAudit();
    const left = pendingAuditEvents();
    if (left === 0 || Date.now() >= deadline) return left;
    await new Promise((r) => setTimeout(r, Math.min(100, deadline - Date.now())));
  }
}

/** How many events wait to be written (for tests and shutdown logs). */
export function pendingAuditEvents(): number {
  return batches.reduce((n, b) => n + b.length, 0);
}

function enqueue(config: Config, event: Omit<AuditEvent, "at"> & { at: number }): void {
  logConfig = config;
  let last = batches[batches.length - 1];
  if (!last || last.length >= BATCH) batches.push(last = new EventBatch());
  last.add(event);
  if (batches.length * BATCH > MAX_BUFFERED) {
    const dropped = batches.shift()!.length;
    auditCounts.dropped += dropped;
    log(config, "error", { msg: "audit buffer full; oldest events dropped", dropped });
  }
  schedule();
}

function defaultAction(method: string, hasId: boolean): AuditAction {
  if (method === "POST") return "create";
  if (method === "PUT" || method === "PATCH") return "update";
  if (method === "DELETE") return "delete";
  return hasId ? "read" : "list";
}

function eventOf(
  c: Context<AppEnv>,
  at: number,
  status: number,
  e: Required<Pick<AuditNote, "action" | "resourceType">> & AuditNote,
): Omit<AuditEvent, "at"> & { at: number } {
  return {
    at,
    user_id: c.get("user")?.id ?? c.get("caller") ?? null,
    action: e.action,
    resource_type: e.resourceType,
    resource_id: e.resourceId ?? null,
    patient_ids: e.patientIds ?? [],
    clinic_id: e.clinicId ?? null,
    client_ip: clientIp(c),
    request_id: c.get("requestId"),
    status,
  };
}

/** The status a write answers when it succeeds, by action (others: 200). */
const WRITE_STATUS: Partial<Record<AuditAction, number>> = { create: 201, delete: 204, purge: 204 };

/**
 * The event of the write this request makes, for the write's own statement to store with
 * the row (db/audit.ts `eventsOfRows`): the action follows from the method unless the handler
 * noted one (`restore`, `purge`), the status from the action, the resource type from the router. An answer with that status is then not recorded again.
 */
export function writeEvent(c: Context<AppEnv>): WriteEvent {
  const note = c.get("audit");
  const action = note.action ?? defaultAction(c.req.method, true);
  const status = WRITE_STATUS[action] ?? 200;
  c.set("audit", { ...note, written: status });
  const { resource_id: _, patient_ids: __, clinic_id: ___, ...event } = eventOf(
    c,
    Date.now(),
    status,
    {
      action,
      resourceType: note.resourceType!,
    },
  );
  return event;
}

/** Sets what the audit event of this request should say (ids returned by a list, …). */
export function noteAudit(c: Context<AppEnv>, note: AuditNote): void {
  c.set("audit", { ...c.get("audit"), ...note });
}

/**
 * A path parameter of the route the request matched, also when a middleware (a refused
 * token) ended the request before that route's handler ran.
 */
function routeParam(c: Context<AppEnv>, name: string): string | undefined {
  const at = c.req.routeIndex;
  try {
    c.req.routeIndex = c.req.matchedRoutes.length - 1;
    return c.req.param(name);
  } finally {
    c.req.routeIndex = at;
  }
}

/**
 * Records every signed-in request on a resource router with its outcome, failures
 * (401 with a token that names a user, 403, 404, 409, 412, …) included. A write that
 * succeeded was recorded by its own statement (`writeEvent`); the rest is buffered. With
 * `reads: false` only writes are recorded.
 */
export function audit(resourceType: AuditResource, { reads = true } = {}) {
  return createMiddleware<AppEnv>(async function audit(c, next) {
    const at = Date.now();
    c.set("audit", { resourceType });
    await next();
    const note = c.get("audit");
    // Anonymous requests name no one; a refused token that names a user is recorded.
    if (note.written === c.res.status) return;
    if (!c.get("user") && c.get("caller") === undefined) return;
    const raw = routeParam(c, "id");
    const id = raw && /^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
    const action = note.action ?? defaultAction(c.req.method, id !== null);
    if (!reads && (action === "read" || action === "list")) return;
    const type = note.resourceType ?? resourceType;
    const event = eventOf(c, at, c.res.status, {
      action,
      resourceType: type,
      resourceId: "resourceId" in note ? note.resourceId : id,
      patientIds: note.patientIds ?? (type === "patient" && id ? [id] : []),
      clinicId: note.clinicId,
    });
    if (!writeThrough) return enqueue(c.get("config"), event);
    const one = new EventBatch();
    one.add(event);
    batches.push(one);
    await flushAudit();
  });
}
