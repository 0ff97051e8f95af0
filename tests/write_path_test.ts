/**
 * The write path: each write and its audit event cost one request to the database, the
 * answer's data included, whatever the database.
 */
import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { requestsSent } from "../db/socket.ts";
import { flushAudit } from "../middleware/audit.ts";
import { dbTest, testApp } from "./helpers.ts";
import { signUp } from "./records_helpers.ts";

dbTest("each write, with its audit event, is one request to the database", async (t) => {
  const app = await testApp();
  const ann = await signUp(app);
  /** Runs `write` twice (the first use of a statement on a connection costs a description). */
  const requestsOf = async (write: () => Promise<number>, expectedStatus: number) => {
    assert.equal(await write(), expectedStatus);
    await flushAudit();
    const before = requestsSent();
    assert.equal(await write(), expectedStatus);
    return requestsSent() - before;
  };
  const create = async (path: string, body: unknown) => (await ann.json("POST", path, body)).body;
  const status = async (method: string, path: string, body?: unknown) =>
    (await ann.json(method, path, body)).status;

  await t.step("patients", async () => {
    assert.equal(await requestsOf(() => status("POST", "/api/patients/", { name: "One" }), 201), 1);
    const { id } = await create("/api/patients/", { name: "Two" });
    const patch = () => status("PATCH", `/api/patients/${id}/`, { city: "Leeds" });
    assert.equal(await requestsOf(patch, 200), 1);
    const put = () => status("PUT", `/api/patients/${id}/`, { name: "Two", age: 40 });
    assert.equal(await requestsOf(put, 200), 1);
    const ids = [(await create("/api/patients/", { name: "Three" })).id, id];
    assert.equal(await requestsOf(() => status("DELETE", `/api/patients/${ids.pop()}/`), 204), 1);
  });

  await t.step("doctors", async () => {
    const body = { name: "Dr One", specialization: "general" };
    assert.equal(await requestsOf(() => status("POST", "/api/doctors/", body), 201), 1);
    const { id } = await create("/api/doctors/", body);
    const patch = () => status("PATCH", `/api/doctors/${id}/`, { bio: "Kind" });
    assert.equal(await requestsOf(patch, 200), 1);
    const ids = [(await create("/api/doctors/", body)).id, id];
    assert.equal(await requestsOf(() => status("DELETE", `/api/doctors/${ids.pop()}/`), 204), 1);
  });

  await t.step("assignments, answered with their doctor", async () => {
    const patient = (await create("/api/patients/", { name: "Four" })).id;
    const doctors: number[] = [];
    for (let i = 0; i < 2; i++) {
      doctors.push(
        (await create("/api/doctors/", { name: `Dr ${i}`, specialization: "other" })).id,
      );
    }
    const assign = () =>
      status("POST", "/api/mappings/", { patient, doctor: doctors.pop(), is_primary: true });
    assert.equal(await requestsOf(assign, 201), 1);
    const [first, second] = await sql<{ id: number; is_primary: boolean }[]>`
      select id, is_primary from patient_doctors where patient_id = ${patient} order by id`;
    assert.deepEqual([first.is_primary, second.is_primary], [false, true], "the old one demoted");
    const patch = () => status("PATCH", `/api/mappings/detail/${first.id}/`, { is_primary: true });
    assert.equal(await requestsOf(patch, 200), 1);
    const ids = [second.id, first.id];
    assert.equal(await requestsOf(() => status("DELETE", `/api/mappings/${ids.pop()}/`), 204), 1);
  });
});
