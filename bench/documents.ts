// deno task bench:documents [--uploads=20] [--mib=25] [--rounds=1] [--embedded] [--chunked]
// starts the
// service as `deno task start` does, sends `uploads` documents of `mib` MiB at once (each
// streamed from this process, never built whole), then reads them all back at once, sampling
// the service's resident memory throughout; then copies the same bytes through the same storage
// without the service (256 KiB bytea chunks inserted and read back by a plain client, as many
// at once), the baseline the service's MB/s is compared with; and sends the same uploads to a
// bare Deno.serve that only reads each body (this script with --serve-bare), the memory the
// HTTP layer alone takes. Figures go to BENCHMARKS.md.
import { parseArgs } from "node:util";
import { createHash } from "node:crypto";
import { createClient } from "../db/client.ts";
import { CHUNK_BYTES } from "../db/document_store.ts";
import { createDatabase, log, start, START_V8_FLAGS } from "./tools.ts";

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    uploads: { type: "string", default: "20" },
    mib: { type: "string", default: "25" },
    rounds: { type: "string", default: "1" },
    embedded: { type: "boolean" },
    "serve-bare": { type: "boolean" },
    chunked: { type: "boolean" },
  },
});

if (flags["serve-bare"]) {
  // A server that reads each request's body to its end and answers its size: nothing else.
  Deno.serve({ port: Number(Deno.env.get("PORT")), hostname: "127.0.0.1" }, async (req) => {
    let n = 0;
    if (!req.body) return new Response("0");
    const reader = req.body.getReader({ mode: "byob" });
    let buffer = new Uint8Array(64 * 1024);
    while (true) {
      const { done, value } = await reader.read(buffer);
      if (done) break;
      n += value.length;
      buffer = new Uint8Array(value.buffer);
    }
    return new Response(String(n));
  });
  await new Promise(() => {});
}
const UPLOADS = Number(flags.uploads);
const BYTES = Number(flags.mib) * 1024 * 1024;
const ROUNDS = Number(flags.rounds);
const CHUNKED = flags.chunked === true;
const SERVER_URL = Deno.env.get("BENCH_DATABASE_URL") ?? Deno.env.get("DATABASE_URL") ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const PERMISSIONS = ["--allow-net", "--allow-env", "--allow-read", "--allow-write", "--allow-sys"];
const MB = 1_000_000;

/** One 64 KiB block of noise; a file is the PDF signature, then this block over and over. */
const BLOCK = new Uint8Array(65536);
crypto.getRandomValues(BLOCK);
BLOCK.set(new TextEncoder().encode("%PDF-1.7\n"));

/** The bytes of file `i` from `at`, `n` of them (a block, the first byte marking the file). */
function slice(i: number, at: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let k = 0; k < n;) {
    const from = (at + k) % BLOCK.length;
    const part = Math.min(n - k, BLOCK.length - from);
    out.set(BLOCK.subarray(from, from + part), k);
    k += part;
  }
  if (at === 0 && n > 9) out[9] = i % 256;
  return out;
}

/** SHA-256 of file `i`, computed as it is made. */
function expectedSha(i: number): string {
  const hash = createHash("sha256");
  for (let at = 0; at < BYTES; at += 1 << 20) {
    hash.update(slice(i, at, Math.min(1 << 20, BYTES - at)));
  }
  return hash.digest("hex");
}

/** A multipart body holding file `i`, produced as it is sent: its length and its pieces. */
function uploadBody(i: number, boundary: string) {
  const enc = new TextEncoder();
  const head = enc.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nimaging\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan-${i}.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n`,
  );
  const tail = enc.encode(`\r\n--${boundary}--\r\n`);
  return {
    length: head.length + BYTES + tail.length,
    *pieces(): Generator<Uint8Array> {
      yield head;
      for (let at = 0; at < BYTES; at += 256 * 1024) {
        yield slice(i, at, Math.min(256 * 1024, BYTES - at));
      }
      yield tail;
    },
  };
}

/**
 * POSTs upload `i` to `base` + `path` over a connection of its own, framed with Content-Length
 * (as browsers and curl send a file) or, with --chunked, in chunks of 256 KiB (as a client
 * streaming a body of unknown length does); answers the status and the body.
 */
async function upload(
  base: string,
  path: string,
  headers: Record<string, string>,
  i: number,
): Promise<{ status: number; text: string }> {
  const url = new URL(base);
  const boundary = `bench${crypto.randomUUID()}`;
  const body = uploadBody(i, boundary);
  const enc = new TextEncoder();
  const conn = await Deno.connect({ hostname: url.hostname, port: Number(url.port) });
  const framing = CHUNKED ? "Transfer-Encoding: chunked" : `Content-Length: ${body.length}`;
  const writer = conn.writable.getWriter();
  const reading = new Response(conn.readable).arrayBuffer();
  await writer.write(enc.encode(
    `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n${framing}\r\n` +
      Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("") +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\n\r\n`,
  ));
  for (const piece of body.pieces()) {
    if (CHUNKED) await writer.write(enc.encode(`${piece.length.toString(16)}\r\n`));
    await writer.write(piece);
    if (CHUNKED) await writer.write(enc.encode("\r\n"));
  }
  if (CHUNKED) await writer.write(enc.encode("0\r\n\r\n"));
  const answer = new TextDecoder().decode(await reading);
  const status = Number(answer.slice(9, 12));
  return { status, text: answer.slice(answer.indexOf("\r\n\r\n") + 4) };
}

const METRICS_TOKEN = `bench-metrics-${crypto.randomUUID()}`;
/** Peaks of the service's V8 heap and external buffers seen by `sampleHeap`, in MB. */
const heapPeak = { heap: 0, external: 0 };

/** Samples the service's heap and external buffers through /metrics every 100 ms. */
function sampleHeap(base: string): () => void {
  let stopped = false;
  (async () => {
    while (!stopped) {
      const res = await fetch(`${base}/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      }).catch(() => undefined);
      const text = await res?.text() ?? "";
      const read = (name: string) =>
        Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? 0) / 1048576;
      heapPeak.heap = Math.max(heapPeak.heap, read("hc_js_heap_used_bytes"));
      heapPeak.external = Math.max(heapPeak.external, read("hc_js_external_bytes"));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return () => stopped = true;
}

/** Samples a process's resident memory every 50 ms until stopped; answers the largest, in MB. */
function sampleRss(pid: number): { stop(): number } {
  let peak = 0;
  const read = () => {
    try {
      const status = Deno.readTextFileSync(`/proc/${pid}/status`);
      peak = Math.max(peak, Number(status.match(/^VmRSS:\s+(\d+) kB/m)![1]) / 1024);
    } catch { /* gone */ }
  };
  read();
  const timer = setInterval(read, 50);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

async function json(res: Response) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status}: ${JSON.stringify(body)}`);
  return body;
}

interface Round {
  uploadMBs: number;
  downloadMBs: number;
  rssBeforeMb: number;
  uploadRssMb: number;
  downloadRssMb: number;
  settledRssMb: number;
  copyWriteMBs?: number;
  copyReadMBs?: number;
}

async function serviceRound(
  base: string,
  pid: number,
  token: string,
  patient: number,
): Promise<
  Omit<Round, "copyWriteMBs" | "copyReadMBs"> & { ids: number[] }
> {
  const auth = { Authorization: `Bearer ${token}` };
  const before = sampleRss(pid).stop();
  let rss = sampleRss(pid);
  let t0 = performance.now();
  const docs = await Promise.all(Array.from({ length: UPLOADS }, async (_, i) => {
    const { status, text } = await upload(base, `/api/patients/${patient}/documents/`, auth, i);
    if (status !== 201) throw new Error(`upload ${i}: ${status} ${text.slice(0, 300)}`);
    return JSON.parse(text);
  }));
  const upSeconds = (performance.now() - t0) / 1000;
  const uploadRssMb = rss.stop();
  for (const [i, d] of docs.entries()) {
    if (d.size_bytes !== BYTES) throw new Error(`upload ${i}: ${d.size_bytes} bytes stored`);
  }
  if (docs[0].sha256 !== expectedSha(0)) throw new Error("upload 0: another SHA-256");
  rss = sampleRss(pid);
  t0 = performance.now();
  await Promise.all(docs.map(async (d) => {
    const res = await fetch(`${base}/api/documents/${d.id}/content`, { headers: auth });
    if (!res.ok) throw new Error(`download ${d.id}: ${res.status}`);
    let n = 0;
    for await (const chunk of res.body!) n += chunk.length;
    if (n !== BYTES) throw new Error(`download ${d.id}: ${n} bytes`);
  }));
  const downSeconds = (performance.now() - t0) / 1000;
  const downloadRssMb = rss.stop();
  // What the process still holds once idle again: memory freed but kept by the allocator.
  await new Promise((r) => setTimeout(r, 5000));
  const settledRssMb = sampleRss(pid).stop();
  const total = UPLOADS * BYTES / MB;
  return {
    ids: docs.map((d) => d.id),
    uploadMBs: total / upSeconds,
    downloadMBs: total / downSeconds,
    rssBeforeMb: before,
    uploadRssMb,
    downloadRssMb,
    settledRssMb,
  };
}

/** The same bytes through the same storage without the service: chunks in, chunks out. */
async function copyRound(url: string): Promise<{ writeMBs: number; readMBs: number }> {
  const sql = createClient(url, 10);
  try {
    await sql`create table if not exists bench_copy (
      file int, n int, data bytea not null, primary key (file, n))`;
    await sql`truncate bench_copy`;
    let t0 = performance.now();
    await Promise.all(Array.from({ length: UPLOADS }, async (_, i) => {
      for (let at = 0, n = 0; at < BYTES; at += CHUNK_BYTES, n++) {
        const bytes = slice(i, at, Math.min(CHUNK_BYTES, BYTES - at));
        await sql`insert into bench_copy (file, n, data) values (${i}, ${n}, ${bytes})`;
      }
    }));
    const writeSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const chunks = Math.ceil(BYTES / CHUNK_BYTES);
    await Promise.all(Array.from({ length: UPLOADS }, async (_, i) => {
      for (let n = 0; n < chunks; n += 4) {
        await sql`select data from bench_copy where file = ${i} and n between ${n} and ${n + 3}
          order by n`;
      }
    }));
    const readSeconds = (performance.now() - t0) / 1000;
    await sql`drop table bench_copy`;
    const total = UPLOADS * BYTES / MB;
    return { writeMBs: total / writeSeconds, readMBs: total / readSeconds };
  } finally {
    await sql.end();
  }
}

const db = flags.embedded ? undefined : await createDatabase(SERVER_URL);
const dataDir = await Deno.makeTempDir({ prefix: "hc-bench-docs-" });
const env = {
  ...(db ? { DATABASE_URL: db.url } : {}),
  DATA_DIR: dataDir,
  JWT_SECRET: `bench-secret-${crypto.randomUUID()}-${crypto.randomUUID()}`,
  LOG_LEVEL: "warn",
  PATH: Deno.env.get("PATH") ?? "",
  HOME: Deno.env.get("HOME") ?? "/tmp",
  DOCUMENT_MAX_BYTES: String(BYTES),
  METRICS_TOKEN,
  // More variables for the service, as JSON (`{"MALLOC_MMAP_THRESHOLD_":"65536"}`).
  ...JSON.parse(Deno.env.get("BENCH_SERVICE_ENV") ?? "{}"),
};
const service = await start(
  ["run", `--v8-flags=${START_V8_FLAGS}`, ...PERMISSIONS, "server.ts"],
  env,
  "/readyz",
);
const rounds: Round[] = [];
let bareRssMb = 0;
try {
  const email = `bench.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const { access } = await json(
    await fetch(`${service.base}/api/auth/register/`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Records Clerk", email, password: "Maple-Orbit-5521" }),
    }),
  );
  const patient = (await json(
    await fetch(`${service.base}/api/patients/`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${access}` },
      body: JSON.stringify({ name: "Bench Patient" }),
    }),
  )).id;
  const stopHeap = sampleHeap(service.base);
  for (let r = 0; r < ROUNDS; r++) {
    log(`round ${r + 1}: ${UPLOADS} uploads of ${flags.mib} MiB at once, then downloads`);
    const { ids: _, ...measured } = await serviceRound(service.base, service.pid, access, patient);
    const copy = db ? await copyRound(db.url) : undefined;
    rounds.push({ ...measured, copyWriteMBs: copy?.writeMBs, copyReadMBs: copy?.readMBs });
  }
  stopHeap();
  const bare = await start(
    [
      "run",
      `--v8-flags=${START_V8_FLAGS}`,
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--config=deno.dev.json",
      "bench/documents.ts",
      "--serve-bare",
    ],
    env,
    "/",
  );
  try {
    const rss = sampleRss(bare.pid);
    await Promise.all(Array.from({ length: UPLOADS }, async (_, i) => {
      const { status } = await upload(bare.base, "/", {}, i);
      if (status !== 200) throw new Error(`bare upload ${i}: ${status}`);
    }));
    bareRssMb = rss.stop();
  } finally {
    await bare.stop();
  }
} finally {
  await service.stop();
  await db?.drop();
  await Deno.remove(dataDir, { recursive: true }).catch(() => {});
}

const f = (n: number | undefined) => n === undefined ? "–" : n.toFixed(0);
const ratio = (a: number, b: number | undefined) => b ? (a / b).toFixed(2) : "–";
console.log(
  `\n${UPLOADS} × ${flags.mib} MiB, ${flags.embedded ? "embedded database" : "PostgreSQL"}, ` +
    `${CHUNKED ? "chunked bodies" : "bodies with Content-Length"}\n`,
);
console.log(
  "| round | upload MB/s | copy in MB/s | ratio | download MB/s | copy out MB/s | ratio | RSS idle MB | RSS peak uploading MB | RSS peak downloading MB | RSS 5 s later MB |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const [i, r] of rounds.entries()) {
  console.log(
    `| ${i + 1} | ${f(r.uploadMBs)} | ${f(r.copyWriteMBs)} | ${
      ratio(r.uploadMBs, r.copyWriteMBs)
    } | ` +
      `${f(r.downloadMBs)} | ${f(r.copyReadMBs)} | ${ratio(r.downloadMBs, r.copyReadMBs)} | ` +
      `${f(r.rssBeforeMb)} | ${f(r.uploadRssMb)} | ${f(r.downloadRssMb)} | ${f(r.settledRssMb)} |`,
  );
}
console.log(
  `\nA bare Deno.serve reading the same uploads (nothing else): RSS peak ${f(bareRssMb)} MB`,
);
console.log(
  `Peak V8 heap in use ${heapPeak.heap.toFixed(0)} MB, peak external buffers ` +
    `${heapPeak.external.toFixed(0)} MB (sampled every 100 ms)`,
);
