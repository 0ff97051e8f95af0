/**
 * The OpenAPI 3.1 document, generated from the app's route table and the marks its routes
 * carry (lib/route_marks.ts). Imports no route.
 */
import { z } from "zod";
import { type RouteDoc, type RouteEntry, type RouteMarks, routeMarks } from "./route_marks.ts";

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input; `errors` lists every invalid field",
  401: "Missing, invalid, expired or revoked token",
  403: "Visible but not yours to change",
  404: "Not found, or not visible to you",
  409: "Conflict; `errors` names the field",
  412: "`If-Match` does not name the current version",
  413: "Body over 1 MiB",
  415: "Body is not application/json",
  429: "Too many failed sign-ins; see `Retry-After`",
  503: "Unavailable for now (database, or sign-ins queued); see `Retry-After`",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

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

const problem = (status: number) => ({
  description: STATUS_TEXT[status],
  headers: headersFor(status),
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function operationObject(op: RouteMarks & { doc: RouteDoc }, path: string) {
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
  const query = op.query ? jsonSchema(op.query, "input") as { properties?: object } : {};
  for (const [name, schema] of Object.entries(query.properties ?? {})) {
    parameters.push({ name, in: "query", required: false, schema });
  }
  if (doc.ifMatch) {
    parameters.push({
      name: "If-Match",
      in: "header",
      required: false,
      description: 'The version you last read, as its ETag (`"3"`); a stale one answers 412',
      schema: { type: "string" },
    });
  }
  const headers = headersFor(doc.ok.status, doc.etag ? { ETag: header("The version") } : {});
  const type = doc.ok.contentType ?? "application/json";
  const responses: Record<string, unknown> = {
    [doc.ok.status]: {
      description: doc.ok.description ?? "Success",
      headers,
      ...(doc.ok.schema
        ? { content: { [type]: { schema: jsonSchema(doc.ok.schema, "output") } } }
        : {}),
    },
  };
  const errors = new Set(doc.errors ?? []);
  if (op.auth) errors.add(401);
  if (op.query) errors.add(400);
  if (op.body) [400, 413, 415].forEach((s) => errors.add(s));
  if (doc.tag !== "Service") errors.add(503);
  for (const status of [...errors].sort()) responses[status] = problem(status);
  return {
    tags: [doc.tag],
    summary: doc.summary,
    operationId: doc.operationId,
    // Public operations say so: no token needed.
    security: op.auth ? [{ bearer: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
        requestBody: {
          required: !doc.bodyOptional,
          content: { "application/json": { schema: jsonSchema(op.body, "input") } },
        },
      }
      : {}),
    responses,
  };
}

/** What the document says of the service beyond its routes. */
export interface DocumentInfo {
  info: Record<string, unknown>;
  tags: string[];
  /** Named schemas for `components` (`Problem` is referenced by every error). */
  schemas: Record<string, z.ZodType>;
  /** Whether a path is documented with a trailing slash (both forms are served). */
  slash: (path: string) => boolean;
}

/** The OpenAPI 3.1 document of the routes in `routes`. */
export function openApiDocument(routes: RouteEntry[], about: DocumentInfo): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of routeMarks(routes)) {
    if (!op.doc) throw new Error(`${op.method} ${op.path} has no describe() mark`);
    const path = op.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}").replace(/\/$/, "");
    const shown = about.slash(path) ? `${path}/` : path;
    (paths[shown] ??= {})[op.method.toLowerCase()] = operationObject({ ...op, doc: op.doc }, path);
  }
  return {
    openapi: "3.1.0",
    info: about.info,
    servers: [{ url: "/" }],
    tags: about.tags.map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: Object.fromEntries(
        Object.entries(about.schemas).map(([name, s]) => [name, jsonSchema(s, "output")]),
      ),
    },
  };
}
