import { type Db, sql } from "./client.ts";
import { eventsOfRows } from "./audit.ts";
import type { Scope } from "./scope.ts";
import { endingSessions } from "./sessions.ts";
import type { Page } from "./page.ts";

/** A user as answered by the API: never the password hash. */
export interface User {
  id: number;
  name: string;
  email: string;
  role: "user" | "admin";
  created_at: Date;
}

/** Inserts a user; a taken email fails on `users_email_key` (409 through the funnel). */
export async function insertUser(
  u: { name: string; email: string; passwordHash: string; role?: "user" | "admin" },
  db: Db = sql,
): Promise<User> {
  const [row] = await db<User[]>`
    insert into users (name, email, password_hash, role)
    values (${u.name}, ${u.email}, ${u.passwordHash}, ${u.role ?? "user"})
    returning id, name, email, role, created_at`;
  return row;
}

/** The user with this (lower-case) email, or this id, and the stored hash, if any. */
export async function findUserForLogin(
  key: string | number,
  db: Db = sql,
): Promise<(User & { password_hash: string; is_active: boolean }) | undefined> {
  const [row] = await db<(User & { password_hash: string; is_active: boolean })[]>`
    select id, name, email, role, created_at, password_hash, is_active from users
    where ${typeof key === "number" ? db`id = ${key}` : db`email = ${key}`}`;
  return row;
}

/** The user with this id, if any. */
export async function findUser(id: number, db: Db = sql): Promise<User | undefined> {
  const [row] = await db<
    User[]
  >`select id, name, email, role, created_at from users where id = ${id}`;
  return row;
}

/**
 * Sets a user's name and/or email; a taken email fails on `users_email_key` (409 through the
 * funnel). Undefined when the user is gone.
 */
export async function updateProfile(
  id: number,
  changes: { name?: string; email?: string },
  db: Db = sql,
): Promise<User | undefined> {
  const [row] = await db<User[]>`
    update users set name = coalesce(${changes.name ?? null}::text, name),
      email = coalesce(${changes.email ?? null}::text, email)
    where id = ${id}
    returning id, name, email, role, created_at`;
  return row;
}

/** Replaces a stored hash (parameters upgraded at login). */
export async function updatePasswordHash(id: number, hash: string, db: Db = sql): Promise<void> {
  await db`update users set password_hash = ${hash} where id = ${id}`;
}

/** Creates an admin, or promotes and re-passwords the user with that email. */
export async function upsertAdmin(
  u: { name: string; email: string; passwordHash: string },
  db: Db = sql,
): Promise<User & { created: boolean }> {
  const [row] = await db<(User & { created: boolean })[]>`
    insert into users (name, email, password_hash, role)
    values (${u.name}, ${u.email}, ${u.passwordHash}, 'admin')
    on conflict (email) do update
      set role = 'admin', name = excluded.name, password_hash = excluded.password_hash
    returning id, name, email, role, created_at, (xmax = 0) as created`;
  return row;
}

/** A user as an admin sees it. */
export interface ManagedUser extends User {
  is_active: boolean;
  last_login_at: Date | null;
}

const MANAGED = ["id", "name", "email", "role", "is_active", "created_at", "last_login_at"];

/** Filters of the admin's user list. */
export interface UserFilters {
  /** A LIKE pattern over name and email (db/page.ts `likePattern`). */
  search?: string;
  role?: "user" | "admin";
  is_active?: boolean;
}

/** A page of users, by `p.ordering`, and how many match. */
export async function listUsers(
  f: UserFilters,
  p: Page<"id" | "name" | "email" | "created_at" | "last_login_at">,
  db: Db = sql,
): Promise<{ count: number; rows: ManagedUser[] }> {
  const where = () =>
    db`true
    ${f.search ? db`and (lower(name) like ${f.search} or email like ${f.search})` : db``}
    ${f.role ? db`and role = ${f.role}` : db``}
    ${f.is_active === undefined ? db`` : db`and is_active = ${f.is_active}`}`;
  const [rows, [{ count }]] = await Promise.all([
    db<ManagedUser[]>`
      select ${db(MANAGED)} from users where ${where()}
      order by ${db(p.ordering.field)} ${
      p.ordering.desc ? db`desc nulls last` : db`asc nulls first`
    },
        id ${p.ordering.desc ? db`desc` : db`asc`}
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`select count(*)::int as count from users where ${where()}`,
  ]);
  return { count, rows };
}

/** One user as an admin sees it. */
export async function findManagedUser(id: number, db: Db = sql): Promise<ManagedUser | undefined> {
  const [row] = await db<ManagedUser[]>`select ${db(MANAGED)} from users where id = ${id}`;
  return row;
}

/**
 * Sets a user's name, role or active flag with its audit event; a new role or a
 * deactivation ends every session of the user (told to every instance), in the same
 * statement. Answers the user and the sessions ended, or undefined when there is no such
 * user.
 */
export async function changeUser(
  s: Scope,
  id: number,
  changes: { name?: string; role?: "user" | "admin"; is_active?: boolean },
): Promise<{ user: ManagedUser; ended: string[] } | undefined> {
  const db = s.sql;
  const [row] = await db<(ManagedUser & { ended: string[] })[]>`
    with before as (
      select id, role, is_active from users where id = ${id} for update
    ), written as (
      update users u set name = coalesce(${changes.name ?? null}::text, u.name),
        role = coalesce(${changes.role ?? null}::text, u.role),
        is_active = coalesce(${changes.is_active ?? null}::boolean, u.is_active)
      from before b where u.id = b.id
      returning u.id, u.name, u.email, u.role, u.is_active, u.created_at, u.last_login_at,
        (u.role <> b.role or (b.is_active and not u.is_active)) as ends_sessions
    ), ended as (${
    endingSessions(db, db`s.user_id in (select id from written where ends_sessions)`)
  }), event as (${eventsOfRows(db, s.event(), "written", db`'{}'::int[]`, db`null::int`)})
    select w.id, w.name, w.email, w.role, w.is_active, w.created_at, w.last_login_at,
      coalesce((select array_agg(id::text) from ended), '{}') as ended
    from written w`;
  if (!row) return undefined;
  const { ended, ...user } = row;
  return { user, ended };
}
