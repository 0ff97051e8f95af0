import { embedded, sql } from "../db/client.ts";
import { recentlyRevoked } from "../db/sessions.ts";

/**
 * Revoked session ids whose access tokens may still be unexpired, kept in memory so that
 * checking a token costs no database round trip. Every instance learns of a revocation
 * through Postgres NOTIFY on `session_revoked`, and reloads the list whenever its
 * listening connection (re)connects, so nothing revoked during an outage is missed.
 */
const revoked = new Map<string, number>();
let keepMs = 15 * 60_000;

/** True when the session was revoked. */
export function isRevoked(sessionId: string): boolean {
  return revoked.has(sessionId);
}

/** Records a revocation in this process (the NOTIFY tells the others). */
export function markRevoked(sessionId: string): void {
  revoked.set(sessionId, Date.now() + keepMs);
}

function prune(): void {
  const now = Date.now();
  for (const [id, until] of revoked) if (until < now) revoked.delete(id);
}

async function reload(accessMinutes: number): Promise<void> {
  for (const id of await recentlyRevoked(accessMinutes + 1)) markRevoked(id);
}

/** Loads recent revocations and subscribes to new ones; returns a function that stops it. */
export async function startRevocationSync(accessMinutes: number): Promise<() => Promise<void>> {
  keepMs = (accessMinutes + 1) * 60_000;
  await reload(accessMinutes);
  const timer = setInterval(prune, 60_000);
  Deno.unrefTimer(timer as unknown as number);
  if (embedded) {
    // One process owns the embedded database, so its own marks are the whole truth.
    return () => {
      clearInterval(timer);
      return Promise.resolve();
    };
  }
  const listener = await sql.listen(
    "session_revoked",
    (id) => markRevoked(id),
    () => void reload(accessMinutes).catch(() => {}),
  );
  return async () => {
    clearInterval(timer);
    await listener.unlisten().catch(() => {});
  };
}
