import { type Db, sql } from "./client.ts";

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
): Promise<(User & { password_hash: string }) | undefined> {
  const [row] = await db<(User & { password_hash: string })[]>`
    select id, name, email, role, created_at, password_hash from users
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
