import { embedded, openListener, type Sql } from "./client.ts";
import { revokedSince } from "./sessions.ts";
import { onPeerLost } from "./socket.ts";
import { beforeDeadline } from "../lib/deadline.ts";

/**
 * Revoked session ids whose access tokens may still be unexpired, kept in memory so that
 * checking a token costs no database round trip. Instances learn of a revocation through
 * Postgres NOTIFY on `session_revoked` (milliseconds), and, as a backstop for
 * notifications lost while a listening connection was down, by asking every
 * POLL_MS for sessions revoked since their last look.
 */
const revoked = new Map<string, number>();
let keepMs = 16 * 60_000;

/** How often each instance catches up on revocations it may have missed. */
const POLL_MS = 2000;

/** The listening connection's own channel, on which it checks that it still hears. */
const PING_CHANNEL = "listener_ping";

/** How long a ping may take before the listening connection is replaced. */
const PING_MS = 500;

/** True when the session was revoked. */
export function isRevoked(sessionId: string): boolean {
  return revoked.has(sessionId);
}

/** How many revoked sessions this process knows of (their access tokens may be alive). */
export function revocationsKnown(): number {
  return revoked.size;
}

/** Records a revocation in this process (NOTIFY and the poll tell the others). */
export function markRevoked(sessionId: string): void {
  revoked.set(sessionId, Date.now() + keepMs);
}

function prune(): void {
  const now = Date.now();
  for (const [id, until] of revoked) if (until < now) revoked.delete(id);
}

/** Another channel the listening connection serves (db/replicas.ts `writesHeard`). */
export interface Channel {
  readonly channel: string;
  /** A notification's payload. */
  heard(payload: string): void;
  /** Called with true each time the connection listens, with false when it was lost or closed. */
  hearing(on: boolean): void;
}

/**
 * Loads recent revocations and keeps the set current, and serves `also` on the same listening
 * connection; returns a function that stops it.
 */
export async function startRevocationSync(
  accessMinutes: number,
  also: readonly Channel[] = [],
): Promise<() => Promise<void>> {
  keepMs = (accessMinutes + 1) * 60_000;
  let cursor: Date | undefined;
  const catchUp = async () => {
    for (const row of await revokedSince(cursor, accessMinutes + 1)) {
      markRevoked(row.id);
      if (!cursor || row.revoked_at > cursor) cursor = row.revoked_at;
    }
  };
  await catchUp();
  const pruner = setInterval(prune, 60_000);
  Deno.unrefTimer(Number(pruner));
  if (embedded) {
    // One process owns the embedded database, so its own marks are the whole truth.
    return () => Promise.resolve(clearInterval(pruner));
  }
  const poller = setInterval(() => void catchUp().catch(() => {}), POLL_MS);
  Deno.unrefTimer(Number(poller));
  const listener = new Listener(() => void catchUp().catch(() => {}), also);
  await listener.connect();
  // A lost database connection may be the listening one: listen again on a fresh one.
  const unsubscribe = onPeerLost(() => listener.reconnect());
  return async () => {
    unsubscribe();
    clearInterval(pruner);
    clearInterval(poller);
    await listener.close();
  };
}

/**
 * LISTEN on a connection of its own. A listening connection sends nothing, so nothing
 * tells the driver when it dies; when any connection is lost this one is replaced, with
 * backoff until the database answers, and `onListen` catches up on what was missed.
 */
class Listener {
  #client: Sql | undefined;
  #reconnecting = false;
  #closed = false;
  /** Pings sent by `#hears`, by nonce. */
  #pings = new Map<string, () => void>();

  constructor(readonly onListen: () => void, readonly also: readonly Channel[]) {}

  /** Opens a client and listens; throws when the database does not answer. */
  async connect(): Promise<void> {
    const client = openListener();
    this.#client = client;
    try {
      await client.listen("session_revoked", (id) => markRevoked(id), this.onListen);
      await client.listen(PING_CHANNEL, (nonce) => this.#pings.get(nonce)?.());
      for (const c of this.also) {
        await client.listen(c.channel, (payload) => c.heard(payload), () => c.hearing(true));
      }
    } catch (err) {
      await client.end({ timeout: 0 }).catch(() => {});
      throw err;
    }
  }

  /**
   * Replaces the listening connection, retrying until it listens or the sync stops, unless it
   * still hears (the connection lost was another): then nothing it listens to was missed.
   */
  reconnect(): void {
    if (this.#reconnecting || this.#closed) return;
    this.#reconnecting = true;
    (async () => {
      if (await this.#hears()) return;
      for (const c of this.also) c.hearing(false);
      for (let attempt = 0; !this.#closed; attempt++) {
        await this.#client?.end({ timeout: 0 }).catch(() => {});
        this.#client = undefined;
        try {
          await this.connect();
          if (this.#closed) await this.close();
          return;
        } catch {
          await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
        }
      }
    })().finally(() => this.#reconnecting = false);
  }

  /**
   * True when a notice sent now comes back on the listening connection within PING_MS. Notices
   * arrive in commit order, so every one sent before it has arrived too.
   */
  async #hears(): Promise<boolean> {
    const client = this.#client;
    if (!client) return false;
    const nonce = crypto.randomUUID();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const heard = new Promise<boolean>((resolve) => {
      this.#pings.set(nonce, () => resolve(true));
      timer = setTimeout(() => resolve(false), PING_MS);
    });
    try {
      await beforeDeadline(client.notify(PING_CHANNEL, nonce), PING_MS, "PING_TIMEOUT");
      return await heard;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      this.#pings.delete(nonce);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const c of this.also) c.hearing(false);
    await this.#client?.end({ timeout: 0 }).catch(() => {});
  }
}
