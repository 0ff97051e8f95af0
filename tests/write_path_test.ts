/**
 * The write path: each write and its audit event is one statement, the answer's data
 * included, whatever the database. A write of patient data runs in its transaction bound by
 * row-level security: four requests (`begin`, the caller's context, the statement, the
 * commit), the middle two sent in one flush, so three round trips.
 */
import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { requestsSent } from "../db/socket.ts";
import { flushAudit } from "../middleware/audit.ts";
import { dbTest, testApp, testConfig } from "./helpers.ts";
import { signUp } from "./records_helpers.ts";

/** Enough writes to have used every connection of the pool. */
const WARM = testConfig().dbPoolMax;

/** Counted writes of each kind (the fewest requests of them is the write's). */
const COUNTED = 3;

/** A write of patient data: `begin`, the context, the statement, `commit`. */
const SCOPED = 4;

dbTest(
  "each write, with its audit event, is one statement: four requests with its transaction, one for a doctor",
  async (t) => {
    const app = await testApp();
    const ann = await signUp(app);
    /**
     * Runs `write` once on every connection of the pool (the first use of a statement on a
     * connection costs a description), then counts the requests of each of COUNTED more: the
     * fewest is the write's own (other tests' timers share the pool and the counter, and can
     * only add to it).
     */
    const requestsOf = async (write: () => Promise<number>, expectedStatus: number) => {
      for (let i = 0; i < WARM; i++) assert.equal(await write(), expectedStatus);
      const counts: number[] = [];
      for (let i = 0; i < COUNTED; i++) {
        await flushAudit();
        // The caller's memberships are read at most every MEMBERSHIP_TTL_MS: read them now, so
        // that a slow run does not count their refresh as part of the write.
        assert.equal(await status("GET", "/api/auth/me/"), 200);
        const before = requestsSent();
        assert.equal(await write(), expectedStatus);
        counts.push(requestsSent() - before);
      }
      return Math.min(...counts);
    };
    /** `n` fresh records made by POSTing `body` to `path`, for writes that use one up each. */
    const many = async (n: number, path: string, body: unknown) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) ids.push((await create(path, body)).id);
      return ids;
    };
    const create = async (path: string, body: unknown) => (await ann.json("POST", path, body)).body;
    const status = async (method: string, path: string, body?: unknown) =>
      (await ann.json(method, path, body)).status;

    await t.step("patients", async () => {
      assert.equal(
        await requestsOf(() => status("POST", "/api/patients/", { name: "One" }), 201),
        SCOPED,
      );
      const { id } = await create("/api/patients/", { name: "Two" });
      const patch = () => status("PATCH", `/api/patients/${id}/`, { city: "Leeds" });
      assert.equal(await requestsOf(patch, 200), SCOPED);
      const put = () => status("PUT", `/api/patients/${id}/`, { name: "Two", age: 40 });
      assert.equal(await requestsOf(put, 200), SCOPED);
      const ids = await many(WARM + COUNTED, "/api/patients/", { name: "Three" });
      assert.equal(
        await requestsOf(() => status("DELETE", `/api/patients/${ids.pop()}/`), 204),
        SCOPED,
      );
    });

    await t.step("doctors", async () => {
      const body = { name: "Dr One", specialization: "general" };
      assert.equal(await requestsOf(() => status("POST", "/api/doctors/", body), 201), 1);
      const { id } = await create("/api/doctors/", body);
      const patch = () => status("PATCH", `/api/doctors/${id}/`, { bio: "Kind" });
      assert.equal(await requestsOf(patch, 200), 1);
      const ids = await many(WARM + COUNTED, "/api/doctors/", body);
      assert.equal(await requestsOf(() => status("DELETE", `/api/doctors/${ids.pop()}/`), 204), 1);
    });

    await t.step("assignments, answered with their doctor", async () => {
      const patient = (await create("/api/patients/", { name: "Four" })).id;
      const doctors = await many(WARM + COUNTED, "/api/doctors/", {
        name: "Dr Any",
        specialization: "other",
      });
      const assign = () =>
        status("POST", "/api/mappings/", { patient, doctor: doctors.pop(), is_primary: true });
      assert.equal(await requestsOf(assign, 201), SCOPED);
      const rows = await sql<{ id: number; is_primary: boolean }[]>`
      select id, is_primary from patient_doctors where patient_id = ${patient} order by id`;
      assert.deepEqual(rows.map((r) => r.is_primary), [...rows.slice(1).map(() => false), true]);
      const patch = () =>
        status("PATCH", `/api/mappings/detail/${rows[0].id}/`, { is_primary: true });
      assert.equal(await requestsOf(patch, 200), SCOPED);
      const ids = rows.map((r) => r.id);
      assert.equal(
        await requestsOf(() => status("DELETE", `/api/mappings/${ids.pop()}/`), 204),
        SCOPED,
      );
    });

    await t.step("appointments", async () => {
      const patient = (await create("/api/patients/", { name: "Five" })).id;
      const doctor = (await create("/api/doctors/", { name: "Dr Slot", specialization: "other" }))
        .id;
      let hour = 0;
      const booking = () => ({
        patient,
        doctor,
        start: new Date(Date.UTC(2027, 0, 4) + hour++ * 3600_000).toISOString(),
        duration_minutes: 30,
      });
      const book = () => status("POST", "/api/appointments/", booking());
      assert.equal(await requestsOf(book, 201), SCOPED);
      const { id } = await create("/api/appointments/", booking());
      const patch = () => status("PATCH", `/api/appointments/${id}/`, { reason: "Review" });
      assert.equal(await requestsOf(patch, 200), SCOPED);
      const ids: number[] = [];
      for (let i = 0; i < WARM + COUNTED; i++) {
        ids.push((await create("/api/appointments/", booking())).id);
      }
      const remove = () => status("DELETE", `/api/appointments/${ids.pop()}/`);
      assert.equal(await requestsOf(remove, 204), SCOPED);
    });
  },
);
