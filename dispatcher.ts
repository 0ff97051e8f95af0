/**
 * The webhook dispatcher every instance runs: it numbers committed events, owes them to the
 * webhooks that want them, and delivers them, a few webhooks at a time, each leased to one
 * instance while its delivery is in flight (db/webhooks.ts). A failed delivery is due again
 * after WEBHOOK_RETRY_BASE_SECONDS, each gap about doubling (±20 % jitter), until
 * WEBHOOK_RETRY_HOURS have passed: then it fails, and its webhook is disabled. A round runs
 * every TICK_MS, and soon after this instance commits a write while webhooks exist.
 */
import type { Config } from "./config.ts";
import { sql } from "./db/client.ts";
import { EventBatch, insertEvents } from "./db/audit.ts";
import { type News, whenEventsWritten } from "./db/events.ts";
import {
  claimDeliveries,
  type Claimed,
  fanOut,
  LEASE_SECONDS,
  pendingDeliveries,
  releaseLease,
  releaseLeasesOf,
  settleDelivered,
  settleDelivery,
} from "./db/webhooks.ts";
import {
  deliver,
  DELIVERY_TIMEOUT_MS,
  deliveryLatency,
  dispatchCounts,
  nextAttempt,
  refusedUrl,
} from "./lib/webhooks.ts";

/** Webhooks delivered to at once by one instance. */
const WORKERS = 4;
/** Deliveries claimed at once for one webhook, sent one after another under one lease. */
const BATCH = 50;
/** Successful deliveries of a batch that may wait to be marked as delivered. */
export const UNSETTLED = 4;
/** No delivery of a batch starts later than this after its claim: each ends within the lease. */
const BATCH_MS = (LEASE_SECONDS - 5) * 1000 - DELIVERY_TIMEOUT_MS;
/** How often an instance looks for work. */
const TICK_MS = 1000;
/** How long after a write of this instance it looks: writes close together share a round. */
const WAKE_MS = 20;

/** The body of a delivery: the event, ids only. */
export function eventBody(e: Claimed["event"]): string {
  return JSON.stringify({
    id: e.id,
    seq: e.seq,
    type: e.type,
    occurred_at: new Date(e.occurred_at).toISOString(),
    clinic_id: e.clinic_id,
    resource_type: e.resource_type,
    resource_id: e.resource_id,
    version: e.version,
  });
}

/** What one round did, and whether any webhook is active. */
export interface Round {
  delivered: number;
  retried: number;
  failed: number;
  webhooks: boolean;
}

/** Tries `fn` again while the database is away (a restart), as long as the lease holds. */
async function whileLeased<T>(claimedAt: number, fn: () => Promise<T>): Promise<T> {
  for (let wait = 200;; wait = Math.min(wait * 2, 2000)) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() + wait > claimedAt + LEASE_SECONDS * 1000 - 2000) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/**
 * Settles a delivery, trying again while the database is away as long as the lease holds: the
 * receiver has its answer, and an unsettled delivery would wait for the lease to run out and
 * then go out again.
 */
function settle(
  c: Claimed,
  claimedAt: number,
  result: { status: number; error?: string },
  retryAt: Date | undefined,
): Promise<{ disabled: boolean }> {
  return whileLeased(claimedAt, () => settleDelivery({ sql }, c, result, retryAt));
}

/**
 * Marks a batch's successful deliveries as delivered while the next ones go out: those that
 * succeed while a mark is being written are marked together by the next one, and no more than
 * UNSETTLED wait for it (so that a database outage stops a batch within that many events, and
 * they alone go out again).
 */
class Settler {
  #queued: { c: Claimed; status: number }[] = [];
  #running: Promise<void> | undefined;
  #error: unknown;
  constructor(readonly claimedAt: number) {}

  add(c: Claimed, status: number): void {
    this.#queued.push({ c, status });
    this.#running ??= this.#run();
  }

  async #run(): Promise<void> {
    try {
      while (this.#queued.length && this.#error === undefined) {
        const group = this.#queued.splice(0);
        await whileLeased(this.claimedAt, () => settleDelivered({ sql }, group));
      }
    } catch (err) {
      this.#error = err;
    } finally {
      this.#running = undefined;
    }
  }

  /** Waits while too many are unmarked; throws when marking failed. */
  async room(): Promise<void> {
    while (this.#running && this.#queued.length >= UNSETTLED) await this.#running;
    if (this.#error !== undefined) throw this.#error;
  }

  /** Waits until every one added is marked; throws when marking failed. */
  async drain(): Promise<void> {
    while (this.#running) await this.#running;
    if (this.#error !== undefined) throw this.#error;
  }
}

/** Records that a webhook was disabled, as an audit event of no user. */
async function auditDisabled(webhookId: number): Promise<void> {
  const batch = new EventBatch();
  batch.add({
    at: Date.now(),
    user_id: null,
    action: "update",
    resource_type: "webhook",
    resource_id: webhookId,
    patient_ids: [],
    clinic_id: null,
    client_ip: null,
    request_id: `webhook-disabled-${webhookId}`,
    status: 200,
  });
  await insertEvents(batch);
}

/** This instance, as the holder of the leases it takes. */
const INSTANCE = crypto.randomUUID();
/** A claim or a release failed: this instance may hold a lease it does not know of. */
let orphans = false;

/** One round: fan out what is new, then deliver whatever is due until nothing is. */
export async function dispatchOnce(config: Config): Promise<Round> {
  const s = { sql };
  const round: Round = { delivered: 0, retried: 0, failed: 0, webhooks: false };
  // Between rounds no delivery of this instance is under way: what it holds, it holds in vain.
  if (orphans) {
    await releaseLeasesOf(s, INSTANCE);
    orphans = false;
  }
  await fanOut(s);
  const now = await pendingDeliveries(s);
  dispatchCounts.pending = now.pending;
  round.webhooks = now.webhooks;
  const rules = { allowHttp: config.webhookAllowHttp, allowPrivate: config.webhookAllowPrivate };
  const worker = async () => {
    for (;;) {
      const claimedAt = Date.now();
      const batch = await claimDeliveries(s, BATCH, INSTANCE).catch((err) => {
        orphans = true;
        throw err;
      });
      if (!batch.length) return;
      // Deliveries that succeed are marked while the next ones go out (a few behind at most);
      // the batch stops at the first failure (that record's later events must wait for its
      // retry), or when the lease would not cover another delivery.
      const settler = new Settler(claimedAt);
      try {
        for (const c of batch) {
          await settler.room();
          if (Date.now() - claimedAt > BATCH_MS) break;
          // The address is checked at every delivery: DNS answers change.
          const refused = await refusedUrl(c.url, rules);
          const result = refused
            ? { status: 0, error: `url ${refused}` }
            : await deliver(c.url, c.secret, c.event.id, eventBody(c.event));
          if (result.error === undefined) {
            settler.add(c, result.status);
            round.delivered++;
            const seconds = (Date.now() - new Date(c.event.occurred_at).getTime()) / 1000;
            deliveryLatency.observe("", () => ({}), seconds);
            continue;
          }
          await settler.drain();
          const retryAt = nextAttempt(c, config);
          const { disabled } = await settle(c, claimedAt, result, retryAt);
          if (retryAt) round.retried++;
          else round.failed++;
          if (disabled) await auditDisabled(c.webhook_id);
          break;
        }
        await settler.drain();
      } finally {
        // Settled or not, the webhook is free again (what is unsettled goes out again).
        await settler.drain().catch(() => {});
        await releaseLease(s, batch[0]).catch(() => void (orphans = true));
      }
    }
  };
  // Every worker ends before the round does, also when one of them failed.
  const ended = await Promise.allSettled(Array.from({ length: WORKERS }, worker));
  dispatchCounts.delivered += round.delivered;
  dispatchCounts.retried += round.retried;
  dispatchCounts.failed += round.failed;
  const failure = ended.find((e) => e.status === "rejected");
  if (failure) throw failure.reason;
  return round;
}

/**
 * Runs a round every TICK_MS and WAKE_MS after this instance's writes (while a webhook is
 * active), one round at a time; answers a function that stops it.
 */
export function startDispatcher(
  config: Config,
  onError: (err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  let webhooks = true;
  let webhooksMade = 0;
  /** A write came while a round ran: its events may have missed that round. */
  let owed = false;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const round = () => {
    if (stopped) return;
    if (running) {
      owed = true;
      return;
    }
    // A webhook made while this round ran is not in its answer.
    const made = webhooksMade;
    running = dispatchOnce(config)
      .then((r) => void (webhooks = r.webhooks || made !== webhooksMade))
      .catch(onError)
      .finally(() => {
        running = undefined;
        if (owed) wake();
      });
  };
  const wake = (news: News = "write") => {
    owed = false;
    if (news === "webhook") {
      webhooks = true;
      webhooksMade++;
    }
    if (!webhooks || soon !== undefined || stopped) return;
    const timer = setTimeout(() => {
      soon = undefined;
      round();
    }, WAKE_MS);
    Deno.unrefTimer(timer);
    soon = timer;
  };
  const timer = setInterval(round, TICK_MS);
  Deno.unrefTimer(timer);
  whenEventsWritten(wake);
  return async () => {
    stopped = true;
    whenEventsWritten(undefined);
    clearInterval(timer);
    clearTimeout(soon);
    await running;
  };
}
