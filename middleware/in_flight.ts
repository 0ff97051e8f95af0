import { createMiddleware } from "hono/factory";

let running = 0;
let idle: (() => void)[] = [];

/** Counts requests being handled, so shutdown can wait for them under any server. */
export const trackInFlight = createMiddleware(async function trackInFlight(_c, next) {
  running++;
  try {
    await next();
  } finally {
    running--;
    if (running === 0) {
      const waiting = idle;
      idle = [];
      waiting.forEach((resolve) => resolve());
    }
  }
});

/** Requests being handled now. */
export function inFlight(): number {
  return running;
}

/** Resolves once no request is being handled. */
export function whenIdle(): Promise<void> {
  return running === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
}
