/**
 * The kinds of file a document may hold, each known by its first bytes (its magic number),
 * so that a file's declared type is believed only when its content agrees: an HTML page or a
 * program renamed `.pdf` is refused.
 */

/** The content types a document may have. */
export const DOCUMENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/tiff",
  "image/webp",
  "text/plain",
  "application/dicom",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Bytes of a file's start that decide its type (DICOM's marker ends at byte 132). */
export const SNIFF_BYTES = 132;

/** Other names clients send for the same types. */
const ALIASES: Record<string, DocumentType> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/tif": "image/tiff",
  "application/x-pdf": "application/pdf",
  "application/dicom+dcm": "application/dicom",
};

const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));

/** Whether `bytes` hold `expected` at `at` (null: any byte). */
function holds(bytes: Uint8Array, at: number, expected: readonly (number | null)[]): boolean {
  if (bytes.length < at + expected.length) return false;
  return expected.every((b, i) => b === null || bytes[at + i] === b);
}

/** Each binary type's test of a file's first bytes. */
const MAGIC: Record<Exclude<DocumentType, "text/plain">, (b: Uint8Array) => boolean> = {
  "application/pdf": (b) => holds(b, 0, ascii("%PDF-")),
  "image/png": (b) => holds(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => holds(b, 0, [0xff, 0xd8, 0xff]),
  "image/tiff": (b) =>
    holds(b, 0, [0x49, 0x49, 0x2a, 0x00]) || holds(b, 0, [0x4d, 0x4d, 0x00, 0x2a]),
  "image/webp": (b) => holds(b, 0, ascii("RIFF")) && holds(b, 8, ascii("WEBP")),
  // A 128-byte preamble, then "DICM".
  "application/dicom": (b) => holds(b, 128, ascii("DICM")),
};

/**
 * The document type a part's declared Content-Type names (parameters and case aside), or
 * undefined when it names none we keep. `application/octet-stream` and a missing type name
 * none: the content decides (`sniff`).
 */
export function declaredType(contentType: string | undefined): DocumentType | undefined {
  const bare = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if ((DOCUMENT_TYPES as readonly string[]).includes(bare)) return bare as DocumentType;
  return ALIASES[bare];
}

/** The binary type whose magic number `start` begins with, if any. */
export function sniff(start: Uint8Array): DocumentType | undefined {
  for (const [type, test] of Object.entries(MAGIC)) {
    if (test(start)) return type as DocumentType;
  }
  return undefined;
}

/** Whether a file's first bytes agree with `type` (text: no NUL byte, no binary magic). */
export function agrees(type: DocumentType, start: Uint8Array): boolean {
  if (type === "text/plain") return !start.includes(0) && sniff(start) === undefined;
  return MAGIC[type](start);
}

/**
 * Checks a text file as it streams: valid UTF-8 without NUL bytes throughout (a text
 * document is answered as `text/plain; charset=utf-8`).
 */
export class TextCheck {
  #decoder = new TextDecoder("utf-8", { fatal: true });
  #ok = true;

  /** Takes the next bytes; false once the file is not text. */
  push(bytes: Uint8Array): boolean {
    if (!this.#ok) return false;
    if (bytes.includes(0)) return this.#ok = false;
    try {
      this.#decoder.decode(bytes, { stream: true });
    } catch {
      this.#ok = false;
    }
    return this.#ok;
  }

  /** After the last bytes: true when the whole file was text. */
  end(): boolean {
    if (!this.#ok) return false;
    try {
      this.#decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}
