/**
 * Where documents' bytes live, behind one small interface (migrations/017_documents.sql). Each
 * upload first writes its `document_contents` row (so that bytes never named by a document can
 * be found and removed), then its bytes:
 * - the PostgreSQL store keeps them as chunks of `CHUNK_BYTES` in `document_chunks`, each
 *   chunk written in its own short transaction bound by row-level security, so that a slow
 *   upload never holds a connection and memory holds one chunk per upload at most;
 * - the S3 store (`DOCUMENT_STORE=s3://…`, lib/s3.ts, loaded only when configured) keeps one
 *   object per content, named by the content's id.
 * A document's `chunk_bytes` says which: 0 for an object.
 */
import type { Config } from "../config.ts";
import { Buffer } from "node:buffer";
import { BlockWriter } from "../lib/blocks.ts";
import type { ObjectBucket } from "../lib/s3.ts";
import type { Scope } from "./scope.ts";

/** Bytes per stored chunk (the last of a file may be shorter). */
export const CHUNK_BYTES = 256 * 1024;

/** Where a content's bytes are, as its document row says. */
export interface StoredContent {
  content_id: string;
  patient_id: number;
  size_bytes: number;
  /** 0: an object of the S3 store. */
  chunk_bytes: number;
}

/** The bytes of one upload on their way in. */
export interface ContentWriter {
  /** The content's id (its document names it). */
  readonly id: string;
  /** Stores the next bytes (lent: copied until a chunk or part is full). */
  write(bytes: Uint8Array): Promise<void>;
  /** Stores what is left; the content's chunk size (0: an object). */
  finish(): Promise<{ chunkBytes: number }>;
  /** Removes everything stored so far (a failed or refused upload). */
  abort(): Promise<void>;
}

/** A document store. */
export interface DocumentStore {
  readonly kind: "postgres" | "s3";
  /** A new content of `patientId`'s record; the caller must be able to write it. */
  begin(s: Scope, patientId: number, contentType?: string): Promise<ContentWriter>;
  /** Bytes `start` to `end` (inclusive) of a stored content, streamed. */
  read(s: Scope, c: StoredContent, start: number, end: number): ReadableStream<Uint8Array>;
}

/** Chunks fetched per query when reading. */
const CHUNKS_PER_READ = 4;

/** Writes a content's row: the record that bytes of this patient's are on their way. */
async function newContent(s: Scope, patientId: number, store: "postgres" | "s3") {
  const [{ id }] = await s.run((db) =>
    db<{ id: string }[]>`
      insert into document_contents (patient_id, store, created_by)
      values (${patientId}, ${store}, ${s.caller.id}) returning id`
  );
  return id;
}

/** Removes a content's row (and its chunks, if any). */
async function dropContent(s: Scope, id: string): Promise<void> {
  await s.run((db) => db`delete from document_contents where id = ${id}`);
}

/** The PostgreSQL store: chunks in `document_chunks`. */
export const postgresStore: DocumentStore = {
  kind: "postgres",

  async begin(s, patientId) {
    const id = await newContent(s, patientId, "postgres");
    let n = 0;
    const chunks = new BlockWriter(CHUNK_BYTES, async (bytes) => {
      const chunk = n++;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("base64");
      await s.run((db) =>
        db`insert into document_chunks (content_id, n, patient_id, data)
          values (${id}, ${chunk}, ${patientId}, decode(${text}, 'base64'))`
      );
    });
    return {
      id,
      write: (bytes) => chunks.write(bytes),
      async finish() {
        await chunks.end();
        return { chunkBytes: CHUNK_BYTES };
      },
      async abort() {
        chunks.clear();
        await dropContent(s, id);
      },
    };
  },

  read(s, c, start, end) {
    const size = c.chunk_bytes;
    if (size === 0) return failing("this document's bytes are in an S3 store (DOCUMENT_STORE)");
    let next = Math.floor(start / size);
    // An empty range (end before start) has no chunk.
    const last = end < start ? -1 : Math.floor(end / size);
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (next > last) return controller.close();
        const upTo = Math.min(last, next + CHUNKS_PER_READ - 1);
        // As base64 text: a third shorter than the hex that bytea travels as.
        const rows = (await s.run((db) =>
          db<{ n: number; data: string }[]>`
            select n, encode(data, 'base64') as data from document_chunks
            where content_id = ${c.content_id} and n between ${next} and ${upTo}
            order by n`
        )).map((r) => ({ n: r.n, data: Buffer.from(r.data, "base64") }));
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

/** A stream that fails at once with `message`. */
function failing(message: string): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.error(new Error(message)) });
}

/** The S3 store over `bucket`: one object per content; chunked contents read from PostgreSQL. */
function objectStore(bucket: ObjectBucket): DocumentStore {
  return {
    kind: "s3",
    async begin(s, patientId, contentType) {
      const id = await newContent(s, patientId, "s3");
      const object = bucket.open(id, contentType);
      return {
        id,
        write: (bytes) => object.write(bytes),
        async finish() {
          await object.finish();
          return { chunkBytes: 0 };
        },
        async abort() {
          // The row goes only once the object is gone: else the sweep would never find it.
          await object.abort();
          await dropContent(s, id);
        },
      };
    },
    read(s, c, start, end) {
      if (c.chunk_bytes > 0) return postgresStore.read(s, c, start, end);
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          reader ??= (await bucket.read(c.content_id, start, end)).getReader();
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        async cancel() {
          await reader?.cancel();
        },
      }, { highWaterMark: 0 });
    },
  };
}

const buckets = new Map<string, Promise<ObjectBucket>>();

/** The bucket of an S3 setting, its SDK loaded on first use. */
function bucketOf(settings: Exclude<Config["documentStore"], "postgres">): Promise<ObjectBucket> {
  const key = JSON.stringify(settings);
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = import("../lib/s3.ts").then(({ s3Bucket }) => s3Bucket(settings));
    buckets.set(key, bucket);
  }
  return bucket;
}

/** The store new documents go to, as DOCUMENT_STORE says (it reads every document). */
export async function documentStore(config: Config): Promise<DocumentStore> {
  if (config.documentStore === "postgres") return postgresStore;
  return objectStore(await bucketOf(config.documentStore));
}

/**
 * Removes the objects of contents whose rows are gone (a purge, a sweep). Without an S3
 * store configured there are none to reach: answers how many were left in place.
 */
export async function removeObjects(config: Config, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  if (config.documentStore === "postgres") return ids.length;
  await (await bucketOf(config.documentStore)).remove(ids);
  return 0;
}

/** Checks at start-up that the configured bucket answers; throws a clear error if not. */
export async function checkDocumentStore(config: Config): Promise<void> {
  if (config.documentStore === "postgres") return;
  const bucket = await bucketOf(config.documentStore);
  try {
    await bucket.check();
  } catch (err) {
    const code = (err as { name?: string }).name ?? String(err);
    throw new Error(`DOCUMENT_STORE ${bucket.where} does not answer (${code})`);
  }
}

/** The S3 objects of a patient's contents (before a purge removes their rows). */
export async function objectsOfPatient(s: Scope, patientId: number): Promise<string[]> {
  const rows = await s.run((db) =>
    db<{ id: string }[]>`
      select id from document_contents where patient_id = ${patientId} and store = 's3'`
  );
  return rows.map((r) => r.id);
}
