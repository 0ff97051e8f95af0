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

/** Requests finished since the process started. */
export function finishedCount(): number {
  return finished;
}

/** Requests being handled now. */
export function inFlight(): number {
  return running;
}

/** Resolves once no request is being handled. */
export function whenIdle(): Promise<void> {
  return running === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
}
