/** The shapes the history routes of patients and doctors share: a version, and its query. */
import { z } from "zod";
import type { VersionRow } from "../db/history.ts";
import { pageQuery } from "../lib/fields.ts";
import { named } from "../lib/route_marks.ts";
import { ApiError } from "../lib/errors.ts";
import { timestamp } from "./http.ts";

const { limit, offset, page, page_size } = pageQuery(["version"]);

/** Query of a history list: newest first, paged. */
export const historyQuery = z.object({ limit, offset, page, page_size });

/** A version of a record: `snapshot` is the record as answered after the change. */
export function versionSchema<S extends z.ZodType>(name: string, record: S) {
  return named(
    name,
    z.strictObject({
      version: z.number().int(),
      at: timestamp,
      by: z.number().int().nullable(),
      action: z.enum(["create", "update", "delete", "restore", "purge"]),
      changed_fields: z.array(z.string()),
      snapshot: record.nullable().meta({ description: "Null in a purge's tombstone" }),
    }),
  );
}

/** A version as answered, its snapshot through the record's own serializer. */
export function versionJson<R, A>(v: VersionRow<R>, json: (r: R) => A) {
  return {
    version: v.version,
    at: v.at,
    by: v.by,
    action: v.action,
    changed_fields: v.changed_fields,
    snapshot: v.snapshot === undefined ? null : json(v.snapshot),
  };
}

/** 410 for a record that was deleted. */
export function gone(what: string): ApiError {
  return new ApiError(410, `This ${what} was deleted; it can be restored`);
}

/**
 * Throws when a change was refused for the record's state: 409 on `deleted_at` for a restore
 * of a live record, 410 for any other change of a deleted one.
 */
export function checkState(what: string, restoring: boolean, deleted: boolean): void {
  if (restoring && !deleted) {
    throw new ApiError(409, `This ${what} is not deleted`, [
      { field: "deleted_at", message: "is not set: there is nothing to restore" },
    ]);
  }
  if (!restoring && deleted) throw gone(what);
}
