import assert from "node:assert/strict";
import { sql } from "../db/client.ts";
import { flushAudit } from "../middleware/audit.ts";
import { dbTest } from "./helpers.ts";
import { signUp } from "./records_helpers.ts";

dbTest(
  "If-None-Match: 304 on single reads while the ETag is current, audited for patients",
  async (t) => {
    const ann = await signUp();
    const patient = (await ann.json("POST", "/api/patients/", { name: "Cora Cached" })).body;
    const doctor =
      (await ann.json("POST", "/api/doctors/", { name: "Dr Etag", specialization: "general" }))
        .body;
    const mapping =
      (await ann.json("POST", "/api/mappings/", { patient: patient.id, doctor: doctor.id })).body;

    const read = async (path: string, tag?: string) => {
      const requestId = crypto.randomUUID();
      const res = await ann.call("GET", path, undefined, {
        "X-Request-Id": requestId,
        ...(tag ? { "If-None-Match": tag } : {}),
      });
      const text = await res.text();
      return { status: res.status, etag: res.headers.get("ETag"), text, requestId };
    };

    for (
      const path of [
        `/api/patients/${patient.id}/`,
        `/api/doctors/${doctor.id}/`,
        `/api/mappings/detail/${mapping.id}/`,
        `/fhir/Patient/${patient.id}`,
      ]
    ) {
      await t.step(path, async () => {
        const first = await read(path);
        assert.equal(first.status, 200);
        assert.ok(first.etag);
        const again = await read(path, first.etag!);
        assert.equal(again.status, 304);
        assert.equal(again.text, "", "no body");
        assert.equal(again.etag, first.etag);
        const weak = first.etag!.startsWith("W/") ? first.etag!.slice(2) : `W/${first.etag}`;
        assert.equal((await read(path, weak)).status, 304, "weak comparison");
        assert.equal((await read(path, `"nope", ${first.etag}`)).status, 304, "a list of tags");
        assert.equal((await read(path, "*")).status, 304);
        assert.equal((await read(path, '"0"')).status, 200, "a stale tag gets the body");
      });
    }

    await t.step("a change makes the old ETag stale", async () => {
      const before = await read(`/api/patients/${patient.id}/`);
      const mBefore = await read(`/api/mappings/detail/${mapping.id}/`);
      assert.equal(
        (await ann.json("PATCH", `/api/patients/${patient.id}/`, { city: "Oslo" })).status,
        200,
      );
      assert.equal(
        (await ann.json("PATCH", `/api/mappings/detail/${mapping.id}/`, { notes: "seen" })).status,
        200,
      );
      const after = await read(`/api/patients/${patient.id}/`, before.etag!);
      assert.equal(after.status, 200);
      assert.notEqual(after.etag, before.etag);
      assert.equal((await read(`/api/mappings/detail/${mapping.id}/`, mBefore.etag!)).status, 200);
    });

    await t.step("a 304 of a patient is still an access: audited with its status", async () => {
      const first = await read(`/api/patients/${patient.id}/`);
      const cached = await read(`/api/patients/${patient.id}/`, first.etag!);
      assert.equal(cached.status, 304);
      await flushAudit();
      const events = await sql<{ action: string; status: number; patient_ids: number[] }[]>`
      select action, status, patient_ids from audit_events where request_id = ${cached.requestId}`;
      assert.deepEqual(events.map((e) => [e.action, e.status, e.patient_ids]), [
        ["read", 304, [patient.id]],
      ]);
    });

    await t.step("another user's patient is 404 whatever the tag", async () => {
      const bob = await signUp(ann.app);
      const res = await bob.call("GET", `/api/patients/${patient.id}/`, undefined, {
        "If-None-Match": "*",
      });
      assert.equal(res.status, 404);
      await res.body?.cancel();
    });
  },
);
