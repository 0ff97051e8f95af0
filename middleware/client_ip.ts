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

/**
 * The address as sign-in limits count it: an IPv4 address as it is (also when written as
 * an IPv4-mapped IPv6 address), an IPv6 address by its /64 network (one host usually holds
 * a whole /64, so counting single addresses would let it try 2^64 times as often).
 */
export function limitKey(address: string): string {
  const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "").toLowerCase();
  if (!ip.includes(":")) return ip;
  const mapped = /^(?:0{0,4}:){0,5}(?::|0{0,4}:)?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return mapped[1];
  const [head, tail] = ip.split("::", 2);
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  // An IPv4 tail (a::1.2.3.4) takes two groups; it lies past the /64 either way.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const groups = tail === undefined
    ? left
    : [...left, ...Array(Math.max(0, 8 - width(left) - width(right))).fill("0"), ...right];
  if (groups.length < 4 || groups.slice(0, 4).some((g) => !/^[0-9a-f]{1,4}$/.test(g))) {
    return ip; // not an address we can read: count it as it came
  }
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
