/**
 * The OpenAPI 3.1 document, generated from the app's route table and the marks its routes
 * carry (lib/route_marks.ts). Named schemas are listed once under `components` and referred
 * to. Imports no route.
 */
import type { z } from "zod";
import { exampleOf, type SchemaWriter, schemaWriter } from "./json_schema.ts";
import { type RouteDoc, type RouteEntry, type RouteMarks, routeMarks } from "./route_marks.ts";

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input; `errors` lists every invalid field",
  401: "Missing, invalid, expired or revoked token",
  403: "Visible but not yours to change",
  404: "Not found, or not visible to you",
  406: "Not acceptable as asked (a large Binary as FHIR JSON: ask for its bytes)",
  408: "The body stopped arriving (an upload sent nothing for BODY_TIMEOUT_SECONDS)",
  409: "Conflict; `errors` names the field",
  410: "Deleted (restore it, or list it with `include_deleted=true`)",
  412: "`If-Match` does not name the current version",
  413: "Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES)",
  415: "Body is not application/json (a document: not multipart/form-data, or a file type " +
    "not accepted or not matching its content)",
  416: "The range asked for is outside the document; `Content-Range` gives its size",
  429: "Too many failed sign-ins; see `Retry-After`",
  503: "Unavailable for now (database, or sign-ins queued); see `Retry-After`",
};

const header = (description: string) => ({ description, schema: { type: "string" } });

/** Headers of answers: every one carries its request id; some statuses say more. */
const HEADERS: Record<number | "all", Record<string, unknown>> = {
  all: { "X-Request-Id": header("The request's id (the client's X-Request-Id, else a new UUID)") },
  201: { Location: header("Where the new resource is") },
  401: { "WWW-Authenticate": header("The Bearer challenge") },
  429: { "Retry-After": header("Seconds until a new attempt may count") },
  503: { "Retry-After": header("Seconds to wait before trying again") },
};

const headersFor = (status: number, extra: Record<string, unknown> = {}) => ({
  ...HEADERS.all,
  ...HEADERS[status],
  ...extra,
});

/** The request headers a route's marks may ask for, by mark. */
const CONDITIONS = [
  ["ifMatch", "If-Match", 'The version last read, as its ETag (`"3"`); a stale one gives 412'],
  ["ifNoneMatch", "If-None-Match", "The ETag you hold; 304 with no body when it is still current"],
] as const;

function operationObject(
  op: RouteMarks & { doc: RouteDoc },
  path: string,
  schemas: SchemaWriter,
) {
  const { doc } = op;
  const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: name === "file"
      ? { type: "string" }
      : doc.idFormat
      ? { type: "string", format: doc.idFormat }
      : { type: "integer", minimum: 1, maximum: 2147483647 },
  }));
  const query = op.query ? schemas.of(op.query, "input") as { properties?: object } : {};
  for (const [name, { description, ...schema }] of Object.entries(query.properties ?? {})) {
    parameters.push({ name, in: "query", required: false, description, schema });
  }
  for (const [flag, name, description] of CONDITIONS) {
    if (doc[flag]) parameters.push({ name, in: "header", description, schema: { type: "string" } });
  }
  const headers = headersFor(doc.ok.status, doc.etag ? { ETag: header("The version") } : {});
  const type = doc.ok.contentType ?? "application/json";
  const responses: Record<string, unknown> = {
    [doc.ok.status]: {
      description: doc.ok.description ?? "Success",
      headers,
      ...(doc.ok.schema &&
        { content: { [type]: { schema: schemas.of(doc.ok.schema, "output") } } }),
    },
  };
  if (doc.ifNoneMatch) {
    responses[304] = {
      description: "Not modified: the ETag sent is still current",
      headers: headersFor(304, { ETag: header("The version") }),
    };
  }
  const errors = new Set(doc.errors ?? []);
  if (op.auth) errors.add(401);
  if (op.query) errors.add(400);
  if (op.body || doc.form) [400, 413, 415].forEach((s) => errors.add(s));
  if (doc.tag !== "Service") errors.add(503);
  const content = doc.errorContent
    ? { [doc.errorContent.contentType]: { schema: schemas.of(doc.errorContent.schema, "output") } }
    : { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  for (const status of [...errors].sort()) {
    responses[status] = { description: STATUS_TEXT[status], headers: headersFor(status), content };
  }
  const body = op.body && { schema: schemas.of(op.body, "input"), example: exampleOf(op.body) };
  return {
    tags: [doc.tag],
    summary: doc.summary,
    operationId: doc.operationId,
    // Public operations say so: no token needed.
    security: op.auth ? [{ bearer: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(body && {
      requestBody: { required: !doc.bodyOptional, content: { "application/json": body } },
    }),
    ...(doc.form && {
      requestBody: {
        required: true,
        content: { "multipart/form-data": { schema: schemas.of(doc.form, "input") } },
      },
    }),
    responses,
  };
}

/** What the document says of the service beyond its routes. */
export interface DocumentInfo {
  info: Record<string, unknown>;
  /** Each tag and what its operations are about. */
  tags: Record<string, string>;
  /** Named schemas beyond those the routes name (`Problem` is referred to by every error). */
  schemas: Record<string, z.ZodType>;
  /** Whether a path is documented with a trailing slash (both forms are served). */
  slash: (path: string) => boolean;
}

/** The OpenAPI 3.1 document of the routes in `routes`. */
export function openApiDocument(routes: RouteEntry[], about: DocumentInfo): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas = schemaWriter(about.schemas);
  for (const op of routeMarks(routes)) {
    if (!op.doc) throw new Error(`${op.method} ${op.path} has no describe() mark`);
    const path = op.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}").replace(/(.)\/$/, "$1");
    const shown = about.slash(path) ? `${path}/` : path;
    (paths[shown] ??= {})[op.method.toLowerCase()] = operationObject(
      { ...op, doc: op.doc },
      path,
      schemas,
    );
  }
  return {
    openapi: "3.1.0",
    info: about.info,
    servers: [{ url: "/" }],
    tags: Object.entries(about.tags).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: schemas.components(),
    },
  };
}
