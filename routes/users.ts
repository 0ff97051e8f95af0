import { type Context, Hono } from "hono";
import { z } from "zod";
import { clearAllFailures } from "../db/login_failures.ts";
import { likePattern } from "../db/page.ts";
import { markRevoked } from "../db/revocations.ts";
import { listSessions, revokeUserSessions } from "../db/sessions.ts";
import { changeUser, findManagedUser, listUsers, type ManagedUser } from "../db/users.ts";
import { ApiError } from "../lib/errors.ts";
import { bool, boolParam, pageQuery, queryText, text } from "../lib/fields.ts";
import { describe, named } from "../lib/route_marks.ts";
import { audit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import { sessionJson, sessionListQuery, sessionSchema } from "./auth.ts";
import { type Answer, envelope, listOf, page, pathId, timestamp } from "./http.ts";

const ROLES = ["user", "admin"] as const;
const role = z.enum(ROLES, { error: "must be user or admin" });
const USER_ORDERINGS = ["id", "name", "email", "created_at", "last_login_at"] as const;

/** Query of `GET /api/users/`. */
export const userListQuery = z.object({
  ...pageQuery(USER_ORDERINGS),
  search: queryText().optional(),
  role: role.optional(),
  is_active: boolParam.optional(),
});

/** Body of `PATCH /api/users/<id>/`. */
export const userPatch = named(
  "UserChange",
  z.object({
    name: text(1, 150).optional(),
    role: role.optional(),
    is_active: bool().optional(),
  }).meta({ examples: [{ is_active: false }] }),
);

/** A user as an admin sees it. */
export const managedUserSchema = named(
  "ManagedUser",
  z.strictObject({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role: role,
    is_active: z.boolean(),
    created_at: timestamp,
    last_login_at: timestamp.nullable(),
  }),
);

function managedUserJson(u: ManagedUser): Answer<typeof managedUserSchema> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    is_active: u.is_active,
    created_at: u.created_at,
    last_login_at: u.last_login_at,
  };
}

const NOT_FOUND = "No user with this id";

/** The user a path names, or 404. */
async function target(c: Context<AppEnv>): Promise<ManagedUser> {
  const user = await findManagedUser(pathId(c.req.param("id") ?? ""));
  if (!user) throw new ApiError(404, NOT_FOUND);
  return user;
}

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) =>
  describe({ tag: "Users", ...d, errors: [403, ...(d.errors ?? [])] });

/**
 * Account management for admins (Django's admin site, as routes): list and find users,
 * rename, change the role, deactivate and reactivate, end sessions, clear sign-in
 * failures. Every change is an audit event on the user.
 */
export const users = new Hono<AppEnv>()
  .use(audit("user", { reads: false }))
  .use(requireAuth)
  .use(async function adminsOnly(c, next) {
    if (c.var.db.caller.role !== "admin") throw new ApiError(403, "Only admins may manage users");
    await next();
  })
  .get(
    "/",
    doc({
      operationId: "listUsers",
      summary: "List users (search by name or email; filter by role and is_active)",
      ok: { status: 200, schema: listOf(managedUserSchema) },
    }),
    validate("query", userListQuery),
    async (c) => {
      const q = c.req.valid("query");
      const p = page(c, q);
      const { count, rows } = await listUsers({
        search: q.search ? likePattern(q.search) : undefined,
        role: q.role,
        is_active: q.is_active,
      }, p);
      return c.json(envelope(c, p, count, rows.map(managedUserJson)));
    },
  )
  .get(
    "/:id",
    doc({
      operationId: "getUser",
      summary: "Read one user",
      ok: { status: 200, schema: managedUserSchema },
      errors: [404],
    }),
    async (c) => c.json(managedUserJson(await target(c))),
  )
  .patch(
    "/:id",
    doc({
      operationId: "updateUser",
      summary: "Rename, change the role, deactivate or reactivate; a new role or a " +
        "deactivation ends the user's sessions at once",
      ok: { status: 200, schema: managedUserSchema },
      errors: [404, 409],
      bodyOptional: true,
    }),
    validate("json", userPatch),
    async (c) => {
      const id = pathId(c.req.param("id"));
      const body = c.req.valid("json");
      if (id === c.var.db.caller.id) {
        // Locking oneself out leaves no admin to undo it.
        const field = body.is_active === false ? "is_active" : body.role === "user" ? "role" : "";
        if (field) {
          throw new ApiError(409, "An admin cannot deactivate or demote itself", [{
            field,
            message: "cannot be changed on your own account",
          }]);
        }
      }
      const changed = await changeUser(c.var.db, id, body);
      if (!changed) throw new ApiError(404, NOT_FOUND);
      changed.ended.forEach(markRevoked);
      return c.json(managedUserJson(changed.user));
    },
  )
  .get(
    "/:id/sessions",
    doc({
      operationId: "listUserSessions",
      summary: "A user's live sessions",
      ok: { status: 200, schema: listOf(sessionSchema) },
      errors: [404],
    }),
    validate("query", sessionListQuery),
    async (c) => {
      const user = await target(c);
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listSessions(user.id, c.get("config").jwtSessionMaxDays, p);
      const viewing = c.get("user").sessionId;
      return c.json(envelope(c, p, count, rows.map((r) => sessionJson(r, viewing))));
    },
  )
  .delete(
    "/:id/sessions",
    doc({
      operationId: "endUserSessions",
      summary: "End every session of a user, on every instance",
      ok: { status: 204 },
      errors: [404],
    }),
    async (c) => {
      const user = await target(c);
      (await revokeUserSessions(user.id)).forEach(markRevoked);
      return c.body(null, 204);
    },
  )
  .delete(
    "/:id/login-failures",
    doc({
      operationId: "clearUserLoginFailures",
      summary: "Forget the failed sign-ins counted for the user's email (lifts a lockout)",
      ok: { status: 204 },
      errors: [404],
    }),
    async (c) => {
      const user = await target(c);
      await clearAllFailures(user.email);
      return c.body(null, 204);
    },
  );
