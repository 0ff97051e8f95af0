/**
 * The OpenAPI document, generated from the routes themselves: each route carries a
 * `describe()` mark (summary, answer, the errors it can give), `validate()` marks the
 * schemas it checks and `requireAuth` marks authentication. `openApiDocument` walks the
 * app's route table and reads the marks. Imports no project file.
 */
import type { MiddlewareHandler } from "hono";
import { z } from "zod";

/** What a route says of itself. */
export interface RouteDoc {
  tag: string;
  summary: string;
  /** The answer when all goes well: its status, and its body schema if it has one. */
  ok: { status: number; schema?: z.ZodType; description?: string; contentType?: string };
  /** Error statuses of this route beyond those its marks imply (401, 400, 413, 415, 503). */
  errors?: number[];
  /** Takes `If-Match`; answers carry an `ETag`. */
  ifMatch?: boolean;
  etag?: boolean;
  /** The type of the `{id}` path parameter when it is not a row id. */
  idFormat?: "uuid";
  /** The JSON body may be left out (all its fields are optional). */
  bodyOptional?: boolean;
}

// deno-lint-ignore ban-types
type Fn = Function;
const described = new WeakMap<Fn, RouteDoc>();
const validators = new WeakMap<Fn, { target: string; schema: z.ZodType }>();
const authenticators = new WeakSet<Fn>();

/** A route's documentation mark: a middleware that only passes the request on. */
export function describe(doc: RouteDoc): MiddlewareHandler {
  const mark: MiddlewareHandler = async (_c, next) => await next();
  described.set(mark, doc);
  return mark;
}

/** Marks a middleware as the validator of one part of the request. */
export function markValidator<F extends Fn>(fn: F, target: string, schema: z.ZodType): F {
  validators.set(fn, { target, schema });
  return fn;
}

/** Marks a middleware as requiring a bearer token. */
export function markAuth<F extends Fn>(fn: F): F {
  authenticators.add(fn);
  return fn;
}

/** A route as Hono lists it in `app.routes`. */
export interface RouteEntry {
  method: string;
  path: string;
  handler: Fn;
}

/** One operation: a method and path with the handlers (route's and `use`d) that serve it. */
export interface RouteMarks {
  method: string;
  path: string;
  doc?: RouteDoc;
  auth: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
}

/** Groups the route table into operations with the marks of every handler that serves each. */
export function routeMarks(routes: RouteEntry[]): RouteMarks[] {
  const ops = new Map<string, RouteMarks>();
  const shared = routes.filter((r) => r.method === "ALL");
  for (const r of routes.filter((r) => r.method !== "ALL")) {
    const key = `${r.method} ${r.path}`;
    const op = ops.get(key) ?? { method: r.method, path: r.path, auth: false };
    ops.set(key, op);
    const used = shared.filter((u) => r.path.startsWith(u.path.replace(/\/?\*$/, "")));
    for (const h of [...used.map((u) => u.handler), r.handler]) {
      op.doc ??= described.get(h);
      op.auth ||= authenticators.has(h);
      const v = validators.get(h);
      if (v?.target === "json") op.body = v.schema;
      if (v?.target === "query") op.query = v.schema;
    }
  }
  return [...ops.values()];
}

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

const problem = (description: string) => ({
  description,
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
  const headers = doc.etag
    ? { ETag: { description: "The resource's version", schema: { type: "string" } } }
    : undefined;
  const type = doc.ok.contentType ?? "application/json";
  const responses: Record<string, unknown> = {
    [doc.ok.status]: {
      description: doc.ok.description ?? "Success",
      ...(doc.ok.schema
        ? { headers, content: { [type]: { schema: jsonSchema(doc.ok.schema, "output") } } }
        : {}),
    },
  };
  const errors = new Set(doc.errors ?? []);
  if (op.auth) errors.add(401);
  if (op.query) errors.add(400);
  if (op.body) [400, 413, 415].forEach((s) => errors.add(s));
  if (doc.tag !== "Service") errors.add(503);
  for (const status of [...errors].sort()) responses[status] = problem(STATUS_TEXT[status]);
  return {
    tags: [doc.tag],
    summary: doc.summary,
    operationId: `${op.method.toLowerCase()}${
      path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch) => (ch ?? "").toUpperCase())
    }`,
    ...(op.auth ? { security: [{ bearer: [] }] } : {}),
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
