/**
 * The S3 store (`DOCUMENT_STORE=s3://…`) against a local S3-protocol server (s3rver) started
 * here: bytes go to one object per document (multipart above one part), come back whole and
 * by range, and no object is left by a refused upload, a purge or a crashed upload's sweep.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import S3rver from "s3rver";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import type { Hono } from "hono";
import { sql } from "../db/client.ts";
import { removeObjects } from "../db/document_store.ts";
import { sweepDocumentContents } from "../db/housekeeping.ts";
import { PART_BYTES } from "../lib/s3.ts";
import type { AppEnv } from "../types.ts";
import { dbTest, testApp, testConfig } from "./helpers.ts";
import { type Client, clientFor, signUp, signUpAdmin } from "./records_helpers.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function pdf(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return bytes;
}

function upload(
  user: Client & { app: Hono<AppEnv> },
  patient: number,
  bytes: Uint8Array,
  type = "application/pdf",
) {
  const form = new FormData();
  form.append("category", "imaging");
  form.append("file", new File([bytes as BlobPart], "scan.pdf", { type }));
  return user.app.request(`/api/patients/${patient}/documents/`, {
    method: "POST",
    headers: { Authorization: `Bearer ${user.token}` },
    body: form,
  });
}

dbTest(
  "documents in an S3 store: one object each, read back exactly, none left behind",
  async (t) => {
    const dir = await Deno.makeTempDir({ prefix: "hc-s3-" });
    const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    const s3 = new S3Client({
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    await s3.send(new CreateBucketCommand({ Bucket: "records" }));
    const objects = async () =>
      ((await s3.send(new ListObjectsV2Command({ Bucket: "records" }))).Contents ?? [])
        .map((o) => o.Key!).sort();
    const settings = {
      DOCUMENT_STORE: "s3://records/clinic-a/docs",
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      DOCUMENT_MAX_BYTES: String(PART_BYTES + 2 * 1024 * 1024),
    };
    try {
      const app = await testApp(settings);
      const ann = await signUp(app);
      const patient = (await ann.json("POST", "/api/patients/", { name: "Nellie Bly" })).body.id;
      const small = pdf(200_000);
      const large = pdf(PART_BYTES + 1_500_000);
      const ids: number[] = [];

      await t.step(
        "a small file is one PUT, a large one a multipart upload: one object each",
        async () => {
          for (const bytes of [small, large]) {
            const res = await upload(ann, patient, bytes);
            const body = await res.json();
            assert.equal(res.status, 201, JSON.stringify(body));
            assert.equal(body.sha256, sha256(bytes));
            ids.push(body.id);
          }
          const contents = await sql<{ id: string; store: string }[]>`
        select c.id::text, c.store from document_contents c
        join documents d on d.content_id = c.id where d.id = any(${ids}) order by d.id`;
          assert.deepEqual(contents.map((c) => c.store), ["s3", "s3"]);
          assert.deepEqual(await objects(), contents.map((c) => `clinic-a/docs/${c.id}`).sort());
          const [{ chunks }] = await sql<{ chunks: number }[]>`
        select count(*)::int as chunks from document_chunks where patient_id = ${patient}`;
          assert.equal(chunks, 0);
        },
      );

      await t.step("the bytes come back whole, and by range across the part boundary", async () => {
        const whole = await ann.call("GET", `/api/documents/${ids[1]}/content`);
        assert.equal(whole.status, 200);
        assert.equal(sha256(new Uint8Array(await whole.arrayBuffer())), sha256(large));
        const [from, to] = [PART_BYTES - 10, PART_BYTES + 10];
        const part = await ann.call("GET", `/api/documents/${ids[1]}/content`, undefined, {
          Range: `bytes=${from}-${to}`,
        });
        assert.equal(part.status, 206);
        assert.deepEqual(new Uint8Array(await part.arrayBuffer()), large.slice(from, to + 1));
      });

      await t.step(
        "refused uploads — wrong type, one byte over the limit — leave no object",
        async () => {
          const before = await objects();
          const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
          const typed = await upload(ann, patient, html);
          assert.equal(typed.status, 415);
          await typed.body?.cancel();
          // Refused after its first part went up: the multipart upload is aborted.
          const over = await upload(ann, patient, pdf(PART_BYTES + 2 * 1024 * 1024 + 1));
          assert.equal(over.status, 413);
          await over.body?.cancel();
          assert.deepEqual(await objects(), before);
          const [{ rows }] = await sql<{ rows: number }[]>`
        select count(*)::int as rows from document_contents where patient_id = ${patient}`;
          assert.equal(rows, 2);
        },
      );

      await t.step("documents stored in PostgreSQL before the switch are still read", async () => {
        const pgApp = await testApp();
        const same = clientFor(pgApp, ann.id, ann.token);
        const res = await upload(same, patient, small);
        assert.equal(res.status, 201);
        const id = (await res.json()).id;
        const back = await ann.call("GET", `/api/documents/${id}/content`);
        assert.equal(sha256(new Uint8Array(await back.arrayBuffer())), sha256(small));
      });

      await t.step("a crashed upload's object is swept with its row", async () => {
        const [{ id }] = await sql<{ id: string }[]>`
        insert into document_contents (patient_id, store, created_by, created_at)
        values (${patient}, 's3', ${ann.id}, now() - interval '2 hours') returning id::text`;
        const { s3Bucket } = await import("../lib/s3.ts");
        const config = testConfig(settings);
        const bucket = s3Bucket(
          config.documentStore as Exclude<typeof config.documentStore, "postgres">,
        );
        const w = bucket.open(id);
        await w.write(pdf(1000));
        await w.finish();
        assert.ok((await objects()).includes(`clinic-a/docs/${id}`));
        const swept = await sweepDocumentContents();
        assert.ok(swept.objects.includes(id));
        assert.equal(await removeObjects(config, swept.objects), 0);
        assert.ok(!(await objects()).includes(`clinic-a/docs/${id}`));
      });

      await t.step("an admin's purge removes the patient's objects", async () => {
        const admin = await signUpAdmin(app);
        assert.ok((await objects()).length >= 2);
        const res = await admin.json("DELETE", `/api/patients/${patient}/?purge=true`);
        assert.equal(res.status, 204);
        assert.deepEqual(await objects(), []);
      });
    } finally {
      s3.destroy();
      await server.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
);
