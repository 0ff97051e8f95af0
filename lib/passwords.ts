import { base64ToBytes, bytesToBase64 } from "./digest.ts";

/** PBKDF2-HMAC-SHA256 work factor for new hashes (OWASP 2023 minimum: 600,000). */
export const PBKDF2_ITERATIONS = 600_000;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

let common: Promise<Set<string>> | undefined;

/**
 * The common passwords that the other rules would let through (8+ characters, not all
 * digits), loaded on first use so instances that never register anyone stay lean.
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) =>
    new Set(
      (dictionary["passwords-common"] as string[]).filter((p) => p.length >= 8 && !/^\d+$/.test(p)),
    )
  );
  return common;
}

/** Unpadded base64, as the stored hash format writes it. */
function b64(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/=+$/, "");
}

/** Raised when the hashing queue is full: the caller answers 503 with `Retry-After`. */
export class HashingBusyError extends Error {
  constructor() {
    super("Too many passwords are being checked at once");
    this.name = "HashingBusyError";
  }
}

const limits = { concurrency: 1, queue: 64 };
let hashing = 0;
const queued: (() => void)[] = [];

/**
 * Bounds the hashes one process runs at once (`concurrency`, each on a thread of its
 * own) and how many may wait for a turn (`queue`); past that, hashing fails at once.
 */
export function setHashingLimits(concurrency: number, queue: number): void {
  limits.concurrency = concurrency;
  limits.queue = queue;
}

let admitted = 0;

/**
 * Admits a request that will hash a password, or throws HashingBusyError when as many are
 * already admitted as may hash or wait (`concurrency` + `queue`): the decision is made on
 * arrival, in arrival order, before the request costs any other work (queries,
 * validation). Answers the release, called once the request is done.
 */
export function admitHashing(): () => void {
  if (admitted >= limits.concurrency + limits.queue) throw new HashingBusyError();
  admitted++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    admitted--;
  };
}

/** Hashes waiting for a turn (for tests and metrics). */
export function hashesQueued(): number {
  return queued.length;
}

/** Runs `work` when a hashing slot is free; throws HashingBusyError when the queue is full. */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (hashing < limits.concurrency) hashing++;
  else if (queued.length < limits.queue) await new Promise<void>((turn) => queued.push(turn));
  else throw new HashingBusyError();
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is given back.
    const next = queued.shift();
    if (next) next();
    else hashing--;
  }
}

function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  return inTurn(() => pbkdf2(password, salt, iterations));
}

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  // Deno runs deriveBits off the event loop, so a hash does not stall other requests.
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

/** Hashes a password into a PHC string: `$pbkdf2-sha256$i=600000,l=32$<salt>$<hash>`. */
export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return `$pbkdf2-sha256$i=${iterations},l=${KEY_BYTES}$${b64(salt)}$${b64(hash)}`;
}

const PHC = /^\$pbkdf2-sha256\$i=(\d+),l=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Checks a password against a PHC string in constant time; `rehash` when parameters are old. */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<{ ok: boolean; rehash: boolean }> {
  const m = PHC.exec(stored);
  if (!m) return { ok: false, rehash: false };
  const iterations = Number(m[1]);
  const expected = base64ToBytes(m[4]);
  const actual = await derive(password, base64ToBytes(m[3]), iterations);
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    diff |= actual[i] ^ expected[i];
  }
  const ok = diff === 0;
  return { ok, rehash: ok && iterations < PBKDF2_ITERATIONS };
}

/** A hash of nothing anyone knows, so a login for an unknown email costs a full verification. */
export const DUMMY_HASH = await hashPassword(crypto.randomUUID());

/** How alike a password may be to a part of the email or name (Levenshtein, 0 to 1). */
const MAX_SIMILARITY = 0.7;
/** The longest email or name part compared: the field rules allow no longer value. */
const MAX_PART = 254;

/**
 * Levenshtein similarity in [0, 1], or 0 when the lengths alone rule out reaching
 * MAX_SIMILARITY. Costs a.length × b.length steps; callers bound both.
 */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (!a.length || !b.length) return 0;
  if (Math.abs(a.length - b.length) > longest * (1 - MAX_SIMILARITY)) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - prev[b.length] / longest;
}

/** The parts of a user's email and name a password should not resemble. */
function personalParts(email: string, name: string): string[] {
  const values = [email, email.split("@")[0], name].map((v) => v.toLowerCase());
  const words = values.flatMap((v) => v.split(/[^\p{L}\p{N}]+/u));
  return [...new Set([...values, ...words])].filter((p) => p.length >= 3 && p.length <= MAX_PART);
}

/**
 * Why a password breaks the policy, or undefined when it is acceptable. `email` and `name`
 * must have passed their own rules (pass "" otherwise): the password is at most 128
 * characters and each part at most MAX_PART, so the similarity check stays bounded.
 */
export async function passwordProblem(
  password: string,
  email = "",
  name = "",
): Promise<string | undefined> {
  if (password.length < 8) return "must be at least 8 characters long";
  if (password.length > 128) return "must be at most 128 characters long";
  if (/^\d+$/.test(password)) return "must not be entirely numeric";
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower)) return "is too common";
  for (const part of personalParts(email, name)) {
    if ((part.length >= 4 && lower.includes(part)) || similarity(lower, part) >= MAX_SIMILARITY) {
      return "is too similar to your email or name";
    }
  }
  return undefined;
}
