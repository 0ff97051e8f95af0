import { type Db, sql } from "./client.ts";

/** Failures for this email and address within the window, and seconds until the oldest expires. */
export async function recentFailures(
  email: string,
  clientIp: string,
  windowSeconds: number,
  db: Db = sql,
): Promise<{ count: number; retryAfter: number }> {
  const [row] = await db<{ count: number; retry_after: number | null }[]>`
    select count(*)::int as count,
      ceil(extract(epoch from min(at) + make_interval(secs => ${windowSeconds}) - now()))::int
        as retry_after
    from login_failures
    where email = ${email} and client_ip = ${clientIp}
      and at > now() - make_interval(secs => ${windowSeconds})`;
  return { count: row.count, retryAfter: Math.max(1, row.retry_after ?? 1) };
}

/** Records one failed login, dropping this key's rows that fell out of the window. */
export async function recordFailure(
  email: string,
  clientIp: string,
  windowSeconds: number,
  db: Db = sql,
): Promise<void> {
  await db`
    with old as (
      delete from login_failures
      where email = ${email} and client_ip = ${clientIp}
        and at <= now() - make_interval(secs => ${windowSeconds})
    )
    insert into login_failures (email, client_ip) values (${email}, ${clientIp})`;
}

/** Forgets the failures of a key after a successful login. */
export async function clearFailures(email: string, clientIp: string, db: Db = sql): Promise<void> {
  await db`delete from login_failures where email = ${email} and client_ip = ${clientIp}`;
}
