/**
 * Versions of patients and doctors (migrations/010_history.sql): each snapshot is read back as
 * a row of its table, typed like a live one, so the record's own serializer answers it.
 */
import type { Db } from "./client.ts";
import type { Scope } from "./scope.ts";

/** What a version records. */
export type VersionAction = "create" | "update" | "delete" | "restore" | "purge";

/** One version and the record as it was after it (undefined for a purge's tombstone). */
export interface VersionRow<R> {
  version: number;
  at: Date;
  by: number | null;
  action: VersionAction;
  changed_fields: string[];
  snapshot?: R;
}

const TABLES = {
  patient: "patients",
  doctor: "doctors",
  appointment: "appointments",
  document: "documents",
} as const;
type Versioned = keyof typeof TABLES;

/** Splits a row of `SELECT` into the version and its snapshot. */
function versionRow<R>(row: Record<string, unknown>): VersionRow<R> {
  const { v_version, v_at, v_by, v_action, v_changed_fields, ...snapshot } = row;
  return {
    version: v_version as number,
    at: v_at as Date,
    by: v_by as number | null,
    action: v_action as VersionAction,
    changed_fields: v_changed_fields as string[],
    snapshot: snapshot.id === null ? undefined : snapshot as R,
  };
}

const SELECT = (db: Db, type: Versioned) =>
  db`select v.version as v_version, v.at as v_at, v.by as v_by, v.action as v_action,
      v.changed_fields as v_changed_fields, r.*
    from versions v
    left join lateral jsonb_populate_record(null::${db(TABLES[type])}, v.snapshot) r on true`;

/** A page of a record's versions, newest first, and how many there are. */
export function listVersions<R>(
  s: Scope,
  type: Versioned,
  id: number,
  p: { limit: number; offset: number },
): Promise<{ count: number; rows: VersionRow<R>[] }> {
  return s.run(async (db) => {
    const [rows, [{ count }]] = await Promise.all([
      db<Record<string, unknown>[]>`
        ${SELECT(db, type)}
        where v.resource_type = ${type} and v.resource_id = ${id}
        order by v.version desc limit ${p.limit} offset ${p.offset}`,
      db<{ count: number }[]>`
        select count(*)::int as count from versions
        where resource_type = ${type} and resource_id = ${id}`,
    ]);
    return { count, rows: rows.map((r) => versionRow<R>(r)) };
  });
}

/** One version of a record, if the caller may see it. */
export function findVersion<R>(
  s: Scope,
  type: Versioned,
  id: number,
  version: number,
): Promise<VersionRow<R> | undefined> {
  return s.run(async (db) => {
    const [row] = await db<Record<string, unknown>[]>`
      ${SELECT(db, type)}
      where v.resource_type = ${type} and v.resource_id = ${id} and v.version = ${version}`;
    return row && versionRow<R>(row);
  });
}
