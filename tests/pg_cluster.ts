/**
 * A private PostgreSQL cluster in a temporary directory on a free port, for tests and
 * chaos runs that must stop, kill or restart a server. It never touches the shared
 * server on 5432: the Debian binaries run as the `postgres` user on a cluster of our own.
 */

/** Where Debian keeps the server binaries of the newest installed major version. */
export function binDir(): string {
  const root = "/usr/lib/postgresql";
  let best = 0;
  try {
    for (const entry of Deno.readDirSync(root)) {
      const v = Number(entry.name);
      if (Number.isInteger(v) && v > best) {
        try {
          Deno.statSync(`${root}/${entry.name}/bin/pg_ctl`);
          best = v;
        } catch { /* a client-only install */ }
      }
    }
  } catch { /* no server installed */ }
  if (!best) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return `${root}/${best}/bin`;
}

/** True when PostgreSQL server binaries are installed on this machine. */
export function hasServerBinaries(): boolean {
  try {
    binDir();
    return true;
  } catch {
    return false;
  }
}

async function run(cmd: string, args: string[], allowFail = false): Promise<string> {
  // Root may not run the server; the postgres user may.
  const asPostgres = Deno.uid?.() === 0;
  const out = await new Deno.Command(asPostgres ? "runuser" : cmd, {
    args: asPostgres ? ["-u", "postgres", "--", cmd, ...args] : args,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (!out.success && !allowFail) throw new Error(`${cmd} ${args.join(" ")} failed:\n${text}`);
  return text;
}

/** psql as the superuser on 127.0.0.1:`port`, database `db`: the rows as unaligned text. */
function psqlOn(port: number, db: string, sqlText: string): Promise<string> {
  return run(`${binDir()}/psql`, [
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    "-U",
    "postgres",
    "-d",
    db,
    "-Atqc",
    sqlText,
  ]);
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** How `pg_ctl stop` ends the server. */
export type StopMode = "smart" | "fast" | "immediate";

/** A private cluster: its URL and the faults a test can cause. */
export interface Cluster {
  url: string;
  port: number;
  dir: string;
  /** Starts the server (again) and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server in the given mode and waits for it to be gone. */
  stop(mode?: StopMode): Promise<void>;
  /** `pg_ctl restart -m <mode>`. */
  restart(mode?: StopMode): Promise<void>;
  /** SIGKILL to the postmaster (its backends follow), then nothing: call start(). */
  kill9(): Promise<void>;
  /** Terminates every backend whose application_name is `app`; answers how many. */
  terminate(app: string): Promise<number>;
  /** Runs SQL through psql as the superuser. */
  psql(sqlText: string): Promise<string>;
  /** Stops the server and removes the directory. */
  destroy(): Promise<void>;
}

/**
 * Creates and starts a private cluster; `name` is the database the service will use. With
 * `standbyOf`, the cluster is a streaming standby of that one (a base backup of it, named
 * `name` there too), and `settings` are extra server settings (`recovery_min_apply_delay=500ms`).
 */
export async function startCluster(
  name = "app",
  more: { standbyOf?: Cluster; settings?: string[] } = {},
): Promise<Cluster> {
  const bin = binDir();
  const dir = await Deno.makeTempDir({ prefix: "hc-pg-" });
  if (Deno.uid?.() === 0) {
    await new Deno.Command("chown", { args: ["postgres:postgres", dir] }).output();
  }
  const data = `${dir}/data`;
  const port = freePort();
  if (more.standbyOf) {
    // -R: the copy starts as a standby streaming from its source.
    await run(`${bin}/pg_basebackup`, [
      "-h",
      "127.0.0.1",
      "-p",
      String(more.standbyOf.port),
      "-U",
      "postgres",
      "-D",
      data,
      "-R",
      "-X",
      "stream",
      // An immediate checkpoint: the default spreads it over minutes.
      "-c",
      "fast",
      "--no-sync",
    ]);
  } else {
    await run(`${bin}/initdb`, [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "postgres",
      "--no-sync",
      "-E",
      "UTF8",
    ]);
  }
  const opts = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c full_page_writes=off",
    "-c max_connections=60",
    "-c shared_buffers=32MB",
    ...(more.settings ?? []).map((s) => `-c ${s}`),
  ].join(" ");

  async function pgCtl(args: string[], allowFail = false) {
    return await run(`${bin}/pg_ctl`, ["-D", data, ...args], allowFail);
  }

  async function start(): Promise<void> {
    // After a SIGKILL the old backends may still hold shared memory for a moment.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const out = await pgCtl(["-w", "-t", "20", "-l", `${dir}/log`, "-o", opts, "start"], true);
      if (/server started/.test(out)) return;
      if (Date.now() > deadline) throw new Error(`cluster did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function stop(mode: StopMode = "fast"): Promise<void> {
    await pgCtl(["-w", "-t", "30", "-m", mode, "stop"], true);
  }

  function psql(sqlText: string): Promise<string> {
    return psqlOn(port, "postgres", sqlText);
  }

  await start();
  if (!more.standbyOf) await psql(`create database ${name}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${name}`,
    port,
    dir,
    start,
    stop,
    async restart(mode: StopMode = "fast") {
      await pgCtl(["-w", "-t", "30", "-m", mode, "-l", `${dir}/log`, "-o", opts, "restart"]);
    },
    async kill9() {
      const pid = Number((await Deno.readTextFile(`${data}/postmaster.pid`)).split("\n")[0]);
      Deno.kill(pid, "SIGKILL");
      // Wait until the port is free of the old postmaster.
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        try {
          Deno.statSync(`/proc/${pid}`);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async terminate(app: string) {
      const out = await psql(
        `select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = '${
          app.replaceAll("'", "''")
        }'`,
      );
      return Number(out.trim());
    },
    psql,
    async destroy() {
      await stop("immediate");
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** A PgBouncer in transaction mode in front of a cluster, in a temporary directory. */
export interface Bouncer {
  /** `postgres://…` through the pooler, to the cluster's database `name`. */
  url: string;
  /** Runs a command of PgBouncer's admin console (`SHOW POOLS`, …): its rows as text. */
  admin(command: string): Promise<string>;
  /** What PgBouncer has logged so far. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

/** Where Debian puts PgBouncer. */
export const PGBOUNCER = "/usr/sbin/pgbouncer";

/**
 * Starts PgBouncer (transaction pooling, `serverConnections` server connections at most)
 * in front of database `name` of the server on 127.0.0.1 at `cluster.port`, as the `postgres`
 * user, on a free port.
 */
export async function startPgBouncer(
  cluster: Pick<Cluster, "port">,
  name: string,
  serverConnections: number,
): Promise<Bouncer> {
  try {
    Deno.statSync(PGBOUNCER);
  } catch {
    throw new Error(`${PGBOUNCER} is missing: apt-get install pgbouncer (.ci/run does)`);
  }
  const dir = await Deno.makeTempDir({ prefix: "hc-pgbouncer-" });
  const port = freePort();
  await Deno.writeTextFile(`${dir}/users.txt`, `"postgres" ""\n`);
  await Deno.writeTextFile(
    `${dir}/pgbouncer.ini`,
    [
      "[databases]",
      `${name} = host=127.0.0.1 port=${cluster.port} dbname=${name}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${dir}/users.txt`,
      "admin_users = postgres",
      "pool_mode = transaction",
      "max_client_conn = 500",
      `default_pool_size = ${serverConnections}`,
      `max_db_connections = ${serverConnections}`,
      `logfile = ${dir}/pgbouncer.log`,
      `pidfile = ${dir}/pgbouncer.pid`,
    ].join("\n") + "\n",
  );
  if (Deno.uid?.() === 0) {
    await new Deno.Command("chown", { args: ["-R", "postgres:postgres", dir] }).output();
  }
  // -d: it forks and returns once it listens; it refuses to run as root.
  await run(PGBOUNCER, ["-d", `${dir}/pgbouncer.ini`]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${name}`,
    admin: (command) => psqlOn(port, "pgbouncer", command),
    log: () => Deno.readTextFile(`${dir}/pgbouncer.log`),
    async stop() {
      const pid = Number((await Deno.readTextFile(`${dir}/pgbouncer.pid`)).trim());
      try {
        Deno.kill(pid, "SIGTERM");
      } catch { /* gone */ }
      for (let i = 0; i < 50; i++) {
        try {
          Deno.statSync(`/proc/${pid}`);
        } catch {
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}
