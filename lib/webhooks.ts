/**
 * What a webhook delivery needs beside the database: which addresses a receiver may have
 * (no loopback, private, link-local or metadata address unless allowed), the Standard Webhooks
 * signature, and one bounded POST (10 s, redirects not followed, a few KB of answer read).
 */
import { base64ToBytes, bytesToBase64 } from "./digest.ts";
import { Histogram } from "./metrics.ts";

/** How long a receiver has to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How long a receiver's host name may take to resolve. */
const DNS_TIMEOUT_MS = 5_000;
/** Most bytes of a receiver's answer read (the rest is dropped). */
const ANSWER_BYTES = 4096;

/** The numbers of a dotted IPv4 address, or undefined. */
function ipv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    return undefined;
  }
  return parts.map(Number);
}

/** Whether an IPv4 address is one a public receiver cannot have. */
function privateV4([a, b]: number[]): boolean {
  return a === 0 || a === 10 || a === 127 || a >= 224 || // this, private, loopback, multicast+
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)); // benchmarking
}

/** The 8 groups of an IPv6 address (`::` expanded, an IPv4 tail converted), or undefined. */
function ipv6(text: string): number[] | undefined {
  let t = text.replace(/^\[|\]$/g, "").toLowerCase();
  if (!t.includes(":")) return undefined;
  t = t.replace(/%.*$/, ""); // a zone index
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (tail) {
    const v4 = ipv4(tail[1]);
    if (!v4) return undefined;
    t = t.slice(0, -tail[1].length) +
      `${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const [head, rest] = t.split("::");
  if (t.split("::").length > 2) return undefined;
  const left = head ? head.split(":") : [];
  const right = rest === undefined ? [] : rest ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array(rest === undefined ? 0 : missing).fill("0"), ...right];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}

/** Whether an IPv6 address is one a public receiver cannot have. */
function privateV6(g: number[]): boolean {
  const zeroHead = g.slice(0, 5).every((x) => x === 0);
  if (zeroHead && g[5] === 0xffff) return privateV4([g[6] >> 8, g[6] & 255]); // IPv4-mapped
  if (g[0] === 0x64 && g[1] === 0xff9b) return privateV4([g[6] >> 8, g[6] & 255]); // NAT64
  return (zeroHead && g[5] === 0 && g[6] === 0 && g[7] <= 1) || // :: and ::1
    (g[0] & 0xfe00) === 0xfc00 || // unique local (cloud metadata too)
    (g[0] & 0xffc0) === 0xfe80 || // link-local
    (g[0] & 0xff00) === 0xff00; // multicast
}

/** Whether `address` (an IP literal) is loopback, private, link-local, metadata or reserved. */
export function isPrivateAddress(address: string): boolean {
  const v4 = ipv4(address);
  if (v4) return privateV4(v4);
  const v6 = ipv6(address);
  return v6 ? privateV6(v6) : true;
}

/** Why a receiver URL is refused, or undefined when it may be called. */
export async function refusedUrl(
  raw: string,
  rules: { allowHttp: boolean; allowPrivate: boolean },
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute URL";
  }
  if (url.protocol !== "https:" && !(rules.allowHttp && url.protocol === "http:")) {
    return rules.allowHttp ? "must be an https:// or http:// URL" : "must be an https:// URL";
  }
  if (url.username || url.password) return "must not carry a user name or password";
  if (rules.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (ipv4(host) || ipv6(host)) addresses = [host];
  else {
    // Bounded, so that a check and a delivery stay well inside a webhook's lease.
    const signal = AbortSignal.timeout(DNS_TIMEOUT_MS);
    const answers = await Promise.allSettled([
      Deno.resolveDns(host, "A", { signal }),
      Deno.resolveDns(host, "AAAA", { signal }),
    ]);
    addresses = answers.flatMap((a) => a.status === "fulfilled" ? a.value : []);
    if (addresses.length === 0) return "has a host name that does not resolve";
  }
  if (addresses.some(isPrivateAddress)) {
    return "must not point at a loopback, private, link-local or metadata address";
  }
  return undefined;
}

/** A new signing secret, `whsec_` and 32 random bytes in base64. */
export function newSecret(): string {
  return `whsec_${bytesToBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** The Standard Webhooks signature of a message: `v1,<base64 HMAC-SHA256>`. */
export async function sign(secret: string, id: string, timestamp: number, body: string) {
  const key = await crypto.subtle.importKey(
    "raw",
    base64ToBytes(secret.replace(/^whsec_/, "")),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign(
    "HMAC",
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  );
  return `v1,${bytesToBase64(new Uint8Array(mac))}`;
}

/** What a receiver answered: its status (0 for none) and, when it failed, why. */
export interface DeliveryResult {
  status: number;
  error?: string;
}

/**
 * POSTs `body` to `url`, signed: a 2xx within DELIVERY_TIMEOUT_MS is a delivery. A redirect is
 * not followed (a failure); at most ANSWER_BYTES of the answer are read.
 */
export async function deliver(
  url: string,
  secret: string,
  messageId: string,
  body: string,
): Promise<DeliveryResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signal = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal,
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "healthcare-records-webhooks/1",
        "webhook-id": messageId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": await sign(secret, messageId, timestamp, body),
      },
      body,
    });
    let read = 0;
    const reader = res.body?.getReader();
    while (reader && read < ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.length;
    }
    await reader?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 300) return { status: res.status };
    return { status: res.status, error: `answered ${res.status}` };
  } catch {
    const timedOut = signal.aborted;
    return {
      status: 0,
      error: timedOut ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : "could not connect",
    };
  }
}

/** When a failed delivery is due again, or undefined when its time is up. */
export function nextAttempt(
  c: { attempts: number; created_at: Date },
  config: { webhookRetryBaseSeconds: number; webhookRetryHours: number },
  now = Date.now(),
): Date | undefined {
  if (now - new Date(c.created_at).getTime() >= config.webhookRetryHours * 3600_000) {
    return undefined;
  }
  const gap = config.webhookRetryBaseSeconds * 1000 * 2 ** Math.min(c.attempts, 20);
  return new Date(now + gap * (0.8 + Math.random() * 0.4));
}

/** What this instance's dispatcher did since start, for `/metrics`. */
export const dispatchCounts = { delivered: 0, retried: 0, failed: 0, pending: 0 };

/** Seconds from a change to its delivery. */
export const deliveryLatency = new Histogram(
  "hc_webhook_delivery_latency_seconds",
  "Seconds from a change to its webhook delivery",
  [0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300, 3600],
);
