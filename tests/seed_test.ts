import assert from "node:assert/strict";
import { createClient } from "../db/client.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../scripts/seed.ts";
import { denoCommand, freshDatabase, runToEnd, startService, TEST_JWT_SECRET } from "./helpers.ts";

Deno.test({
  name: "deno task seed loads the demo set once; a second run adds nothing; the demo sign-in works",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const db = await freshDatabase();
    const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET };
    try {
      const first = await runToEnd(denoCommand("scripts/seed.ts", [], env));
      assert.equal(first.code, 0, first.output);
      assert.match(first.output, /added 3 account\(s\), 40 doctor\(s\), 320 patient\(s\)/);
      const second = await runToEnd(denoCommand("scripts/seed.ts", [], env));
      assert.equal(second.code, 0, second.output);
      assert.match(
        second.output,
        /added 0 account\(s\), 0 doctor\(s\), 0 patient\(s\), 0 appointment\(s\)/,
      );

      const sql = createClient(db.url, 1);
      try {
        const [counts] = await sql`
          select (select count(*)::int from users) as users,
            (select count(*)::int from doctors) as doctors,
            (select count(*)::int from patients) as patients,
            (select count(distinct specialization)::int from doctors) as specialties,
            (select count(*)::int from patients p where not exists (
              select 1 from patient_doctors m where m.patient_id = p.id and m.is_primary)
            ) as without_primary,
            (select count(*)::int from audit_events where request_id = 'demo-seed') as events,
            (select count(*)::int from doctor_schedules) as schedules,
            (select count(*)::int from appointments) as appointments,
            (select count(*)::int from appointments
              where start_at < now() and status in ('booked', 'arrived')) as past_open,
            (select count(*)::int from appointments a join doctor_schedules s
              on s.doctor_id = a.doctor_id join doctor_hours h on h.doctor_id = a.doctor_id
              and h.weekday = extract(isodow from a.start_at at time zone s.timezone)
              and (a.start_at at time zone s.timezone)::time >= h.start_time
              and (a.start_at at time zone s.timezone)::time < h.end_time) as in_hours`;
        assert.deepEqual(
          [counts.users, counts.doctors, counts.patients, counts.without_primary],
          [3, 40, 320, 0],
        );
        assert.equal(counts.specialties, 21, "every speciality but other");
        assert.ok(counts.events >= 360, "made through the data layer, with its audit events");
        // A week of bookings, inside the doctors' hours; none left open in the past.
        assert.equal(counts.schedules, 40);
        assert.ok(counts.appointments >= 100, `${counts.appointments} appointments`);
        assert.equal(counts.in_hours, counts.appointments);
        assert.equal(counts.past_open, 0);
      } finally {
        await sql.end();
      }

      const svc = await startService(env);
      try {
        const login = await fetch(`${svc.url}/api/auth/login/`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }),
        });
        assert.equal(login.status, 200);
        const { access, user } = await login.json();
        assert.equal(user.name, DEMO_ACCOUNTS[0].name);
        const list = await fetch(`${svc.url}/api/patients/?limit=1`, {
          headers: { Authorization: `Bearer ${access}` },
        });
        assert.equal((await list.json()).count, DEMO_ACCOUNTS[0].patients);
      } finally {
        await svc.stop();
      }
    } finally {
      await db.close();
    }
  },
});
