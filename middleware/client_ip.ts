import type { Context } from "hono";
import { getConnInfo } from "hono/deno";
import type { AppEnv } from "../types.ts";

/**
 * The caller's address: the socket peer, or, only with TRUST_PROXY=true, the last entry of
 * `X-Forwarded-For` (the address the nearest proxy saw; earlier entries are client-made).
 */
export function clientIp(c: Context<AppEnv>): string {
  if (c.get("config").trustProxy) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",").map((s) => s.trim()).filter(
      Boolean,
    );
    if (forwarded?.length) return forwarded[forwarded.length - 1].slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests have no socket
  }
}
