/**
 * `deno task test:proxy` (needs nginx: `apt-get install nginx-light`): the API behind
 * the shipped deploy/nginx.conf closes connections that send half their headers, trickle
 * their body, say nothing, or sit idle after an answer. Deno.serve alone keeps them all.
 */
import assert from "node:assert/strict";
import { startService } from "../helpers.ts";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => {
  try {
    return Deno.statSync(p).isFile;
  } catch {
    return false;
  }
});

/** The header, body and idle timeouts of the shipped config, in seconds. */
function shippedTimeouts(conf: string) {
  const seconds = (name: string) => {
    const m = conf.match(new RegExp(`^\\s*${name}\\s+(\\d+)s;`, "m"));
    assert.ok(m, `deploy/nginx.conf sets ${name}`);
    return Number(m[1]);
  };
  return {
    header: seconds("client_header_timeout"),
    body: seconds("client_body_timeout"),
    idle: seconds("keepalive_timeout"),
  };
}

async function startNginx(apiPort: number) {
  if (!NGINX) throw new Error("nginx is not installed: apt-get install nginx-light");
  const conf = await Deno.readTextFile(new URL("../../deploy/nginx.conf", import.meta.url));
  const dir = await Deno.makeTempDir({ prefix: "hc-nginx-" });
  const free = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (free.addr as Deno.NetAddr).port;
  free.close();
  const local = conf
    .replace("server api:8000;", `server 127.0.0.1:${apiPort};`)
    .replace("listen 8000;", `listen 127.0.0.1:${port};`)
    .replaceAll("/tmp/nginx", `${dir}/nginx`);
  assert.notEqual(local, conf);
  await Deno.writeTextFile(`${dir}/nginx.conf`, local);
  const child = new Deno.Command(NGINX, {
    args: ["-p", dir, "-c", `${dir}/nginx.conf`, "-g", "daemon off;"],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  for (let i = 0; i < 100; i++) {
    try {
      (await Deno.connect({ hostname: "127.0.0.1", port })).close();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    conf,
    async stop() {
      child.kill("SIGTERM");
      await child.status;
      await child.stderr.cancel();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

const enc = new TextEncoder();

/** Opens a connection, runs `act` on it, and answers when (s) and how the server closed it. */
async function closedAfter(
  port: number,
  act: (conn: Deno.Conn) => Promise<void>,
  limitMs: number,
): Promise<{ seconds: number; answer: string }> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const started = performance.now();
  let stop = false;
  act(conn).catch(() => {});
  const buf = new Uint8Array(4096);
  let answer = "";
  const timer = setTimeout(() => {
    stop = true;
    conn.close();
  }, limitMs);
  try {
    for (;;) {
      const n = await conn.read(buf);
      if (n === null) break;
      answer += new TextDecoder().decode(buf.subarray(0, n));
    }
  } catch { /* reset, or closed by the timer */ }
  clearTimeout(timer);
  if (!stop) conn.close();
  return { seconds: stop ? Infinity : (performance.now() - started) / 1000, answer };
}

Deno.test("behind deploy/nginx.conf, slow and silent connections are closed", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "hc-data-" });
  const svc = await startService({
    DATA_DIR: dataDir,
    BODY_TIMEOUT_SECONDS: "5",
    TRUST_PROXY: "true",
  });
  const proxy = await startNginx(Number(new URL(svc.url).port));
  try {
    const t = shippedTimeouts(proxy.conf);
    assert.ok(t.header <= 10 && t.body <= 10 && t.idle <= 30, JSON.stringify(t));
    const limit = (Math.max(t.header, t.body, t.idle) + 5) * 1000;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const [silent, halfHeaders, trickle, idle] = await Promise.all([
      closedAfter(proxy.port, async () => {}, limit),
      closedAfter(proxy.port, async (c) => {
        await c.write(enc.encode("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
      }, limit),
      closedAfter(proxy.port, async (c) => {
        await c.write(enc.encode(
          "POST /api/auth/login/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
            "Content-Length: 100\r\n\r\n{",
        ));
        // One byte every 4 s: each within the body timeout, the whole never.
        for (let i = 0; i < 99; i++) {
          await sleep(4000);
          await c.write(enc.encode(" "));
        }
      }, limit + 40_000),
      closedAfter(proxy.port, async (c) => {
        await c.write(enc.encode("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
      }, limit),
    ]);
    console.log(
      `closed after (s): silent ${silent.seconds.toFixed(1)}, half headers ${
        halfHeaders.seconds.toFixed(1)
      }, idle ${idle.seconds.toFixed(1)}, trickled body ${trickle.seconds.toFixed(1)}`,
    );
    assert.ok(silent.seconds <= t.header + 2, `silent: ${silent.seconds} s`);
    assert.ok(halfHeaders.seconds <= t.header + 2, `half headers: ${halfHeaders.seconds} s`);
    assert.match(idle.answer, /^HTTP\/1\.1 200/);
    assert.ok(idle.seconds <= t.idle + 2, `idle: ${idle.seconds} s`);
    // Each byte beats the proxy's pause limit; the API's whole-body limit ends it.
    assert.match(trickle.answer, /^HTTP\/1\.1 408/);
    assert.ok(trickle.seconds <= 5 + 2, `trickled body: ${trickle.seconds} s`);
    const health = await fetch(`${svc.url}/healthz`);
    assert.equal(health.status, 200);
    await health.body?.cancel();
    // The proxy sets X-Forwarded-Host itself: a client's own value never reaches the links.
    const forged = await closedAfter(proxy.port, async (c) => {
      await c.write(enc.encode(
        "GET /fhir/metadata HTTP/1.1\r\nHost: clinic.test\r\nX-Forwarded-Host: evil.test\r\n" +
          "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n",
      ));
    }, limit);
    assert.match(forged.answer, /^HTTP\/1\.1 200/);
    assert.match(forged.answer, /"url":"http:\/\/clinic\.test\/fhir"/);
    assert.doesNotMatch(forged.answer, /evil\.test|https:/);
  } finally {
    await proxy.stop();
    await svc.stop();
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("behind deploy/nginx.conf, documents up to DOCUMENT_MAX_BYTES pass, other bodies keep 1 MiB", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "hc-data-" });
  const svc = await startService({ DATA_DIR: dataDir, TRUST_PROXY: "true" });
  const proxy = await startNginx(Number(new URL(svc.url).port));
  const base = `http://127.0.0.1:${proxy.port}`;
  try {
    // The proxy's limit for uploads covers the service's default DOCUMENT_MAX_BYTES.
    const uploadLimit = proxy.conf.match(/documents[^{]*\{\s*client_max_body_size (\d+)m;/);
    assert.ok(uploadLimit, "deploy/nginx.conf sets a body limit for document uploads");
    assert.ok(Number(uploadLimit[1]) * 1024 * 1024 >= 25 * 1024 * 1024 + 64 * 1024);
    const email = `proxy.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const reg = await fetch(`${base}/api/auth/register/`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Proxy Clerk", email, password: "Maple-Orbit-5521" }),
    });
    assert.equal(reg.status, 201);
    const auth = { Authorization: `Bearer ${(await reg.json()).access}` };
    const created = await fetch(`${base}/api/patients/`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Proxy Patient" }),
    });
    assert.equal(created.status, 201);
    const patient = (await created.json()).id;
    // A 24 MiB scan, sent as a browser sends a file (Content-Length).
    const scan = new Uint8Array(24 * 1024 * 1024);
    for (let at = 0; at < scan.length; at += 65536) {
      crypto.getRandomValues(scan.subarray(at, at + 65536));
    }
    scan.set(enc.encode("%PDF-1.7\n"));
    const form = new FormData();
    form.set("category", "imaging");
    form.set("file", new File([scan], "scan.pdf", { type: "application/pdf" }));
    const up = await fetch(`${base}/api/patients/${patient}/documents/`, {
      method: "POST",
      headers: auth,
      body: form,
    });
    const doc = await up.json();
    assert.equal(up.status, 201, JSON.stringify(doc));
    assert.equal(doc.size_bytes, scan.length);
    const back = await fetch(`${base}/api/documents/${doc.id}/content`, { headers: auth });
    assert.equal(back.status, 200);
    assert.deepEqual(new Uint8Array(await back.arrayBuffer()), scan);
    // Any other body over 1 MiB is refused by the proxy.
    const big = await fetch(`${base}/api/patients/`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    assert.equal(big.status, 413);
    await big.body?.cancel();
  } finally {
    await proxy.stop();
    await svc.stop();
    await Deno.remove(dataDir, { recursive: true });
  }
});
