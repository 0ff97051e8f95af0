/**
 * Reads a `multipart/form-data` request as it arrives (@fastify/busboy, a streaming parser):
 * small text fields are collected, the one file part is handed over chunk by chunk as the
 * client sends it, so memory never holds a whole file. Any failure (the file's handler
 * refusing it, a malformed body, a client that stops sending) stops reading at once.
 */
import { Busboy } from "@fastify/busboy";
import type { Readable } from "node:stream";
import { ApiError } from "./errors.ts";

/** What an upload may hold. */
export interface UploadLimits {
  /** The name of the file part. */
  fileField: string;
  /** Names of the text fields accepted. */
  fields: readonly string[];
  /** Longest text field, in bytes. */
  fieldBytes: number;
  /** Seconds the client may send nothing before the upload is refused (408). */
  idleSeconds: number;
}

/** The file part as it arrives. */
export interface IncomingFile {
  /** The file name the client gave (its last path segment), if any. */
  filename: string | undefined;
  /** The part's declared Content-Type. */
  contentType: string | undefined;
  /**
   * The file's bytes, in order. Each chunk is lent: it is valid only until the next one is
   * asked for (the same read buffer is used again), so whatever is kept must be copied.
   */
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * Bytes read from the request at a time, into one buffer per upload. Small on purpose: Deno's
 * HTTP/1.1 server (2.9) reads the socket once more on every body read, up to this size, and
 * keeps what a chunked body's read did not take (one chunk per read) in a buffer that only
 * grows; with 64 KiB reads, 20 chunked uploads slower than their clients grew the process by
 * hundreds of MB (BENCHMARKS.md, Documents). Bodies with Content-Length do not do this.
 */
const READ_BYTES = 16 * 1024;

/** The boundary of a `multipart/form-data` Content-Type, or undefined when it is not one. */
export function formBoundary(contentType: string | undefined): string | undefined {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? "")) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType!);
  return m ? (m[1] ?? m[2]) : undefined;
}

const malformed = (detail: string) =>
  new ApiError(400, `The multipart body could not be read: ${detail}`);

/**
 * Reads `body` a buffer at a time: into one buffer used again and again where the stream allows
 * it (a byte stream, as Deno.serve's request bodies are), else as the stream's own chunks.
 */
function bodyReader(body: ReadableStream<Uint8Array>) {
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    // Not a byte stream (a Request built from a string, say): its chunks are fresh anyway.
  }
  const plain = byob ? undefined : body.getReader();
  let buffer = new Uint8Array(READ_BYTES);
  return {
    /** The next bytes, or undefined at the end; valid until the next call. */
    async next(): Promise<Uint8Array | undefined> {
      if (plain) return (await plain.read()).value;
      const { done, value } = await byob!.read(buffer);
      if (done) return undefined;
      buffer = new Uint8Array(value.buffer);
      return value;
    },
    async cancel(): Promise<void> {
      await (byob ?? plain)!.cancel().catch(() => {});
    },
  };
}

/** A wake-up for whoever waits on a condition: `fire` after changing the state it checks. */
function wakeup() {
  let resolve!: () => void;
  let next = new Promise<void>((r) => resolve = r);
  return {
    wait: () => next,
    fire() {
      resolve();
      next = new Promise<void>((r) => resolve = r);
    },
  };
}

/**
 * Reads `request`'s multipart body: `onFile` consumes the file part (its answer is returned);
 * the text fields come back by name. A second file, an unknown or repeated field, or an
 * over-long one is a 400. When `onFile` throws, reading stops and the error is thrown here.
 *
 * The body is read into one buffer per upload (a BYOB reader), and the parser hands the file's
 * bytes on as views of that buffer: the next read waits until `onFile` has asked for the chunk
 * after the last one of the buffer, so no read allocates and nothing is copied before the store.
 */
export async function readUpload<T>(
  request: Request,
  limits: UploadLimits,
  onFile: (file: IncomingFile) => Promise<T>,
): Promise<{ fields: Map<string, string>; file: T | undefined }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!request.body) throw malformed("it is empty");
  const parser = new Busboy({
    headers: { "content-type": contentType },
    limits: {
      files: 1,
      fields: limits.fields.length,
      parts: limits.fields.length + 1,
      fieldSize: limits.fieldBytes,
      fieldNameSize: 100,
      headerPairs: 20,
    },
  });
  const read = bodyReader(request.body);
  const fields = new Map<string, string>();
  let filePromise: Promise<T> | undefined;
  let fail!: (err: unknown) => void;
  const failed = new Promise<never>((_, reject) => fail = reject);
  failed.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fail(
        new ApiError(
          408,
          `The upload sent nothing for ${limits.idleSeconds} s`,
          undefined,
          { "Connection": "close" },
        ),
      );
    }, limits.idleSeconds * 1000);
  };

  // The file's bytes of the current buffer, not yet taken; the file's state; who waits on it.
  const lent: Uint8Array[] = [];
  let fileEnded = false;
  let bodyEnded = false;
  /** Set when the file's handler has asked for more than `lent` holds. */
  let drained = true;
  const fileWake = wakeup();
  const readerWake = wakeup();
  /** Nothing of the current buffer is held any more: the next read may go into it. */
  const letGo = () => {
    drained = true;
    readerWake.fire();
  };

  /** The file part's chunks, each lent until the next is asked for. */
  async function* fileChunks(): AsyncGenerator<Uint8Array> {
    try {
      while (true) {
        const chunk = lent.shift();
        if (chunk) {
          // A view of a buffer read over already would be empty: never store that silently.
          if ((chunk.buffer as ArrayBuffer).detached) {
            throw new Error("an upload's bytes were read over");
          }
          yield chunk;
          continue;
        }
        if (fileEnded) {
          // The file is whole, but the upload is only good once the body has been read to its
          // end: until then the handler may still have to undo what it did.
          letGo();
          await Promise.race([finished, failed]);
          return;
        }
        if (bodyEnded) throw malformed("it ends inside the file");
        letGo();
        await Promise.race([fileWake.wait(), failed]);
      }
    } finally {
      lent.length = 0;
      letGo();
    }
  }

  parser.on("field", (name: string, value: string, nameCut: boolean, valueCut: boolean) => {
    if (!limits.fields.includes(name) || nameCut) {
      fail(
        new ApiError(400, "The upload has a field that is not accepted", [
          { field: name.slice(0, 100), message: `is not a field of this upload` },
        ]),
      );
    } else if (fields.has(name)) {
      fail(
        new ApiError(400, "The upload names a field twice", [
          { field: name, message: "is sent more than once" },
        ]),
      );
    } else if (valueCut) {
      fail(
        new ApiError(400, "The upload has a field that is too long", [
          { field: name, message: `must be at most ${limits.fieldBytes} bytes` },
        ]),
      );
    } else fields.set(name, value);
  });
  parser.on(
    "file",
    (name: string, stream: Readable, filename: string, _encoding: string, mime: string) => {
      if (name !== limits.fileField || filePromise) {
        stream.resume();
        fail(
          new ApiError(400, "The upload must hold one file", [
            {
              field: name === limits.fileField ? name : name.slice(0, 100),
              message: name === limits.fileField
                ? "is sent more than once"
                : `is not a file field of this upload (send the file as ${limits.fileField})`,
            },
          ]),
        );
        return;
      }
      // Errors reach the file's handler as a failure of the upload; none may go unheard.
      stream.on("error", () => {});
      stream.on("data", (bytes: Uint8Array) => {
        // A plain view (the parser gives Buffers, whose slice() does not copy).
        lent.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        drained = false;
        fileWake.fire();
      });
      stream.on("end", () => {
        fileEnded = true;
        fileWake.fire();
      });
      filePromise = onFile({
        filename: filename || undefined,
        contentType: mime || undefined,
        chunks: fileChunks(),
      });
      filePromise.catch(fail);
      // Once the handler is done (or gave up), nothing waits for the file's bytes.
      filePromise.finally(() => {
        lent.length = 0;
        letGo();
      }).catch(() => {});
    },
  );
  for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"]) {
    parser.on(limit, () => fail(malformed("it has more parts than this upload accepts")));
  }
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("finish", resolve);
    parser.on("error", (err: Error) => reject(malformed(err.message)));
  });
  finished.catch(fail);

  /** Reads the body to its end, each buffer parsed before the next is read into it. */
  const pump = async () => {
    while (true) {
      let bytes: Uint8Array | undefined;
      try {
        bytes = await read.next();
      } catch {
        throw new ApiError(
          503,
          "The upload was not received completely; send it again",
          undefined,
          { "Retry-After": "1", "Connection": "close" },
        );
      }
      if (!bytes) break;
      idle();
      await new Promise<void>((resolve) => parser.write(bytes, () => resolve()));
      while (!drained) await readerWake.wait();
    }
    bodyEnded = true;
    fileWake.fire();
    parser.end();
    await finished;
  };

  idle();
  try {
    await Promise.race([pump(), failed]);
    const file = filePromise ? await Promise.race([filePromise, failed]) : undefined;
    return { fields, file };
  } catch (err) {
    fail(err);
    await read.cancel();
    parser.destroy();
    // The file's handler stops at its next chunk: wait for it to clean up after itself.
    await filePromise?.catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
