import { createMiddleware } from "hono/factory";
import { ApiError } from "../lib/errors.ts";
import type { AppEnv } from "../types.ts";

type Gate = { active: number; waiting: (() => void)[] };

/** Each user's lists and searches running, and those waiting for a turn, in this process. */
const gates = new Map<number, Gate>();

/**
 * Runs at most SEARCHES_PER_USER of one user's lists and searches at once (the rest wait,
 * up to SEARCH_QUEUE_PER_USER; past that, 429), so one account's costly searches cannot
 * hold every pooled connection while other users' requests wait. Goes after `requireAuth`.
 */
export const searchGate = createMiddleware<AppEnv>(async function searchGate(c, next) {
  const user = c.get("user");
  if (!user) return await next();
  const { searchesPerUser, searchQueuePerUser } = c.get("config");
  let gate = gates.get(user.id);
  if (!gate) gates.set(user.id, gate = { active: 0, waiting: [] });
  if (gate.active < searchesPerUser) gate.active++;
  else if (gate.waiting.length < searchQueuePerUser) {
    await new Promise<void>((turn) => gate.waiting.push(turn));
  } else {
    throw new ApiError(429, "Too many searches at once from this account; wait for one to end", [
      { field: "query", message: "waits behind too many searches of this account" },
    ], { "Retry-After": "1" });
  }
  try {
    await next();
  } finally {
    // The turn passes straight to the next in line, or is given back.
    const turn = gate.waiting.shift();
    if (turn) turn();
    else if (--gate.active === 0) gates.delete(user.id);
  }
});
