/**
 * Read replicas (DATABASE_REPLICA_URL): where lists, searches, logs and history read, and
 * when a session must read from the primary instead to see its own writes.
 *
 * Every POLL_MS the primary's WAL position is sampled (after the moment of sampling, every
 * write committed before it is at or below that position) and each replica's replay position
 * read. A session that wrote at time T reads from a replica only once a sample taken after T
 * exists and the replica has replayed past it; until then, from the primary. A replica that
 * does not answer, is not in recovery, or lags more than REPLICA_MAX_LAG_MS is skipped. A
 * replica read that fails on the connection is run again on the primary.
 *
 * Processes tell each other which session wrote: after a write's request, a NOTIFY on
 * `session_wrote` (sent before the answer goes out) reaches every process's listening
 * connection, and each treats the session as if it had written there. While a process is not
 * listening, it reads from the primary only; once it listens again, every replica read waits
 * for a replica past a primary position sampled after that moment, which covers any write whose
 * notice it missed.
 */
import { createClient, describeDatabase, type Sql } from "./client.ts";
import { beforeDeadline } from "../lib/deadline.ts";
import { errorCode, isUnavailable } from "../lib/errors.ts";

/** How often positions are read. */
export const POLL_MS = 100;

/** How long a position read may take before the replica counts as down. */
const POLL_TIMEOUT_MS = 1000;

/** One read replica and what the last poll learned of it. */
export interface Replica {
  /** `host:port/database` for logs and metrics. */
  readonly name: string;
  readonly sql: Sql;
  /** Answering and in recovery at the last poll. */
  up: boolean;
  /** Whether the last answer said it is in recovery (undefined: it never answered). */
  standby?: boolean;
  /** The WAL position it had replayed at the last poll. */
  replayed: bigint;
  /** How far behind the primary it was at the last poll, in milliseconds. */
  lagMs: number;
  /** Reads sent to it, and those run again on the primary after it failed. */
  reads: number;
  fallbacks: number;
}

/** What the replicas report to the service's log. */
export type ReplicaNews =
  | { event: "down"; replica: string; code: string }
  | { event: "up"; replica: string }
  | { event: "not_standby"; replica: string };

interface Sample {
  at: number;
  lsn: bigint;
}

let replicas: Replica[] = [];
let primary: Sql | undefined;
let samples: Sample[] = [];
/** Since when this process hears other processes' writes (undefined: it does not). */
let hearingSince: number | undefined;
/** The position of the first sample taken after `hearingSince`, once there is one. */
let heardFrom: bigint | undefined;
/** When each session (token `sid`) last finished a write in this process. */
const wrote = new Map<string, number>();
let maxLagMs = 500;
let turn = 0;
let stopPolling: (() => Promise<void>) | undefined;
let tell: (n: ReplicaNews) => void = () => {};

/** Takes `r` out of use until a poll finds it answering again; says so once. */
function markDown(r: Replica, err: unknown): void {
  if (r.up) tell({ event: "down", replica: r.name, code: errorCode(err) ?? "error" });
  r.up = false;
}

/** The replicas in use (none unless DATABASE_REPLICA_URL is set). */
export function replicaList(): readonly Replica[] {
  return replicas;
}

/** Reads a position as a number of bytes (`pg_lsn - '0/0'` is numeric). */
function lsnOf(text: string | null): bigint {
  return text === null ? 0n : BigInt(text.split(".")[0]);
}

/**
 * Opens a pool per replica and starts polling `primary` and them; `news` hears when a replica
 * goes down, comes back or turns out not to be a standby.
 */
export function openReplicas(
  urls: readonly string[],
  primaryDb: Sql,
  opts: { poolMax: number; maxLagMs: number; statementTimeoutMs: number; pooled: boolean },
  news: (n: ReplicaNews) => void = () => {},
): void {
  maxLagMs = opts.maxLagMs;
  tell = news;
  primary = primaryDb;
  replicas = urls.map((url) => ({
    name: describeDatabase(url),
    sql: createClient(url, opts.poolMax, {
      statementTimeoutMs: opts.statementTimeoutMs,
      pooled: opts.pooled,
      readOnly: true,
    }),
    up: false,
    replayed: 0n,
    lagMs: Infinity,
    reads: 0,
    fallbacks: 0,
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const poll = async () => {
    const at = Date.now();
    try {
      const [row] = await beforeDeadline(
        primaryDb<{ lsn: string }[]>`select (pg_current_wal_lsn() - '0/0')::text as lsn`.execute(),
        POLL_TIMEOUT_MS,
        "POLL_TIMEOUT",
      );
      samples.push({ at, lsn: lsnOf(row.lsn) });
    } catch { /* no sample: sessions that wrote read from the primary until there is one */ }
    // Samples old enough that a replica behind them lags past the limit anyway.
    const keepFrom = Date.now() - maxLagMs - 2 * POLL_MS - 1000;
    while (samples.length > 1 && samples[0].at < keepFrom) samples.shift();
    for (const [session, time] of wrote) if (time < keepFrom) wrote.delete(session);
    await Promise.all(replicas.map(async (r) => {
      try {
        const [row] = await beforeDeadline(
          r.sql<{ standby: boolean; lsn: string | null }[]>`
            select pg_is_in_recovery() as standby,
                   (pg_last_wal_replay_lsn() - '0/0')::text as lsn`.execute(),
          POLL_TIMEOUT_MS,
          "POLL_TIMEOUT",
        );
        if (!row.standby && r.standby !== false) news({ event: "not_standby", replica: r.name });
        r.standby = row.standby;
        if (!row.standby) {
          r.up = false;
          return;
        }
        r.replayed = lsnOf(row.lsn);
        r.lagMs = lagOf(r.replayed, Date.now());
        if (!r.up) news({ event: "up", replica: r.name });
        r.up = true;
      } catch (err) {
        markDown(r, err);
      }
    }));
  };
  const loop = () => {
    if (stopped) return;
    running = poll().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(loop, POLL_MS);
    });
  };
  loop();
  stopPolling = async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/** Stops polling and closes the replicas' pools. */
export async function closeReplicas(): Promise<void> {
  await stopPolling?.();
  stopPolling = undefined;
  await Promise.all(replicas.map((r) => r.sql.end({ timeout: 5 }).catch(() => {})));
  replicas = [];
  primary = undefined;
  samples = [];
  wrote.clear();
}

/**
 * How long ago the primary had a position the replica has not replayed: 0 when it has all
 * sampled, else the age of the first sample past it (the oldest kept, if it lacks even that).
 */
function lagOf(replayed: bigint, now: number): number {
  const ahead = samples.find((s) => s.lsn > replayed);
  return ahead ? now - ahead.at : 0;
}

/** Records that `session` finished a write just now: its reads wait for a replica to replay it. */
export function noteWrite(session: string): void {
  if (replicas.length) wrote.set(session, Date.now());
}

/** A session id as tokens carry it (a UUID): the only text `announceWrite` writes into SQL. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tells every process (`session_wrote`) that `session` finished a write, before its answer
 * goes out; a no-op without replicas. One simple-protocol message whose implicit transaction
 * does not wait for its commit to be flushed (a NOTIFY takes a transaction id: otherwise each
 * write would wait for a second flush); the notice goes out at commit all the same.
 */
export async function announceWrite(session: string): Promise<void> {
  if (!replicas.length || !primary || !SESSION_ID.test(session)) return;
  await primary.unsafe(
    `set local synchronous_commit = off; select pg_notify('${WROTE_CHANNEL}', '${session}')`,
  ).simple();
}

/** The channel of `announceWrite`. */
export const WROTE_CHANNEL = "session_wrote";

/** What the listening connection (db/revocations.ts) does with `session_wrote`. */
export const writesHeard = {
  channel: WROTE_CHANNEL,
  /** Another process (or this one) says `session` wrote. */
  heard: noteWrite,
  /** The listening connection listens (true) or was lost (false). */
  hearing(on: boolean): void {
    hearingSince = on ? Date.now() : undefined;
    heardFrom = undefined;
  },
};

/**
 * The position every replica read needs, whoever asks: past the first sample taken after this
 * process began to hear other processes' writes (undefined: no such sample yet, or not hearing).
 */
function floorForAll(): bigint | undefined {
  if (hearingSince === undefined) return undefined;
  if (heardFrom === undefined) {
    const since = hearingSince;
    heardFrom = samples.find((s) => s.at >= since)?.lsn;
  }
  return heardFrom;
}

/**
 * The replica `session` may read from now (round robin among those fit), or undefined for
 * the primary: no replica is up within the lag limit, or none has replayed the session's last
 * write yet (nor, since this process last began to hear other processes' writes, a position
 * after that).
 */
export function replicaFor(session: string | undefined): Replica | undefined {
  if (!replicas.length) return undefined;
  let need = floorForAll();
  if (need === undefined) return undefined;
  const at = session === undefined ? undefined : wrote.get(session);
  if (at !== undefined) {
    const after = samples.find((s) => s.at >= at);
    if (!after) return undefined;
    if (after.lsn > need) need = after.lsn;
  }
  const fit = replicas.filter((r) => r.up && r.lagMs <= maxLagMs && r.replayed >= need);
  if (!fit.length) return undefined;
  return fit[turn++ % fit.length];
}

/**
 * `read` on the replica, or, when that fails on the connection (the replica stopped, restarted
 * or cancelled the query for a recovery conflict), `again` on the primary; the replica is
 * skipped until the next poll finds it answering.
 */
export async function onReplica<T>(
  replica: Replica,
  read: () => Promise<T>,
  again: () => Promise<T>,
): Promise<T> {
  replica.reads++;
  try {
    return await read();
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    markDown(replica, err);
    replica.fallbacks++;
    return await again();
  }
}
