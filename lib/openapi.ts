/**
 * The OpenAPI 3.1 document, generated from the app's route table and the marks its routes
 * carry (lib/route_marks.ts). Named schemas are listed once under `components` and referred
 * to. Imports no route.
 */
import { z } from "zod";
import {
  type RouteDoc,
  type RouteEntry,
  type RouteMarks,
  routeMarks,
  schemaName,
  shownSchema,
} from "./route_marks.ts";

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

type Io = "input" | "output";
type Json = Record<string, unknown>;

/** JSON Schemas of zod schemas; named ones become `$ref`s, collected for `components`. */
function schemaWriter(preset: Record<string, z.ZodType>) {
  const named = new Map<string, { schema: z.ZodType; io: Io; json?: Json }>(
    Object.entries(preset).map(([name, schema]) => [name, { schema, io: "output" }]),
  );
  const ref = (name: string, schema: z.ZodType, io: Io) => {
    const known = named.get(name);
    if (known && known.schema !== schema) throw new Error(`two schemas are named ${name}`);
    if (!known) named.set(name, { schema, io });
    return { $ref: `#/components/schemas/${name}` };
  };
  const convert = (schema: z.ZodType, io: Io, self?: string) => {
    const out = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      override({ zodSchema, jsonSchema }) {
        const s = zodSchema as unknown as z.ZodType;
        const name = schemaName(s);
        const replacement = name && name !== self ? ref(name, s, io) : shownSchema(s);
        if (!replacement) return;
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Json)[key];
        Object.assign(jsonSchema, structuredClone(replacement));
      },
    }) as Json;
    delete out.$schema;
    return out;
  };
  return {
    /** The schema, or a reference to it when it is named. */
    of(schema: z.ZodType, io: Io): Json {
      const name = schemaName(schema);
      return name ? ref(name, schema, io) : convert(schema, io);
    },
    /** Every named schema referred to so far (and those they refer to), by name. */
    components(): Json {
      for (let todo = [...named]; todo.length; todo = [...named].filter(([, n]) => !n.json)) {
        for (const [name, n] of todo) n.json ??= convert(n.schema, n.io, name);
      }
      const sorted = [...named.keys()].sort();
      return Object.fromEntries(sorted.map((name) => [name, named.get(name)!.json]));
    },
  };
}

/** The first of a schema's `examples`, for the prefilled body of "Try it out". */
const exampleOf = (schema: z.ZodType) =>
  (z.globalRegistry.get(schema)?.examples as unknown[] | undefined)?.[0];

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

const problem = (status: number, content: Record<string, unknown>) => ({
  description: STATUS_TEXT[status],
  headers: headersFor(status),
  content,
});

function operationObject(
  op: RouteMarks & { doc: RouteDoc },
  path: string,
  schemas: ReturnType<typeof schemaWriter>,
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
  if (doc.ifMatch) {
    parameters.push({
      name: "If-Match",
      in: "header",
      required: false,
      description: 'The version you last read, as its ETag (`"3"`); a stale one answers 412',
      schema: { type: "string" },
    });
  }
  if (doc.ifNoneMatch) {
    parameters.push({
      name: "If-None-Match",
      in: "header",
      required: false,
      description: "The ETag you hold; 304 with no body when it is still current",
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
        ? { content: { [type]: { schema: schemas.of(doc.ok.schema, "output") } } }
        : {}),
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
  if (op.body) [400, 413, 415].forEach((s) => errors.add(s));
  if (doc.tag !== "Service") errors.add(503);
  const errorContent = doc.errorContent
    ? { [doc.errorContent.contentType]: { schema: schemas.of(doc.errorContent.schema, "output") } }
    : { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  for (const status of [...errors].sort()) responses[status] = problem(status, errorContent);
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
          content: {
            "application/json": {
              schema: schemas.of(op.body, "input"),
              example: exampleOf(op.body),
            },
          },
        },
      }
      : {}),
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
    const path = op.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}").replace(/\/$/, "");
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
