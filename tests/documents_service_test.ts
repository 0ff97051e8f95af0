/**
 * Documents against the service as it runs: bytes read back equal after the database restarts
 * (a private PostgreSQL cluster restarted under the service; the embedded database restarted
 * with its process), and an upload in flight when SIGTERM comes is finished, not cut.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  onFreshService,
  type ServiceProcess,
  startService,
  TEST_JWT_SECRET,
  within,
} from "./helpers.ts";
import { hasServerBinaries, startCluster } from "./pg_cluster.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A PDF-looking file of `n` random bytes. */
function file(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return bytes;
}

async function post(url: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A registered user with a patient, on `svc`. */
async function userWithPatient(svc: ServiceProcess) {
  const email = `docs.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const reg = await post(svc.url, "/api/auth/register/", {
    name: "Records Clerk",
    email,
    password: "Maple-Orbit-5521",
  });
  assert.equal(reg.status, 201);
  const token = reg.body.access as string;
  const patient = await post(svc.url, "/api/patients/", { name: "Ida Pfeiffer" }, token);
  assert.equal(patient.status, 201);
  return { token, patient: patient.body.id as number };
}

async function upload(svc: ServiceProcess, token: string, patient: number, bytes: Uint8Array) {
  const form = new FormData();
  form.append("category", "imaging");
  form.append("file", new File([bytes as BlobPart], "scan.pdf", { type: "application/pdf" }));
  const res = await fetch(`${svc.url}/api/patients/${patient}/documents/`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  return body.id as number;
}

async function download(svc: ServiceProcess, token: string, id: number) {
  const res = await fetch(`${svc.url}/api/documents/${id}/content`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });

test("documents: the bytes read back equal what was sent after the embedded database restarts", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "hc-docs-" });
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", ENV_FILE: "" };
  const bytes = file(1_300_000);
  try {
    let svc = await startService(env);
    const { token, patient } = await userWithPatient(svc);
    const id = await upload(svc, token, patient, bytes);
    assert.equal(await svc.stop(), 0);
    svc = await startService(env);
    try {
      const got = await download(svc, token, id);
      assert.equal(got.status, 200);
      assert.equal(sha256(got.bytes), sha256(bytes));
    } finally {
      await svc.stop();
    }
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

if (hasServerBinaries()) {
  test("documents: the bytes read back equal what was sent after PostgreSQL restarts", async () => {
    const cluster = await startCluster();
    const bytes = file(1_300_000);
    try {
      const svc = await startService({ DATABASE_URL: cluster.url, JWT_SECRET: TEST_JWT_SECRET });
      try {
        const { token, patient } = await userWithPatient(svc);
        const id = await upload(svc, token, patient, bytes);
        await cluster.restart("fast");
        let got = { status: 0, bytes: new Uint8Array() };
        const took = await within(15_000, async () => {
          got = await download(svc, token, id).catch(() => ({
            status: 0,
            bytes: new Uint8Array(),
          }));
          return got.status === 200;
        });
        assert.ok(took >= 0, `no 200 after the restart (last: ${got.status})`);
        assert.equal(sha256(got.bytes), sha256(bytes));
      } finally {
        await svc.stop();
      }
    } finally {
      await cluster.destroy();
    }
  });
}

test("documents: an upload in flight when SIGTERM comes is finished within the grace period", async () => {
  await onFreshService("start", async (svc) => {
    const { token, patient } = await userWithPatient(svc);
    const bytes = file(600_000);
    const boundary = "graceboundary";
    const enc = new TextEncoder();
    const head = enc.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nimaging\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="late.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    );
    const tail = enc.encode(`\r\n--${boundary}--\r\n`);
    const url = new URL(svc.url);
    const conn = await Deno.connect({ hostname: url.hostname, port: Number(url.port) });
    const length = head.length + bytes.length + tail.length;
    await conn.write(enc.encode(
      `POST /api/patients/${patient}/documents/ HTTP/1.1\r\nHost: ${url.host}\r\n` +
        `Authorization: Bearer ${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: ${length}\r\nConnection: close\r\n\r\n`,
    ));
    await conn.write(head);
    await conn.write(bytes.subarray(0, 300_000));
    await new Promise((r) => setTimeout(r, 200));
    svc.child.kill("SIGTERM");
    // The rest comes 2 s after the signal: within the 10 s grace period.
    await new Promise((r) => setTimeout(r, 2000));
    await conn.write(bytes.subarray(300_000));
    await conn.write(tail);
    const chunks: Uint8Array[] = [];
    const buf = new Uint8Array(4096);
    for (;;) {
      const n = await conn.read(buf).catch(() => null);
      if (n === null) break;
      chunks.push(buf.slice(0, n));
    }
    conn.close();
    const answer = new TextDecoder().decode(
      chunks.reduce((a, b) => new Uint8Array([...a, ...b]), new Uint8Array()),
    );
    assert.match(answer, /^HTTP\/1\.1 201/, answer.split("\r\n")[0]);
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    assert.equal(body.size_bytes, bytes.length);
    assert.equal(body.sha256, sha256(bytes));
    assert.equal(await svc.stop(), 0);
  });
});
