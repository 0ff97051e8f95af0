import { sha256Hex } from "../lib/digest.ts";
import { type Sql, sql as defaultSql, transaction } from "./client.ts";

/** Raised when an applied migration file no longer matches what was applied. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Any fixed 64-bit key: every instance of the service serializes migrations on it. */
const ADVISORY_LOCK_KEY = 7_361_204_915;

const MIGRATION_FILE = /^(\d+)_[a-z0-9_-]+\.sql$/i;

interface MigrationFile {
  name: string;
  text: string;
  checksum: string;
}

async function readMigrations(dir: URL): Promise<MigrationFile[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && MIGRATION_FILE.test(entry.name)) names.push(entry.name);
  }
  names.sort((a, b) => Number(a.match(MIGRATION_FILE)![1]) - Number(b.match(MIGRATION_FILE)![1]));
  return await Promise.all(names.map(async (name) => {
    const text = await Deno.readTextFile(new URL(name, dir));
    return { name, text, checksum: await sha256Hex(text) };
  }));
}

/**
 * Applies pending migrations in order, in one transaction under an advisory lock, and
 * refuses to go on when an applied file was edited. Returns the names it applied.
 */
export async function migrate(
  sql: Sql = defaultSql,
  dir = new URL("../migrations/", import.meta.url),
): Promise<string[]> {
  const files = await readMigrations(dir);
  const done = await transaction(sql, async (tx) => {
    // Waiting for another instance's migrations, or building an index, may take longer
    // than DB_STATEMENT_TIMEOUT_MS allows a request's statement.
    await tx`set local statement_timeout = 0`;
    await tx`select pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`;
    await tx`
      create table if not exists schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`;
    const rows = await tx<{ name: string; checksum: string }[]>`
      select name, checksum from schema_migrations`;
    const known = new Map(rows.map((r) => [r.name, r.checksum]));
    const names: string[] = [];
    for (const file of files) {
      const checksum = known.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was edited after it was applied (checksum mismatch); ` +
              "add a new migration instead of changing an applied one",
          );
        }
        continue;
      }
      await tx.unsafe(file.text).simple();
      await tx`insert into schema_migrations (name, checksum) values (${file.name}, ${file.checksum})`;
      names.push(file.name);
    }
    return names;
  });
  return done;
}
