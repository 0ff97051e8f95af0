/**
 * Bursts of bodies built to cost the most memory once parsed, against real processes
 * started as they run in production (`deno task start`'s V8 limits; the container's
 * `deno serve --parallel`): the process must live through them and keep answering.
 */
import assert from "node:assert/strict";
import { atTheLimits, objectHeavyLogin } from "./hostile_bodies.ts";
import { onFreshService, type ServiceProcess } from "./helpers.ts";

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });

/** Sends `n` copies of `body` at once to sign-in; answers the status of each. */
async function burst(svc: ServiceProcess, body: string, n: number): Promise<number[]> {
  return await Promise.all(Array.from({ length: n }, async (_, i) => {
    try {
      const res = await fetch(`${svc.url}/api/auth/login/`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        // A new email each time, so every parsed body also reaches the password check.
        body: body.replace('"a@b.c"', `"a${i}.${crypto.randomUUID().slice(0, 8)}@b.c"`),
      });
      await res.body?.cancel();
      return res.status;
    } catch {
      return 0; // no answer
    }
  }));
}

async function survivesBursts(svc: ServiceProcess, n: number): Promise<void> {
  const heavy = objectHeavyLogin();
  assert.ok(heavy.length > 1_000_000 && heavy.length <= 1024 * 1024);
  const limits = atTheLimits();
  assert.ok(limits.length > 1_000_000 && limits.length <= 1024 * 1024, String(limits.length));
  for (let round = 0; round < 3; round++) {
    const heavyStatuses = await burst(svc, heavy, n);
    // Refused by shape before parsing (400), or turned away by the in-flight budget (503).
    for (const s of heavyStatuses) assert.ok(s === 400 || s === 503, String(heavyStatuses));
    const limitStatuses = await burst(svc, limits, n);
    // Parsed and checked: a wrong sign-in (401), this address's share of the hashing queue
    // taken (429), or the hashing queue or budget is full (503).
    for (const s of limitStatuses) {
      assert.ok(s === 401 || s === 429 || s === 503, String(limitStatuses));
    }
  }
  const health = await fetch(`${svc.url}/healthz`);
  assert.equal(health.status, 200);
  await health.body?.cancel();
}

for (
  const [mode, n, label] of [
    ["start", 12, "deno task start"],
    ["serve", 24, "deno serve --parallel"],
  ] as const
) {
  test(`${label} lives through bursts of 1 MiB object-heavy bodies`, async () => {
    const { code, output } = await onFreshService(mode, (svc) => survivesBursts(svc, n));
    assert.equal(code, 0, output.slice(-2000));
  });
}
