import { type Context, Hono } from "hono";
import { z } from "zod";
import { createHash } from "node:crypto";
import {
  changeDocument,
  DOCUMENT_CATEGORIES,
  DOCUMENT_ORDERINGS,
  documentAccess,
  type DocumentFields,
  type DocumentPage,
  type DocumentRow,
  findDocument,
  insertDocument,
  listDocuments,
} from "../db/documents.ts";
import { documentStore } from "../db/document_store.ts";
import { findVersion, listVersions } from "../db/history.ts";
import { boolParam, instant, isCalendarDate, pageQuery, str, text, today } from "../lib/fields.ts";
import {
  type Answer,
  checkIfMatch,
  envelope,
  holdsCurrent,
  ifMatch,
  link,
  listOf,
  page,
  pathId,
  setEtag,
  timestamp,
} from "./http.ts";
import { checkState, gone, historyQuery, versionJson, versionSchema } from "./history.ts";
import { describe, named, shownAs } from "../lib/route_marks.ts";
import { audit, noteAudit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { replicaReads } from "../middleware/replica.ts";
import { ApiError, invalid } from "../lib/errors.ts";
import { validate } from "../middleware/validate.ts";
import {
  agrees,
  declaredType,
  DOCUMENT_TYPES,
  type DocumentType,
  sniff,
  SNIFF_BYTES,
  TextCheck,
} from "../lib/file_types.ts";
import { formBoundary, type IncomingFile, readUpload } from "../lib/upload.ts";
import { concatBytes } from "../lib/digest.ts";
import type { AppEnv } from "../types.ts";

const category = shownAs(
  str().pipe(z.enum(DOCUMENT_CATEGORIES, {
    error: `must be one of ${DOCUMENT_CATEGORIES.join(", ")}`,
  })),
  { type: "string", enum: DOCUMENT_CATEGORIES },
);

/** A document's date: a calendar day from 1900-01-01 up to today (null clears it). */
const documentDate = shownAs(
  str("must be a date as YYYY-MM-DD or null")
    .transform((v) => v.trim())
    .refine(isCalendarDate, "must be a date as YYYY-MM-DD")
    .refine((v) => v >= "1900-01-01", "must not be before 1900-01-01")
    .refine((v) => v <= today(), "must not be in the future"),
  { type: "string", format: "date", description: "From 1900-01-01 up to today" },
);

/** The text parts of an upload, beside its `file`. */
const uploadFields = z.object({
  title: text(1, 200).optional(),
  category,
  document_date: documentDate.optional(),
});

/** How the upload form is documented (the handler reads it as a stream). */
const uploadForm = named(
  "DocumentUpload",
  z.object({
    file: shownAs(z.string(), {
      type: "string",
      format: "binary",
      description: `One file: ${DOCUMENT_TYPES.join(", ")}; its bytes must match its type`,
    }),
    ...uploadFields.shape,
  }).meta({ description: "`title` defaults to the file's name" }),
);

/** Body of `PATCH /api/documents/<id>/`. */
export const documentPatch = named(
  "DocumentPatch",
  z.object({
    title: text(1, 200).optional(),
    category: category.optional(),
    document_date: documentDate.nullable().optional(),
  }).meta({ examples: [{ title: "Blood panel, March", category: "lab_report" }] }),
);

/** Paging of a patient's documents. */
export const documentPageQuery = z.object({
  ...pageQuery(DOCUMENT_ORDERINGS),
  category: category.optional(),
  since: instant.optional(),
  include_deleted: boolParam.optional(),
});

/** A document as answered. */
export const documentSchema = named(
  "Document",
  z.strictObject({
    id: z.number().int(),
    patient: z.number().int(),
    title: z.string(),
    category: z.enum(DOCUMENT_CATEGORIES),
    content_type: z.enum(DOCUMENT_TYPES),
    file_name: z.string().nullable(),
    size_bytes: z.number().int(),
    sha256: z.string().meta({ description: "SHA-256 of the bytes, lower-case hex" }),
    document_date: z.string().nullable().meta({ format: "date" }),
    created_by: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
    deleted_at: timestamp.nullable(),
    deleted_by: z.number().int().nullable(),
  }),
);

/** A version of a document's metadata. */
export const documentVersionSchema = versionSchema("DocumentVersion", documentSchema);

/** A date column as `YYYY-MM-DD` (a snapshot's comes back as a Date). */
function day(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

/** A document's metadata as answered. */
export function documentJson(r: DocumentRow): Answer<typeof documentSchema> {
  return {
    id: r.id,
    patient: r.patient_id,
    title: r.title,
    category: r.category,
    content_type: r.content_type,
    file_name: r.file_name,
    size_bytes: Number(r.size_bytes),
    sha256: r.sha256,
    document_date: day(r.document_date),
    created_by: r.created_by,
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
    deleted_at: r.deleted_at,
    deleted_by: r.deleted_by,
  };
}

const NOT_FOUND = "No document with this id";
const FRONT_DESK = "A front_desk member may not read or add documents";
const VIEWER = "A viewer may not add or change documents";

/** 403 for a caller who may see the patient but not read (or write) its documents. */
function denied(readable: boolean): ApiError {
  return new ApiError(403, readable ? VIEWER : FRONT_DESK);
}

/** Uploads being received by this process now. */
let uploading = 0;

/** Room the multipart framing and text fields may take beside the file. */
const FRAMING_BYTES = 64 * 1024;

/** A stored file, as the upload's file handler leaves it. */
interface Received {
  contentId: string;
  contentType: DocumentType;
  fileName: string | null;
  sizeBytes: number;
  sha256: string;
  chunkBytes: number;
  /** Removes the stored bytes (when no document will name them). */
  discard(): Promise<void>;
}

/** The last segment of a client's file name, without control characters, or null. */
function cleanFileName(name: string | undefined): string | null {
  // deno-lint-ignore no-control-regex
  const clean = (name ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return clean === "" ? null : clean;
}

const unsupported = (detail: string) =>
  new ApiError(415, `${detail}. Accepted: ${DOCUMENT_TYPES.join(", ")}`, [
    { field: "file", message: detail.toLowerCase() },
  ]);

/**
 * Stores the file part as it arrives: its type decided from its first bytes (and checked
 * against the declared one), its size capped, its SHA-256 computed on the way; anything stored
 * is removed again when it fails.
 */
async function receive(
  c: Context<AppEnv>,
  patientId: number,
  file: IncomingFile,
): Promise<Received> {
  const maxBytes = c.get("config").documentMaxBytes;
  const declared = file.contentType?.split(";")[0].trim().toLowerCase();
  const named = declaredType(declared);
  const guessing = declared === undefined || declared === "" ||
    declared === "application/octet-stream";
  if (!named && !guessing) throw unsupported(`Files of type ${declared} are not accepted`);
  const store = await documentStore(c.get("config"));
  const writer = await store.begin(c.var.db, patientId);
  const hash = createHash("sha256");
  let size = 0;
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let type: DocumentType | undefined;
  let text: TextCheck | undefined;
  const take = async (bytes: Uint8Array) => {
    if (text && !text.push(bytes)) throw unsupported("The file is not plain UTF-8 text");
    hash.update(bytes);
    await writer.write(bytes);
  };
  /** Decides the type from the first bytes (or from all of a file shorter than those). */
  const decide = async () => {
    const start = concatBytes(head);
    head = [];
    type = named ?? sniff(start);
    if (!type) throw unsupported("The file's content is not of an accepted type");
    if (!agrees(type, start)) {
      throw unsupported(`The file's content does not match its declared type ${type}`);
    }
    if (type === "text/plain") text = new TextCheck();
    await take(start);
  };
  try {
    for await (const chunk of file.chunks) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new ApiError(413, `The document is larger than ${maxBytes} bytes`, [
          { field: "file", message: `must be at most ${maxBytes} bytes (DOCUMENT_MAX_BYTES)` },
        ], { "Connection": "close" });
      }
      if (type) {
        await take(chunk);
        continue;
      }
      // The chunk is lent (lib/upload.ts): the first bytes are kept as a copy.
      head.push(chunk.slice());
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) await decide();
    }
    if (!type) {
      if (headBytes === 0) {
        throw new ApiError(400, "The file is empty", [{ field: "file", message: "is empty" }]);
      }
      await decide();
    }
    if (text && !text.end()) throw unsupported("The file is not plain UTF-8 text");
    const { chunkBytes } = await writer.finish();
    return {
      contentId: writer.id,
      contentType: type!,
      fileName: cleanFileName(file.filename),
      sizeBytes: size,
      sha256: hash.digest("hex"),
      chunkBytes,
      discard: () => writer.abort(),
    };
  } catch (err) {
    await writer.abort().catch(() => {});
    throw err;
  }
}

/**
 * `POST /api/patients/<id>/documents/`: a multipart upload streamed to the store, then the
 * document stored with its audit event in one statement.
 */
export async function uploadDocument(c: Context<AppEnv>, patientId: number) {
  const s = c.var.db;
  const config = c.get("config");
  noteAudit(c, { action: "create", resourceType: "document", patientIds: [patientId] });
  if (!formBoundary(c.req.header("Content-Type"))) {
    throw new ApiError(415, "Send the document as multipart/form-data with a boundary");
  }
  const declared = Number(c.req.header("Content-Length") ?? "0");
  if (declared > config.documentMaxBytes + FRAMING_BYTES) {
    throw new ApiError(413, `The document is larger than ${config.documentMaxBytes} bytes`, [
      { field: "file", message: `must be at most ${config.documentMaxBytes} bytes` },
    ], { "Connection": "close" });
  }
  const access = await documentAccess(s, patientId);
  if (!access.visible) throw new ApiError(404, "No patient with this id");
  noteAudit(c, { clinicId: access.clinicId });
  if (access.deleted) throw gone("patient");
  if (!access.write) throw denied(access.read);
  if (uploading >= config.uploadsInFlight) {
    throw new ApiError(503, "Too many uploads at once; send it again shortly", undefined, {
      "Retry-After": "1",
      "Connection": "close",
    });
  }
  uploading++;
  let received: Received | undefined;
  try {
    const upload = await readUpload(c.req.raw, {
      fileField: "file",
      fields: ["title", "category", "document_date"],
      fieldBytes: 1000,
      idleSeconds: config.bodyTimeoutSeconds,
    }, (file) => receive(c, patientId, file));
    received = upload.file;
    if (!received) {
      throw invalid([{ field: "file", message: "is required (one file part named file)" }]);
    }
    const fields = uploadFields.safeParse(Object.fromEntries(upload.fields));
    if (!fields.success) {
      throw invalid(fields.error.issues.map((i) => ({
        field: String(i.path[0] ?? "body"),
        message: i.message,
      })));
    }
    const title = fields.data.title ?? received.fileName?.slice(0, 200);
    if (!title) {
      throw invalid([{ field: "title", message: "is required when the file has no name" }]);
    }
    const row = await insertDocument(s, {
      patient: patientId,
      contentId: received.contentId,
      title,
      category: fields.data.category,
      contentType: received.contentType,
      fileName: received.fileName,
      sizeBytes: received.sizeBytes,
      sha256: received.sha256,
      chunkBytes: received.chunkBytes,
      documentDate: fields.data.document_date ?? null,
    });
    // The patient was deleted or the caller lost the right meanwhile.
    if (!row) throw new ApiError(404, "No patient with this id");
    received = undefined;
    setEtag(c, row.version);
    c.header("Location", link(c, `/api/documents/${row.id}/`));
    return c.json(documentJson(row), 201);
  } finally {
    uploading--;
    await received?.discard().catch(() => {});
  }
}

/** A page of a patient's documents (404, 410 for the patient; 403 for a front_desk member). */
export async function patientDocumentsPage(
  c: Context<AppEnv>,
  patientId: number,
  q: z.output<typeof documentPageQuery>,
) {
  const s = c.var.db;
  noteAudit(c, {
    action: "list",
    resourceType: "document",
    resourceId: null,
    patientIds: [patientId],
  });
  const access = await documentAccess(s, patientId);
  if (!access.visible) throw new ApiError(404, "No patient with this id");
  noteAudit(c, { clinicId: access.clinicId });
  if (access.deleted) throw gone("patient");
  if (!access.read) throw denied(false);
  const p = page(c, { ...q, ordering: q.ordering ?? { field: "created_at", desc: true } });
  const list: DocumentPage = await listDocuments(s, patientId, {
    category: q.category,
    since: q.since,
    deleted: q.include_deleted ? "managed" : "live",
  }, p);
  return envelope(c, list.page, list.count, list.rows.map(documentJson));
}

/**
 * A document the caller may read (404 when they may not see its patient, 403 for a front_desk
 * member, 410 when it or its patient was deleted), named in the audit event.
 */
async function readable(c: Context<AppEnv>, id: number, deleted = false) {
  const row = await findDocument(c.var.db, id);
  if (!row) throw new ApiError(404, NOT_FOUND);
  noteAudit(c, { patientIds: [row.patient_id], clinicId: row.clinic_id });
  if (!row.readable) throw denied(false);
  if (!deleted && row.patient_deleted_at) throw gone("patient");
  if (!deleted && row.deleted_at) throw gone("document");
  return row;
}

/** A change, deletion or restore under `If-Match`: the row written, or why not. */
async function write(
  c: Context<AppEnv>,
  change: DocumentFields | "delete" | "restore",
): Promise<DocumentRow> {
  const s = c.var.db;
  const documentId = pathId(c.req.param("id")!);
  const versions = ifMatch(c);
  const found = await changeDocument(s, documentId, change, versions);
  // The statement wrote the event.
  if (found?.written) return found.written;
  const current = await findDocument(s, documentId);
  if (!current) throw new ApiError(404, NOT_FOUND);
  noteAudit(c, { patientIds: [current.patient_id], clinicId: current.clinic_id });
  if (!found) {
    if (current.patient_deleted_at) throw gone("patient");
    throw denied(current.readable);
  }
  checkState("document", change === "restore", found.current.deleted_at !== null);
  checkIfMatch(versions, found.version);
  throw new Error("a document change was refused for no known reason");
}

/** One `bytes=` range of a file of `size` bytes; undefined: answer the whole file. */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | undefined {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec((header ?? "").trim());
  // A malformed header, or several ranges, is answered with the whole file.
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== "" && Number(m[2]) < start) return undefined;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/** `Content-Disposition` of a download: an ASCII name and the exact one (RFC 6266). */
function disposition(r: DocumentRow): string {
  const ext: Record<DocumentType, string> = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/tiff": "tif",
    "image/webp": "webp",
    "text/plain": "txt",
    "application/dicom": "dcm",
  };
  const name = r.file_name ?? `document-${r.id}.${ext[r.content_type]}`;
  const ascii = name.replace(/[^A-Za-z0-9._ -]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A document's bytes as an attachment, with the safe headers: its SHA-256 as ETag (304 for
 * If-None-Match), one `Range` (206; 416 outside it) unless If-Range names another ETag.
 */
export async function sendContent(c: Context<AppEnv>, row: DocumentRow): Promise<Response> {
  const etag = `"${row.sha256}"`;
  const size = Number(row.size_bytes);
  const headers: Record<string, string> = {
    "ETag": etag,
    "Accept-Ranges": "bytes",
    "Content-Disposition": disposition(row),
    // The Content-Security-Policy of every answer (app.ts) includes `sandbox`.
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
  if (holdsCurrent(c, etag)) return c.body(null, 304, headers);
  const type = row.content_type === "text/plain" ? "text/plain; charset=utf-8" : row.content_type;
  const ifRange = c.req.header("If-Range");
  const range = ifRange === undefined || ifRange.trim() === etag
    ? byteRange(c.req.header("Range"), size)
    : undefined;
  if (range === "unsatisfiable") {
    throw new ApiError(416, "The range asked for is outside the document", undefined, {
      "Content-Range": `bytes */${size}`,
    });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const store = await documentStore(c.get("config"));
  const body = store.read(c.var.db, row, start, end);
  return c.body(body, range ? 206 : 200, {
    ...headers,
    "Content-Type": type,
    "Content-Length": String(end - start + 1),
    ...(range ? { "Content-Range": `bytes ${start}-${end}/${size}` } : {}),
  });
}

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) =>
  describe({ tag: "Documents", ...d });
const ONE = { status: 200, schema: documentSchema };

/** The upload route's marks, for the patients router that serves it. */
export const uploadDoc = describe({
  tag: "Documents",
  operationId: "uploadDocument",
  summary: "Attach a file to the patient's record (multipart/form-data, streamed)",
  ok: { status: 201, schema: documentSchema },
  errors: [403, 404, 408, 410],
  etag: true,
  form: uploadForm,
});

/** The list route's marks. */
export const listDoc = describe({
  tag: "Documents",
  operationId: "listPatientDocuments",
  summary: "The patient's documents, newest first",
  ok: { status: 200, schema: listOf(documentSchema) },
  errors: [403, 404, 410],
});

/** Documents in patients' records: metadata, content, history. */
export const documents = new Hono<AppEnv>()
  .use(audit("document"))
  .use(requireAuth)
  .get(
    "/:id",
    doc({
      operationId: "getDocument",
      summary: "A document's metadata",
      ok: ONE,
      errors: [403, 404, 410],
      etag: true,
    }),
    async (c) => {
      const row = await readable(c, pathId(c.req.param("id")));
      setEtag(c, row.version);
      return c.json(documentJson(row));
    },
  )
  .get(
    "/:id/content",
    doc({
      operationId: "getDocumentContent",
      summary: "The document's bytes (Range: 206; ETag: its SHA-256)",
      ok: {
        status: 200,
        description: "The bytes, as an attachment of the document's type",
        contentType: "application/octet-stream",
        schema: shownAs(z.string(), { type: "string", format: "binary" }),
      },
      errors: [403, 404, 410, 416],
      ifNoneMatch: true,
    }),
    async (c) => sendContent(c, await readable(c, pathId(c.req.param("id")))),
  )
  .patch(
    "/:id",
    doc({
      operationId: "updateDocument",
      summary: "Change a document's title, category or date",
      ok: ONE,
      errors: [403, 404, 410, 412],
      ifMatch: true,
      etag: true,
    }),
    validate("json", documentPatch),
    async (c) => {
      const row = await write(c, c.req.valid("json"));
      setEtag(c, row.version);
      return c.json(documentJson(row));
    },
  )
  .delete(
    "/:id",
    doc({
      operationId: "deleteDocument",
      summary: "Delete a document (restorable; its bytes are kept until the patient is purged)",
      ok: { status: 204 },
      errors: [403, 404, 410, 412],
      ifMatch: true,
    }),
    async (c) => {
      await write(c, "delete");
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/restore",
    doc({
      operationId: "restoreDocument",
      summary: "Restore a deleted document",
      ok: ONE,
      errors: [403, 404, 409, 412],
      ifMatch: true,
      etag: true,
    }),
    async (c) => {
      noteAudit(c, { action: "restore" });
      const row = await write(c, "restore");
      setEtag(c, row.version);
      return c.json(documentJson(row));
    },
  )
  .get(
    "/:id/history",
    doc({
      operationId: "listDocumentVersions",
      summary: "The document's versions (its metadata), newest first",
      ok: { status: 200, schema: listOf(documentVersionSchema) },
      errors: [403, 404],
    }),
    validate("query", historyQuery),
    replicaReads,
    async (c) => {
      const s = c.var.db;
      const documentId = pathId(c.req.param("id"));
      noteAudit(c, { action: "read" });
      await readable(c, documentId, true);
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listVersions<DocumentRow>(s, "document", documentId, p);
      return c.json(envelope(c, p, count, rows.map((v) => versionJson(v, documentJson))));
    },
  )
  .get(
    "/:id/history/:version",
    doc({
      operationId: "getDocumentVersion",
      summary: "One version of the document's metadata",
      ok: { status: 200, schema: documentVersionSchema },
      errors: [403, 404],
    }),
    async (c) => {
      const s = c.var.db;
      const documentId = pathId(c.req.param("id"));
      const number = pathId(c.req.param("version"));
      noteAudit(c, { action: "read" });
      await readable(c, documentId, true);
      const version = await findVersion<DocumentRow>(s, "document", documentId, number);
      if (!version) throw new ApiError(404, "No such version of this document");
      return c.json(versionJson(version, documentJson));
    },
  );
