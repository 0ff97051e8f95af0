/**
 * `deno task cluster`: a highly available PostgreSQL on this machine, for trying failover and
 * for the tests that cause it. One etcd, two or three PostgreSQL nodes under Patroni with
 * synchronous replication, and HAProxy routing to the leader by Patroni's health checks, all
 * on loopback, on free ports, in one directory. Nothing is installed: the Debian packages
 * `patroni`, `etcd-server` and `haproxy` must be present.
 *
 *   deno task cluster up [--dir D] [--nodes 2|3] [--ttl 8] [--loop-wait 1] [--retry-timeout 3]
 *   deno task cluster status --dir D        JSON, one object per node
 *   deno task cluster failover --dir D [--mode node|postmaster]
 *   deno task cluster switchover --dir D
 *   deno task cluster down --dir D [--keep]
 *
 * `up` on a directory that holds a cluster starts what is not running (a node killed by
 * `failover` rejoins as a replica, rewound with pg_rewind when it has diverged). Its last two
 * lines are `DATABASE_URL_MULTIHOST=…` and `DATABASE_URL_HAPROXY=…`.
 */
import { parseArgs } from "node:util";
import { binDir, freePort } from "../tests/pg_cluster.ts";

/** The Debian package of each program the cluster runs. */
const PROGRAMS: Record<string, string> = {
  "/usr/bin/patroni": "patroni",
  "/usr/bin/etcd": "etcd-server",
  "/usr/sbin/haproxy": "haproxy",
};

/** Debian packages the cluster needs that are not installed. */
export function missingPackages(): string[] {
  const missing: string[] = [];
  for (const [path, pkg] of Object.entries(PROGRAMS)) {
    try {
      Deno.statSync(path);
    } catch {
      missing.push(pkg);
    }
  }
  return missing;
}

/** The database the service uses on the cluster. */
const DATABASE = "healthcare";

/** Patroni's timing (seconds): `loop_wait + 2 × retry_timeout ≤ ttl`. */
export interface Timing {
  /** How long the leader key lives without renewal: a lost node is replaced after about this. */
  ttl: number;
  /** How often each Patroni runs its loop. */
  loopWait: number;
  /** How long Patroni retries etcd and PostgreSQL before it gives up its role. */
  retryTimeout: number;
}

export const DEFAULT_TIMING: Timing = { ttl: 8, loopWait: 1, retryTimeout: 3 };

interface NodeState {
  name: string;
  pgPort: number;
  apiPort: number;
  /** The node's directory (configuration, logs); its data directory is `data` inside. */
  dir: string;
}

/** What `up` writes to `cluster.json` in the directory, for the other commands. */
interface State {
  dir: string;
  /** `up` made the directory itself: `down` removes it. */
  temporary: boolean;
  scope: string;
  etcd: { clientPort: number; peerPort: number };
  haproxy: { primaryPort: number; replicaPort: number };
  timing: Timing;
  nodes: NodeState[];
}

/** One line of `status`. */
export interface NodeStatus {
  name: string;
  /** `leader`, `replica`, or `down` when neither its Patroni nor the cluster reports it running. */
  role: "leader" | "replica" | "down";
  /** Patroni's state of the node (`running`, `streaming`, `stopped`, …), or null. */
  state: string | null;
  host: string;
  port: number;
  data_dir: string;
  api: string;
  patroni_pid: number | null;
}

const isRoot = Deno.uid?.() === 0;
const HOST = "127.0.0.1";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether process `pid` runs; a zombie (ended, not yet collected by its parent) does not.
 * Asked of `ps`: reading /proc of other processes needs more than `deno task test` grants.
 */
export function alive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  const out = new Deno.Command("ps", { args: ["-o", "stat=", "-p", String(pid)] }).outputSync();
  const stat = new TextDecoder().decode(out.stdout).trim();
  return out.success && stat !== "" && !stat.startsWith("Z");
}

function readPid(file: string): number | null {
  try {
    const pid = Number(Deno.readTextFileSync(file).split("\n")[0].trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Starts `cmd` in a session of its own, detached from this process, its output appended to
 * `log`; as the `postgres` user when `asPostgres` and this process is root (PostgreSQL
 * refuses root). The shell writes its own pid to `pidFile` and then execs the command, so the
 * file holds the command's pid whether or not `setsid` had to fork first.
 */
async function spawnDetached(
  cmd: string[],
  log: string,
  pidFile: string,
  asPostgres: boolean,
): Promise<number> {
  const argv = asPostgres && isRoot
    ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", ...cmd]
    : cmd;
  await Deno.remove(pidFile).catch(() => {});
  const child = new Deno.Command("setsid", {
    args: ["sh", "-c", 'echo $$ > "$1"; shift; exec "$@" >>"$0" 2>&1', log, pidFile, ...argv],
    stdin: "null",
    stdout: "null",
    stderr: "null",
    env: {
      PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
      HOME: asPostgres ? "/tmp" : Deno.env.get("HOME") ?? "/tmp",
    },
    clearEnv: true,
  }).spawn();
  child.unref();
  // Collects the exit status when it ends, so a process that ends leaves no zombie behind.
  child.status.catch(() => {});
  let pid: number | null = null;
  await waitFor(
    `${cmd[0]} to start`,
    10_000,
    () => Promise.resolve((pid = readPid(pidFile)) !== null),
  );
  return pid!;
}

/** Processes whose command line names a path inside `dir` (what is left of a cluster). */
function processesIn(dir: string): number[] {
  // One listing: pid, state (Z: a zombie, already ended) and command line.
  const out = new Deno.Command("ps", { args: ["-eo", "pid=,stat=,args="] }).outputSync();
  return new TextDecoder().decode(out.stdout).split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(\S+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m && !m[2].startsWith("Z") && m[3].includes(`${dir}/`))
    .map((m) => Number(m[1]))
    .filter((pid) => pid !== Deno.pid);
}

async function chownToPostgres(path: string): Promise<void> {
  if (!isRoot) return;
  const out = await new Deno.Command("chown", { args: ["-R", "postgres:postgres", path] })
    .output();
  if (!out.success) throw new Error(`chown ${path} failed`);
}

async function getJson(url: string, timeoutMs = 2000): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Waits until `check` answers true, polling every 200 ms; throws `what` after `ms`. */
async function waitFor(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s: ${what}`);
    await pause(200);
  }
}

function statePath(dir: string): string {
  return `${dir}/cluster.json`;
}

export async function loadState(dir: string): Promise<State> {
  try {
    return JSON.parse(await Deno.readTextFile(statePath(dir)));
  } catch {
    throw new Error(`no cluster in ${dir} (run: deno task cluster up --dir ${dir})`);
  }
}

/** The connection strings of each routing style. */
export function urls(state: State): { multihost: string; haproxy: string; replicas: string } {
  const hosts = state.nodes.map((n) => `${HOST}:${n.pgPort}`).join(",");
  return {
    multihost: `postgres://postgres@${hosts}/${DATABASE}?target_session_attrs=read-write`,
    haproxy: `postgres://postgres@${HOST}:${state.haproxy.primaryPort}/${DATABASE}`,
    replicas: `postgres://postgres@${HOST}:${state.haproxy.replicaPort}/${DATABASE}`,
  };
}

function patroniConfig(state: State, node: NodeState): Record<string, unknown> {
  const { ttl, loopWait, retryTimeout } = state.timing;
  return {
    scope: state.scope,
    name: node.name,
    log: { level: "INFO" },
    restapi: {
      listen: `${HOST}:${node.apiPort}`,
      connect_address: `${HOST}:${node.apiPort}`,
    },
    etcd3: { hosts: [`${HOST}:${state.etcd.clientPort}`] },
    bootstrap: {
      dcs: {
        ttl,
        loop_wait: loopWait,
        retry_timeout: retryTimeout,
        // A replica further behind than this may not be promoted.
        maximum_lag_on_failover: 1048576,
        // A commit is answered only once the synchronous standby has it.
        synchronous_mode: true,
        // A crashed primary is failed over at once instead of restarted in place (default 300 s).
        primary_start_timeout: 0,
        postgresql: {
          use_pg_rewind: true,
          use_slots: true,
          parameters: {
            wal_level: "replica",
            hot_standby: "on",
            wal_log_hints: "on",
            max_wal_senders: 10,
            max_replication_slots: 10,
            max_connections: 100,
            wal_keep_size: "128MB",
          },
        },
      },
      initdb: [{ encoding: "UTF8" }, { locale: "C.UTF-8" }],
    },
    postgresql: {
      listen: `${HOST}:${node.pgPort}`,
      connect_address: `${HOST}:${node.pgPort}`,
      data_dir: `${node.dir}/data`,
      bin_dir: binDir(),
      pgpass: `${node.dir}/pgpass`,
      // A new replica copies the leader at once (the default checkpoint is spread over minutes).
      basebackup: [{ checkpoint: "fast" }],
      authentication: {
        superuser: { username: "postgres", password: "postgres" },
        replication: { username: "replicator", password: "replicator" },
        rewind: { username: "postgres", password: "postgres" },
      },
      parameters: {
        unix_socket_directories: node.dir,
        shared_buffers: "32MB",
        // Test clusters on a shared machine: a node's crash is simulated, not its disk's.
        fsync: "off",
      },
      pg_hba: [
        "local all all trust",
        `host all all ${HOST}/32 trust`,
        `host replication all ${HOST}/32 trust`,
      ],
    },
  };
}

function haproxyConfig(state: State): string {
  const servers = (check: string) =>
    state.nodes.map((n) => `  server ${n.name} ${HOST}:${n.pgPort} check port ${n.apiPort}`)
      .map((line) => line + check);
  return [
    "global",
    "  maxconn 2000",
    "defaults",
    "  mode tcp",
    "  timeout connect 2s",
    "  timeout client 30m",
    "  timeout server 30m",
    "  timeout check 1s",
    // A refused connection fails at once (the service answers 503 and the client retries)
    // rather than after HAProxy's one-second pause before trying the same server again.
    "  retries 0",
    // Checked twice a second, a server marked down ten times a second (the new primary is
    // found fast); marked down after 2 failures, up after 1 success; the sessions of a server
    // marked down are cut, so no client keeps talking to a demoted primary.
    "  default-server inter 500ms fastinter 100ms downinter 100ms fall 2 rise 1 " +
    "on-marked-down shutdown-sessions",
    "listen primary",
    `  bind ${HOST}:${state.haproxy.primaryPort}`,
    "  option httpchk GET /primary",
    "  http-check expect status 200",
    ...servers(""),
    "listen replicas",
    `  bind ${HOST}:${state.haproxy.replicaPort}`,
    "  balance roundrobin",
    "  option httpchk GET /replica",
    "  http-check expect status 200",
    ...servers(""),
    "",
  ].join("\n");
}

/** The Patroni view of the cluster from the first node that answers, or null. */
async function clusterView(
  state: State,
): Promise<{ members: { name: string; role: string; state: string }[] } | null> {
  for (const node of state.nodes) {
    try {
      const view = await getJson(`http://${HOST}:${node.apiPort}/cluster`) as {
        members?: { name: string; role: string; state: string }[];
      };
      if (Array.isArray(view?.members)) return { members: view.members };
    } catch { /* try the next node */ }
  }
  return null;
}

export async function status(dir: string): Promise<NodeStatus[]> {
  const state = await loadState(dir);
  // A node busy for a moment (a loaded machine) may not answer; ask once more before
  // reporting every node down.
  const view = await clusterView(state) ??
    await pause(500).then(() => clusterView(state));
  return state.nodes.map((node) => {
    const member = view?.members.find((m) => m.name === node.name);
    const pid = readPid(`${node.dir}/patroni.pid`);
    const runs = alive(pid);
    const running = member && ["running", "streaming"].includes(member.state);
    return {
      name: node.name,
      role: !running || !runs ? "down" : member.role === "leader" ? "leader" : "replica",
      state: member?.state ?? null,
      host: HOST,
      port: node.pgPort,
      data_dir: `${node.dir}/data`,
      api: `http://${HOST}:${node.apiPort}`,
      patroni_pid: runs ? pid : null,
    };
  });
}

/** The current leader's name, or null while there is none. */
export async function leader(dir: string): Promise<string | null> {
  return (await status(dir)).find((n) => n.role === "leader")?.name ?? null;
}

async function startEtcd(state: State): Promise<void> {
  const pidFile = `${state.dir}/etcd.pid`;
  if (alive(readPid(pidFile))) return;
  const { clientPort, peerPort } = state.etcd;
  await spawnDetached(
    [
      "/usr/bin/etcd",
      "--name",
      "etcd1",
      "--data-dir",
      `${state.dir}/etcd`,
      "--listen-client-urls",
      `http://${HOST}:${clientPort}`,
      "--advertise-client-urls",
      `http://${HOST}:${clientPort}`,
      "--listen-peer-urls",
      `http://${HOST}:${peerPort}`,
      "--initial-advertise-peer-urls",
      `http://${HOST}:${peerPort}`,
      "--initial-cluster",
      `etcd1=http://${HOST}:${peerPort}`,
      "--initial-cluster-token",
      state.scope,
    ],
    `${state.dir}/etcd.log`,
    pidFile,
    false,
  );
}

async function startNode(node: NodeState): Promise<void> {
  const pidFile = `${node.dir}/patroni.pid`;
  if (alive(readPid(pidFile))) return;
  // A postmaster left behind by a killed Patroni is stopped first; Patroni starts its own.
  const postmaster = readPid(`${node.dir}/data/postmaster.pid`);
  if (alive(postmaster)) {
    Deno.kill(postmaster!, "SIGKILL");
    await waitFor(
      `old postmaster of ${node.name} to exit`,
      10_000,
      () => Promise.resolve(!alive(postmaster)),
    );
  }
  await spawnDetached(
    ["/usr/bin/python3", "/usr/bin/patroni", `${node.dir}/patroni.yml`],
    `${node.dir}/patroni.log`,
    pidFile,
    true,
  );
}

async function startHaproxy(state: State): Promise<void> {
  const pidFile = `${state.dir}/haproxy.pid`;
  if (alive(readPid(pidFile))) return;
  // -db: stays in the foreground of its own session, so the pid is HAProxy's.
  await spawnDetached(
    ["/usr/sbin/haproxy", "-db", "-f", `${state.dir}/haproxy.cfg`],
    `${state.dir}/haproxy.log`,
    pidFile,
    false,
  );
}

async function psql(port: number, db: string, sqlText: string): Promise<string> {
  const args = ["-h", HOST, "-p", String(port), "-U", "postgres", "-d", db, "-Atqc", sqlText];
  const out = await new Deno.Command(`${binDir()}/psql`, {
    args,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`psql on ${port}: ${text.trim()}`);
  return text.trim();
}

/** Options of `up` for a new cluster. */
export interface UpOptions {
  dir?: string;
  nodes?: number;
  timing?: Timing;
}

/**
 * Starts a new cluster in `dir` (a new temporary directory by default), or what is not running
 * of the cluster already there; waits until it has a leader, a streaming synchronous standby
 * per other live node, and HAProxy routes to the leader. Answers the directory.
 */
export async function up(opts: UpOptions = {}): Promise<string> {
  const missing = missingPackages();
  if (missing.length) {
    throw new Error(
      `the cluster needs the Debian packages ${missing.join(", ")} ` +
        `(apt-get install -y ${missing.join(" ")})`,
    );
  }
  let state: State;
  const existing = opts.dir ? await loadState(opts.dir).catch(() => null) : null;
  if (existing) {
    state = existing;
  } else {
    const temporary = !opts.dir;
    const dir = opts.dir ?? await Deno.makeTempDir({ prefix: "hc-ha-" });
    await Deno.mkdir(dir, { recursive: true });
    // The nodes run as the postgres user, who must reach their directories inside.
    await Deno.chmod(dir, 0o755);
    const count = opts.nodes ?? 2;
    if (count < 2 || count > 3) throw new Error("--nodes must be 2 or 3");
    const timing = opts.timing ?? DEFAULT_TIMING;
    if (timing.loopWait + 2 * timing.retryTimeout > timing.ttl) {
      throw new Error("Patroni needs loop_wait + 2 × retry_timeout ≤ ttl");
    }
    state = {
      dir,
      temporary,
      scope: `hc-${crypto.randomUUID().slice(0, 8)}`,
      etcd: { clientPort: freePort(), peerPort: freePort() },
      haproxy: { primaryPort: freePort(), replicaPort: freePort() },
      timing,
      nodes: Array.from({ length: count }, (_, i) => ({
        name: `pg${i + 1}`,
        pgPort: freePort(),
        apiPort: freePort(),
        dir: `${dir}/pg${i + 1}`,
      })),
    };
    for (const node of state.nodes) {
      await Deno.mkdir(node.dir, { recursive: true, mode: 0o700 });
      await Deno.writeTextFile(
        `${node.dir}/patroni.yml`,
        JSON.stringify(patroniConfig(state, node), null, 2), // JSON is YAML
      );
      await chownToPostgres(node.dir);
    }
    await Deno.writeTextFile(`${dir}/haproxy.cfg`, haproxyConfig(state));
    await Deno.writeTextFile(statePath(dir), JSON.stringify(state, null, 2) + "\n");
  }
  try {
    await start(state, !existing);
  } catch (err) {
    const tails = await logTails(state);
    // A new cluster that did not come up is stopped, its logs shown.
    if (!existing) await down(state.dir, !state.temporary);
    throw new Error(`${(err as Error).message}\n${tails}`);
  }
  return state.dir;
}

/** The last lines of each log of the cluster, for an error message. */
async function logTails(state: State): Promise<string> {
  const logs = [`${state.dir}/etcd.log`, ...state.nodes.map((n) => `${n.dir}/patroni.log`)];
  const parts: string[] = [];
  for (const log of logs) {
    const text = await Deno.readTextFile(log).catch(() => "");
    parts.push(`--- ${log}\n${text.trimEnd().split("\n").slice(-15).join("\n")}`);
  }
  return parts.join("\n");
}

/** Starts what is not running; `first`: the cluster is new, its first node bootstraps it. */
async function start(state: State, first: boolean): Promise<void> {
  await startEtcd(state);
  await waitFor("etcd to answer", 20_000, async () => {
    const health = await getJson(`http://${HOST}:${state.etcd.clientPort}/health`) as {
      health?: string;
    };
    return health?.health === "true";
  });
  // The first node bootstraps alone; the others then copy it (pg_basebackup) as replicas.
  for (const [i, node] of state.nodes.entries()) {
    await startNode(node);
    if (first && i === 0) {
      await waitFor(
        "the first node to lead",
        60_000,
        async () => (await leader(state.dir)) === node.name,
      );
      await psql(node.pgPort, "postgres", `create database ${DATABASE}`);
    }
  }
  await waitFor("a leader and every node running", 120_000, async () => {
    const nodes = await status(state.dir);
    return nodes.filter((n) => n.role === "leader").length === 1 &&
      nodes.every((n) => n.role !== "down");
  });
  await waitFor("a synchronous standby", 60_000, async () => {
    const view = await clusterView(state);
    return !!view?.members.some((m) => m.role === "sync_standby");
  });
  await startHaproxy(state);
  await waitFor(
    "HAProxy to route to the leader",
    20_000,
    async () =>
      (await psql(state.haproxy.primaryPort, DATABASE, "select pg_is_in_recovery()")) === "f",
  );
}

/**
 * Waits until the cluster can lose its leader without losing a commit: a leader and a
 * synchronous standby, both running; answers the leader's name. Patroni promotes only the synchronous standby, so a
 * fault before then (a replica still rejoining, say) would leave the cluster without a leader.
 */
export async function healthy(dir: string, ms = 60_000): Promise<string> {
  const state = await loadState(dir);
  let name = "";
  await waitFor("a leader and a synchronous standby, both running", ms, async () => {
    const view = await clusterView(state);
    const running = (role: string) =>
      view?.members.find((m) => m.role === role && ["running", "streaming"].includes(m.state));
    const lead = running("leader");
    if (!lead || !running("sync_standby")) return false;
    name = lead.name;
    return true;
  });
  return name;
}

/** Waits until a node other than `old` leads, and answers it. */
async function newLeader(dir: string, old: string, ms = 60_000): Promise<string> {
  let name: string | null = null;
  await waitFor(`a new leader in place of ${old}`, ms, async () => {
    name = await leader(dir);
    return name !== null && name !== old;
  });
  return name!;
}

/** The leader's node, once the cluster is healthy (one view of it: see `healthy`). */
async function healthyLeader(dir: string): Promise<NodeState> {
  const name = await healthy(dir);
  return (await loadState(dir)).nodes.find((n) => n.name === name)!;
}

/**
 * Loses the leader: `node` kills its Patroni and its postmaster (`kill -9`, as when the
 * machine dies), `postmaster` only its postmaster. Answers the old and the new leader and the
 * seconds until the new one was elected.
 */
export async function failover(
  dir: string,
  mode: "node" | "postmaster" = "node",
): Promise<{ old: string; leader: string; seconds: number }> {
  const node = await healthyLeader(dir);
  const old = node.name;
  const postmaster = readPid(`${node.dir}/data/postmaster.pid`);
  const patroni = readPid(`${node.dir}/patroni.pid`);
  const started = performance.now();
  if (mode === "node" && alive(patroni)) Deno.kill(patroni!, "SIGKILL");
  if (alive(postmaster)) Deno.kill(postmaster!, "SIGKILL");
  if (mode === "node") {
    // Its backends end with the postmaster; wait, so nothing of the node is left answering.
    await waitFor(
      "the lost node's processes to end",
      10_000,
      () => Promise.resolve(!alive(postmaster) && !alive(patroni)),
    );
  }
  const next = await newLeader(dir, old);
  return { old, leader: next, seconds: (performance.now() - started) / 1000 };
}

/** A planned switchover through Patroni's REST API: the synchronous standby takes over. */
export async function switchover(
  dir: string,
): Promise<{ old: string; leader: string; seconds: number }> {
  const node = await healthyLeader(dir);
  const old = node.name;
  const started = performance.now();
  const res = await fetch(`http://${HOST}:${node.apiPort}/switchover`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ leader: old }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`switchover refused (${res.status}): ${text.trim()}`);
  const next = await newLeader(dir, old);
  return { old, leader: next, seconds: (performance.now() - started) / 1000 };
}

async function stopPid(pid: number | null, signal: Deno.Signal, ms: number): Promise<void> {
  if (!alive(pid)) return;
  try {
    Deno.kill(pid!, signal);
  } catch { /* gone */ }
  const deadline = Date.now() + ms;
  while (alive(pid) && Date.now() < deadline) await pause(100);
  if (alive(pid)) {
    try {
      Deno.kill(pid!, "SIGKILL");
    } catch { /* gone */ }
    while (alive(pid)) await pause(50);
  }
}

/** Stops everything of the cluster; removes its directory unless `keep` (or it was given). */
export async function down(dir: string, keep = false): Promise<void> {
  const state = await loadState(dir);
  await stopPid(readPid(`${dir}/haproxy.pid`), "SIGTERM", 5000);
  // Patroni stops its PostgreSQL on SIGTERM; a postmaster left without its Patroni is stopped too.
  await Promise.all(state.nodes.map(async (node) => {
    await stopPid(readPid(`${node.dir}/patroni.pid`), "SIGTERM", 20_000);
    await stopPid(readPid(`${node.dir}/data/postmaster.pid`), "SIGQUIT", 10_000);
  }));
  await stopPid(readPid(`${dir}/etcd.pid`), "SIGTERM", 5000);
  // Anything of the cluster still running (a process whose pid file went astray) goes too.
  for (const pid of processesIn(dir)) await stopPid(pid, "SIGKILL", 5000);
  if (state.temporary && !keep) await Deno.remove(dir, { recursive: true });
}

if (import.meta.main) {
  const { values: flags, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      dir: { type: "string" },
      nodes: { type: "string", default: "2" },
      ttl: { type: "string", default: String(DEFAULT_TIMING.ttl) },
      "loop-wait": { type: "string", default: String(DEFAULT_TIMING.loopWait) },
      "retry-timeout": { type: "string", default: String(DEFAULT_TIMING.retryTimeout) },
      mode: { type: "string", default: "node" },
      keep: { type: "boolean", default: false },
    },
  });
  const command = positionals[0];
  const needDir = () => {
    if (!flags.dir) {
      console.error(`deno task cluster ${command} needs --dir D (the directory \`up\` printed)`);
      Deno.exit(2);
    }
    return flags.dir;
  };
  try {
    if (command === "up") {
      const dir = await up({
        dir: flags.dir,
        nodes: Number(flags.nodes),
        timing: {
          ttl: Number(flags.ttl),
          loopWait: Number(flags["loop-wait"]),
          retryTimeout: Number(flags["retry-timeout"]),
        },
      });
      const u = urls(await loadState(dir));
      console.log(`CLUSTER_DIR=${dir}`);
      console.log(`DATABASE_REPLICA_URL_HAPROXY=${u.replicas}`);
      console.log(`DATABASE_URL_MULTIHOST=${u.multihost}`);
      console.log(`DATABASE_URL_HAPROXY=${u.haproxy}`);
    } else if (command === "status") {
      console.log(JSON.stringify(await status(needDir()), null, 2));
    } else if (command === "failover") {
      if (flags.mode !== "node" && flags.mode !== "postmaster") {
        throw new Error("--mode must be node or postmaster");
      }
      const r = await failover(needDir(), flags.mode);
      console.log(
        `${r.old} lost (${flags.mode}); ${r.leader} leads after ${r.seconds.toFixed(1)} s`,
      );
      console.log(`restart the lost node as a replica: deno task cluster up --dir ${flags.dir}`);
    } else if (command === "switchover") {
      const r = await switchover(needDir());
      console.log(`${r.old} handed over; ${r.leader} leads after ${r.seconds.toFixed(1)} s`);
    } else if (command === "down") {
      await down(needDir(), flags.keep);
    } else {
      console.error("usage: deno task cluster up|status|failover|switchover|down [--dir D]");
      Deno.exit(2);
    }
  } catch (err) {
    console.error(`cluster ${command}: ${(err as Error).message}`);
    Deno.exit(1);
  }
}
