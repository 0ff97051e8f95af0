import type { Config } from "../config.ts";
import { closeDatabase, embedded, openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { ensureSecret } from "../db/secrets.ts";
import { flushAudit } from "../middleware/audit.ts";
import { flushLogs } from "../middleware/logger.ts";
import { startRevocationSync } from "./revocations.ts";

/** A prepared service: the final config and how to release what it holds. */
export interface Prepared {
  config: Config;
  migrationsApplied: string[];
  shutdown(): Promise<void>;
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(48));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Opens the database, applies migrations, settles the JWT secret (with the embedded
 * database a random one is made once and kept in it) and starts revocation sync.
 */
export async function prepare(config: Config, opts: { serve?: boolean } = {}): Promise<Prepared> {
  await openDatabase(config);
  const applied = await migrate();
  let jwtSecret = config.jwtSecret;
  if (!jwtSecret && embedded) jwtSecret = await ensureSecret("jwt_secret", randomSecret);
  const final: Config = Object.freeze({ ...config, jwtSecret });
  const stopSync = opts.serve === false
    ? undefined
    : await startRevocationSync(config.jwtAccessMinutes);
  return {
    config: final,
    migrationsApplied: applied,
    async shutdown() {
      await flushAudit();
      await stopSync?.();
      await closeDatabase();
      flushLogs();
    },
  };
}
