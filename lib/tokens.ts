import { errors as joseErrors, jwtVerify, SignJWT } from "jose";

const ISSUER = "healthcare-api";
const AUDIENCE = "healthcare-api";
const ACCESS_TYPE = "at+jwt";
const REFRESH_TYPE = "refresh+jwt";

/** What a verified token proves. */
export interface TokenClaims {
  userId: number;
  sessionId: string;
  role: "user" | "admin";
  expiresAt: Date;
}

/** Signing and checking of access and refresh tokens with one HS256 key. */
export interface Tokens {
  access(claims: Omit<TokenClaims, "expiresAt">): Promise<string>;
  /**
   * A refresh token. Given `at` (when it was issued, in whole seconds, and its id) the same
   * claims always sign to the same token: a rotation answered twice answers one token.
   */
  refresh(
    claims: Omit<TokenClaims, "expiresAt">,
    at?: { issuedAt: number; id: string },
  ): Promise<{ token: string; expiresAt: Date }>;
  verifyAccess(token: string): Promise<TokenClaims | undefined>;
  verifyRefresh(token: string): Promise<TokenClaims | undefined>;
  /**
   * The claims of an access token signed with our key, however long ago it expired: who a
   * refused token names, for the audit trail. Never grants access.
   */
  identify(token: string): Promise<TokenClaims | undefined>;
}

/** How many verified access tokens each process remembers. */
const VERIFIED_CACHE_SIZE = 10_000;

/** Builds the token functions for a secret and the configured lifetimes. */
export function createTokens(secret: string, accessMinutes: number, refreshDays: number): Tokens {
  // Imported once: importing the key on every verification cost more than the HMAC itself.
  const keyPromise = crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  // A client sends the same access token for minutes. Keyed by the whole token string, a
  // hit proves the bytes were verified before; expiry and revocation are still checked on
  // every request. Oldest entries go first when full.
  const verified = new Map<string, TokenClaims>();

  async function sign(
    typ: string,
    c: Omit<TokenClaims, "expiresAt">,
    seconds: number,
    at: { issuedAt: number; id: string } = {
      issuedAt: Math.floor(Date.now() / 1000),
      id: crypto.randomUUID(),
    },
  ) {
    const now = at.issuedAt;
    const exp = now + seconds;
    const token = await new SignJWT({ sid: c.sessionId, role: c.role })
      .setProtectedHeader({ alg: "HS256", typ })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(String(c.userId))
      .setJti(at.id)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(await keyPromise);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async function verify(
    token: string,
    typ: string,
    expired = false,
  ): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, await keyPromise, {
        // Checked as of 1970 when the expiry does not matter: every `exp` is later.
        ...(expired ? { currentDate: new Date(0) } : {}),
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ,
        requiredClaims: ["sub", "sid", "jti", "iat", "exp"],
      });
      const userId = Number(payload.sub);
      const role = payload.role;
      if (!Number.isSafeInteger(userId) || userId < 1) return undefined;
      if (typeof payload.sid !== "string" || (role !== "user" && role !== "admin")) {
        return undefined;
      }
      return { userId, sessionId: payload.sid, role, expiresAt: new Date(payload.exp! * 1000) };
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return undefined;
      throw err;
    }
  }

  return {
    access: async (c) => (await sign(ACCESS_TYPE, c, accessMinutes * 60)).token,
    refresh: (c, at) => sign(REFRESH_TYPE, c, refreshDays * 86_400, at),
    async verifyAccess(token) {
      const known = verified.get(token);
      if (known) {
        if (known.expiresAt.getTime() > Date.now()) return known;
        verified.delete(token);
        return undefined;
      }
      const claims = await verify(token, ACCESS_TYPE);
      if (claims) {
        if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
        verified.set(token, claims);
      }
      return claims;
    },
    verifyRefresh: (t) => verify(t, REFRESH_TYPE),
    identify: (t) => verify(t, ACCESS_TYPE, true),
  };
}
