import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { concatBytes } from "../lib/digest.ts";

/**
 * An embedded PostgreSQL on loopback TCP that many client processes can share, for the
 * tests that start several service processes on one database.
 *
 * PGlite is a single session. pglite-socket (what the service uses, with one connection)
 * interleaves clients message by message, so one client's Parse/Bind/Execute can land
 * between another's and lose the unnamed portal. Here each client's messages run as a
 * whole up to its Sync (or simple Query), and a client inside a transaction keeps the
 * session until the transaction ends. LISTEN/NOTIFY cannot be shared this way.
 */
export interface SharedPglite {
  url: string;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** A Sync message: ends an extended-protocol exchange. */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
/** A simple Query message: `rollback`. */
const ROLLBACK = (() => {
  const text = new TextEncoder().encode("rollback\0");
  const out = new Uint8Array(5 + text.length);
  out[0] = 0x51;
  new DataView(out.buffer).setInt32(1, 4 + text.length);
  out.set(text, 5);
  return out;
})();
/** Message types that end a group the server must answer: Sync, Query, Flush. */
const GROUP_END = new Set(["S", "Q", "H"]);

interface Job {
  client: Client;
  bytes: Uint8Array;
}

interface Client {
  conn: Deno.Conn;
  closed: boolean;
}

/**
 * A new PGlite cluster at `pgdata`, copied from one made once per machine and PGlite build:
 * creating a cluster (initdb) takes about 4 s, a copy well under one. The template is
 * built beside its final path and renamed into place, so a half-made one is never used.
 */
export async function newPgdata(pgdata: string): Promise<void> {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  const version = String(config.imports["@electric-sql/pglite"]).replace(/\W+/g, "-");
  const template = `${Deno.env.get("TMPDIR") ?? "/tmp"}/hc-pgdata-template-${version}`;
  try {
    await Deno.stat(`${template}/PG_VERSION`);
  } catch {
    const building = `${template}.${crypto.randomUUID()}`;
    const db = await PGlite.create(building, { extensions: { btree_gist, pg_trgm } });
    await db.close();
    await Deno.rename(building, template).catch(async () => {
      // Another run made it first: keep theirs.
      await Deno.remove(building, { recursive: true });
    });
  }
  const copy = await new Deno.Command("cp", { args: ["-a", template, pgdata] }).output();
  if (!copy.success) throw new Error(new TextDecoder().decode(copy.stderr));
}

/** Starts PGlite under `dir` and serves it on an ephemeral loopback port. */
export async function startSharedPglite(dir: string): Promise<SharedPglite> {
  await newPgdata(`${dir}/pgdata`);
  const db = await PGlite.create(`${dir}/pgdata`, { extensions: { btree_gist, pg_trgm } });
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const jobs: Job[] = [];
  const clients = new Set<Client>();
  let owner: Client | undefined; // the client whose transaction is open
  let running = false;

  /**
   * Ends the transaction of a client that went away. A Sync first: a client cut off inside an
   * extended-protocol exchange that failed leaves the session skipping everything until one,
   * the rollback included. Both as protocol messages: `exec` would wait for the exclusive hold
   * this already has.
   */
  async function abandon(): Promise<void> {
    await db.runExclusive(async () => {
      await db.execProtocolRaw(SYNC);
      if (db.isInTransaction()) await db.execProtocolRaw(ROLLBACK);
    });
  }

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (true) {
        const i = owner ? jobs.findIndex((j) => j.client === owner) : 0;
        if (i < 0 || jobs.length === 0) break;
        const [job] = jobs.splice(i, 1);
        if (job.client.closed) continue;
        const out = await db.runExclusive(() => db.execProtocolRaw(job.bytes));
        if (job.client.closed) {
          // It went away while this ran (SIGKILL, say): end what it left open, or every other
          // client would wait for a transaction no one can finish.
          await abandon();
          owner = undefined;
          continue;
        }
        owner = db.isInTransaction() ? job.client : undefined;
        if (out.length > 0 && !job.client.closed) {
          await job.client.conn.write(out).catch(() => drop(job.client));
        }
      }
    } finally {
      running = false;
    }
  }

  function drop(client: Client): void {
    if (client.closed) return;
    client.closed = true;
    clients.delete(client);
    try {
      client.conn.close();
    } catch { /* closed */ }
    if (owner === client) {
      owner = undefined;
      void abandon().then(pump, () => {});
    }
  }

  async function serve(client: Client): Promise<void> {
    let buf: Uint8Array = new Uint8Array(0);
    let started = false;
    let group: Uint8Array[] = [];
    for await (const chunk of client.conn.readable) {
      buf = concatBytes([buf, chunk]);
      while (true) {
        const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        if (!started) {
          if (buf.length < 8) break;
          const len = view.getInt32(0);
          const code = view.getInt32(4);
          if (buf.length < len) break;
          const message = buf.slice(0, len);
          buf = buf.slice(len);
          if (code === SSL_REQUEST || code === GSS_REQUEST) {
            await client.conn.write(new TextEncoder().encode("N"));
          } else if (code === CANCEL_REQUEST) {
            return drop(client);
          } else {
            started = true;
            jobs.push({ client, bytes: message });
            void pump();
          }
          continue;
        }
        if (buf.length < 5) break;
        const total = 1 + view.getInt32(1);
        if (buf.length < total) break;
        const type = String.fromCharCode(buf[0]);
        const message = buf.slice(0, total);
        buf = buf.slice(total);
        if (type === "X") return drop(client);
        group.push(message);
        if (GROUP_END.has(type)) {
          jobs.push({ client, bytes: concatBytes(group) });
          group = [];
          void pump();
        }
      }
    }
    drop(client);
  }

  (async () => {
    for await (const conn of listener) {
      const client = { conn, closed: false };
      clients.add(client);
      serve(client).catch(() => drop(client));
    }
  })().catch(() => {});

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      listener.close();
      for (const c of [...clients]) drop(c);
      await db.close();
    },
  };
}
