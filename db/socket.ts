import { Buffer } from "node:buffer";
import { EventEmitter } from "node:events";
import net from "node:net";

/**
 * The socket postgres.js talks through (its `socket` option), guarding against a driver
 * defect: postgres.js 3.4.9 buffers small writes behind `setImmediate`, and when a
 * connection closes it nulls its socket and cancels that timer without resetting it. A
 * write queued after the close (a transaction's automatic `rollback`, say) then throws
 * `Cannot read properties of null (reading 'write')` outside any promise and ends the
 * process, or leaves the connection unable to flush again (porsager/postgres issues
 * 1066, 1154 and 1208; unreleased fixes in pull requests 1168, 1176 and 1209). The driver
 * also keeps a FATAL error past the close and fails the next connection's first query.
 *
 * So the driver is told `close` only when nothing can write to the connection after it:
 *
 * - a connection lost while starting up is reported (`error` fails the query waiting for
 *   it) and closed on a later turn of the event loop: nothing holds it yet;
 * - an established connection lost outside a transaction is closed from inside the
 *   driver's next write to it (a new query from the pool, or a `begin`): the query fails,
 *   and no transaction holds the connection to write after it;
 * - until then, and for as long as a transaction holds it, the guard answers for the
 *   server: each request in flight or sent later gets an ErrorResponse (SQLSTATE 08006,
 *   a 503 to the client) and a ReadyForQuery, as a server does for a failed statement.
 *   The transaction fails, its `rollback` is answered, and the connection goes back to
 *   the pool, where the next query closes it.
 *
 * The guard follows the protocol both ways to know where it stands: message framing,
 * ReadyForQuery and its transaction status from the server, and the requests the driver
 * sends (a Sync or a simple Query ends each one; a Flush asks for a description first).
 */
const peerLostListeners = new Set<() => void>();

/** Calls `listener` whenever a database connection is lost by the peer; answers an unsubscribe. */
export function onPeerLost(listener: () => void): () => void {
  peerLostListeners.add(listener);
  return () => peerLostListeners.delete(listener);
}

/** Transaction status bytes of ReadyForQuery. */
const IDLE = 0x49; // I
const FAILED = 0x45; // E

let sentRequests = 0;

/**
 * Requests sent to the database by every guarded connection: each ends in a Sync or is a
 * simple query, and costs one round trip (a statement's first use on a connection costs one
 * more, for its description). For tests and measurements.
 */
export function requestsSent(): number {
  return sentRequests;
}

/** Every guarded connection the driver has not been told closed, for the pool gauges. */
const live = new Set<GuardedSocket>();

/** Database connections open now, and those carrying a request or a transaction. */
export function connectionStats(): { open: number; busy: number } {
  let busy = 0;
  for (const socket of live) {
    if (socket.readyState === "closed") live.delete(socket);
    else if (socket.busy) busy++;
  }
  return { open: live.size, busy };
}

/** Connections the driver asked for: started, finished (either way), and the last one's time. */
const dials = { started: 0, ended: 0, lastAt: 0 };

/**
 * Each database connection's state as the guard sees it, for a log line when requests stop
 * finishing: whether the peer is gone, whether the driver was told, the requests sent and
 * answered, and the transaction status.
 */
export function connectionStates(): string[] {
  const dialing = dials.started - dials.ended;
  const since = dials.lastAt ? `${Date.now() - dials.lastAt} ms ago` : "never";
  return [
    `dials: ${dials.started} started, ${dialing} in progress, the last ${since}`,
    ...[...live].map((socket) => socket.state()),
  ];
}

export class GuardedSocket extends EventEmitter {
  readonly host: string;
  readonly port: number;
  #raw: net.Socket | undefined;
  #lost: Error | undefined;
  #closed = false;
  #ending = false;
  #startupFailed = false;
  /** Whether the server has sent ReadyForQuery: the connection may then carry queries. */
  #established = false;
  /** Framing of the server's messages: header bytes seen, and body bytes still to skip. */
  #header = new Uint8Array(5);
  #headerBytes = 0;
  #skip = 0;
  /** The next body byte is ReadyForQuery's transaction status. */
  #wantStatus = false;
  /** Transaction status of the last ReadyForQuery: I (idle), T (in one) or E (failed one). */
  #txStatus = IDLE;
  /** Requests sent that end in ReadyForQuery (Sync or a simple Query), and those answered. */
  #requests = 0;
  #answered = 0;
  /** Messages of a request have been sent since its last Sync (or a Flush asked for a description). */
  #flushed = false;
  /** Once lost: the request being answered has had its ErrorResponse. */
  #errored = false;
  /** Kind of the statement last executed, and of each prepared statement by name. */
  #lastKind: StatementKind = "other";
  #statements = new Map<string, StatementKind>();

  /** Where the server's hosts are chosen, and which of them this connection is to. */
  readonly #route: { route: HostRoute; index: number } | undefined;
  /** A ParameterStatus of the start-up being gathered, and how much of it has arrived. */
  #param: Uint8Array | undefined;
  #paramBytes = 0;
  /** The server said at start-up that it only reads, and this client needs to write. */
  #readOnly = false;

  constructor(
    raw: net.Socket | undefined,
    where: { host: string; port: number },
    lost?: Error,
    route?: { route: HostRoute; index: number },
  ) {
    super();
    this.host = where.host;
    this.port = where.port;
    this.#raw = raw;
    this.#lost = lost;
    this.#route = route;
    if (!raw) return;
    live.add(this);
    raw.on("data", (chunk: Uint8Array) => {
      if (this.#closed) return;
      const fatal = this.#watch(chunk);
      if (this.#readOnly) return this.#tryAnotherHost();
      if (fatal < 0) return void this.emit("data", chunk);
      // The server ends this connection: what came before its FATAL goes to the driver, the
      // FATAL itself does not (see #watch), and the requests in flight fail as on a loss.
      if (fatal > 0) this.emit("data", chunk.subarray(0, fatal));
      this.#peerGone();
      raw.destroy();
    });
    raw.on("drain", () => this.emit("drain"));
    raw.on("error", (err: Error) => this.#peerGone(err));
    raw.on("close", () => this.#peerGone());
  }

  /** Whether a request awaits its answer, or a transaction holds the connection. */
  get busy(): boolean {
    return this.#requests > this.#answered || this.#txStatus !== IDLE;
  }

  /** A short description of where the connection stands (connectionStates). */
  state(): string {
    return [
      this.#lost ? "lost" : "up",
      this.#closed ? "closed" : this.#ending ? "ending" : "open",
      this.#established ? "ready" : "starting",
      `sent ${this.#requests}`,
      `answered ${this.#answered}`,
      `tx ${String.fromCharCode(this.#txStatus)}`,
      this.#errored ? "errored" : "",
      this.#flushed ? "flushed" : "",
    ].filter(Boolean).join(" ");
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
      live.delete(this);
      queueMicrotask(() => this.emit("close", false));
      return;
    }
    if (this.#lost) return;
    this.#lost = lostError(err, this);
    peerLostListeners.forEach((listener) => listener());
    if (!this.#established) {
      // Nothing holds a connection that is starting up: fail its query, then close.
      setImmediate(() => this.#closeForDriver());
      return this.#failStartup();
    }
    // Answer what is in flight as the server would have: a failed statement each.
    const replies: Uint8Array[] = [];
    if (this.#headerBytes > 0 || this.#skip > 0) {
      // Cut mid-message: complete it with zeros; the error below fails its query anyway.
      replies.push(
        new Uint8Array(this.#skip + (this.#headerBytes > 0 ? 5 - this.#headerBytes : 0)),
      );
      this.#headerBytes = this.#skip = 0;
    }
    for (let n = this.#requests - this.#answered; n > 0; n--) replies.push(...this.#failed());
    if (this.#flushed) {
      // A description was asked for: the driver answers the error with a Sync (see write).
      replies.push(ERROR_RESPONSE);
      this.#errored = true;
    }
    this.#reply(replies);
  }

  /** The answer to a request on a lost connection: an error (the types query: no rows). */
  #failed(errored = false): Uint8Array[] {
    if (this.#lastKind === "types") return [EMPTY_RESULT, READY_IDLE];
    return errored ? [this.#readyAfter()] : [ERROR_RESPONSE, this.#readyAfter()];
  }

  /** ReadyForQuery for a request answered with an error, and the status it leaves. */
  #readyAfter(): Uint8Array {
    if (this.#lastKind === "end" || this.#txStatus === IDLE) {
      this.#txStatus = IDLE;
      return READY_IDLE;
    }
    this.#txStatus = FAILED;
    return READY_FAILED;
  }

  /** Hands server messages made up by the guard to the driver, on a turn of its own. */
  #reply(parts: Uint8Array[]): void {
    if (!parts.length) return;
    const bytes = Buffer.concat(parts); // the driver reads with Buffer methods
    queueMicrotask(() => {
      if (!this.#closed) this.emit("data", bytes);
    });
  }

  /**
   * Follows the server's message boundaries, counting ReadyForQuery and its status.
   * Answers where a FATAL ErrorResponse of an established connection starts in `chunk`,
   * or -1. The driver would keep such an error (and the query it failed) past the close
   * and fail the first query of the next connection with it; a connection the server
   * ends is handled as lost instead. Start-up errors (a wrong database, too many
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
        if (this.#param) this.#gatherParam(chunk.subarray(i, i + n));
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
        this.#skip = 0;
        return i - 5;
      }
      if (this.#header[0] === 0x53 && !this.#established && this.#route?.route.writable) {
        // ParameterStatus at start-up: whether the server is a standby or read-only.
        this.#param = new Uint8Array(this.#skip);
        this.#paramBytes = 0;
        if (this.#skip === 0) this.#gatherParam(new Uint8Array());
      }
      if (this.#header[0] === 0x5a) { // ReadyForQuery (the first one ends the start-up)
        if (this.#established) this.#answered++;
        this.#established = true;
        this.#wantStatus = this.#skip > 0;
      }
    }
    return -1;
  }

  /**
   * Follows what the driver sends once established: whole messages, one type byte each.
   * After a loss, answers each request as the server would answer a failed one.
   */
  #track(chunk: Uint8Array): void {
    if (!this.#established) return;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const replies: Uint8Array[] = [];
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
      }
      if (type === 0x53 || type === 0x51) { // Sync or simple Query: the request ends
        this.#requests++;
        sentRequests++;
        this.#flushed = false;
        if (this.#lost) {
          replies.push(...this.#failed(this.#errored));
          this.#errored = false;
          this.#answered++;
        }
      } else if (type === 0x48) { // Flush: a description is awaited
        this.#flushed = true;
        if (this.#lost && !this.#errored) {
          replies.push(ERROR_RESPONSE);
          this.#errored = true;
        }
      } else if (type !== 0x58) {
        this.#flushed = true;
      }
      i = end;
    }
    this.#reply(replies);
  }

  /** Adds bytes to the ParameterStatus being gathered; once whole, reads it. */
  #gatherParam(bytes: Uint8Array): void {
    const param = this.#param!;
    param.set(bytes, this.#paramBytes);
    this.#paramBytes += bytes.length;
    if (this.#paramBytes < param.length) return;
    this.#param = undefined;
    const nameEnd = param.indexOf(0);
    const name = decoder.decode(param.subarray(0, nameEnd));
    const value = decoder.decode(param.subarray(nameEnd + 1, param.indexOf(0, nameEnd + 1)));
    // PostgreSQL 14 and later report both at start-up (libpq's target_session_attrs=read-write
    // reads the same two).
    if ((name === "in_hot_standby" || name === "default_transaction_read_only") && value === "on") {
      this.#readOnly = true;
    }
  }

  /**
   * The server turned out read-only during start-up (a standby, or a primary being demoted):
   * the host is set aside for a moment and the driver is told the connection closed before
   * its start-up finished, which makes it connect again — through the factory, to the next
   * host. Nothing of this server's start-up reaches the driver after this point.
   */
  #tryAnotherHost(): void {
    this.#route!.route.readOnly(this.#route!.index);
    this.#closed = true;
    live.delete(this);
    this.#raw?.destroy();
    queueMicrotask(() => this.emit("close", false));
  }

  /** Fails the query that waits for a connection that never got going (once). */
  #failStartup(): void {
    if (this.#startupFailed || this.#closed) return;
    this.#startupFailed = true;
    this.emit("error", this.#lost);
  }

  /** Tells the driver the connection is closed. */
  #closeForDriver(): void {
    if (this.#closed) return;
    // Without the error first, the driver would retry the start-up until the server answers.
    if (!this.#established) this.#failStartup();
    this.#closed = true;
    live.delete(this);
    // hadError=false: the driver then fails the queries it sent on this connection.
    this.emit("close", false);
  }

  write(chunk: Uint8Array, callback?: (err?: Error | null) => void): boolean {
    if (!this.#lost && this.#raw) {
      this.#track(chunk);
      return this.#raw.write(chunk, callback);
    }
    const err = this.#lost;
    if (callback) queueMicrotask(() => callback(err));
    // A new request on an idle connection: no transaction holds it, so close it, right after
    // the driver's own write, where no buffered write can outlive the socket. Not inside it:
    // the driver files a connection whose write answered false as full once the write
    // returns, and one told `close` inside the write would stay filed so, closed, and take
    // the pool with it. The driver's query of array types is answered instead (TYPES_QUERY).
    const types = decoder.decode(chunk.subarray(0, 200)).toLowerCase().includes(TYPES_QUERY);
    if (!this.#established || (this.#txStatus === IDLE && !this.#errored && !types)) {
      queueMicrotask(() => this.#closeForDriver());
      return false;
    }
    this.#track(chunk);
    return true;
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

/**
 * What a statement does to the transaction: opens it, ends it, or neither; or it is the
 * driver's own query of array types, sent once per connection before any other.
 */
type StatementKind = "begin" | "end" | "types" | "other";

const decoder = new TextDecoder();

/** Classifies a statement by its first words (enough bytes of it to see them). */
function statementKind(head: Uint8Array): StatementKind {
  const text = decoder.decode(head).trimStart().toLowerCase();
  if (text.startsWith(TYPES_QUERY)) return "types";
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

/** A server message: type byte, length, body. */
function message(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setUint32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

/**
 * How the driver's query of array types starts (postgres.js 3.4.9, `fetchArrayTypes`).
 * Nothing handles that query's failure: a rejection of it ends the process. So on a lost
 * connection the guard answers it as the server would answer an empty result, and the
 * connection is closed by the driver's next write (the query the connection was opened
 * for, which then fails with 503).
 */
const TYPES_QUERY = "select b.oid, b.typarray";

/** An empty, successful result: CommandComplete. */
const EMPTY_RESULT = message("C", new TextEncoder().encode("SELECT 0\0"));

/** What the guard answers for a request on a lost connection (a 503 to the client). */
const ERROR_RESPONSE = message(
  "E",
  new TextEncoder().encode(
    "SERROR\0VERROR\0C08006\0Mthe connection to the database was lost\0\0",
  ),
);
const READY_IDLE = message("Z", Uint8Array.of(IDLE));
const READY_FAILED = message("Z", Uint8Array.of(FAILED));

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

/** How long a host that answered read-only is passed over before it is tried again. */
const READ_ONLY_HOLD_MS = 500;

/**
 * The servers one client may connect to (the hosts of a multi-host URL, in order) and
 * whether it needs one that accepts writes. Connections start at the host that last took
 * one; a host that answered read-only is passed over for READ_ONLY_HOLD_MS, so a failover
 * costs a quick 503 (no writable server right now) instead of a wait, and the new primary
 * is found by the next connection.
 */
export class HostRoute {
  #preferred = 0;
  readonly #readOnlyUntil: number[];

  constructor(readonly hosts: { host: string; port: number }[], readonly writable: boolean) {
    this.#readOnlyUntil = hosts.map(() => 0);
  }

  /** The hosts to try now, in order: from the preferred one on, less those set aside. */
  order(): number[] {
    const now = performance.now();
    const n = this.hosts.length;
    return Array.from({ length: n }, (_, k) => (this.#preferred + k) % n)
      .filter((i) => this.#readOnlyUntil[i] <= now);
  }

  /** A connection to host `i` opened: the next ones start there. */
  opened(i: number): void {
    this.#preferred = i;
  }

  /** Host `i` answered read-only: passed over for a moment, the next host preferred. */
  readOnly(i: number): void {
    this.#readOnlyUntil[i] = performance.now() + READ_ONLY_HOLD_MS;
    if (this.#preferred === i) this.#preferred = (i + 1) % this.hosts.length;
  }
}

/** Opens a TCP (or unix socket) connection; answers it, or the error that ended the attempt. */
function dial(
  where: { host: string; port: number },
  path: string | undefined,
  timeoutMs: number,
): Promise<net.Socket | Error> {
  return new Promise((resolve) => {
    const raw = new net.Socket();
    const failed = (err: Error) => {
      clearTimeout(timer);
      raw.destroy();
      resolve(err);
    };
    // The driver's own connect timer starts only once it has a socket.
    const timer = setTimeout(
      () => failed(Object.assign(new Error("connect timeout"), { code: "CONNECT_TIMEOUT" })),
      timeoutMs,
    );
    raw.once("error", failed);
    raw.once("connect", () => {
      clearTimeout(timer);
      raw.removeListener("error", failed);
      resolve(raw);
    });
    if (path) raw.connect(path);
    else raw.connect(where.port, where.host);
  });
}

/**
 * A `socket` option for postgres.js: connects, then hands over a guarded socket. A failed
 * connection is handed over too, already lost, so the driver reports the error on the
 * query that asked for the connection and leaves its pool intact. With a `route`, the hosts
 * are tried in its order (each with the full connect timeout, as libpq does); when every
 * host is set aside as read-only, the connection fails at once with SQLSTATE 25006.
 */
export function guardedSocket(route?: HostRoute) {
  return async (options: DriverOptions): Promise<GuardedSocket> => {
    dials.started++;
    dials.lastAt = Date.now();
    try {
      return await open(options);
    } finally {
      dials.ended++;
    }
  };

  async function open(options: DriverOptions): Promise<GuardedSocket> {
    const timeoutMs = (options.connect_timeout ?? 30) * 1000;
    const path = options.path || undefined;
    if (path || !route) {
      const where = path
        ? { host: path, port: 0 }
        : { host: options.host[0] ?? "localhost", port: options.port[0] ?? 5432 };
      const raw = await dial(where, path, timeoutMs);
      return raw instanceof Error
        ? new GuardedSocket(undefined, where, lostError(raw, where))
        : new GuardedSocket(raw, where);
    }
    const order = route.order();
    let last: { error: Error; where: { host: string; port: number } } | undefined;
    for (const index of order) {
      const where = route.hosts[index];
      const raw = await dial(where, undefined, timeoutMs);
      if (raw instanceof Error) {
        last = { error: raw, where };
        continue;
      }
      route.opened(index);
      return new GuardedSocket(raw, where, undefined, { route, index });
    }
    if (last) return new GuardedSocket(undefined, last.where, lostError(last.error, last.where));
    const where = route.hosts[0];
    const readOnly = Object.assign(new Error("no server accepts writes"), { code: "25006" });
    return new GuardedSocket(undefined, where, lostError(readOnly, where));
  }
}
