/**
 * Where documents' bytes live, behind one small interface (migrations/017_documents.sql). The
 * PostgreSQL store keeps them as chunks of `CHUNK_BYTES` in `document_chunks`, each chunk
 * written in its own short transaction bound by row-level security, so that a slow upload
 * never holds a connection and memory holds one chunk per upload at most.
 */
import type { Scope } from "./scope.ts";

/** Bytes per stored chunk (the last of a file may be shorter). */
export const CHUNK_BYTES = 256 * 1024;

/** Where a content's bytes are, as its document row says. */
export interface StoredContent {
  content_id: string;
  patient_id: number;
  size_bytes: number;
  chunk_bytes: number;
}

/** The bytes of one upload on their way in. */
export interface ContentWriter {
  /** The content's id (its document names it). */
  readonly id: string;
  /** Stores the next bytes (kept until a chunk is full). */
  write(bytes: Uint8Array): Promise<void>;
  /** Stores what is left; the content's chunk size. */
  finish(): Promise<{ chunkBytes: number }>;
  /** Removes everything stored so far (a failed or refused upload). */
  abort(): Promise<void>;
}

/** A document store. */
export interface DocumentStore {
  readonly kind: "postgres";
  /** A new content of `patientId`'s record; the caller must be able to write it. */
  begin(s: Scope, patientId: number): Promise<ContentWriter>;
  /** Bytes `start` to `end` (inclusive) of a stored content, streamed. */
  read(s: Scope, c: StoredContent, start: number, end: number): ReadableStream<Uint8Array>;
}

/** Chunks fetched per query when reading. */
const CHUNKS_PER_READ = 4;

/** The PostgreSQL store: chunks in `document_chunks`. */
export const postgresStore: DocumentStore = {
  kind: "postgres",

  async begin(s, patientId) {
    const [{ id }] = await s.run((db) =>
      db<{ id: string }[]>`
        insert into document_contents (patient_id, store, created_by)
        values (${patientId}, 'postgres', ${s.caller.id}) returning id`
    );
    let pending: Uint8Array[] = [];
    let held = 0;
    let n = 0;
    const flush = async (bytes: Uint8Array) => {
      const chunk = n++;
      await s.run((db) =>
        db`insert into document_chunks (content_id, n, patient_id, data)
          values (${id}, ${chunk}, ${patientId}, ${bytes})`
      );
    };
    const take = (size: number): Uint8Array => {
      const out = new Uint8Array(size);
      let at = 0;
      while (at < size) {
        const first = pending[0];
        const part = Math.min(first.length, size - at);
        out.set(first.subarray(0, part), at);
        at += part;
        if (part === first.length) pending.shift();
        else pending[0] = first.subarray(part);
      }
      held -= size;
      return out;
    };
    return {
      id,
      async write(bytes) {
        pending.push(bytes);
        held += bytes.length;
        while (held >= CHUNK_BYTES) await flush(take(CHUNK_BYTES));
      },
      async finish() {
        if (held > 0) await flush(take(held));
        return { chunkBytes: CHUNK_BYTES };
      },
      async abort() {
        pending = [];
        await s.run((db) => db`delete from document_contents where id = ${id}`);
      },
    };
  },

  read(s, c, start, end) {
    const size = c.chunk_bytes;
    let next = Math.floor(start / size);
    // An empty file (end -1) has no chunk.
    const last = end < start ? -1 : Math.floor(end / size);
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (next > last) return controller.close();
        const upTo = Math.min(last, next + CHUNKS_PER_READ - 1);
        const rows = await s.run((db) =>
          db<{ n: number; data: Uint8Array }[]>`
            select n, data from document_chunks
            where content_id = ${c.content_id} and n between ${next} and ${upTo}
            order by n`
        );
        if (rows.length !== upTo - next + 1) {
          controller.error(new Error("a document's content is missing chunks"));
          return;
        }
        for (const row of rows) {
          const from = row.n * size;
          const lo = Math.max(start - from, 0);
          const hi = Math.min(end - from + 1, row.data.length);
          controller.enqueue(row.data.subarray(lo, hi));
        }
        next = upTo + 1;
      },
    }, { highWaterMark: 0 });
  },
};

/** The store the service keeps documents in. */
export function documentStore(): DocumentStore {
  return postgresStore;
}
