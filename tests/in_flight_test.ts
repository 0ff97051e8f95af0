/** The stall watch of middleware/in_flight.ts: said once while nothing finishes, not before. */
import assert from "node:assert/strict";
import { Hono } from "hono";
import { trackInFlight, watchStalls } from "../middleware/in_flight.ts";

Deno.test("watchStalls reports requests that stopped finishing, once, and not busy ones", async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => release = r);
  const app = new Hono();
  app.use(trackInFlight);
  app.get("/held", async (c) => {
    await held;
    return c.text("done");
  });
  app.get("/quick", (c) => c.text("done"));
  const reports: [number, number][] = [];
  const stop = watchStalls(1500, (running, seconds) => reports.push([running, seconds]));
  try {
    // Requests keep finishing beside a held one: no stall.
    const slow = app.request("/held");
    for (let i = 0; i < 12; i++) {
      await (await app.request("/quick")).text();
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(reports, [], "requests kept finishing");
    // Now nothing finishes: one report, however long it lasts.
    await new Promise((r) => setTimeout(r, 4500));
    assert.equal(reports.length, 1, JSON.stringify(reports));
    assert.equal(reports[0][0], 1);
    assert.ok(reports[0][1] >= 1);
    release();
    assert.equal(await (await slow).text(), "done");
  } finally {
    stop();
    release();
  }
});
