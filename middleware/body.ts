import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../types.ts";
import { ApiError } from "../lib/errors.ts";

/** The largest request body accepted: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deepest nesting of objects and arrays a body may have. */
export const MAX_DEPTH = 16;
/** Most values (object members and array items, at every depth) a body may hold. */
export const MAX_VALUES = 4096;
/**
 * Bytes of request bodies one process holds at once, read or being read. A parsed body
 * costs at most a few times its bytes (the value limit bounds the objects), so this
 * bounds the heap that bodies in flight can take; past it, requests get 503.
 */
export const MAX_BODY_BYTES_IN_FLIGHT = 8 * MAX_BODY_BYTES;

/** The one route whose body is not JSON: a document upload. */
const UPLOAD_PATH = /^\/api\/patients\/[^/]+\/documents\/?$/;

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

let bytesInFlight = 0;

/** Bytes of request bodies currently held (for tests and metrics). */
export function bodyBytesInFlight(): number {
  return bytesInFlight;
}

const busy = () =>
  new ApiError(503, "The service is busy; send the request again shortly", undefined, {
    "Retry-After": "1",
  });

/**
 * Reads a body up to `limit` bytes, counting them against the process budget through
 * `hold`. A stream that breaks (the client went away, or the server is stopping and cut
 * the upload) is a 503: the client may send it again; it is never read as malformed.
 */
async function readCapped(
  stream: ReadableStream<Uint8Array>,
  hold: (n: number) => void,
  timeoutSeconds: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), timeoutSeconds * 1000);
  });
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        const next = await Promise.race([reader.read(), late]);
        if (next === "late") {
          await reader.cancel().catch(() => {});
          throw new ApiError(
            408,
            `The request body did not arrive within ${timeoutSeconds} s`,
            undefined,
            { "Connection": "close" },
          );
        }
        step = next;
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError(
          503,
          "The request body was not received completely; send it again",
          undefined,
          // The rest of the body may still be on its way: the connection cannot carry
          // another request, so it closes once this answer is sent.
          { "Retry-After": "1", "Connection": "close" },
        );
      }
      if (step.done) break;
      size += step.value.length;
      if (size > MAX_BODY_BYTES) throw new ApiError(413, "The request body is larger than 1 MiB");
      hold(step.value.length);
      chunks.push(step.value);
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Checks the JSON text's shape in one pass before it is parsed, so a body cannot cost
 * more to parse than its limits allow: nesting depth and the number of values.
 */
function checkShape(text: string): void {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > MAX_DEPTH) {
        throw new ApiError(400, `The request body is nested more than ${MAX_DEPTH} levels deep`);
      }
      values++;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
    else if (ch === 0x2c) values++;
    if (values > MAX_VALUES) {
      throw new ApiError(400, `The request body holds more than ${MAX_VALUES} values`);
    }
  }
}

/**
 * The first value JSON allows but JavaScript cannot hold as sent, by its dotted path: a
 * string or key with an unpaired surrogate, or a number too large for a double (`1e400`
 * parses as Infinity, which would later be written as null).
 */
function unfaithful(value: unknown, path: string): { field: string; message: string } | undefined {
  if (typeof value === "string") {
    return value.isWellFormed() ? undefined : { field: path, message: "has an unpaired surrogate" };
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : { field: path, message: "is too large a number" };
  }
  if (value === null || typeof value !== "object") return undefined;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [k, v] of entries) {
    const key = String(k);
    const at = path === "body" ? key : `${path}.${key}`;
    if (!key.isWellFormed()) {
      return { field: path, message: "has a key with an unpaired surrogate" };
    }
    const problem = unfaithful(v, at);
    if (problem) return problem;
  }
  return undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Every request body on the API is read here, once: at most 1 MiB (413), within the
 * process's budget of bodies in flight (503), JSON by its Content-Type (415), valid
 * UTF-8, bounded in depth and values, parsed, and free of lone surrogates (400). The
 * parsed value is handed to the validators through Hono's body cache.
 */
export const jsonBody = createMiddleware<AppEnv>(async function jsonBody(c, next) {
  const stream = c.req.raw.body;
  if (stream === null) return await next();
  // A document upload is streamed by its own route (routes/documents.ts), with its own limits.
  if (c.req.method === "POST" && UPLOAD_PATH.test(c.req.path)) return await next();
  const declared = Number(c.req.header("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError(413, "The request body is larger than 1 MiB");
  let held = 0;
  const hold = (n: number) => {
    if (bytesInFlight + n > MAX_BODY_BYTES_IN_FLIGHT) throw busy();
    bytesInFlight += n;
    held += n;
  };
  try {
    const bytes = await readCapped(stream, hold, c.get("config").bodyTimeoutSeconds);
    const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
    if (bytes.length === 0) {
      cache.text = Promise.resolve("");
      return await next();
    }
    if (!JSON_TYPE.test(c.req.header("Content-Type") ?? "")) {
      throw new ApiError(415, "Send the request body as application/json");
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new ApiError(400, "The request body is not valid UTF-8");
    }
    checkShape(text);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(400, "The request body is not valid JSON");
    }
    const problem = unfaithful(value, "body");
    if (problem) {
      throw new ApiError(400, "The request body has a value that cannot be read as sent", [
        problem,
      ]);
    }
    cache.json = Promise.resolve(value);
    // Hono's own json() would write this value back to text and parse it again: hand it over.
    Object.defineProperty(c.req, "json", { value: () => Promise.resolve(value) });
    await next();
  } finally {
    bytesInFlight -= held;
  }
});
