import { EventEmitter } from "node:events";
import net from "node:net";

/**
 * The socket postgres.js talks through (its `socket` option), guarding against a driver
 * defect: postgres.js 3.4.9 buffers small writes behind `setImmediate`, and when a
 * connection closes it nulls its socket and cancels that timer without resetting it. A
 * write queued in the same tick (or a transaction's automatic `rollback`) then throws
 * `Cannot read properties of null (reading 'write')` outside any promise and ends the
 * process, or leaves the connection unable to flush again (porsager/postgres issues
 * 1066, 1154 and 1208; unreleased fixes in pull requests 1168, 1176 and 1209).
 *
 * A peer that goes away is reported to the driver at once as an `error`, which fails the
 * queries in flight. The `close` that makes the driver drop and later reconnect the
 * connection is told only when nothing can write to it afterwards:
 *
 * - from inside one of the driver's own calls (`write`, `end`, `destroy`): its write buffer
 *   has just been handed over, so no buffered write outlives the socket. A connection the
 *   pool may still hand out, or a transaction that will send its `rollback`, is closed so;
 * - on a later turn of the event loop, once the failed queries have been rejected, when
 *   no write will come: a connection still starting up, one parked since it asked for a
 *   statement's description (until the ReadyForQuery that ends that statement, the pool
 *   and a transaction queue its next queries, a rollback included), and one whose `begin`,
 *   `commit` or `rollback` was in flight (the transaction is over). The guard follows the
 *   protocol both ways to know which: message framing and ReadyForQuery from the server,
 *   and the statements the driver sends.
 */
const peerLostListeners = new Set<() => void>();

/** Calls `listener` whenever a database connection is lost by the peer; answers an unsubscribe. */
export function onPeerLost(listener: () => void): () => void {
  peerLostListeners.add(listener);
  return () => peerLostListeners.delete(listener);
}

export class GuardedSocket extends EventEmitter {
  readonly host: string;
  readonly port: number;
  #raw: net.Socket | undefined;
  #lost: Error | undefined;
  #reported = false;
  #closed = false;
  #ending = false;
  /** Whether the server has sent ReadyForQuery: the connection may then carry queries. */
  #established = false;
  /** Framing of the server's messages: header bytes seen, and body bytes still to skip. */
  #header = new Uint8Array(5);
  #headerBytes = 0;
  #skip = 0;
  /** The next body byte is ReadyForQuery's transaction status. */
  #wantStatus = false;
  /** Transaction status of the last ReadyForQuery: I (idle), T (in one) or E (failed one). */
  #txStatus = 0x49;
  /** Requests sent that end in ReadyForQuery (Sync or a simple Query), and those answered. */
  #requests = 0;
  #answered = 0;
  /**
   * A statement's description was asked for (a Flush) and no ReadyForQuery has come since:
   * the driver parks the connection (its "full" queue, a transaction's next statements
   * included) until that ReadyForQuery, so it writes nothing more of its own accord.
   */
  #parked = false;
  /** Kind of the statement last executed, and of each prepared statement by name. */
  #lastKind: StatementKind = "other";
  #statements = new Map<string, StatementKind>();

  constructor(raw: net.Socket | undefined, where: { host: string; port: number }, lost?: Error) {
    super();
    this.host = where.host;
    this.port = where.port;
    this.#raw = raw;
    this.#lost = lost;
    if (!raw) return;
    raw.on("data", (chunk: Uint8Array) => {
      const fatal = this.#watch(chunk);
      if (fatal < 0) return void this.emit("data", chunk);
      // The server ends this connection: what came before its FATAL goes to the driver, the
      // FATAL itself does not (see #watch), and the queries in flight fail as on a loss.
      if (fatal > 0) this.emit("data", chunk.subarray(0, fatal));
      this.#peerGone();
      raw.destroy();
    });
    raw.on("drain", () => this.emit("drain"));
    raw.on("error", (err: Error) => this.#peerGone(err));
    raw.on("close", () => this.#peerGone());
  }

  /** `open` until the driver has been told the connection closed. */
  get readyState(): string {
    return this.#closed ? "closed" : "open";
  }

  #peerGone(err?: Error): void {
    if (this.#closed) return;
    if (this.#ending) {
      // The driver asked for this close; tell it as a plain socket would.
      this.#closed = true;
      queueMicrotask(() => this.emit("close", false));
      return;
    }
    if (this.#lost) return;
    this.#lost = lostError(err, this);
    this.#report();
    // The rejections above settle in microtasks; the close waits for a later turn.
    if (!this.#willWrite()) setImmediate(() => this.#closeForDriver());
    peerLostListeners.forEach((listener) => listener());
  }

  /** Whether the driver will write to this connection again before it reconnects. */
  #willWrite(): boolean {
    if (!this.#established || this.#parked) return false;
    const inFlight = this.#requests > this.#answered;
    if (inFlight && this.#lastKind !== "other") return false;
    // Idle or busy in the pool (it will be handed out again), or inside a transaction
    // whose next statement or rollback is still to come.
    return true;
  }

  /**
   * Follows the server's message boundaries, counting ReadyForQuery and its status.
   * Answers where a FATAL ErrorResponse of an established connection starts in `chunk`,
   * or -1. The driver would keep such an error (and the query it failed) past the close
   * and fail the first query of the next connection with it; a connection the server
   * ends is reported as lost instead. Start-up errors (a wrong database, too many
   * clients) reach the driver as they are.
   */
  #watch(chunk: Uint8Array): number {
    let i = 0;
    while (i < chunk.length) {
      if (this.#skip > 0) {
        if (this.#wantStatus) {
          this.#txStatus = chunk[i];
          this.#wantStatus = false;
        }
        const n = Math.min(this.#skip, chunk.length - i);
        this.#skip -= n;
        i += n;
        continue;
      }
      this.#header[this.#headerBytes++] = chunk[i++];
      if (this.#headerBytes < 5) continue;
      this.#headerBytes = 0;
      this.#skip = new DataView(this.#header.buffer).getUint32(1) - 4;
      if (
        this.#header[0] === 0x45 && this.#established && i + this.#skip <= chunk.length &&
        isFatal(chunk.subarray(i, i + this.#skip))
      ) {
        return i - 5;
      }
      if (this.#header[0] === 0x5a) { // ReadyForQuery (the first one ends the start-up)
        if (this.#established) this.#answered++;
        this.#established = true;
        this.#parked = false;
        this.#wantStatus = this.#skip > 0;
      }
    }
    return -1;
  }

  /** Follows what the driver sends once established: whole messages, one type byte each. */
  #track(chunk: Uint8Array): void {
    if (!this.#established) return;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    while (i + 5 <= chunk.length) {
      const type = chunk[i];
      const end = i + 1 + view.getUint32(i + 1);
      const body = i + 5;
      if (type === 0x50) { // Parse: name, query
        const nameEnd = chunk.indexOf(0, body);
        const kind = statementKind(chunk.subarray(nameEnd + 1, Math.min(end, nameEnd + 40)));
        this.#statements.set(decoder.decode(chunk.subarray(body, nameEnd)), kind);
      } else if (type === 0x42) { // Bind: portal, statement
        const stmt = chunk.indexOf(0, chunk.indexOf(0, body) + 1);
        const name = decoder.decode(chunk.subarray(chunk.indexOf(0, body) + 1, stmt));
        this.#lastKind = this.#statements.get(name) ?? "other";
      } else if (type === 0x51) { // simple Query
        this.#lastKind = statementKind(chunk.subarray(body, Math.min(end, body + 40)));
        this.#requests++;
      } else if (type === 0x53) { // Sync
        this.#requests++;
      }
      if (type === 0x48) this.#parked = true; // Flush: a description is awaited
      i = end;
    }
  }

  /** Fails the queries in flight (the driver's `error` handler writes nothing). */
  #report(): void {
    if (this.#reported || this.#closed) return;
    this.#reported = true;
    this.emit("error", this.#lost);
  }

  /** Tells the driver the connection is closed; only called from inside a driver call. */
  #closeForDriver(): void {
    if (this.#closed) return;
    this.#report();
    this.#closed = true;
    // hadError=false: the driver then fails any query queued since the error above.
    this.emit("close", false);
  }

  write(chunk: Uint8Array, callback?: (err?: Error | null) => void): boolean {
    if (!this.#lost && this.#raw) {
      this.#track(chunk);
      return this.#raw.write(chunk, callback);
    }
    const err = this.#lost;
    if (callback) queueMicrotask(() => callback(err));
    this.#closeForDriver();
    return false;
  }

  end(chunk?: Uint8Array): this {
    this.#ending = true;
    if (this.#lost || !this.#raw) this.#closeForDriver();
    else if (chunk) this.#raw.end(chunk);
    else this.#raw.end();
    return this;
  }

  destroy(): this {
    this.#ending = true;
    this.#raw?.destroy();
    if (this.#lost || !this.#raw) this.#closeForDriver();
    return this;
  }

  setKeepAlive(enable?: boolean, delayMs?: number): this {
    this.#raw?.setKeepAlive(enable, delayMs);
    return this;
  }
}

/** What a statement does to the transaction: opens it, ends it, or neither. */
type StatementKind = "begin" | "end" | "other";

const decoder = new TextDecoder();

/** Classifies a statement by its first words (enough bytes of it to see them). */
function statementKind(head: Uint8Array): StatementKind {
  const text = decoder.decode(head).trimStart().toLowerCase();
  if (/^(begin|start\s+transaction)\b/.test(text)) return "begin";
  if (/^rollback\s+to\b/.test(text) || /^release\b/.test(text)) return "other";
  if (/^(commit|rollback|end|abort|prepare\s+transaction)\b/.test(text)) return "end";
  return "other";
}

/** Whether an ErrorResponse body (fields of a code byte and a C string) is FATAL or PANIC. */
function isFatal(body: Uint8Array): boolean {
  let i = 0;
  let severity = "";
  while (i < body.length && body[i] !== 0) {
    const code = body[i];
    const end = body.indexOf(0, i + 1);
    if (end < 0) return false;
    // V is the severity never translated (PostgreSQL 9.6 on); S the possibly translated one.
    if (code === 0x56) return /^(FATAL|PANIC)$/.test(decoder.decode(body.subarray(i + 1, end)));
    if (code === 0x53) severity = decoder.decode(body.subarray(i + 1, end));
    i = end + 1;
  }
  return /^(FATAL|PANIC)$/.test(severity);
}

function lostError(err: Error | undefined, where: { host: string; port: number }): Error {
  const code = (err as { code?: string } | undefined)?.code ?? "CONNECTION_CLOSED";
  return Object.assign(new Error(`write ${code} ${where.host}:${where.port}`), {
    code,
    errno: code,
    address: where.host,
    port: where.port,
  });
}

/** The subset of postgres.js's parsed options the socket factory reads. */
interface DriverOptions {
  host: string[];
  port: number[];
  path?: string | false;
  connect_timeout?: number;
}

/**
 * A `socket` option for postgres.js: connects, then hands over a guarded socket. A failed
 * connection is handed over too, already lost, so the driver reports the error on the
 * query that asked for the connection and leaves its pool intact.
 */
export function guardedSocket(options: DriverOptions): Promise<GuardedSocket> {
  const path = options.path || undefined;
  const where = path
    ? { host: path, port: 0 }
    : { host: options.host[0] ?? "localhost", port: options.port[0] ?? 5432 };
  return new Promise((resolve) => {
    const raw = new net.Socket();
    const failed = (err: Error) => {
      clearTimeout(timer);
      raw.destroy();
      resolve(new GuardedSocket(undefined, where, lostError(err, where)));
    };
    // The driver's own connect timer starts only once it has a socket.
    const timer = setTimeout(
      () => failed(Object.assign(new Error("connect timeout"), { code: "CONNECT_TIMEOUT" })),
      (options.connect_timeout ?? 30) * 1000,
    );
    raw.once("error", failed);
    raw.once("connect", () => {
      clearTimeout(timer);
      raw.removeListener("error", failed);
      resolve(new GuardedSocket(raw, where));
    });
    if (path) raw.connect(path);
    else raw.connect(where.port, where.host);
  });
}
