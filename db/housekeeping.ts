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

/** Runs a batch delete until one deletes less than a full batch; answers the rows deleted. */
async function inBatches(batch: () => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const { count } = await batch();
    total += count;
    if (count < BATCH) return total;
  }
}
