/**
 * Webhooks and their deliveries (migrations/013_webhooks.sql). A webhook is its owner's (for
 * their personal patients) or a clinic's (managed by the clinic's owners); it holds no patient
 * data, nor do its deliveries (event ids and types).
 */
import type { Fragment } from "./page.ts";
import { type Db, transaction, type TransactionSql } from "./client.ts";
import type { Scope } from "./scope.ts";
import { SEQUENCE_BATCH, sequenceEvents } from "./events.ts";

/** A stored webhook (the secret is answered at creation and rotation only). */
export interface WebhookRow {
  id: number;
  owner_id: number;
  clinic_id: number | null;
  url: string;
  events: string[];
  description: string | null;
  secret: string;
  active: boolean;
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** A delivery as listed. */
export interface DeliveryRow {
  id: number;
  event_id: string;
  type: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
}

/** SQL that holds for the webhooks (aliased `w`) the caller manages. */
function manages(s: Scope): Fragment {
  const db = s.sql;
  if (s.caller.role === "admin") return db`true`;
  const owned = [...s.clinics].filter(([, role]) => role === "owner").map(([id]) => id);
  return db`((w.clinic_id is null and w.owner_id = ${s.caller.id})
    or w.clinic_id = any(${owned}::int[]))`;
}

/** Registers a webhook; it is owed the events numbered from now on. */
export async function insertWebhook(
  s: Scope,
  w: { url: string; events: string[]; clinic: number | null; description: string | null },
  secret: string,
): Promise<WebhookRow> {
  const [row] = await s.sql<WebhookRow[]>`
    insert into webhooks (owner_id, clinic_id, url, events, description, secret, fanned_seq)
    values (${s.caller.id}, ${w.clinic}, ${w.url}, ${w.events}::text[], ${w.description},
      ${secret}, (select coalesce(max(seq), 0) from events))
    returning *`;
  return row;
}

/** A page of the webhooks the caller manages, newest first, and how many there are. */
export async function listWebhooks(
  s: Scope,
  p: { limit: number; offset: number },
): Promise<{ count: number; rows: WebhookRow[] }> {
  const db = s.sql;
  const [rows, [{ count }]] = await Promise.all([
    db<WebhookRow[]>`
      select * from webhooks w where ${manages(s)}
      order by w.id desc limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`select count(*)::int as count from webhooks w where ${manages(s)}`,
  ]);
  return { count, rows };
}

/** One webhook the caller manages. */
export async function findWebhook(s: Scope, id: number): Promise<WebhookRow | undefined> {
  const [row] = await s.sql<WebhookRow[]>`
    select * from webhooks w where w.id = ${id} and ${manages(s)}`;
  return row;
}

/** Changes a webhook the caller manages; re-enabling it clears why it was disabled. */
export async function changeWebhook(
  s: Scope,
  id: number,
  f: { url?: string; events?: string[]; description?: string | null; active?: boolean },
  secret?: string,
): Promise<WebhookRow | undefined> {
  const db = s.sql;
  const [row] = await db<WebhookRow[]>`
    update webhooks w set
      url = coalesce(${f.url ?? null}::text, w.url),
      events = coalesce(${f.events ?? null}::text[], w.events),
      description = ${f.description === undefined ? db`w.description` : db`${f.description}`},
      active = coalesce(${f.active ?? null}::boolean, w.active),
      disabled_reason = case when ${f.active ?? null}::boolean then null
        else w.disabled_reason end,
      secret = coalesce(${secret ?? null}::text, w.secret),
      updated_at = now(), version = w.version + 1
    where w.id = ${id} and ${manages(s)}
    returning *`;
  return row;
}

/** Removes a webhook the caller manages, and its deliveries. */
export async function deleteWebhook(s: Scope, id: number): Promise<boolean> {
  const rows = await s.sql`delete from webhooks w where w.id = ${id} and ${manages(s)} returning 1`;
  return rows.length > 0;
}

/** A page of a webhook's deliveries, newest first. */
export async function listDeliveries(
  s: Scope,
  webhookId: number,
  p: { limit: number; offset: number },
): Promise<{ count: number; rows: DeliveryRow[] }> {
  const db = s.sql;
  const [rows, [{ count }]] = await Promise.all([
    db<DeliveryRow[]>`
      select id, event_id, type, status, attempts, last_status, last_error, next_attempt_at,
        created_at, delivered_at
      from webhook_deliveries where webhook_id = ${webhookId}
      order by id desc limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`
      select count(*)::int as count from webhook_deliveries where webhook_id = ${webhookId}`,
  ]);
  return { count, rows: rows.map((r) => ({ ...r, id: Number(r.id) })) };
}

/** Makes a delivery due again now (whatever became of it); false when there is no such one. */
export async function redeliver(s: Scope, webhookId: number, id: number): Promise<boolean> {
  const rows = await s.sql`
    update webhook_deliveries set status = 'pending', next_attempt_at = now(), delivered_at = null,
      waiting_until = null
    where id = ${id} and webhook_id = ${webhookId} returning 1`;
  return rows.length > 0;
}

/** A delivery claimed by this instance: its webhook is leased until it is settled. */
export interface Claimed {
  webhook_id: number;
  url: string;
  secret: string;
  delivery_id: number;
  attempts: number;
  created_at: Date;
  /** When the lease ends (whole milliseconds, so it also names this lease exactly). */
  lease_until: Date;
  event: {
    id: string;
    seq: number;
    type: string;
    occurred_at: Date;
    clinic_id: number | null;
    resource_type: string;
    resource_id: number;
    version: number;
  };
}

/**
 * Runs a claim or a settle in a transaction of its own, set for a queue table:
 * - its commit does not wait for the disk (`synchronous_commit` off). A webhook's deliveries go
 *   one at a time, so two waits for the disk per event would bound its throughput; and a claim
 *   or settle lost to a crash of the database only sends a delivery again, which at-least-once
 *   allows. The events and their numbers are committed as usual.
 * - its plans keep to the indexes (`enable_seqscan` off). Deliveries come and go faster than
 *   statistics follow: a plan made while the table looked empty scans it whole, for every
 *   candidate a claim looks at, and the connection keeps that plan (measured: 100 ms a claim at
 *   1,400 deliveries, and falling behind 200 events a second). JIT compilation is off with it:
 *   a disabled scan's cost passes every JIT threshold, and compiling costs far more than running.
 */
function unflushed<T>(db: Db, fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
  const run = async (tx: TransactionSql) => {
    await tx`select set_config('synchronous_commit', 'off', true),
      set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`;
    return await fn(tx);
  };
  // Inside a transaction already (a test's), it runs there, and the settings stay to its end.
  return "savepoint" in db ? run(db) : transaction(db, run);
}

/** The lease holder named by callers that do not say who they are (tests). */
const NO_OWNER = "00000000-0000-0000-0000-000000000000";

/** How long a lease holds a webhook: longer than a delivery may take. */
export const LEASE_SECONDS = 30;

/** Numbers committed events and owes them to the webhooks that want them. */
export async function fanOut(s: Pick<Scope, "sql">): Promise<number> {
  // A backlog (a bulk import) is numbered a batch after another before the fan-out.
  let numbered: number;
  do numbered = await sequenceEvents(s); while (numbered >= SEQUENCE_BATCH);
  const [{ made }] = await s.sql<{ made: number }[]>`select fan_out_events() as made`;
  return made;
}

/**
 * Leases one webhook no instance is delivering for and that has a delivery due, and claims up
 * to `limit` of its due deliveries, oldest first, leaving out those of a record whose earlier
 * delivery waits for a retry (one record's events go out in order); none when there is nothing
 * to do. A webhook leased with nothing to claim is released at once.
 */
export async function claimDeliveries(
  s: { sql: Db },
  limit: number,
  owner: string = NO_OWNER,
): Promise<Claimed[]> {
  const rows = await unflushed(s.sql, (db) => claimIn(db, limit, owner));
  return rows.map((row) => ({
    webhook_id: row.webhook_id,
    url: row.url,
    secret: row.secret,
    delivery_id: Number(row.delivery_id),
    attempts: row.attempts,
    created_at: row.created_at,
    lease_until: row.lease_until,
    event: {
      id: row.e_id as string,
      seq: Number(row.e_seq),
      type: row.e_type as string,
      occurred_at: row.e_occurred_at as Date,
      clinic_id: row.e_clinic_id as number | null,
      resource_type: row.e_resource_type as string,
      resource_id: row.e_resource_id as number,
      version: row.e_version as number,
    },
  }));
}

/** The claim's statement, and the release of a webhook leased with nothing to claim. */
async function claimIn(db: TransactionSql, limit: number, owner: string) {
  const rows = await db<(Omit<Claimed, "event"> & Record<string, unknown>)[]>`
    with hook as (
      select w.id from webhooks w
      where w.active and (w.lease_until is null or w.lease_until < now())
        -- A subquery per webhook that stops at its first due delivery (a semi-join could
        -- read every pending delivery of every webhook first).
        and (
          select true from webhook_deliveries d
          where d.webhook_id = w.id and d.status = 'pending' and d.next_attempt_at <= now()
          order by d.event_seq limit 1
        )
      order by w.id limit 1 for update skip locked
    ), leased as (
      update webhooks w
      set lease_until = date_trunc('milliseconds', now()) + make_interval(secs => ${LEASE_SECONDS}),
        lease_owner = ${owner}
      from hook where w.id = hook.id
      returning w.id, w.url, w.secret, w.lease_until
    ), batch as (
      -- The webhook's due deliveries walked in order, each asked whether an earlier one of
      -- its record waits for a retry (webhook_deliveries_waiting_idx, migration 014), until
      -- there are enough: an earlier one that is due comes first in the same batch.
      select n.* from leased cross join lateral (
        select d.id, d.attempts, d.created_at, d.event_id, d.event_seq
        from webhook_deliveries d
        where d.webhook_id = leased.id and d.status = 'pending' and d.next_attempt_at <= now()
          and coalesce((
            select min(o.event_seq) from webhook_deliveries o
            where o.resource_id = d.resource_id and o.resource_type = d.resource_type
              and o.webhook_id = d.webhook_id and o.waiting_until > now()
          ), d.event_seq) >= d.event_seq
        order by d.event_seq limit ${limit}
      ) n
    )
    select leased.id as webhook_id, leased.url, leased.secret, leased.lease_until,
      batch.id as delivery_id,
      batch.attempts, batch.created_at, e.id as e_id, e.seq as e_seq, e.type as e_type,
      e.occurred_at as e_occurred_at, e.clinic_id as e_clinic_id,
      e.resource_type as e_resource_type, e.resource_id as e_resource_id, e.version as e_version
    from leased left join batch on true left join events e on e.id = batch.event_id
    order by batch.event_seq`;
  if (rows.length === 1 && rows[0].delivery_id === null) {
    await db`update webhooks set lease_until = null where id = ${rows[0].webhook_id}`;
    return [];
  }
  return rows;
}

/**
 * Settles a claimed delivery: delivered, or due again at `retryAt`, or failed for good
 * (`retryAt` undefined) — which disables the webhook.
 */
export async function settleDelivery(
  s: Pick<Scope, "sql">,
  c: Claimed,
  result: { status: number; error?: string },
  retryAt: Date | undefined,
): Promise<{ disabled: boolean }> {
  const outcome = result.error === undefined ? "delivered" : retryAt ? "pending" : "failed";
  // Both updates run whether or not anything reads them (data-modifying CTEs).
  await unflushed(s.sql, (db) =>
    db`
    with settled as (
      update webhook_deliveries set status = ${outcome}, attempts = attempts + 1,
        last_status = ${result.status || null}, last_error = ${result.error ?? null},
        next_attempt_at = coalesce(${retryAt ?? null}::timestamptz, next_attempt_at),
        waiting_until = ${retryAt ?? null}::timestamptz,
        delivered_at = case when ${outcome} = 'delivered' then now() end
      where id = ${c.delivery_id}
    )
    update webhooks set active = false,
      disabled_reason = 'deliveries failed for the whole retry period'
    where id = ${c.webhook_id} and ${outcome} = 'failed'`);
  return { disabled: outcome === "failed" };
}

/** Settles deliveries that succeeded, in one statement: each with the status it was answered. */
export async function settleDelivered(
  s: Pick<Scope, "sql">,
  done: { c: Claimed; status: number }[],
): Promise<void> {
  const ids = done.map((d) => d.c.delivery_id);
  const statuses = done.map((d) => d.status);
  await unflushed(s.sql, (db) =>
    db`
    update webhook_deliveries d set status = 'delivered', attempts = d.attempts + 1,
      last_status = u.status, last_error = null, waiting_until = null, delivered_at = now()
    from unnest(${ids}::bigint[], ${statuses}::int[]) as u (id, status)
    where d.id = u.id`);
}

/**
 * Ends every lease `owner` holds: called by an instance none of whose deliveries is under way,
 * after a claim or a release whose answer it lost.
 */
export async function releaseLeasesOf(s: Pick<Scope, "sql">, owner: string): Promise<void> {
  await s.sql`update webhooks set lease_until = null
    where lease_owner = ${owner} and lease_until > now()`;
}

/** Ends a lease, unless it ran out and another instance has taken the webhook since. */
export async function releaseLease(s: Pick<Scope, "sql">, c: Claimed): Promise<void> {
  await unflushed(s.sql, (db) =>
    db`update webhooks set lease_until = null
      where id = ${c.webhook_id} and lease_until = ${c.lease_until}`);
}

/** How many deliveries are pending now, across all webhooks and instances; whether any is active. */
export async function pendingDeliveries(
  s: Pick<Scope, "sql">,
): Promise<{ pending: number; webhooks: boolean }> {
  const [row] = await s.sql<{ pending: number; webhooks: boolean }[]>`
    select (select count(*)::int from webhook_deliveries where status = 'pending') as pending,
      exists (select 1 from webhooks where active) as webhooks`;
  return row;
}
