import { type Db, type Sql, sql } from "./client.ts";

/**
 * Counts one sign-in attempt for this email and address before its password is checked,
 * unless `max` attempts already count within the window: then answers the seconds until
 * the oldest leaves it. One transaction under a lock on the key, so attempts made at once,
 * on any instance, are counted one after another and at most `max` are ever checked.
 * A successful sign-in clears the key (`clearFailures`), so only failures keep counting.
 */
export async function countAttempt(
  email: string,
  clientIp: string,
  windowSeconds: number,
  max: number,
  db: Sql = sql,
): Promise<{ allowed: true } | { allowed: false; retryAfter: number }> {
  return await db.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${email} || ' ' || ${clientIp}, 0))`;
    const [row] = await tx<{ count: number; retry_after: number | null }[]>`
      with old as (
        delete from login_failures
        where email = ${email} and client_ip = ${clientIp}
          and at <= now() - make_interval(secs => ${windowSeconds})
      )
      select count(*)::int as count,
        ceil(extract(epoch from min(at) + make_interval(secs => ${windowSeconds}) - now()))::int
          as retry_after
      from login_failures
      where email = ${email} and client_ip = ${clientIp}
        and at > now() - make_interval(secs => ${windowSeconds})`;
    if (row.count >= max) return { allowed: false, retryAfter: Math.max(1, row.retry_after ?? 1) };
    await tx`insert into login_failures (email, client_ip) values (${email}, ${clientIp})`;
    return { allowed: true };
  }) as { allowed: true } | { allowed: false; retryAfter: number };
}

/** Forgets the attempts of a key after a successful sign-in. */
export async function clearFailures(email: string, clientIp: string, db: Db = sql): Promise<void> {
  await db`delete from login_failures where email = ${email} and client_ip = ${clientIp}`;
}
