import { type Db, sql } from "./client.ts";
import type { Fragment } from "./page.ts";

/**
 * Starts a session whose current refresh token has the given digest, and notes the sign-in
 * as the user's last.
 */
export async function insertSession(
  s: { id: string; userId: number; refreshHash: string; expiresAt: Date; clientIp: string },
  db: Db = sql,
): Promise<void> {
  await db`
    with s as (
      insert into sessions (id, user_id, refresh_hash, expires_at, client_ip)
      values (${s.id}, ${s.userId}, ${s.refreshHash}, ${s.expiresAt}, ${s.clientIp})
      returning user_id
    )
    update users set last_login_at = now() from s where users.id = s.user_id`;
}

/** A session as its user sees it. */
export interface SessionRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  client_ip: string | null;
}

/**
 * The user's live sessions (not revoked, not expired, within the absolute lifetime), the
 * most recently used first, and how many there are.
 */
export async function listSessions(
  userId: number,
  sessionMaxDays: number,
  p: { limit: number; offset: number },
  db: Db = sql,
): Promise<{ count: number; rows: SessionRow[] }> {
  const live = db`
    user_id = ${userId} and revoked_at is null and expires_at > now()
    and created_at > now() - make_interval(days => ${sessionMaxDays})`;
  const [rows, [{ count }]] = await Promise.all([
    db<SessionRow[]>`
      select id, created_at, last_used_at, client_ip from sessions where ${live}
      order by last_used_at desc, id limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`select count(*)::int as count from sessions where ${live}`,
  ]);
  return { count, rows };
}

/** Conditions for a session (`sessions` as `s`) that can still be refreshed. */
const refreshable = (db: Db, sessionMaxDays: number) =>
  db`s.revoked_at is null and s.expires_at > now()
    and s.created_at > now() - make_interval(days => ${sessionMaxDays})`;

/**
 * Swaps the session's refresh digest from `oldHash` to `newHash` in one statement, so a
 * token can be spent once, and remembers `oldHash` and when (`issuedAt`, whole seconds) it
 * was replaced. Answers the owner, or nothing when the token is not current.
 */
export async function rotateRefresh(
  r: {
    sessionId: string;
    oldHash: string;
    newHash: string;
    issuedAt: number;
    expiresAt: Date;
    /** A session ends this many days after sign-in, however often it is refreshed. */
    sessionMaxDays: number;
    /** Where the refresh came from: the session's address from now on. */
    clientIp: string;
  },
  db: Db = sql,
): Promise<{ id: number; role: "user" | "admin" } | undefined> {
  const [row] = await db<{ id: number; role: "user" | "admin" }[]>`
    with rotated as (
      update sessions s set refresh_hash = ${r.newHash}, previous_refresh_hash = ${r.oldHash},
        rotated_at = to_timestamp(${r.issuedAt}), last_used_at = now(),
        client_ip = ${r.clientIp},
        expires_at = least(${r.expiresAt}::timestamptz,
          s.created_at + make_interval(days => ${r.sessionMaxDays}))
      where s.id = ${r.sessionId} and s.refresh_hash = ${r.oldHash}
        and ${refreshable(db, r.sessionMaxDays)}
      returning s.user_id
    )
    select u.id, u.role from rotated join users u on u.id = rotated.user_id where u.is_active`;
  return row;
}

/**
 * When `oldHash` was replaced by the session's current token no more than `withinSeconds`
 * ago: the rotation's time in whole seconds and the owner, so the same answer can be given
 * again. Run after `rotateRefresh` missed, so it sees a rotation that raced it.
 */
export async function recentRotation(
  r: { sessionId: string; oldHash: string; withinSeconds: number; sessionMaxDays: number },
  db: Db = sql,
): Promise<{ id: number; role: "user" | "admin"; issued_at: number } | undefined> {
  if (r.withinSeconds <= 0) return undefined;
  const [row] = await db<{ id: number; role: "user" | "admin"; issued_at: number }[]>`
    select u.id, u.role, extract(epoch from s.rotated_at)::int as issued_at
    from sessions s join users u on u.id = s.user_id
    where s.id = ${r.sessionId} and s.previous_refresh_hash = ${r.oldHash}
      and s.rotated_at > now() - make_interval(secs => ${r.withinSeconds})
      and ${refreshable(db, r.sessionMaxDays)} and u.is_active`;
  return row;
}

/**
 * The `update` that ends the live sessions (`sessions` as `s`) matching `where` and tells
 * every instance through NOTIFY, returning their ids: the body of a CTE, so a write that
 * ends sessions (db/users.ts `changeUser`) does it in its own statement.
 */
export function endingSessions(db: Db, where: Fragment) {
  return db`
    update sessions s set revoked_at = now()
    where ${where} and s.revoked_at is null
    returning s.id, pg_notify('session_revoked', s.id::text)`;
}

/** Ends the live sessions matching `where`; answers their ids. */
async function endSessions(db: Db, where: Fragment): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    with ended as (${endingSessions(db, where)}) select id::text from ended`;
  return rows.map((r) => r.id);
}

/** Revokes a session (of `userId`, when given), telling every instance; false if it was not live. */
export async function revokeSession(
  sessionId: string,
  userId?: number,
  db: Db = sql,
): Promise<boolean> {
  const owner = userId === undefined ? db`` : db`and s.user_id = ${userId}`;
  return (await endSessions(db, db`s.id = ${sessionId} ${owner}`)).length > 0;
}

/** Revokes the user's sessions among `ids` in one statement, telling every instance; answers those ended. */
export function revokeSessions(ids: string[], userId: number, db: Db = sql): Promise<string[]> {
  return endSessions(db, db`s.id = any(${ids}::uuid[]) and s.user_id = ${userId}`);
}

/**
 * Ends every live session of a user but `keep` (when given), telling every instance;
 * answers the ids of the sessions ended.
 */
export function revokeUserSessions(userId: number, keep?: string, db: Db = sql): Promise<string[]> {
  const kept = keep === undefined ? db`` : db`and s.id <> ${keep}`;
  return endSessions(db, db`s.user_id = ${userId} ${kept}`);
}

/**
 * Sessions revoked after `since` (less a few seconds of overlap, for transactions that
 * commit out of order), or within the last `withinMinutes` when there is no `since`.
 */
export async function revokedSince(
  since: Date | undefined,
  withinMinutes: number,
  db: Db = sql,
): Promise<{ id: string; revoked_at: Date }[]> {
  return await db<{ id: string; revoked_at: Date }[]>`
    select id, revoked_at from sessions
    where revoked_at is not null and revoked_at > ${
    since
      ? db`${since}::timestamptz - interval '5 seconds'`
      : db`now() - make_interval(mins => ${withinMinutes})`
  }`;
}
