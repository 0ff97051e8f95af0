/**
 * The guarded socket (db/socket.ts) against connections the server ends in the middle of
 * a statement. Each case ends one backend of its own client on the server under test
 * (pg_terminate_backend of that one pid), so it runs with DATABASE_URL.
 */
import assert from "node:assert/strict";
import { createClient } from "../db/client.ts";
import { beforeDeadline } from "../lib/deadline.ts";
import { connectionStates } from "../db/socket.ts";
import { SERVER_URL, TcpProxy, within } from "./helpers.ts";

/** Settles `p` or fails after `ms`: a hang is the defect these cases look for. */
async function settleWithin<T>(
  what: string,
  p: Promise<T>,
  ms: number,
): Promise<PromiseSettledResult<T>> {
  try {
    return { status: "fulfilled", value: await beforeDeadline(p, ms, "STILL_PENDING") };
  } catch (reason) {
    if ((reason as { code?: string }).code === "STILL_PENDING") {
      throw new Error(`${what}: still pending after ${ms} ms`);
    }
    return { status: "rejected", reason };
  }
}

/**
 * Whether the pool serves again: the first query on a connection lost while idle is the
 * one that closes it (and fails, a 503 to a client); the one after runs on a new one.
 */
async function servesAgain(sql: ReturnType<typeof createClient>): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < 2; i++) {
    const r = await settleWithin("the next query", sql`select 1 as ok`.execute(), 4000);
    outcomes.push(r.status);
    if (r.status === "fulfilled") break;
  }
  return outcomes;
}

type Client = ReturnType<typeof createClient>;

/**
 * Runs `check` on a one-connection pool, with `kill(pid)` ending a backend from another
 * client; then the pool must serve again (with one connection, a query only runs again if
 * that one came back).
 */
async function onOneConnection(
  check: (sql: Client, kill: (pid: number) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const killer = createClient(SERVER_URL!, 1);
  const sql = createClient(SERVER_URL!, 1);
  try {
    await check(sql, (pid) => killer`select pg_terminate_backend(${pid})`.execute());
    assert.equal((await servesAgain(sql)).at(-1), "fulfilled");
  } finally {
    await sql.end({ timeout: 1 });
    await killer.end({ timeout: 1 });
  }
}

/**
 * A case on a one-connection pool: `work` ends its own backend through `kill(pid)` and
 * answers the promise that must fail; the pool must then serve again.
 */
function backendEnds(
  name: string,
  work: (sql: Client, kill: (pid: number) => Promise<unknown>) => Promise<unknown>,
): void {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: () =>
      onOneConnection(async (sql, kill) => {
        const outcome = await settleWithin("the work", work(sql, kill), 4000);
        assert.equal(outcome.status, "rejected");
      }),
  });
}

/** Calls `kill(pid)` after `ms`, without waiting for it. */
function later(ms: number, kill: (pid: number) => Promise<unknown>, pid: number): void {
  setTimeout(() => kill(pid).catch(() => {}), ms);
}

if (SERVER_URL) {
  backendEnds(
    "a transaction whose backend ends during its first use of a statement fails at once",
    (sql, kill) =>
      sql.begin(async (tx) => {
        const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        later(300, kill, pid);
        // A statement with a parameter, new on this connection: the driver asks for its
        // description first, then waits for it to finish before it writes again.
        await tx`select pg_sleep(5), ${1}::int as n`;
      }),
  );

  backendEnds(
    "a transaction whose backend ends during a prepared statement fails, then the pool serves",
    (sql, kill) =>
      sql.begin(async (tx) => {
        const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        const nap = (seconds: number) => tx`select pg_sleep(${seconds}::float8)`;
        await nap(0); // described and prepared on this connection
        later(300, kill, pid);
        await nap(5);
      }),
  );

  backendEnds(
    "a transaction whose backend ended between statements fails its next one, no crash",
    (sql, kill) =>
      sql.begin(async (tx) => {
        const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        await kill(pid);
        await new Promise((r) => setTimeout(r, 200));
        // Before: the close came inside this write, the rollback after it wrote to a
        // closed connection, and the process died of an uncaught TypeError.
        await tx`select ${1}::int as n`;
      }),
  );

  backendEnds(
    "a long statement on a connection that died while idle fails, and the pool serves again",
    async (sql, kill) => {
      const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await kill(pid);
      await new Promise((r) => setTimeout(r, 200));
      // Over 1 KiB and new on this connection: the driver writes it at once, not on a later
      // turn, and the guard closes the connection from inside that write. Before, the
      // driver then filed the closed connection as one whose buffer is full, and with it
      // the whole pool: every later query waited, with no error, for good.
      await sql.unsafe(`select $1::int as n /* ${"x".repeat(2000)} */`, [1]);
    },
  );

  backendEnds(
    "a query whose backend ends during its first use of a statement frees the connection",
    async (sql, kill) => {
      const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
      later(300, kill, pid);
      await sql`select pg_sleep(5), ${1}::int as n`;
    },
  );

  Deno.test({
    name: "a connection lost during the driver's query of array types fails its query, no crash",
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const server = new URL(SERVER_URL!);
      const proxy = new TcpProxy({ hostname: server.hostname, port: Number(server.port || 5432) });
      proxy.start();
      const sql = createClient(proxy.urlFor(SERVER_URL!), 1);
      try {
        // Before: the driver's own query of array types was failed, nothing handled that
        // failure, and the process died of an unhandled rejection.
        const typesQuery = (chunk: Uint8Array) =>
          new TextDecoder().decode(chunk).includes("select b.oid, b.typarray");
        proxy.cutOn = typesQuery;
        const first = await settleWithin("the first query", sql`select 1 as ok`.execute(), 4000);
        assert.equal(first.status, "rejected");
        // Then the server is gone for a moment: connecting fails, still nothing crashes.
        proxy.stop();
        const refused = await settleWithin("a refused query", sql`select 1 as ok`.execute(), 4000);
        assert.equal(refused.status, "rejected");
        proxy.cutOn = undefined;
        proxy.start();
        assert.equal((await servesAgain(sql)).at(-1), "fulfilled");
        const [{ ids }] = await sql<{ ids: number[] }[]>`select array[1, 2]::int[] as ids`;
        assert.deepEqual(ids, [1, 2], "array types were fetched on the new connection");
      } finally {
        await sql.end({ timeout: 1 });
        proxy.stop();
      }
    },
  });
}

if (SERVER_URL) {
  Deno.test({
    name: "connectionStates tells a lost connection from a live one (the stall log's detail)",
    sanitizeOps: false,
    sanitizeResources: false,
    fn: () =>
      onOneConnection(async (sql, kill) => {
        const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
        const mine = () => connectionStates().filter((s) => s.includes("sent"));
        assert.ok(mine().some((s) => /^up open ready sent \d+ answered \d+ tx I$/.test(s)));
        assert.match(
          connectionStates()[0],
          /^dials: \d+ started, \d+ in progress, the last \d+ ms ago$/,
        );
        await kill(pid);
        const lost = await within(
          3000,
          () => Promise.resolve(mine().some((s) => s.startsWith("lost"))),
        );
        assert.ok(lost >= 0, `a connection shows lost: ${JSON.stringify(connectionStates())}`);
      }),
  });
}
