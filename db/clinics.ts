/** Clinics, their members, and each caller's memberships (cached for MEMBERSHIP_TTL_MS). */
import type postgres from "postgres";
import { type Db, sql, transaction } from "./client.ts";
import { eventsOfRows, type WriteEvent } from "./audit.ts";
import {
  allOf,
  anyOf,
  type Fragment,
  type Page,
  type SearchLimits,
  type SearchPage,
  searchPage,
  textMatch,
} from "./page.ts";
import type { Criteria } from "../lib/fhir.ts";
import type { ClinicRole, Scope } from "./scope.ts";

/**
 * How long an instance trusts the memberships it read: a change made on any instance
 * takes effect everywhere within this time (and at once on the instance that made it).
 */
export const MEMBERSHIP_TTL_MS = 500;

const memberships = new Map<number, { until: number; roles: Promise<Map<number, ClinicRole>> }>();

/** The caller's clinics and role in each, read at most once per MEMBERSHIP_TTL_MS. */
export function membershipsOf(userId: number): Promise<Map<number, ClinicRole>> {
  const now = Date.now();
  const hit = memberships.get(userId);
  if (hit && hit.until > now) return hit.roles;
  const roles = sql<{ clinic_id: number; role: ClinicRole }[]>`
    select clinic_id, role from clinic_members where user_id = ${userId}`
    .then((rows) => new Map(rows.map((r) => [r.clinic_id, r.role])));
  memberships.set(userId, { until: now + MEMBERSHIP_TTL_MS, roles });
  // A failed read is not kept: the next request asks again.
  roles.catch(() => memberships.delete(userId));
  if (memberships.size > 10_000) {
    for (const [id, entry] of memberships) if (entry.until <= now) memberships.delete(id);
  }
  return roles;
}

/** Drops what this instance knows of a user's memberships (after changing them). */
export function forgetMemberships(userId: number): void {
  memberships.delete(userId);
}

/** A clinic as stored, with the caller's role (null for an admin who is not a member). */
export interface ClinicRow {
  id: number;
  name: string;
  role: ClinicRole | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** A member of a clinic. */
export interface MemberRow {
  user_id: number;
  name: string;
  email: string;
  role: ClinicRole;
  added_at: Date;
  added_by: number | null;
}

/** Clinics (as `c`) with the membership of user `me` in each (as `m`, null when none). */
const CLINICS_OF = (db: Db, me: number) =>
  db`from clinics c left join clinic_members m on m.clinic_id = c.id and m.user_id = ${me}`;
const CLINIC = (db: Db, me: number) =>
  db`select c.id, c.name, m.role, c.created_at, c.updated_at, c.version ${CLINICS_OF(db, me)}`;
/** The clinics the scope's caller may see: theirs, or every one for an admin. */
const SEEN = (s: Scope) => s.caller.role === "admin" ? s.sql`true` : s.sql`m.role is not null`;

/** The event of a change to a clinic or its members, stored by the change's statement. */
function clinicEvent(db: Db, e: WriteEvent, action: WriteEvent["action"], source: string) {
  return eventsOfRows(
    db,
    { ...e, action, resource_type: "clinic" },
    source,
    db`'{}'::int[]`,
    db`${db(source)}.id`,
  );
}

/** Creates a clinic with the caller as its owner, and its audit event, in one statement. */
export async function insertClinic(s: Scope, name: string): Promise<ClinicRow> {
  const db = s.sql;
  const [row] = await db<ClinicRow[]>`
    with written as (
      insert into clinics (name, created_by) values (${name}, ${s.caller.id}) returning *
    ), owner as (
      insert into clinic_members (clinic_id, user_id, role, added_by)
      select id, ${s.caller.id}, 'owner', ${s.caller.id} from written
    ), event as (${clinicEvent(db, s.event(), "create", "written")})
    select id, name, 'owner' as role, created_at, updated_at, version from written`;
  forgetMemberships(s.caller.id);
  return row;
}

/** The clinic if the caller is a member (any clinic for an admin), with the caller's role. */
export async function findClinic(s: Scope, id: number): Promise<ClinicRow | undefined> {
  const db = s.sql;
  const [row] = await db<ClinicRow[]>`${CLINIC(db, s.caller.id)} where c.id = ${id}`;
  if (!row || (row.role === null && s.caller.role !== "admin")) return undefined;
  return row;
}

/** Orderings a clinic list accepts. */
export const CLINIC_ORDERINGS = ["id", "name", "created_at"] as const;

/** `asc` or `desc`, as the page asks. */
const direction = (db: Db, p: Page) => p.ordering.desc ? db`desc` : db`asc`;

/** A page of the caller's clinics (every clinic for an admin). */
export async function listClinics(
  s: Scope,
  p: Page<(typeof CLINIC_ORDERINGS)[number]>,
): Promise<{ count: number; rows: ClinicRow[] }> {
  const db = s.sql;
  const dir = direction(db, p);
  const [rows, [{ count }]] = await Promise.all([
    db<ClinicRow[]>`${CLINIC(db, s.caller.id)} where ${SEEN(s)}
      order by ${db(`c.${p.ordering.field}`)} ${dir}, c.id ${dir}
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`
      select count(*)::int as count ${CLINICS_OF(db, s.caller.id)} where ${SEEN(s)}`,
  ]);
  return { count, rows };
}

/** A page of the caller's clinics (every clinic for an admin) matching a FHIR search. */
export function searchClinics(
  s: Scope,
  params: Map<string, Criteria>,
  page: SearchLimits,
): Promise<SearchPage<ClinicRow>> {
  return s.read((db) => {
    const parts: Fragment[] = [SEEN(s)];
    for (const ids of params.get("_id")?.id ?? []) parts.push(db`c.id = any(${ids})`);
    for (const names of params.get("name")?.string ?? []) {
      parts.push(
        anyOf(
          db,
          names.map((m) =>
            textMatch(db, "c.name", (pattern) => db`lower(c.name) like ${pattern}`, m)
          ),
        ),
      );
    }
    const where = () => allOf(db, parts);
    return searchPage(
      db,
      {
        rows: (limit, { after, order }) =>
          db<ClinicRow[]>`${CLINIC(db, s.caller.id)} where ${where()} and ${after()}
        ${order()} limit ${limit} offset ${page.offset}`,
        from: () => db`${CLINICS_OF(db, s.caller.id)} where ${where()}`,
        id: "c.id",
      },
      page,
    );
  });
}

/**
 * Renames a clinic under `If-Match`; the current version when the versions do not match,
 * undefined when there is no such clinic.
 */
export async function renameClinic(
  s: Scope,
  id: number,
  name: string | undefined,
  versions: number[] | undefined,
): Promise<{ version: number; written?: ClinicRow } | undefined> {
  const db = s.sql;
  const [hit] = await db<(ClinicRow & { current_version: number; written_id: number | null })[]>`
    with current as (select id, version from clinics where id = ${id} for update),
    written as (
      update clinics c set name = coalesce(${name ?? null}::text, c.name),
        version = c.version + 1, updated_at = now()
      from current where c.id = current.id
        and (${versions ?? null}::int[] is null or current.version = any(${
    versions ?? null
  }::int[]))
      returning c.*
    ), event as (${clinicEvent(db, s.event(), "update", "written")})
    select written.*, written.id as written_id, current.version as current_version,
      (select role from clinic_members where clinic_id = ${id} and user_id = ${s.caller.id}) as role
    from current left join written on true`;
  if (!hit) return undefined;
  if (hit.written_id === null) return { version: hit.current_version };
  const { current_version: _, written_id: __, ...row } = hit;
  return { version: row.version, written: row as ClinicRow };
}

/** Deletes a clinic that holds no patients: "deleted", "patients" (refused) or "missing". */
export async function deleteClinic(
  s: Scope,
  id: number,
): Promise<"deleted" | "patients" | "missing"> {
  const db = s.sql;
  try {
    const [row] = await db<{ deleted: boolean; members: number[] }[]>`
      with members as (select user_id from clinic_members where clinic_id = ${id}),
      written as (
        delete from clinics c where c.id = ${id}
          and not exists (select 1 from patients p where p.clinic_id = c.id)
        returning c.id
      ), event as (${clinicEvent(db, s.event(), "delete", "written")})
      select exists (select 1 from written) as deleted,
        (select coalesce(array_agg(user_id), '{}') from members) as members`;
    for (const user of row.members) forgetMemberships(user);
    if (row.deleted) return "deleted";
    const [exists] = await db`select 1 from clinics where id = ${id}`;
    return exists ? "patients" : "missing";
  } catch (err) {
    // A patient added to it meanwhile: the foreign key refuses the delete.
    if ((err as postgres.PostgresError).code === "23503") return "patients";
    throw err;
  }
}

/** Orderings a member list accepts. */
export const MEMBER_ORDERINGS = ["added_at", "name"] as const;

const MEMBER = (db: Db) =>
  db`select m.user_id, u.name, u.email, m.role, m.added_at, m.added_by
    from clinic_members m join users u on u.id = m.user_id`;

/** A page of a clinic's members, oldest first, and how many there are. */
export async function listMembers(
  s: Scope,
  clinicId: number,
  p: Page,
): Promise<{ count: number; rows: MemberRow[] }> {
  const db = s.sql;
  const [rows, [{ count }]] = await Promise.all([
    db<MemberRow[]>`${MEMBER(db)} where m.clinic_id = ${clinicId}
      order by m.added_at ${direction(db, p)}, m.user_id ${direction(db, p)}
      limit ${p.limit} offset ${p.offset}`,
    db<{ count: number }[]>`
      select count(*)::int as count from clinic_members where clinic_id = ${clinicId}`,
  ]);
  return { count, rows };
}

/** Adds the user with this email: the member, or why not ("no_user", "member"). */
export async function addMember(
  s: Scope,
  clinicId: number,
  email: string,
  role: ClinicRole,
): Promise<MemberRow | "no_user" | "member"> {
  const db = s.sql;
  const [row] = await db<(MemberRow & { found: boolean })[]>`
    with target as (select id, name, email from users where email = ${email}),
    written as (
      insert into clinic_members (clinic_id, user_id, role, added_by)
      select ${clinicId}, id, ${role}, ${s.caller.id} from target
      on conflict (clinic_id, user_id) do nothing
      returning clinic_id as id, user_id, role, added_at, added_by
    ), event as (${clinicEvent(db, s.event(), "member_add", "written")})
    select exists (select 1 from target) as found, w.user_id, t.name, t.email, w.role,
      w.added_at, w.added_by
    from (select) one left join written w on true left join target t on true`;
  if (!row.found) return "no_user";
  if (row.user_id === null) return "member";
  forgetMemberships(row.user_id);
  const { found: _, ...member } = row;
  return member;
}

/**
 * Changes a member's role, or removes the member (`role` null), with its audit event; the
 * clinic is locked so two owners cannot both step down. "last_owner" when the clinic would
 * be left without one, "missing" when the user is not a member.
 */
export async function changeMember(
  s: Scope,
  clinicId: number,
  userId: number,
  role: ClinicRole | null,
): Promise<MemberRow | "removed" | "last_owner" | "missing"> {
  const answer = await transaction(s.sql, async (db) => {
    await db`select 1 from clinics where id = ${clinicId} for update`;
    const [current] = await db<{ role: ClinicRole }[]>`
      select role from clinic_members where clinic_id = ${clinicId} and user_id = ${userId}`;
    if (!current) return "missing" as const;
    if (current.role === "owner" && role !== "owner") {
      const [{ owners }] = await db<{ owners: number }[]>`
        select count(*)::int as owners from clinic_members
        where clinic_id = ${clinicId} and role = 'owner'`;
      if (owners === 1) return "last_owner" as const;
    }
    if (role === null) {
      await db`
        with written as (
          delete from clinic_members where clinic_id = ${clinicId} and user_id = ${userId}
          returning clinic_id as id
        ), event as (${clinicEvent(db, s.event(), "member_remove", "written")})
        select 1`;
      return "removed" as const;
    }
    const [row] = await db<MemberRow[]>`
      with written as (
        update clinic_members set role = ${role}
        where clinic_id = ${clinicId} and user_id = ${userId}
        returning clinic_id as id, user_id, role, added_at, added_by
      ), event as (${clinicEvent(db, s.event(), "member_change", "written")})
      select w.user_id, u.name, u.email, w.role, w.added_at, w.added_by
      from written w join users u on u.id = w.user_id`;
    return row;
  });
  forgetMemberships(userId);
  return answer;
}
