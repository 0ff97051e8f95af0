import { createMiddleware } from "hono/factory";
import { markAuth } from "../lib/route_marks.ts";
import { isRevoked } from "../db/revocations.ts";
import type { AppEnv } from "../types.ts";
import { scopeFor } from "../db/scope.ts";
import { membershipsOf } from "../db/clinics.ts";
import { writeEvent } from "./audit.ts";
import { eventsWritten } from "../db/events.ts";
import { announceWrite, noteWrite } from "../db/replicas.ts";
import { log } from "./logger.ts";
import { ApiError, errorCode } from "../lib/errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"' };

/** A 401 with the Bearer challenge the contract asks for. */
export function unauthorized(detail: string): ApiError {
  return new ApiError(401, detail, undefined, CHALLENGE);
}

/** Requires a valid, unrevoked access token and puts its user on the context. */
export const requireAuth = markAuth(createMiddleware<AppEnv>(async function requireAuth(c, next) {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new ApiError(
      401,
      "Sign in: send an access token as 'Authorization: Bearer <token>'",
      undefined,
      { "WWW-Authenticate": 'Bearer realm="api"' },
    );
  }
  const tokens = c.get("tokens");
  const claims = await tokens.verifyAccess(match[1]);
  if (!claims) {
    // A token of ours that expired still names who tried: the audit trail records them.
    const named = await tokens.identify(match[1]);
    if (named) c.set("caller", named.userId);
    // Ours and only expired: the client should refresh, not sign in again.
    throw unauthorized(
      named && named.expiresAt.getTime() <= Date.now()
        ? "The access token has expired; get a new one from POST /api/auth/refresh/"
        : "The access token is invalid",
    );
  }
  if (isRevoked(claims.sessionId)) {
    c.set("caller", claims.userId);
    throw unauthorized("The session has ended; sign in again");
  }
  const user = { id: claims.userId, role: claims.role, sessionId: claims.sessionId };
  c.set("user", user);
  // The request's scope: the caller, their clinics, and the event its write will store.
  const clinics = user.role === "admin" ? new Map() : await membershipsOf(user.id);
  let wrote = false;
  c.set("db", scopeFor(user, () => (wrote = true, writeEvent(c)), clinics));
  await next();
  // A write answered as done has committed: its events may go out now, not at the next tick.
  if (wrote && c.res.status < 400) eventsWritten();
  if (SAFE_METHODS.has(c.req.method)) return;
  // Whatever it answered, a request that may write has finished: the session's next reads
  // wait for a replica that has replayed it, here and (told before the answer goes out, unless
  // it was refused and so changed nothing) on every other process.
  noteWrite(user.sessionId);
  if (c.res.status >= 400 && c.res.status < 500) return;
  await announceWrite(user.sessionId).catch((err) =>
    // The write stands; other processes may serve this session a replica's older rows for
    // up to REPLICA_MAX_LAG_MS.
    log(c.get("config"), "warn", {
      msg: "could not tell other processes of a write; their reads may lag it",
      code: errorCode(err),
    })
  );
}));
