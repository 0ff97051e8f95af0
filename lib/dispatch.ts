/**
 * The webhook dispatcher every instance runs: it numbers committed events, owes them to the
 * webhooks that want them, and delivers them, a few webhooks at a time, each leased to one
 * instance while its delivery is in flight (db/webhooks.ts). A failed delivery is due again
 * after WEBHOOK_RETRY_BASE_SECONDS, each gap about doubling (±20 % jitter), until
 * WEBHOOK_RETRY_HOURS have passed: then it fails, and its webhook is disabled.
 */
import type { Config } from "../config.ts";
import { sql } from "../db/client.ts";
import { EventBatch, insertEvents } from "../db/audit.ts";
import {
  claimDelivery,
  type Claimed,
  fanOut,
  pendingDeliveries,
  settleDelivery,
} from "../db/webhooks.ts";
import { Histogram } from "./metrics.ts";
import { deliver, refusedUrl } from "./webhooks.ts";

/** Webhooks delivered to at once by one instance. */
const WORKERS = 4;
/** How often an instance looks for work. */
const TICK_MS = 1000;

/** When a failed delivery is due again, or undefined when its time is up. */
export function nextAttempt(
  c: Pick<Claimed, "attempts" | "created_at">,
  config: Pick<Config, "webhookRetryBaseSeconds" | "webhookRetryHours">,
  now = Date.now(),
): Date | undefined {
  if (now - new Date(c.created_at).getTime() >= config.webhookRetryHours * 3600_000) {
    return undefined;
  }
  const gap = config.webhookRetryBaseSeconds * 1000 * 2 ** Math.min(c.attempts, 20);
  return new Date(now + gap * (0.8 + Math.random() * 0.4));
}

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

/** What this instance's dispatcher did since start, for `/metrics`. */
export const dispatchCounts = { delivered: 0, retried: 0, failed: 0, pending: 0 };

/** Seconds from an event to its delivery (first successful attempt or a retry's). */
export const deliveryLatency = new Histogram(
  "hc_webhook_delivery_latency_seconds",
  "Seconds from a change to its webhook delivery",
  [0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300, 3600],
);

/** What one round did. */
export interface Round {
  delivered: number;
  retried: number;
  failed: number;
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

/** One round: fan out what is new, then deliver whatever is due until nothing is. */
export async function dispatchOnce(config: Config): Promise<Round> {
  const s = { sql };
  const round: Round = { delivered: 0, retried: 0, failed: 0 };
  await fanOut(s);
  dispatchCounts.pending = await pendingDeliveries(s);
  const rules = { allowHttp: config.webhookAllowHttp, allowPrivate: config.webhookAllowPrivate };
  const worker = async () => {
    for (let c = await claimDelivery(s); c; c = await claimDelivery(s)) {
      // The address is checked at every delivery: DNS answers change.
      const refused = await refusedUrl(c.url, rules);
      const result = refused
        ? { status: 0, error: `url ${refused}` }
        : await deliver(c.url, c.secret, c.event.id, eventBody(c.event));
      const retryAt = result.error === undefined ? undefined : nextAttempt(c, config);
      const { disabled } = await settleDelivery(s, c, result, retryAt);
      if (result.error === undefined) {
        round.delivered++;
        const seconds = (Date.now() - new Date(c.event.occurred_at).getTime()) / 1000;
        deliveryLatency.observe("", () => ({}), seconds);
      } else if (retryAt) round.retried++;
      else round.failed++;
      if (disabled) await auditDisabled(c.webhook_id);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  dispatchCounts.delivered += round.delivered;
  dispatchCounts.retried += round.retried;
  dispatchCounts.failed += round.failed;
  return round;
}

/** Runs a round every TICK_MS (one at a time); answers a function that stops it. */
export function startDispatcher(
  config: Config,
  onError: (err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = dispatchOnce(config).catch(onError).finally(() => running = undefined);
  }, TICK_MS);
  Deno.unrefTimer(timer);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
