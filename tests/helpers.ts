import { createApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { createClient } from "../db/client.ts";
import { newPgdata, startSharedPglite } from "./pglite_server.ts";
import { prepare } from "../startup.ts";
import type { Hono } from "hono";
import type { AppEnv } from "../types.ts";

/** The PostgreSQL the suite runs against; unset means the embedded database. */
export const SERVER_URL = Deno.env.get("DATABASE_URL") || undefined;

/** A fixed secret for tokens made by the in-process app. */
export const TEST_JWT_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

/** Temporary directories of this test process: removed when it ends. */
const tempDirs: string[] = [];
globalThis.addEventListener("unload", () => {
  for (const dir of tempDirs) {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch { /* already gone */ }
  }
});

/** A new temporary directory, removed when the test process ends. */
export function tempDir(prefix: string): string {
  const dir = Deno.makeTempDirSync({ prefix });
  tempDirs.push(dir);
  return dir;
}

/** Config for the in-process app, as the service would parse it. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: SERVER_URL,
    DATA_DIR: tempDir("hc-test-"),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: "silent",
    // Every in-process request comes from one address ("unknown"): the per-address sign-in
    // limits are set by the tests that check them.
    HASH_PER_ADDRESS: "1024",
    LOGIN_MAX_FAILURES_PER_ADDRESS: "100000",
    ...overrides,
  });
}

let ready: Promise<Config> | undefined;

/** Opens the suite's database once and brings it up to date. */
export function prepareDatabase(): Promise<Config> {
  ready ??= (async () => {
    const config = testConfig();
    if (!config.databaseUrl) await newPgdata(`${config.dataDir}/pgdata`);
    // Tests that deliver webhooks run the dispatcher's rounds themselves.
    return (await prepare(config, { dispatch: false })).config;
  })();
  return ready;
}

/** The application wired to the suite's database, for `app.request()`. */
export async function testApp(overrides: Record<string, string> = {}): Promise<Hono<AppEnv>> {
  const base = await prepareDatabase();
  return createApp(Object.keys(overrides).length ? testConfig(overrides) : base);
}

/** `Deno.test` for tests that share the suite's long-lived database connection. */
export function dbTest(name: string, fn: (t: Deno.TestContext) => Promise<void>): void {
  Deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });
}

/** A throwaway database reachable by URL, for tests that start real service processes. */
export interface TestDatabase {
  url: string;
  /** Whether it is one-connection-at-a-time (the embedded server). */
  embedded: boolean;
  close(): Promise<void>;
}

/** A fresh database on DATABASE_URL's server, or a fresh embedded server without it. */
export async function freshDatabase(): Promise<TestDatabase> {
  if (SERVER_URL) {
    const name = `hc_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const admin = createClient(SERVER_URL, 1);
    await admin.unsafe(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      embedded: false,
      async close() {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = await Deno.makeTempDir({ prefix: "hc-db-" });
  const server = await startSharedPglite(dir);
  return {
    url: server.url,
    embedded: true,
    async close() {
      await server.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

const ROOT = new URL("../", import.meta.url);
const PERMISSIONS = ["--allow-net", "--allow-env", "--allow-read", "--allow-write", "--allow-sys"];

/** The environment a spawned service gets: nothing of the test's own but PATH and caches. */
function childEnv(env: Record<string, string>): Record<string, string> {
  return {
    PATH: Deno.env.get("PATH") ?? "",
    HOME: Deno.env.get("HOME") ?? "/tmp",
    DENO_DIR: Deno.env.get("DENO_DIR") ?? "",
    NO_COLOR: "1",
    LOG_LEVEL: "info",
    // A developer's own .env must not change what a test starts.
    ENV_FILE: "",
    ...env,
  };
}

/** `deno <args>` in the repository with a clean environment and captured output. */
function deno(args: string[], env: Record<string, string>, cwd: string | URL = ROOT): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    clearEnv: true,
    env: childEnv(env),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  });
}

/**
 * Runs `deno run` on one of the service's entry points in a terminal of its own (through
 * `script`), so it can ask questions: `answer(prompt, text)` waits for a prompt and types.
 */
export function inTerminal(entry: string, args: string[], env: Record<string, string>) {
  const line = [Deno.execPath(), "run", ...PERMISSIONS, entry, ...args]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const child = new Deno.Command("script", {
    args: ["-qec", line, "/dev/null"],
    cwd: ROOT,
    clearEnv: true,
    env: { ...childEnv(env), TERM: "dumb" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const chunks: string[] = [];
  const out = drain(child.stdout, chunks);
  const err = drain(child.stderr, chunks);
  const writer = child.stdin.getWriter();
  let seen = 0;
  return {
    output: () => chunks.join(""),
    /** Waits (up to 30 s) until `prompt` appears after the last answer, then types `text`. */
    async answer(prompt: string, text: string): Promise<void> {
      const found = await within(30_000, () => {
        const at = chunks.join("").indexOf(prompt, seen);
        if (at >= 0) seen = at + prompt.length;
        return Promise.resolve(at >= 0);
      });
      if (found < 0) throw new Error(`no "${prompt}" prompt:\n${chunks.join("")}`);
      await writer.write(new TextEncoder().encode(`${text}\r`));
    },
    async done(): Promise<number> {
      await writer.close().catch(() => {});
      const status = await child.status;
      await Promise.all([out, err]);
      return status.code;
    },
  };
}

/** Runs `deno run` on one of the service's entry points with a clean environment. */
export function denoCommand(entry: string, args: string[], env: Record<string, string>) {
  return deno(["run", ...PERMISSIONS, entry, ...args], env);
}

/** A service process started by a test. */
export interface ServiceProcess {
  url: string;
  child: Deno.ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Whether the process has ended. */
  exited(): boolean;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: Deno.Signal): Promise<number>;
}

/** Collects a stream's text into `sink` until it ends. */
async function drain(stream: ReadableStream<Uint8Array>, sink: string[]): Promise<void> {
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) sink.push(chunk);
}

/** Spawns `deno <args>` in the repository and waits until its output names a port. */
export async function spawnServer(
  args: string[],
  env: Record<string, string>,
  listening: RegExp,
  cwd?: string,
): Promise<ServiceProcess> {
  const child = deno(args, env, cwd).spawn();
  let ended = false;
  child.status.then(() => ended = true);
  const chunks: string[] = [];
  const out = drain(child.stdout, chunks);
  const err = drain(child.stderr, chunks);
  const output = () => chunks.join("");
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!url) {
    const m = output().match(listening);
    if (m) url = `http://127.0.0.1:${m[1]}`;
    else if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await child.status;
      throw new Error(`service did not start:\n${output()}`);
    } else {
      const exited = await Promise.race([
        child.status.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 50)),
      ]);
      if (exited) throw new Error(`service exited at start:\n${output()}`);
    }
  }
  return {
    url,
    child,
    output,
    exited: () => ended,
    async stop(signal: Deno.Signal = "SIGTERM") {
      try {
        child.kill(signal);
      } catch { /* already gone */ }
      const status = await child.status;
      await Promise.all([out, err]);
      return status.code;
    },
  };
}

/** What `deno task start` runs, without `deno`: its V8 limits and permissions included. */
export async function startTaskArgs(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  const args = (config.tasks.start as string).split(/\s+/);
  if (args[0] !== "deno") throw new Error("deno task start does not run deno");
  return args.slice(1);
}

/** Starts what `deno task start` runs on an ephemeral port; waits until ready. */
export async function startService(
  env: Record<string, string>,
  { ready = true } = {},
): Promise<ServiceProcess> {
  const svc = await spawnServer(
    await startTaskArgs(),
    { PORT: "0", HOST: "127.0.0.1", ...env },
    /"msg":"listening","url":"http:\/\/[^:]+:(\d+)"/,
  );
  if (ready) await waitReady(svc);
  return svc;
}

/**
 * Waits until `/readyz` answers 200 (the service listens before its database is ready);
 * fails at once when the process ends instead.
 */
export async function waitReady(svc: ServiceProcess, ms = 60_000): Promise<void> {
  const took = await within(ms, async () => {
    // Its output is complete once both streams end, shortly after the exit.
    if (svc.exited()) {
      await new Promise((r) => setTimeout(r, 100));
      throw new Error(`service exited before it was ready:\n${svc.output()}`);
    }
    const res = await fetch(`${svc.url}/readyz`).catch(() => undefined);
    await res?.body?.cancel();
    return res?.status === 200;
  });
  if (took < 0) throw new Error(`service not ready within ${ms} ms:\n${svc.output()}`);
}

/** The Dockerfile's CMD (`deno serve --parallel …`) without `deno`, on an ephemeral port. */
export async function containerCommand(): Promise<string[]> {
  const dockerfile = await Deno.readTextFile(new URL("../Dockerfile", import.meta.url));
  const cmd = JSON.parse(dockerfile.match(/^CMD (\[.*\])$/m)![1]) as string[];
  if (cmd[0] !== "deno") throw new Error("the Dockerfile's CMD does not run deno");
  const args = cmd.slice(1);
  args[args.indexOf("--port") + 1] = "0";
  return args;
}

/** Starts the container's command (`deno serve --parallel`) and waits until it is ready. */
export async function startContainerCommand(env: Record<string, string>): Promise<ServiceProcess> {
  const svc = await spawnServer(
    await containerCommand(),
    { HOST: "127.0.0.1", ...env },
    /Listening on https?:\/\/[^:]+:(\d+)/,
  );
  await waitReady(svc);
  return svc;
}

/** The two ways the service runs: `deno task start`, and the container's `deno serve --parallel`. */
export type ServeMode = "start" | "serve";

/** Starts the service the way `mode` runs it and waits until it is ready. */
export function startMode(mode: ServeMode, env: Record<string, string>): Promise<ServiceProcess> {
  return mode === "serve" ? startContainerCommand(env) : startService(env);
}

/**
 * Runs `fn` against the service in `mode` on a fresh database, then stops both; answers
 * the exit code of the stop and what the service wrote.
 */
export async function onFreshService(
  mode: ServeMode,
  fn: (svc: ServiceProcess) => Promise<void>,
): Promise<{ code: number; output: string }> {
  const db = await freshDatabase();
  try {
    const svc = await startMode(mode, { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET });
    try {
      await fn(svc);
    } catch (err) {
      await svc.stop();
      throw err;
    }
    return { code: await svc.stop(), output: svc.output() };
  } finally {
    await db.close();
  }
}

/** Runs a command to completion and returns its exit code and combined output. */
export async function runToEnd(cmd: Deno.Command): Promise<{ code: number; output: string }> {
  const result = await cmd.output();
  const dec = new TextDecoder();
  return { code: result.code, output: dec.decode(result.stdout) + dec.decode(result.stderr) };
}

/** A JSON request for `app.request()`. */
export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/** A loopback TCP proxy a test can cut and restore, to play a database outage. */
export class TcpProxy {
  #listener?: Deno.Listener;
  #conns = new Set<Deno.Conn>();
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => {};
  port = 0;
  /** When set, a connection whose client sends a chunk it accepts is dropped, unsent. */
  cutOn: ((chunk: Uint8Array) => boolean) | undefined;

  constructor(readonly target: { hostname: string; port: number }) {}

  /** Listens (again) on the same port; forwards every connection to the target. */
  start(): void {
    this.#listener = Deno.listen({ hostname: "127.0.0.1", port: this.port });
    this.port = (this.#listener.addr as Deno.NetAddr).port;
    const listener = this.#listener;
    (async () => {
      for await (const client of listener) {
        Deno.connect(this.target).then((server) => {
          this.#conns.add(client);
          this.#conns.add(server);
          const close = () => {
            for (const c of [client, server]) {
              this.#conns.delete(c);
              try {
                c.close();
              } catch { /* closed */ }
            }
          };
          this.#pump(client, server, true).catch(() => {}).finally(close);
          this.#pump(server, client, false).catch(() => {}).finally(close);
        }, () => client.close());
      }
    })().catch(() => {});
  }

  async #pump(from: Deno.Conn, to: Deno.Conn, upstream: boolean): Promise<void> {
    const writer = to.writable.getWriter();
    for await (const chunk of from.readable) {
      if (upstream && this.cutOn?.(chunk)) throw new Error("cut");
      await this.#gate;
      await writer.write(chunk);
    }
  }

  /** Holds every byte in both directions until `resume()`, like a stalled database. */
  pause(): void {
    this.#gate = new Promise((resolve) => this.#open = resolve);
  }

  /** Lets held and new bytes through again. */
  resume(): void {
    this.#open();
    this.#gate = Promise.resolve();
  }

  /** Refuses new connections and drops the open ones, like a stopped server. */
  stop(): void {
    this.#listener?.close();
    this.#listener = undefined;
    for (const c of this.#conns) {
      try {
        c.close();
      } catch { /* closed */ }
    }
    this.#conns.clear();
  }

  /** The database URL that goes through this proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = "127.0.0.1";
    url.port = String(this.port);
    return url.toString();
  }
}

/** One JSON request to a running service: its status and parsed body. */
export async function callJson(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  // deno-lint-ignore no-explicit-any
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A new account on the service at `url` (a made-up email from `name`), signed in. */
export async function registerOn(
  url: string,
  name: string,
): Promise<{ id: number; token: string; email: string }> {
  const email = `${name}.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await callJson(url, "POST", "/api/auth/register/", undefined, {
    name,
    email,
    password: "Copper-Kettle-1182",
  });
  if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
  return { id: res.body.user.id as number, token: res.body.access as string, email };
}

/** Polls `check` until it is true or `ms` pass; answers how long it took, or -1. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await check()) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  return -1;
}
