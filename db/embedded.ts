import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** Raised when another process already serves the same DATA_DIR. */
export class DataDirInUseError extends Error {
  constructor(dir: string) {
    super(`DATA_DIR ${dir} is in use by another process; stop it or choose another DATA_DIR`);
    this.name = "DataDirInUseError";
  }
}

/** How clients reach a running embedded server: its unix socket. */
export type EmbeddedTarget = { path: string };

/** A running embedded PostgreSQL. */
export interface EmbeddedServer {
  target: EmbeddedTarget;
  stop(): Promise<void>;
}

/** Takes an exclusive lock on `<dir>/.lock`, or throws if another process holds it. */
async function lockDataDir(dir: string): Promise<Deno.FsFile> {
  const file = await Deno.open(`${dir}/.lock`, { create: true, write: true });
  // FsFile.lock blocks until granted; a lock still pending after a moment is held elsewhere.
  const granted = await Promise.race([
    file.lock(true).then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
  ]);
  if (!granted) {
    file.close();
    throw new DataDirInUseError(dir);
  }
  await file.truncate();
  await file.write(new TextEncoder().encode(`${Deno.pid}\n`));
  return file;
}

/**
 * Starts PGlite persisted under `dataDir`. The embedded server has no passwords, so the
 * service reaches it through a unix socket in DATA_DIR, which only its owner may enter.
 */
export async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  await Deno.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await Deno.chmod(dataDir, 0o700);
  const lock = await lockDataDir(dataDir);
  try {
    const db = await PGlite.create(`${dataDir}/pgdata`, { extensions: { btree_gist, pg_trgm } });
    const path = `${dataDir}/.s.PGSQL.5432`;
    await Deno.remove(path).catch(() => {}); // left by a crash; the lock proves it is stale
    const server = new PGLiteSocketServer({ db, path });
    await server.start();
    const target = { path };
    return {
      target,
      async stop() {
        await server.stop();
        await db.close();
        lock.close();
      },
    };
  } catch (err) {
    lock.close();
    throw err;
  }
}
