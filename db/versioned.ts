/**
 * Changes to versioned rows (patients, doctors) in one statement each: the row is locked, the
 * caller's rules are checked against it, the change and its audit event are written only if
 * they hold, and what was found comes back so the caller can say why not (404, 403, 410, 412,
 * …). A deletion marks the row deleted; the table's trigger appends each change's version
 * (migrations/010_history.sql).
 */
import type postgres from "postgres";
import type { Db } from "./client.ts";
import { eventsOfRows, type WriteEvent } from "./audit.ts";

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** A versioned write. */
export interface VersionedWrite {
  table: "patients" | "doctors" | "appointments" | "documents";
  id: number;
  /** Which rows the caller may see (a `where` condition on the table): others are not found. */
  visible: Fragment;
  /** Columns of the current row the caller needs to explain a refusal (`deleted_at` always). */
  keep: string[];
  /** `If-Match`: the versions the caller accepts (any when undefined). */
  versions?: number[];
  /**
   * Further conditions on the current row (`current.…`) that must all hold for the write, beside
   * `If-Match` and the row being live (deleted, for a restore).
   */
  rules: Fragment[];
  /**
   * The `set …` clause of an update (on the table as `t`), or `delete` (marks the row deleted)
   * or `restore` (marks it live again).
   */
  change: Fragment | "delete" | "restore";
  /** Who makes the change (the row's `updated_by`, which its version names). */
  by: number;
  event: WriteEvent;
  /** The patients the event names, as an SQL int[] over the `written` row. */
  patientIds: Fragment;
  /** Their clinic, as an SQL int over the `written` row. */
  clinicId: Fragment;
}

/** What a versioned write found: the current row's version and kept columns, and the row written. */
export interface Found<R> {
  version: number;
  current: Record<string, unknown>;
  /** Undefined when a rule refused the write. */
  written?: R;
}

/**
 * `set a = $1, b = $2` for the `cols` of `fields` (or `unchanged` set to itself when there
 * are none, so an empty change still makes a new version), built column by column: the
 * driver's own object form only works right after the word `update` in the same fragment.
 */
export function setClause(
  db: Db,
  fields: Record<string, unknown>,
  cols: readonly string[],
  unchanged: string,
) {
  if (cols.length === 0) return db`set ${db(unchanged)} = t.${db(unchanged)}`;
  return cols.reduce(
    (clause, col, i) => db`${clause}${i ? db`,` : db``} ${db(col)} = ${fields[col] as string}`,
    db`set`,
  );
}

/**
 * What a change asks of a row's `deleted_at` (on the table aliased `alias`): a restore needs a
 * deleted row, any other change a live one.
 */
export function stateFor(db: Db, change: unknown, alias: string) {
  const column = db(`${alias}.deleted_at`);
  return change === "restore" ? db`${column} is not null` : db`${column} is null`;
}

/** The `set` clause of a deletion (marks the row deleted by `by`) or a restore. */
export function lifecycleSet(db: Db, change: "delete" | "restore", by: number) {
  return change === "delete"
    ? db`set deleted_at = now(), deleted_by = ${by}`
    : db`set deleted_at = null, deleted_by = null`;
}

/** Runs a versioned write; undefined when the caller may see no such row. */
export async function versionedWrite<R>(db: Db, w: VersionedWrite): Promise<Found<R> | undefined> {
  const table = db(w.table);
  const versions = w.versions ? [db`current.version = any(${w.versions}::int[])`] : [];
  const state = stateFor(db, w.change, "current");
  const rules = [...versions, state, ...w.rules].reduce((all, rule) => db`${all} and ${rule}`);
  const keep = [...new Set(["deleted_at", ...w.keep])];
  const kept = keep.map((col) => `current_${col}`);
  const change = w.change === "delete" || w.change === "restore"
    ? lifecycleSet(db, w.change, w.by)
    : w.change;
  const [hit] = await db<Record<string, unknown>[]>`
    with current as (
      select id, version ${keep.reduce((cols, col) => db`${cols}, ${db(col)}`, db``)}
      from ${table} where id = ${w.id} and ${w.visible} for update
    ), written as (
      update ${table} t ${change}, version = t.version + 1, updated_at = now(),
        updated_by = ${w.by}
      from current where t.id = current.id and ${rules} returning t.*
    ), event as (${eventsOfRows(db, w.event, "written", w.patientIds, w.clinicId)})
    select written.*, current.version as current_version ${
    keep.reduce((cols, col, i) => db`${cols}, current.${db(col)} as ${db(kept[i])}`, db``)
  }
    from current left join written on true`;
  if (!hit) return undefined;
  const current: Record<string, unknown> = {};
  for (const [i, col] of keep.entries()) current[col] = hit[kept[i]];
  const version = hit.current_version as number;
  for (const col of ["current_version", ...kept]) delete hit[col];
  return { version, current, written: hit.id === null ? undefined : hit as R };
}
