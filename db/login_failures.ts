import { type Db, type Sql, sql, transaction } from "./client.ts";

/**
 * The sign-in limits: failures per email and address, per email from everywhere, and per
 * address across every email.
 */
export interface LoginLimits {
  windowSeconds: number;
  perAddress: number;
  perAccount: number;
  perAddressAllEmails: number;
}

/**
 * Counts one sign-in attempt for this email and address before its password is checked,
 * unless the window already holds `perAddress` attempts for the pair, or `perAccount` for
 * the email from all addresses, or `perAddressAllEmails` for the address whatever the email
 * (one client trying made-up emails): then answers the seconds until the oldest that counts
 * leaves it. One transaction under a lock on the email, so attempts made at once, on any
 * instance and from any address, are counted one after another and never outrun a limit.
 * A successful sign-in clears its pair (`clearFailures`), so only failures keep counting.
 */
export async function countAttempt(
  email: string,
  clientKey: string,
  limits: LoginLimits,
  db: Sql = sql,
): Promise<{ allowed: true } | { allowed: false; retryAfter: number }> {
  const window = db`make_interval(secs => ${limits.windowSeconds})`;
  return await transaction(db, async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended('login ' || ${email}, 0))`;
    const [row] = await tx<
      {
        here: number;
        everywhere: number;
        here_after: number;
        everywhere_after: number;
        address_n: number;
        address_after: number | null;
      }[]
    >`
      with old as (
        delete from login_failures where email = ${email} and at <= now() - ${window}
      ), live as (
        select client_ip, at from login_failures where email = ${email} and at > now() - ${window}
      ), address as (
        select count(*)::int as n, min(at) as oldest from login_failures
        where client_ip = ${clientKey} and at > now() - ${window}
      )
      select
        (select n from address) as address_n,
        ceil(extract(epoch from (select oldest from address) + ${window} - now()))::int
          as address_after,
        count(*) filter (where client_ip = ${clientKey})::int as here,
        count(*)::int as everywhere,
        ceil(extract(epoch from
          min(at) filter (where client_ip = ${clientKey}) + ${window} - now()))::int as here_after,
        ceil(extract(epoch from min(at) + ${window} - now()))::int as everywhere_after
      from live`;
    if (row.here >= limits.perAddress) {
      return { allowed: false, retryAfter: Math.max(1, row.here_after ?? 1) };
    }
    if (row.everywhere >= limits.perAccount) {
      return { allowed: false, retryAfter: Math.max(1, row.everywhere_after ?? 1) };
    }
    // Across emails there is no lock to share: attempts made at once from one address may
    // pass this by the few its hashing share lets through (routes/auth.ts).
    if (row.address_n >= limits.perAddressAllEmails) {
      return { allowed: false, retryAfter: Math.max(1, row.address_after ?? 1) };
    }
    await tx`insert into login_failures (email, client_ip) values (${email}, ${clientKey})`;
    return { allowed: true };
  }) as { allowed: true } | { allowed: false; retryAfter: number };
}

/** Forgets every failed sign-in counted for an email, from any address (an admin's reset). */
export async function clearAllFailures(email: string, db: Db = sql): Promise<void> {
  await db`delete from login_failures where email = ${email}`;
}

/** Forgets the attempts of a key after a successful sign-in. */
export async function clearFailures(email: string, clientKey: string, db: Db = sql): Promise<void> {
  await db`delete from login_failures where email = ${email} and client_ip = ${clientKey}`;
}
