import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { sql } from "../db/client.ts";
import { clearFailures, countAttempt } from "../db/login_failures.ts";
import { insertSession, revokeSession, rotateRefresh } from "../db/sessions.ts";
import {
  findUser,
  findUserForLogin,
  insertUser,
  updatePasswordHash,
  type User,
} from "../db/users.ts";
import { email, str, text } from "../lib/fields.ts";
import {
  assertHashingRoom,
  DUMMY_HASH,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from "../lib/passwords.ts";
import { markRevoked } from "../lib/revocations.ts";
import { sha256Hex } from "../lib/digest.ts";
import type { Tokens } from "../lib/tokens.ts";
import { requireAuth, unauthorized } from "../middleware/auth.ts";
import { clientIp } from "../middleware/client_ip.ts";
import { ApiError } from "../middleware/errors.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";

const nameField = text(1, 150);
const emailField = email();

/** Body of `POST /api/auth/register/`. */
export const registerBody = z.object({
  name: nameField,
  email: emailField,
  password: str(),
  password_confirm: str().optional(),
  confirm_password: str().optional(),
}).superRefine(async (b, ctx) => {
  if (typeof b.password !== "string") return;
  // The email and name count only once they passed their own rules (and so their length
  // limits): the similarity check then costs a bounded amount.
  const checkedEmail = emailField.safeParse(b.email);
  const checkedName = nameField.safeParse(b.name);
  const problem = await passwordProblem(
    b.password,
    checkedEmail.success ? checkedEmail.data : "",
    checkedName.success ? checkedName.data : "",
  );
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  for (const field of ["password_confirm", "confirm_password"] as const) {
    const confirm = b[field];
    if (typeof confirm === "string" && confirm !== b.password) {
      ctx.addIssue({ code: "custom", path: [field], message: "does not match password" });
    }
  }
});

/** Body of `POST /api/auth/login/`. */
export const loginBody = z.object({
  // No account has a longer email; the limit also keeps the value fit for its index.
  email: str().transform((v) => v.trim().toLowerCase()).pipe(
    z.string().max(254, "must be at most 254 characters"),
  ),
  password: str(),
});

/** Body of the refresh endpoints. */
export const refreshBody = z.object({ refresh: str() });

/** Body of `POST /api/auth/logout/`. */
export const logoutBody = z.object({ refresh: str().optional() });

/** The public shape of a user. */
export function userJson(u: User) {
  return { id: u.id, name: u.name, email: u.email, role: u.role, created_at: u.created_at };
}

/** Opens a session for a user and answers its first token pair. */
async function openSession(tokens: Tokens, user: { id: number; role: User["role"] }) {
  const claims = { userId: user.id, role: user.role, sessionId: crypto.randomUUID() };
  const [access, refresh] = await Promise.all([tokens.access(claims), tokens.refresh(claims)]);
  await insertSession({
    id: claims.sessionId,
    userId: user.id,
    refreshHash: await sha256Hex(refresh.token),
    expiresAt: refresh.expiresAt,
  });
  return { access, refresh: refresh.token };
}

const INVALID_LOGIN = "Invalid email or password";

/** Rotates a refresh token; presenting a spent one revokes its whole session. */
async function rotate(tokens: Tokens, presented: string, sessionMaxDays: number) {
  const claims = await tokens.verifyRefresh(presented);
  if (!claims) throw unauthorized("The refresh token is invalid or expired");
  const next = await tokens.refresh(claims);
  const owner = await rotateRefresh({
    sessionId: claims.sessionId,
    oldHash: await sha256Hex(presented),
    newHash: await sha256Hex(next.token),
    expiresAt: next.expiresAt,
    sessionMaxDays,
  });
  if (!owner) {
    // A validly signed token that is no longer current was already spent: treat it as theft.
    if (await revokeSession(claims.sessionId)) markRevoked(claims.sessionId);
    throw unauthorized("The refresh token was already used; the session has been ended");
  }
  const fresh = { userId: owner.id, role: owner.role, sessionId: claims.sessionId };
  return { access: await tokens.access(fresh), refresh: next.token };
}

/** Turns a sign-in or registration away at once when the hashing queue is full. */
const hashingRoom = createMiddleware<AppEnv>(async (_c, next) => {
  assertHashingRoom();
  await next();
});

/** Registration, sign-in, token refresh, sign-out and the caller's own account. */
export const auth = new Hono<AppEnv>()
  .post("/register", hashingRoom, validate("json", registerBody), async (c) => {
    const body = c.req.valid("json");
    const user = await insertUser({
      name: body.name,
      email: body.email,
      passwordHash: await hashPassword(body.password),
    });
    const pair = await openSession(c.get("tokens"), user);
    return c.json({ user: userJson(user), ...pair }, 201);
  })
  .post("/login", hashingRoom, validate("json", loginBody), async (c) => {
    const { email, password } = c.req.valid("json");
    const { loginMaxFailures, loginWindowSeconds } = c.get("config");
    const ip = clientIp(c);
    // Counted before the password is checked: attempts sent at once cannot outrun the limit.
    const attempt = await countAttempt(email, ip, loginWindowSeconds, loginMaxFailures);
    if (!attempt.allowed) {
      throw new ApiError(429, "Too many failed sign-in attempts; try again later", undefined, {
        "Retry-After": String(attempt.retryAfter),
      });
    }
    const user = await findUserForLogin(email);
    const check = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !check.ok) throw unauthorized(INVALID_LOGIN);
    await clearFailures(email, ip);
    if (check.rehash) await updatePasswordHash(user.id, await hashPassword(password));
    const pair = await openSession(c.get("tokens"), user);
    return c.json({ user: userJson(user), ...pair });
  })
  .post("/refresh", validate("json", refreshBody), async (c) => {
    return c.json(
      await rotate(c.get("tokens"), c.req.valid("json").refresh, c.get("config").jwtSessionMaxDays),
    );
  })
  .post("/token/refresh", validate("json", refreshBody), async (c) => {
    return c.json(
      await rotate(c.get("tokens"), c.req.valid("json").refresh, c.get("config").jwtSessionMaxDays),
    );
  })
  .post("/logout", requireAuth, validate("json", logoutBody), async (c) => {
    const { id, sessionId } = c.get("user");
    const ended = [sessionId];
    const refresh = c.req.valid("json").refresh;
    if (refresh) {
      const claims = await c.get("tokens").verifyRefresh(refresh);
      if (claims && claims.userId === id && claims.sessionId !== sessionId) {
        ended.push(claims.sessionId);
      }
    }
    await sql.begin(async (tx) => {
      for (const sid of ended) await revokeSession(sid, id, tx);
    });
    ended.forEach(markRevoked);
    return c.body(null, 204);
  })
  .get("/me", requireAuth, async (c) => {
    const user = await findUser(c.get("user").id);
    if (!user) throw unauthorized("The account no longer exists");
    return c.json(userJson(user));
  });
