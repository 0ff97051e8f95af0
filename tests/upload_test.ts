/**
 * lib/upload.ts under a real `Deno.serve`, whose request bodies are byte streams read into one
 * buffer per upload: the file's bytes are lent to the handler, and the next read waits until
 * the handler has asked for more. Bodies are sent in random splits (a boundary cut anywhere, a
 * byte at a time, 100 KB at once) to handlers that take their time, and every byte must arrive
 * in order, exactly once.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { type IncomingFile, readUpload } from "../lib/upload.ts";
import { ApiError } from "../lib/errors.ts";

const LIMITS = { fileField: "file", fields: ["title"], fieldBytes: 100, idleSeconds: 5 };
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A random generator that repeats for a seed (xorshift32). */
function random(seed: number) {
  let x = seed || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/** A multipart body holding `file` (after a title field and, if asked, before another). */
function multipart(file: Uint8Array, boundary: string, fieldAfter = false): Uint8Array {
  const enc = new TextEncoder();
  const head = enc.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nscan\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const after = fieldAfter
    ? `\r\n--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nx`
    : "";
  const tail = enc.encode(`${after}\r\n--${boundary}--\r\n`);
  const out = new Uint8Array(head.length + file.length + tail.length);
  out.set(head);
  out.set(file, head.length);
  out.set(tail, head.length + file.length);
  return out;
}

/** `bytes` as a stream of pieces whose sizes `next` picks. */
function pieces(bytes: Uint8Array, next: () => number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const n = Math.max(1, next());
      controller.enqueue(bytes.slice(at, at + n));
      at += n;
    },
  });
}

/**
 * A server whose handler reads uploads with `handle` taking the file; it answers what
 * `handle` returned (or the error's status).
 */
function serve(handle: (file: IncomingFile) => Promise<unknown>) {
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (req) => {
    try {
      const { fields, file } = await readUpload(req, LIMITS, handle);
      return Response.json({ fields: Object.fromEntries(fields), file });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 500;
      return Response.json({ error: String((err as Error).message) }, { status });
    }
  });
  return { url: `http://127.0.0.1:${server.addr.port}/`, close: () => server.shutdown() };
}

/** A handler that hashes the file, copying nothing, pausing now and then as a store would. */
const hashing = (pause: () => number) => async (file: IncomingFile) => {
  const hash = createHash("sha256");
  let size = 0;
  let largestBuffer = 0;
  for await (const chunk of file.chunks) {
    hash.update(chunk);
    size += chunk.length;
    largestBuffer = Math.max(largestBuffer, chunk.buffer.byteLength);
    const ms = pause();
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }
  return { sha256: hash.digest("hex"), size, largestBuffer };
};

Deno.test("uploads: every byte arrives once and in order, however the body is split", async () => {
  const rand = random(20261206);
  const server = serve(hashing(() => (rand(4) === 0 ? rand(3) : 0)));
  try {
    const splits: [string, () => number][] = [
      ["one byte at a time", () => 1],
      ["random small pieces", () => 1 + rand(70)],
      ["random large pieces", () => 1 + rand(100_000)],
      ["pieces around the read buffer's size", () => 65536 - 8 + rand(16)],
    ];
    for (const [name, next] of splits) {
      const size = name === "one byte at a time"
        ? 3000
        : name === "random small pieces"
        ? 40_000
        : 300_000 + rand(700_000);
      const file = new Uint8Array(size);
      for (let at = 0; at < size; at += 65536) {
        crypto.getRandomValues(file.subarray(at, at + 65536));
      }
      // The boundary's own start inside the file: the parser must hold it back, then give it.
      // The byte after it is fixed: a random one was the boundary's last ("X") once in 256
      // files, which made a real boundary inside the file (and a body of more parts).
      file.set(new TextEncoder().encode("\r\n--bndY"), Math.floor(size / 2));
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=bndX" },
        body: pieces(multipart(file, "bndX"), next),
      });
      const body = await res.json();
      assert.equal(res.status, 200, `${name}: ${JSON.stringify(body)}`);
      const { largestBuffer, ...got } = body.file;
      assert.deepEqual(got, { sha256: sha256(file), size }, name);
      // The contract's "memory does not grow with the file size": every chunk the handler
      // sees is a view of the one 16 KiB read buffer, whatever the file's size or its splits.
      assert.ok(largestBuffer <= 16 * 1024, `${name}: a chunk in a ${largestBuffer}-byte buffer`);
      assert.equal(body.fields.title, "scan", name);
    }
  } finally {
    await server.close();
  }
});

Deno.test("uploads: a handler's work is undone when the body goes wrong after the file", async () => {
  let finished = 0;
  const server = serve(async (file) => {
    for await (const _ of file.chunks) { /* taking every chunk */ }
    finished++;
    return "stored";
  });
  try {
    const file = new Uint8Array(200_000).fill(7);
    // An unknown field after the file: the upload is refused, and the handler hears of it.
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=bndX" },
      body: pieces(multipart(file, "bndX", true), () => 30_000),
    });
    assert.equal(res.status, 400, await res.clone().text());
    await res.body?.cancel();
    assert.equal(finished, 0, "the handler's loop ended in an error, not as a whole file");
    // The same body cut before its closing boundary.
    const whole = multipart(file, "bndX");
    const cut = await fetch(server.url, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=bndX" },
      body: pieces(whole.subarray(0, whole.length - 10), () => 30_000),
    });
    assert.equal(cut.status, 400, await cut.clone().text());
    await cut.body?.cancel();
    assert.equal(finished, 0);
  } finally {
    await server.close();
  }
});
