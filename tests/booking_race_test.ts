/**
 * 50 clients book overlapping times of one doctor at once through two service processes on
 * PostgreSQL (one process on the embedded database, which one process owns): exactly one
 * booking wins, the others answer 409 on `start`, and back-to-back slots both succeed.
 */
import assert from "node:assert/strict";
import {
  callJson as call,
  freshDatabase,
  type ServiceProcess,
  startService,
  TEST_JWT_SECRET,
} from "./helpers.ts";

async function register(url: string, name: string) {
  const res = await call(url, "POST", "/api/auth/register/", undefined, {
    name,
    email: `${name}.${crypto.randomUUID().slice(0, 8)}@example.com`,
    password: "Copper-Kettle-1182",
  });
  assert.equal(res.status, 201);
  return res.body.access as string;
}

Deno.test({
  name: "appointments: 50 concurrent overlapping bookings on two instances → exactly one 201",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET };
    const services: ServiceProcess[] = [];
    try {
      services.push(await startService(env));
      if (!db.embedded) services.push(await startService(env));
      const urls = services.map((s) => s.url);
      // One at a time: sign-ups from one address are limited to a few at once.
      const tokens: string[] = [];
      for (let i = 0; i < 10; i++) tokens.push(await register(urls[i % urls.length], `desk${i}`));
      const doctor = (await call(urls[0], "POST", "/api/doctors/", tokens[0], {
        name: "Dr Race",
        specialization: "general",
      })).body.id;
      const patients = await Promise.all(
        tokens.map(async (token, i) =>
          (await call(urls[i % urls.length], "POST", "/api/patients/", token, { name: `P${i}` }))
            .body.id
        ),
      );

      for (const round of [0, 1, 2]) {
        // Every request overlaps 10:00–10:05 of the round's day.
        const day = `2027-05-${String(10 + round).padStart(2, "0")}`;
        const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => {
          const who = i % tokens.length;
          const start = new Date(Date.parse(`${day}T10:00:00Z`) - (i % 4) * 5 * 60_000);
          return call(urls[i % urls.length], "POST", "/api/appointments/", tokens[who], {
            patient: patients[who],
            doctor,
            start: start.toISOString(),
            duration_minutes: 20 + (i % 4) * 5,
          });
        }));
        const statuses = answers.map((a) => a.status);
        // On failure, say why the others were not 409 (their problem's detail).
        const why = JSON.stringify({
          statuses,
          other: answers.find((a) => a.status !== 201 && a.status !== 409)?.body?.detail,
        });
        assert.equal(statuses.filter((s) => s === 201).length, 1, why);
        assert.equal(statuses.filter((s) => s === 409).length, 49, why);
        for (const a of answers.filter((a) => a.status === 409)) {
          assert.deepEqual(a.body.errors.map((e: { field: string }) => e.field), ["start"]);
        }
      }

      // Back to back, from both instances at once: [11:00, 11:30) and [11:30, 12:00).
      const adjacent = await Promise.all(
        ["11:00", "11:30"].map((time, i) =>
          call(urls[i % urls.length], "POST", "/api/appointments/", tokens[i], {
            patient: patients[i],
            doctor,
            start: `2027-05-10T${time}:00Z`,
            duration_minutes: 30,
          })
        ),
      );
      assert.deepEqual(adjacent.map((a) => a.status), [201, 201]);
      // What the users see adds up: one booking a round, and the two adjacent ones.
      const counts = await Promise.all(
        tokens.map(async (token, i) =>
          (await call(
            urls[i % urls.length],
            "GET",
            `/api/appointments/?doctor_id=${doctor}`,
            token,
          ))
            .body.count as number
        ),
      );
      assert.equal(counts.reduce((a, b) => a + b, 0), 5);
    } finally {
      await Promise.all(services.map((s) => s.stop()));
      await db.close();
    }
  },
});
