/**
 * Reads a `multipart/form-data` request as it arrives (@fastify/busboy, a streaming parser):
 * small text fields are collected, the one file part is handed over chunk by chunk as the
 * client sends it, so memory never holds a whole file. Any failure (the file's handler
 * refusing it, a malformed body, a client that stops sending) stops reading at once.
 */
import { Busboy } from "@fastify/busboy";
import { Readable } from "node:stream";
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
  /** The file's bytes, in order. */
  chunks: AsyncIterable<Uint8Array>;
}

/** The boundary of a `multipart/form-data` Content-Type, or undefined when it is not one. */
export function formBoundary(contentType: string | undefined): string | undefined {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? "")) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType!);
  return m ? (m[1] ?? m[2]) : undefined;
}

const malformed = (detail: string) =>
  new ApiError(400, `The multipart body could not be read: ${detail}`);

/**
 * Reads `request`'s multipart body: `onFile` consumes the file part (its answer is returned);
 * the text fields come back by name. A second file, an unknown or repeated field, or an
 * over-long one is a 400. When `onFile` throws, reading stops and the error is thrown here.
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
  const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  const fields = new Map<string, string>();
  let filePromise: Promise<T> | undefined;
  let fileStream: Readable | undefined;
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
      fileStream = stream;
      // Errors reach the file's handler through its iteration; none may go unheard.
      stream.on("error", () => {});
      filePromise = onFile({
        filename: filename || undefined,
        contentType: mime || undefined,
        chunks: stream as AsyncIterable<Uint8Array>,
      });
      filePromise.catch((err) => {
        stream.resume();
        fail(err);
      });
    },
  );
  for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"]) {
    parser.on(limit, () => fail(malformed("it has more parts than this upload accepts")));
  }
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("finish", resolve);
    parser.on("error", (err: Error) => reject(malformed(err.message)));
  });
  source.on("data", idle);
  source.on("error", () =>
    fail(
      new ApiError(
        503,
        "The upload was not received completely; send it again",
        undefined,
        { "Retry-After": "1", "Connection": "close" },
      ),
    ));
  idle();
  try {
    source.pipe(parser);
    await Promise.race([finished, failed]);
    const file = filePromise ? await Promise.race([filePromise, failed]) : undefined;
    return { fields, file };
  } catch (err) {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
    // The file's handler stops at its next chunk: wait for it to clean up after itself.
    fileStream?.destroy();
    await filePromise?.catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
