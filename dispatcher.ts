/**
 * The webhook dispatcher every instance runs: it numbers committed events, owes them to the
 * webhooks that want them, and delivers them, a few webhooks at a time, each leased to one
 * instance while its delivery is in flight (db/webhooks.ts). A failed delivery is due again
 * after WEBHOOK_RETRY_BASE_SECONDS, each gap about doubling (±20 % jitter), until
 * WEBHOOK_RETRY_HOURS have passed: then it fails, and its webhook is disabled.
 */
import type { Config } from "./config.ts";
import { sql } from "./db/client.ts";
import { EventBatch, insertEvents } from "./db/audit.ts";
import {
  claimDelivery,
  type Claimed,
  fanOut,
  pendingDeliveries,
  settleDelivery,
} from "./db/webhooks.ts";
import {
  deliver,
  deliveryLatency,
  dispatchCounts,
  nextAttempt,
  refusedUrl,
} from "./lib/webhooks.ts";

/** Webhooks delivered to at once by one instance. */
const WORKERS = 4;
/** How often an instance looks for work. */
const TICK_MS = 1000;

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
