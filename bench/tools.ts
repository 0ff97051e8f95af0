// What the bench scripts share: a throwaway database, wrk runs and service processes.
import { createClient } from "../db/client.ts";

export const ROOT = new URL("../", import.meta.url);

/** `deno task start`'s V8 limits (the Dockerfile's too): the bench runs the service under them. */
export const START_V8_FLAGS: string = JSON.parse(
  await Deno.readTextFile(new URL("deno.json", ROOT)),
).tasks.start.match(/--v8-flags=(\S+)/)[1];

export function log(msg: string) {
  console.error(`[bench] ${msg}`);
}

/** A database created for the run on `serverUrl`'s server, and dropped by `drop`. */
export async function createDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = createClient(serverUrl, 1);
  const name = `bench_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** What one wrk run measured: latencies in ms. */
export interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

/** wrk's `12.5ms`, `830us` or `1.2s` in ms. */
function ms(value: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
}

/** A load for wrk: every request of it cycles through `paths` (and `bodies`, in step). */
export interface WrkLoad {
  name: string;
  method: string;
  paths: string[];
  token?: string;
  /** Tokens the requests take turns with (many users), instead of `token`. */
  tokens?: string[];
}

/** Runs wrk with bench/load.lua against `base`; its files go under `work`. */
export async function runWrk(
  base: string,
  c: WrkLoad,
  o: { bodies?: string[]; seconds: number; connections: number; threads: number; work: string },
): Promise<Result> {
  const file = async (kind: string, lines: string[]) => {
    const path = `${o.work}/${c.name.replace(/\W+/g, "_")}-${kind}-${
      crypto.randomUUID().slice(0, 6)
    }.txt`;
    await Deno.writeTextFile(path, lines.join("\n") + "\n");
    return path;
  };
  const env: Record<string, string> = {
    BENCH_METHOD: c.method,
    BENCH_PATHS: await file("paths", c.paths),
    BENCH_BODIES: o.bodies ? await file("bodies", o.bodies) : "",
    BENCH_TOKEN: c.token ?? "",
    BENCH_TOKENS: c.tokens ? await file("tokens", c.tokens) : "",
    BENCH_THREADS: String(o.threads),
  };
  const out = await new Deno.Command("wrk", {
    args: [
      ...["-t", String(o.threads), "-c", String(o.connections), "-d", `${o.seconds}s`],
      ...["--timeout", "10s", "--latency", "-s", new URL("bench/load.lua", ROOT).pathname, base],
    ],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (out.code !== 0) throw new Error(`wrk failed:\n${text}`);
  const pick = (re: RegExp) => text.match(re)?.[1];
  const socket = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: ms(pick(/^\s+50%\s+(\S+)/m) ?? ""),
    p99: ms(pick(/^\s+99%\s+(\S+)/m) ?? ""),
    errors: Number(pick(/Non-2xx or 3xx responses: (\d+)/) ?? 0) +
      (socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0),
    requests: Number(pick(/(\d+) requests in/)),
  };
}

/** A process the bench started, answering on `base`. */
export interface Server {
  pid: number;
  base: string;
  stop(): Promise<void>;
}

export function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** Starts `deno <args>` (`$PORT` replaced by a free port) and waits until `probe` answers 2xx. */
export async function start(
  args: string[],
  env: Record<string, string>,
  probe: string,
): Promise<Server> {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: args.map((a) => a === "$PORT" ? String(port) : a),
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdin: "null",
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${base}${probe}`);
      await res.body?.cancel();
      if (res.ok) break;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: child.pid,
    base,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await child.status;
      clearTimeout(timer);
    },
  };
}
