import { type Db, sql } from "./client.ts";

/** Rows deleted per statement, so a purge never holds locks on a large table for long. */
const BATCH = 5000;

/** What one purge removed. */
export interface Purged {
  loginFailures: number;
  sessions: number;
}

/**
 * Deletes sign-in failures older than the window (they no longer count) and sessions
 * that ended more than `keepSeconds` ago: expired, or revoked (a revocation must outlive
 * the access tokens of its session, so `keepSeconds` is at least their lifetime).
 */
export async function purgeExpired(
  windowSeconds: number,
  keepSeconds: number,
  db: Db = sql,
): Promise<Purged> {
  const loginFailures = await inBatches(() =>
    db`
      delete from login_failures where ctid = any(array(
        select ctid from login_failures
        where at <= now() - make_interval(secs => ${windowSeconds})
        limit ${BATCH}))`
  );
  const sessions = await inBatches(() =>
    db`
      delete from sessions where id = any(array(
        select id from sessions
        where expires_at < now() - make_interval(secs => ${keepSeconds})
        union all
        select id from sessions
        where revoked_at < now() - make_interval(secs => ${keepSeconds})
        limit ${BATCH}))`
  );
  return { loginFailures, sessions };
}

/** How long an upload's bytes may stay unnamed by a document before they count as left behind. */
export const ORPHAN_CONTENT_SECONDS = 3600;

/**
 * Removes documents' contents that no document names and that are older than `ageSeconds` (an
 * upload cut short by a crash; a failed upload removes its own at once), with their chunks;
 * answers how many, and the ids of those whose bytes are objects of the S3 store.
 */
export async function sweepDocumentContents(
  ageSeconds = ORPHAN_CONTENT_SECONDS,
  db: Db = sql,
): Promise<{ removed: number; objects: string[] }> {
  const rows = await db<{ id: string; store: string }[]>`
    select id, store from sweep_document_contents(make_interval(secs => ${ageSeconds}))`;
  return { removed: rows.length, objects: rows.filter((r) => r.store === "s3").map((r) => r.id) };
}

/** Runs a batch delete until one deletes less than a full batch; answers the rows deleted. */
async function inBatches(batch: () => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const { count } = await batch();
    total += count;
    if (count < BATCH) return total;
  }
}

/** Months ahead of this one whose audit partitions exist at all times. */
export const AUDIT_MONTHS_AHEAD = 3;

/**
 * Makes the audit trail's partitions of this month and the AUDIT_MONTHS_AHEAD after it that are
 * missing (migrations/015_audit_partitions.sql); answers how many it made.
 */
export async function ensureAuditPartitions(db: Db = sql): Promise<number> {
  const [{ made }] = await db<{ made: number }[]>`
    select audit_partitions_ensure(${AUDIT_MONTHS_AHEAD}) as made`;
  return made;
}

/**
 * Detaches (never drops) the audit partitions whose events are all older than `months` whole
 * months before this one; answers the tables detached, which stay for archiving.
 */
export async function detachAuditPartitions(months: number, db: Db = sql): Promise<string[]> {
  const rows = await db<{ name: string }[]>`select audit_partitions_detach(${months}) as name`;
  return rows.map((r) => r.name);
}
