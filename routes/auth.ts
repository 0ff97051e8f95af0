import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { clearFailures, countAttempt } from "../db/login_failures.ts";
import {
  insertSession,
  listSessions,
  recentRotation,
  revokeSession,
  revokeSessions,
  revokeUserSessions,
  rotateRefresh,
  type SessionRow,
} from "../db/sessions.ts";
import {
  findUser,
  findUserForLogin,
  insertUser,
  updatePasswordHash,
  updateProfile,
  type User,
} from "../db/users.ts";
import { email, pageQuery, str, text } from "../lib/fields.ts";
import { type Answer, envelope, listOf, page, timestamp } from "./http.ts";
import { describe, named } from "../lib/route_marks.ts";
import {
  admitHashing,
  DUMMY_HASH,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from "../lib/passwords.ts";
import { markRevoked } from "../db/revocations.ts";
import { sha256Hex } from "../lib/digest.ts";
import type { Tokens } from "../lib/tokens.ts";
import { requireAuth, unauthorized } from "../middleware/auth.ts";
import { clientIp, limitKey } from "../middleware/client_ip.ts";
import { ApiError, invalid } from "../lib/errors.ts";
import { bodyAliases, nameFromParts, validate } from "../middleware/validate.ts";
import type { Config } from "../config.ts";
import type { AppEnv } from "../types.ts";

const nameField = text(1, 150);
const emailField = email();

/** Body of `POST /api/auth/register/`. */
export const registerBody = named(
  "Registration",
  z.object({
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
  }).meta({
    examples: [{
      name: "Ann Example",
      email: "ann@example.com",
      password: "plum-lantern-orbit-42",
      password_confirm: "plum-lantern-orbit-42",
    }],
  }),
);

/** Body of `POST /api/auth/login/`. */
export const loginBody = named(
  "Credentials",
  z.object({
    // No account has a longer email; the limit also keeps the value fit for its index.
    email: str().transform((v) => v.trim().toLowerCase()).pipe(
      z.string().max(254, "must be at most 254 characters"),
    ),
    password: str(),
  }).meta({ examples: [{ email: "ann@example.com", password: "plum-lantern-orbit-42" }] }),
);

/** Body of the refresh endpoints. */
export const refreshBody = named("RefreshToken", z.object({ refresh: str() }));

/** Body of `POST /api/auth/logout/`. */
export const logoutBody = named(
  "SignOut",
  z.object({
    refresh: str().optional(),
    all: z.boolean({ error: "must be true or false" }).optional(),
  }),
);

/** Body of `POST /api/auth/password/`. */
export const passwordBody = named(
  "PasswordChange",
  z.object({ current_password: str(), new_password: str() }),
);

/** Body of `PATCH /api/auth/me/`: a new email needs the current password. */
export const profileBody = named(
  "ProfileChange",
  z.object({
    name: nameField.optional(),
    email: emailField.optional(),
    current_password: str().optional(),
  }).meta({ examples: [{ name: "Ann Example-Smith" }] }),
);

/** Query of `GET /api/auth/sessions/`. */
export const sessionListQuery = z.object(pageQuery(["last_used_at"]));

/** A session id in a path: anything but a UUID names no session. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user as answered: never a password or its hash. */
export const userSchema = named(
  "User",
  z.strictObject({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["user", "admin"]),
    created_at: timestamp,
  }),
);

/** A token pair as answered by a refresh. */
export const tokenPairSchema = named(
  "TokenPair",
  z.strictObject({ access: z.string(), refresh: z.string() }),
);

/** A sign-in or registration's answer: the user and a token pair. */
export const authResultSchema = named(
  "AuthResult",
  z.strictObject({
    user: userSchema,
    access: z.string(),
    refresh: z.string(),
  }),
);

/** A session as its user sees it. */
export const sessionSchema = named(
  "Session",
  z.strictObject({
    id: z.string().meta({ format: "uuid" }),
    created_at: timestamp,
    last_used_at: timestamp.meta({ description: "The last sign-in or token refresh" }),
    client_ip: z.string().nullable().meta({ description: "Where it was last used from" }),
    current: z.boolean().meta({ description: "Whether this request came with it" }),
  }),
);

/** A session as answered; `current` when it is the one `viewing` it. */
export function sessionJson(s: SessionRow, viewing: string): Answer<typeof sessionSchema> {
  return {
    id: s.id,
    created_at: s.created_at,
    last_used_at: s.last_used_at,
    client_ip: s.client_ip,
    current: s.id === viewing,
  };
}

/** The public shape of a user. */
export function userJson(u: User): Answer<typeof userSchema> {
  return { id: u.id, name: u.name, email: u.email, role: u.role, created_at: u.created_at };
}

/** Opens a session for a user and answers its first token pair. */
async function openSession(
  tokens: Tokens,
  user: { id: number; role: User["role"] },
  from: string,
) {
  const claims = { userId: user.id, role: user.role, sessionId: crypto.randomUUID() };
  const [access, refresh] = await Promise.all([tokens.access(claims), tokens.refresh(claims)]);
  await insertSession({
    id: claims.sessionId,
    userId: user.id,
    refreshHash: await sha256Hex(refresh.token),
    expiresAt: refresh.expiresAt,
    clientIp: from,
  });
  return { access, refresh: refresh.token };
}

const INVALID_LOGIN = "Invalid email or password";

/** Registration from Django clients: `username`, or `first_name` + `last_name`, as `name`. */
function registrationAliases(body: Record<string, unknown>): void {
  if (body.name === undefined && typeof body.username === "string") body.name = body.username;
  nameFromParts(body);
}

/**
 * Sign-in from Django clients that send `username`: an email sent as `username` is used;
 * any other username is refused naming the field accounts sign in with.
 */
function loginAliases(body: Record<string, unknown>): void {
  if (body.email !== undefined || body.username === undefined) return;
  if (typeof body.username === "string" && body.username.includes("@")) {
    body.email = body.username;
    return;
  }
  throw invalid([{
    field: "email",
    message: "is required: accounts sign in with their email address, not a username",
  }]);
}

/**
 * Rotates a refresh token. The token it replaced, presented again within
 * JWT_REFRESH_REUSE_SECONDS (a second tab, a retry after a timeout), answers the same next
 * refresh token; later, or any older token, is taken as theft and ends the whole session.
 */
async function rotate(c: Context<AppEnv>, presented: string) {
  const tokens = c.get("tokens");
  const config = c.get("config");
  const claims = await tokens.verifyRefresh(presented);
  if (!claims) throw unauthorized("The refresh token is invalid or expired");
  const oldHash = await sha256Hex(presented);
  // The next token is a function of the one presented and the second it was replaced, so
  // a repeat within the reuse window signs to the very same token.
  const nextOf = (issuedAt: number) => tokens.refresh(claims, { issuedAt, id: oldHash });
  const issuedAt = Math.floor(Date.now() / 1000);
  const next = await nextOf(issuedAt);
  const sessionMaxDays = config.jwtSessionMaxDays;
  let owner: { id: number; role: User["role"] } | undefined = await rotateRefresh({
    sessionId: claims.sessionId,
    oldHash,
    newHash: await sha256Hex(next.token),
    issuedAt,
    expiresAt: next.expiresAt,
    sessionMaxDays,
    clientIp: clientIp(c),
  });
  let refresh = next.token;
  if (!owner) {
    const again = await recentRotation({
      sessionId: claims.sessionId,
      oldHash,
      withinSeconds: config.jwtRefreshReuseSeconds,
      sessionMaxDays,
    });
    if (again) {
      owner = again;
      refresh = (await nextOf(again.issued_at)).token;
    }
  }
  if (!owner) {
    // A validly signed token that is no longer current was already spent: treat it as theft.
    if (await revokeSession(claims.sessionId)) markRevoked(claims.sessionId);
    throw unauthorized(
      "The refresh token was already used; the session has been ended (every refresh " +
        "answers a new refresh token: keep it and send that one next time)",
    );
  }
  const fresh = { userId: owner.id, role: owner.role, sessionId: claims.sessionId };
  return { access: await tokens.access(fresh), refresh };
}

/** Answers a refresh request with the next token pair. */
async function refreshed(c: Context<AppEnv>, refresh: string) {
  return c.json(await rotate(c, refresh));
}

/** Counts a sign-in attempt, or refuses it with 429 when a limit is reached. */
async function countOrRefuse(config: Config, email: string, key: string): Promise<void> {
  const attempt = await countAttempt(email, key, {
    windowSeconds: config.loginWindowSeconds,
    perAddress: config.loginMaxFailures,
    perAccount: config.loginMaxFailuresPerAccount,
    perAddressAllEmails: config.loginMaxFailuresPerAddress,
  });
  if (!attempt.allowed) {
    throw new ApiError(429, "Too many failed sign-in attempts; try again later", undefined, {
      "Retry-After": String(attempt.retryAfter),
    });
  }
}

/** Sign-ins and registrations in progress, by client address (as limits count it). */
const hashingByAddress = new Map<string, number>();

/**
 * Turns a sign-in or registration away at once when the hashing queue is full, or with 429
 * when its client address already has HASH_PER_ADDRESS of them in progress: one client
 * cannot fill the queue that everyone's sign-ins share.
 */
const hashingRoom = createMiddleware<AppEnv>(async (c, next) => {
  const key = limitKey(clientIp(c));
  const mine = hashingByAddress.get(key) ?? 0;
  if (mine >= c.get("config").hashPerAddress) {
    throw new ApiError(
      429,
      "Too many sign-ins at once from this address; try again shortly",
      undefined,
      {
        "Retry-After": "1",
      },
    );
  }
  const release = admitHashing();
  hashingByAddress.set(key, mine + 1);
  try {
    await next();
  } finally {
    release();
    const left = (hashingByAddress.get(key) ?? 1) - 1;
    if (left > 0) hashingByAddress.set(key, left);
    else hashingByAddress.delete(key);
  }
});

/**
 * 400 on `current_password` unless it is the user's. Guessing it with a stolen access token
 * counts as failed sign-ins do (and is refused past their limits).
 */
async function checkCurrentPassword(
  c: Context<AppEnv>,
  user: { email: string; password_hash: string },
  password: string,
): Promise<void> {
  const key = limitKey(clientIp(c));
  await countOrRefuse(c.get("config"), user.email, key);
  const check = await verifyPassword(password, user.password_hash);
  if (!check.ok) throw invalid([{ field: "current_password", message: "is not correct" }]);
  await clearFailures(user.email, key);
}

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) => describe({ tag: "Auth", ...d });

/** The two refresh URLs answer alike. */
const refreshDoc = (operationId: string, summary: string) =>
  doc({ operationId, summary, ok: { status: 200, schema: tokenPairSchema }, errors: [401] });

/** Registration, sign-in, token refresh, sign-out and the caller's own account. */
export const auth = new Hono<AppEnv>()
  .post(
    "/register",
    doc({
      operationId: "register",
      summary: "Register and sign in",
      ok: { status: 201, schema: authResultSchema },
      errors: [409],
    }),
    hashingRoom,
    bodyAliases(registrationAliases),
    validate("json", registerBody),
    async (c) => {
      const body = c.req.valid("json");
      const user = await insertUser({
        name: body.name,
        email: body.email,
        passwordHash: await hashPassword(body.password),
      });
      const pair = await openSession(c.get("tokens"), user, clientIp(c));
      return c.json({ user: userJson(user), ...pair }, 201);
    },
  )
  .post(
    "/login",
    doc({
      operationId: "login",
      summary: "Sign in",
      ok: { status: 200, schema: authResultSchema },
      errors: [401, 429],
    }),
    hashingRoom,
    bodyAliases(loginAliases),
    validate("json", loginBody),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const ip = clientIp(c);
      // Counted before the password is checked: attempts sent at once cannot outrun the limit.
      await countOrRefuse(c.get("config"), email, limitKey(ip));
      const user = await findUserForLogin(email);
      const check = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      // A deactivated account is refused as a wrong password is: nothing tells them apart.
      if (!user || !check.ok || !user.is_active) throw unauthorized(INVALID_LOGIN);
      await clearFailures(email, limitKey(ip));
      if (check.rehash) await updatePasswordHash(user.id, await hashPassword(password));
      const pair = await openSession(c.get("tokens"), user, ip);
      return c.json({ user: userJson(user), ...pair });
    },
  )
  .post(
    "/refresh",
    refreshDoc("refreshTokens", "Rotate a refresh token"),
    validate("json", refreshBody),
    (c) => refreshed(c, c.req.valid("json").refresh),
  )
  .post(
    "/token/refresh",
    refreshDoc("refreshTokensAlias", "Rotate a refresh token (alias)"),
    validate("json", refreshBody),
    (c) => refreshed(c, c.req.valid("json").refresh),
  )
  .post(
    "/logout",
    doc({
      operationId: "logout",
      summary: "End this session (or, with all: true, every session) on every instance",
      ok: { status: 204 },
      bodyOptional: true,
    }),
    requireAuth,
    validate("json", logoutBody),
    async (c) => {
      const { id, sessionId } = c.get("user");
      const { refresh, all } = c.req.valid("json");
      if (all) {
        // The caller's own session is among them.
        (await revokeUserSessions(id)).forEach(markRevoked);
        return c.body(null, 204);
      }
      const ended = [sessionId];
      if (refresh) {
        const claims = await c.get("tokens").verifyRefresh(refresh);
        if (claims && claims.userId === id && claims.sessionId !== sessionId) {
          ended.push(claims.sessionId);
        }
      }
      (await revokeSessions(ended, id)).forEach(markRevoked);
      return c.body(null, 204);
    },
  )
  .get(
    "/sessions",
    doc({
      operationId: "listSessions",
      summary: "The caller's live sessions",
      ok: { status: 200, schema: listOf(sessionSchema) },
    }),
    requireAuth,
    validate("query", sessionListQuery),
    async (c) => {
      const { id, sessionId } = c.get("user");
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listSessions(id, c.get("config").jwtSessionMaxDays, p);
      return c.json(envelope(c, p, count, rows.map((r) => sessionJson(r, sessionId))));
    },
  )
  .delete(
    "/sessions/:id",
    doc({
      operationId: "endSession",
      summary: "End one of the caller's sessions",
      ok: { status: 204 },
      errors: [404],
      idFormat: "uuid",
    }),
    requireAuth,
    async (c) => {
      const target = c.req.param("id");
      const { id } = c.get("user");
      if (!SESSION_ID.test(target) || !(await revokeSession(target.toLowerCase(), id))) {
        throw new ApiError(404, "No session with this id");
      }
      markRevoked(target.toLowerCase());
      return c.body(null, 204);
    },
  )
  .post(
    "/password",
    doc({
      operationId: "changePassword",
      summary: "Change the password; every other session ends",
      ok: { status: 204 },
      errors: [429],
    }),
    requireAuth,
    hashingRoom,
    validate("json", passwordBody),
    async (c) => {
      const { current_password, new_password } = c.req.valid("json");
      const { id, sessionId } = c.get("user");
      const user = await findUserForLogin(id);
      if (!user) throw unauthorized("The account no longer exists");
      await checkCurrentPassword(c, user, current_password);
      const problem = await passwordProblem(new_password, user.email, user.name);
      if (problem) throw invalid([{ field: "new_password", message: problem }]);
      await updatePasswordHash(id, await hashPassword(new_password));
      (await revokeUserSessions(id, sessionId)).forEach(markRevoked);
      return c.body(null, 204);
    },
  )
  .get(
    "/me",
    doc({
      operationId: "getMe",
      summary: "The signed-in user",
      ok: { status: 200, schema: userSchema },
    }),
    requireAuth,
    async (c) => {
      const user = await findUser(c.get("user").id);
      if (!user) throw unauthorized("The account no longer exists");
      return c.json(userJson(user));
    },
  )
  .patch(
    "/me",
    doc({
      operationId: "updateMe",
      summary: "Change your name or email (a new email needs current_password)",
      ok: { status: 200, schema: userSchema },
      errors: [409, 429],
      bodyOptional: true,
    }),
    requireAuth,
    hashingRoom,
    validate("json", profileBody),
    async (c) => {
      const body = c.req.valid("json");
      const { id } = c.get("user");
      const user = await findUserForLogin(id);
      if (!user) throw unauthorized("The account no longer exists");
      const email = body.email !== undefined && body.email !== user.email ? body.email : undefined;
      if (email !== undefined) {
        // The email signs in and resets: a stolen access token alone must not take it over.
        if (body.current_password === undefined) {
          throw invalid([{
            field: "current_password",
            message: "is required to change the email",
          }]);
        }
        await checkCurrentPassword(c, user, body.current_password);
      }
      const changed = await updateProfile(id, { name: body.name, email });
      if (!changed) throw unauthorized("The account no longer exists");
      return c.json(userJson(changed));
    },
  );
