/**
 * A member removed from a clinic while 16 clients keep reading its patient loses access
 * within 1 s on every instance: two service processes on PostgreSQL, one on the embedded
 * database (one process owns it).
 */
import assert from "node:assert/strict";
import {
  callJson as call,
  freshDatabase,
  registerOn,
  type ServiceProcess,
  startService,
  TEST_JWT_SECRET,
} from "./helpers.ts";

Deno.test({
  name: "clinics: a removed member loses access within 1 s on every instance under load",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET };
    const services: ServiceProcess[] = [];
    try {
      services.push(await startService(env));
      if (!db.embedded) services.push(await startService(env));
      const [first] = services.map((s) => s.url);
      const owner = await registerOn(first, "owner");
      const nurse = await registerOn(first, "nurse");
      const clinic = (await call(first, "POST", "/api/clinics/", owner.token, { name: "Ward" }))
        .body.id;
      const added = await call(first, "POST", `/api/clinics/${clinic}/members/`, owner.token, {
        email: nurse.email,
        role: "clinician",
      });
      assert.equal(added.status, 201);
      const patient = (await call(first, "POST", "/api/patients/", owner.token, {
        name: "Watched",
        clinic,
      })).body.id;

      // 16 readers, spread over the instances, each noting when it last got a 200.
      let stop = false;
      const lastOk = new Map<string, number>();
      const firstDenied = new Map<string, number>();
      const readers = Array.from({ length: 16 }, async (_, i) => {
        const url = services[i % services.length].url;
        while (!stop) {
          const res = await call(url, "GET", `/api/patients/${patient}/`, nurse.token);
          const now = performance.now();
          if (res.status === 200) lastOk.set(url, now);
          else {
            assert.equal(res.status, 404);
            if (!firstDenied.has(url)) firstDenied.set(url, now);
          }
        }
      });
      await new Promise((r) => setTimeout(r, 500));
      for (const s of services) assert.ok(lastOk.has(s.url), "reads succeed before the removal");

      const removedAt = performance.now();
      const removed = await call(
        services[services.length - 1].url,
        "DELETE",
        `/api/clinics/${clinic}/members/${nurse.id}/`,
        owner.token,
      );
      assert.equal(removed.status, 204);
      await new Promise((r) => setTimeout(r, 1500));
      stop = true;
      await Promise.all(readers);
      for (const s of services) {
        const lastAllowed = lastOk.get(s.url)! - removedAt;
        assert.ok(firstDenied.has(s.url), "access ended");
        assert.ok(
          lastAllowed < 1000,
          `a read succeeded ${lastAllowed.toFixed(0)} ms after removal`,
        );
      }
    } finally {
      for (const s of services) await s.stop();
      await db.close();
    }
  },
});
