/**
 * One request's handle on the database (STYLE.md pattern 15): who is asking, their clinics
 * and roles, which connection their queries use, the audit event their write stores, and the
 * rule of which rows they may see, stated once here instead of in each statement.
 *
 * Queries on patient data run through `run`: one transaction that first sets the caller's
 * context (`set_config(..., true)`) and switches to the `healthcare_app` role, which row-level
 * security binds (migrations/009_clinics.sql). The SQL filter of `visible` is the fast path
 * that picks the index; the policies are the guarantee when a statement forgets it.
 */
import { type Db, type Sql, sql, transaction } from "./client.ts";
import { onReplica, replicaFor } from "./replicas.ts";
import type { WriteEvent } from "./audit.ts";
import type { Fragment } from "./page.ts";

/** Who is asking: every patient query is scoped to the caller's rows unless they are an admin. */
export interface Caller {
  id: number;
  role: "user" | "admin";
  /** The session (token `sid`) asking, whose own writes its reads must see. */
  sessionId?: string;
}

/** A member's role in a clinic. */
export type ClinicRole = "owner" | "clinician" | "front_desk" | "viewer";
export const CLINIC_ROLES = ["owner", "clinician", "front_desk", "viewer"] as const;

/** Roles that may write patients and assignments (front_desk: not the clinical fields). */
const WRITERS: ReadonlySet<ClinicRole> = new Set(["owner", "clinician", "front_desk"]);

/**
 * What a statement needs of the rows it touches: `documents` reads a patient's documents
 * (every reading role but front_desk), `clinical` writes clinical fields and documents.
 */
export type Need = "read" | "write" | "clinical" | "documents";

/**
 * Which deleted records a statement sees: none (`live`, every list and search), also those
 * the caller manages (`managed`: `include_deleted=true` for owners, clinic owners and admins),
 * or all it may otherwise see (`all`: a lookup that answers 410, a restore).
 */
export type Deleted = "live" | "managed" | "all";

/** The fields answered as null to a front_desk member. */
export const CLINICAL_FIELDS = [
  "allergies",
  "medical_history",
  "current_medications",
  "blood_group",
] as const;

/**
 * What a count of `list` filtered by `filters` depends on besides the data: who asks, and the
 * scope keys they may read. The key under which `countUpTo` keeps an estimate.
 */
export function countKey(s: Scope, list: string, filters: unknown): string {
  return `${list} ${s.caller.role} ${s.caller.id} ${s.keys() ?? "all"} ${JSON.stringify(filters)}`;
}

/** The database role the service's queries on patient data run as. */
export const APP_ROLE = "healthcare_app";

/** The first argument of every query on records. */
export interface Scope {
  readonly caller: Caller;
  /** The caller's clinics and their role in each. */
  readonly clinics: ReadonlyMap<number, ClinicRole>;
  /** The connection of queries that read no patient data (the doctor directory, clinics). */
  readonly sql: Sql;
  /** The audit event of the request's write, which the write's own statement stores. */
  event(): WriteEvent;
  /**
   * SQL that holds for the rows whose scope key column the caller may read (or write, or
   * write clinical fields of).
   */
  visible(keyColumn?: string, need?: Need, deleted?: Deleted): Fragment;
  /**
   * The deleted-row filter on the table aliased `alias` (its `deleted_at`); `managed` rows are
   * those for which `manages` holds (SQL over the row), and every row for an admin.
   */
  live(alias: string, deleted?: Deleted, manages?: Fragment): Fragment;
  /** SQL that holds for the rows whose scope key the caller manages (owner or clinic owner). */
  manages(keyColumn?: string): Fragment;
  /** The scope keys the caller may `need` (undefined for an admin, who may see every key). */
  keys(need?: Need): readonly number[] | undefined;
  /** True when the caller may `need` a record of this clinic (null: a personal record). */
  may(clinicId: number | null, createdBy: number, need: Need): boolean;
  /** True when the caller reads this clinic's records without their clinical fields. */
  redacts(clinicId: number | null): boolean;
  /** Runs `fn` in one transaction bound by row-level security to the caller's context. */
  run<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Runs `fn`'s statements on data other than patients' (`sql` of this scope, or the primary's). */
  read<T>(fn: (db: Sql) => Promise<T>): Promise<T>;
  /**
   * This scope reading from a read replica when there is one fit for the caller's session
   * (db/replicas.ts: up, within the lag limit, and past the session's last write), else this
   * scope itself. Its reads that fail on the replica's connection run again on the primary.
   */
  forReads(): Scope;
  /**
   * One statement bound by row-level security as cheaply as a bare one: sent as text in one
   * simple-protocol message after the context (`set local`, which the message's implicit
   * transaction scopes), through the shared pool. Only for statements whose every value is an
   * integer written in with `int()`; `statement` gets the visibility condition as text.
   */
  inline<T>(statement: (visible: string) => string): Promise<T[]>;
}

function noEvent(): WriteEvent {
  throw new Error("this scope makes no writes");
}

/** The scope keys (db/009: a clinic's id, or minus a user's id) the caller may `need`. */
function keysOf(
  caller: Caller,
  clinics: ReadonlyMap<number, ClinicRole>,
  need: Need | "manage",
): number[] {
  const keys = [-caller.id];
  for (const [id, role] of clinics) {
    if (
      need === "manage"
        ? role === "owner"
        : need === "read" || (need === "documents"
          ? role !== "front_desk"
          : need === "write"
          ? WRITERS.has(role)
          : WRITERS.has(role) && role !== "front_desk")
    ) {
      keys.push(id);
    }
  }
  return keys;
}

/** A scope for `caller` and their clinics; `event` makes the audit event of its write. */
export function scopeFor(
  caller: Caller,
  event: () => WriteEvent = noEvent,
  clinics: ReadonlyMap<number, ClinicRole> = new Map(),
  pool: Sql = sql,
): Scope {
  const admin = caller.role === "admin";
  const keys = {
    read: keysOf(caller, clinics, "read"),
    write: keysOf(caller, clinics, "write"),
    clinical: keysOf(caller, clinics, "clinical"),
    documents: keysOf(caller, clinics, "documents"),
    manage: keysOf(caller, clinics, "manage"),
  };
  const ints = (k: number[]) => `{${k.map(int).join(",")}}`;
  const context = admin
    ? { admin: "on", read: "{}", write: "{}" }
    : { admin: "off", read: ints(keys.read), write: ints(keys.write) };
  const manages = (keyColumn = "scope_key") =>
    admin ? pool`true` : keyIn(pool, keyColumn, keys.manage);
  const live = (alias: string, deleted: Deleted = "live", owned: Fragment = pool`false`) => {
    if (deleted === "all" || (deleted === "managed" && admin)) return pool`true`;
    const column = pool(alias ? `${alias}.deleted_at` : "deleted_at");
    return deleted === "live" ? pool`${column} is null` : pool`(${column} is null or ${owned})`;
  };
  const self: Scope = {
    caller,
    clinics,
    sql: pool,
    event,
    visible(keyColumn = "scope_key", need: Need = "read", deleted: Deleted = "live") {
      const alias = keyColumn.includes(".") ? keyColumn.slice(0, keyColumn.indexOf(".")) : "";
      const notDeleted = live(alias, deleted, manages(keyColumn));
      if (admin) return notDeleted;
      // One key (no clinics): an equality, which walks the (scope_key, field, id) indexes.
      return pool`${keyIn(pool, keyColumn, keys[need])} and ${notDeleted}`;
    },
    live,
    manages,
    keys: (need = "read") => admin ? undefined : keys[need],
    may(clinicId, createdBy, need) {
      if (admin) return true;
      return keys[need].includes(clinicId ?? -createdBy);
    },
    redacts(clinicId) {
      return !admin && clinicId !== null && clinics.get(clinicId) === "front_desk";
    },
    async inline<T>(statement: (visible: string) => string) {
      const visible = admin
        ? "true"
        : keys.read.length === 1
        ? `scope_key = ${int(keys.read[0])}`
        : `scope_key = any ('${context.read}'::int[])`;
      const results = await pool.unsafe(`${settings(context)}; ${statement(visible)}`).simple();
      // One result per statement: the settings', then the statement's rows.
      return results[results.length - 1] as unknown as T[];
    },
    run: (fn) => inContext(pool, context, fn),
    read: (fn) => fn(pool),
    forReads() {
      const replica = replicaFor(caller.sessionId);
      if (!replica) return self;
      const r = scopeFor(caller, noEvent, clinics, replica.sql);
      const reading: Scope = {
        ...r,
        forReads: () => reading,
        run: (fn) => onReplica(replica, () => r.run(fn), () => self.run(fn)),
        inline: (statement) =>
          onReplica(replica, () => r.inline(statement), () => self.inline(statement)),
        read: (fn) => onReplica(replica, () => fn(replica.sql), () => fn(pool)),
      };
      return reading;
    },
  };
  return self;
}

/** `column` is one of `keys`: an equality when there is one key. */
function keyIn(pool: Sql, column: string, keys: number[]): Fragment {
  return keys.length === 1
    ? pool`${pool(column)} = ${keys[0]}`
    : pool`${pool(column)} = any(${keys}::int[])`;
}

/** An integer to write into SQL text; anything else is refused. */
export function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

/** `set local` of the role and the context: integers and fixed words only. */
function settings(context: { admin: string; read: string; write: string }): string {
  return `set local role ${APP_ROLE}; set local app.admin = '${context.admin}'; ` +
    `set local app.read_keys = '${context.read}'; set local app.write_keys = '${context.write}'`;
}

/**
 * Runs `fn` in the driver's own transaction (`sql.begin`, which rolls back on an error and
 * fails with a lost connection): the context goes in one simple-protocol message sent ahead
 * of `fn`'s first statements, in the same flush, so a single-statement `fn` costs three round
 * trips (`begin`, the context with the statement, `commit`).
 */
function inContext<T>(
  pool: Sql,
  context: { admin: string; read: string; write: string },
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  return transaction(pool, async (tx) => {
    // Sent now, one microtask before `fn`'s first statement can be.
    const set = tx.unsafe(settings(context)).simple().execute();
    const [, result] = await Promise.all([set, fn(tx)]);
    return result;
  }) as Promise<T>;
}
