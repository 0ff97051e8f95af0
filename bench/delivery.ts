// Webhook delivery latency: writes at a steady rate (open loop: each is sent on time, whether or
// not the ones before were answered) to a user's patients while a webhook of theirs points at a
// receiver in this process; each event's latency runs from its write's answer (the client was
// told it is saved) to its arrival at the receiver. A warm-up at the same rate comes first, as
// for the other cases (the first second after a webhook is made pays for new plans and caches).

/** What one measurement saw. */
export interface Delivery {
  rate: number;
  seconds: number;
  writes: number;
  /** Writes answered as saved. */
  saved: number;
  /** Events that arrived, each counted once, and those that came again. */
  delivered: number;
  again: number;
  /** The write's own answer time, and answer-to-arrival, in ms. */
  write: { p50: number; p99: number };
  latency: { p50: number; p99: number; max: number };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/**
 * Registers a webhook for `token`'s user, PATCHes `patients` round-robin at `rate` per second
 * for `warmup` seconds and then for `seconds` measured ones, waits for the deliveries (at most
 * 30 s more), and removes the webhook. The
 * service must allow plain-HTTP receivers on private addresses (WEBHOOK_ALLOW_HTTP and
 * WEBHOOK_ALLOW_PRIVATE).
 */
export async function measureDelivery(
  base: string,
  token: string,
  patients: number[],
  rate: number,
  seconds: number,
  warmup: number,
): Promise<Delivery> {
  const arrived = new Map<string, number>();
  let again = 0;
  const receiver = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req) => {
      const at = performance.now();
      const event = JSON.parse(await req.text());
      const key = `${event.resource_id}/${event.version}`;
      if (arrived.has(key)) again++;
      else arrived.set(key, at);
      return new Response(null, { status: 204 });
    },
  );
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const made = await fetch(`${base}/api/webhooks/`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      url: `http://127.0.0.1:${receiver.addr.port}/bench`,
      events: ["patient.updated"],
    }),
  });
  const hook = await made.json();
  if (made.status !== 201) throw new Error(`webhook not registered: ${JSON.stringify(hook)}`);
  try {
    const answered = new Map<string, number>();
    const writeMs: number[] = [];
    const sends: Promise<void>[] = [];
    const writes = Math.round(rate * seconds);
    const warm = Math.round(rate * warmup);
    const started = performance.now();
    for (let i = -warm; i < writes; i++) {
      const due = started + ((i + warm) * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const id = patients[(i + warm) % patients.length];
      const sent = performance.now();
      sends.push(
        fetch(`${base}/api/patients/${id}/`, {
          method: "PATCH",
          headers,
          body: JSON.stringify({ city: `Delivery ${i}` }),
        }).then(async (res) => {
          const at = performance.now();
          const body = await res.json();
          if (res.status !== 200 || i < 0) return;
          writeMs.push(at - sent);
          answered.set(`${body.id}/${body.version}`, at);
        }).catch(() => {}),
      );
    }
    await Promise.all(sends);
    const deadline = performance.now() + 30_000;
    while ([...answered.keys()].some((k) => !arrived.has(k)) && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const latencies = [...answered].filter(([k]) => arrived.has(k)).map(([k, at]) =>
      Math.max(0, arrived.get(k)! - at)
    );
    const w = spread(writeMs);
    return {
      rate,
      seconds,
      writes,
      saved: answered.size,
      delivered: latencies.length,
      again,
      write: { p50: w.p50, p99: w.p99 },
      latency: spread(latencies),
    };
  } finally {
    const gone = await fetch(`${base}/api/webhooks/${hook.id}/`, { method: "DELETE", headers });
    await gone.body?.cancel();
    await receiver.shutdown();
  }
}
