import { createMiddleware } from "hono/factory";

let running = 0;
let finished = 0;
let idle: (() => void)[] = [];
let draining = false;

/**
 * From now on requests are answered 503 at once (app.ts) and not waited for: shutdown waits
 * only for those accepted before, so a steady stream of new ones cannot hold it up.
 */
export function startDraining(): void {
  draining = true;
}

/** Whether the service is stopping (SIGTERM/SIGINT received). */
export function isDraining(): boolean {
  return draining;
}

/** Counts requests being handled, so shutdown can wait for them under any server. */
export const trackInFlight = createMiddleware(async function trackInFlight(_c, next) {
  if (draining) return await next();
  running++;
  try {
    await next();
  } finally {
    running--;
    finished++;
    if (running === 0) {
      const waiting = idle;
      idle = [];
      waiting.forEach((resolve) => resolve());
    }
  }
});

/**
 * Calls `report` once when requests are in flight and none has finished for `ms` (checked every
 * second), and again only after requests have moved on; answers a function that stops it.
 */
export function watchStalls(ms: number, report: (running: number, seconds: number) => void) {
  let seen = -1;
  let since = Date.now();
  let reported = false;
  const timer = setInterval(() => {
    const now = Date.now();
    if (finished !== seen || running === 0) {
      seen = finished;
      since = now;
      reported = false;
    } else if (!reported && now - since >= ms) {
      reported = true;
      report(running, Math.round((now - since) / 1000));
    }
  }, 1000);
  Deno.unrefTimer(timer);
  return () => clearInterval(timer);
}

/** Requests being handled now. */
export function inFlight(): number {
  return running;
}

/** Resolves once no request is being handled. */
export function whenIdle(): Promise<void> {
  return running === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
}
