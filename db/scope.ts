/**
 * One request's handle on the database (STYLE.md pattern 15): who is asking, which
 * connection their queries use, the audit event their write stores, and the rule of which
 * rows they may see, stated once here instead of in each statement.
 */
import { type Db, sql } from "./client.ts";
import type { WriteEvent } from "./audit.ts";
import type { Fragment } from "./page.ts";

/** Who is asking: every patient query is scoped to the caller's rows unless they are an admin. */
export interface Caller {
  id: number;
  role: "user" | "admin";
}

/** The first argument of every query on records. */
export interface Scope {
  readonly caller: Caller;
  /** The connection its queries use. */
  readonly sql: Db;
  /** The audit event of the request's write, which the write's own statement stores. */
  event(): WriteEvent;
  /** SQL that holds for the rows whose owner column (`created_by`) the caller may see. */
  visible(ownerColumn?: string): Fragment;
}

function noEvent(): WriteEvent {
  throw new Error("this scope makes no writes");
}

/** A scope for `caller`; `event` makes the audit event of its write. */
export function scopeFor(caller: Caller, event: () => WriteEvent = noEvent, db: Db = sql): Scope {
  return {
    caller,
    sql: db,
    event,
    visible: (ownerColumn = "created_by") =>
      caller.role === "admin" ? db`true` : db`${db(ownerColumn)} = ${caller.id}`,
  };
}
