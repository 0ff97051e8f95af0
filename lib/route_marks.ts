/**
 * What each route says of itself, for the OpenAPI document: a `describe()` mark (summary,
 * answer, the errors it can give), `validate()` marking the schemas it checks and
 * `requireAuth` marking authentication. `routeMarks` reads them back from the route table.
 * Schemas may carry a name (`named`) and, where their JSON Schema form says less than they
 * check, the form clients should see (`shownAs`). Imports no project file.
 */
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";

/** What a route says of itself. */
export interface RouteDoc {
  tag: string;
  /** The name clients and generated code call it by (`listPatients`). */
  operationId: string;
  summary: string;
  /** The answer when all goes well: its status, and its body schema if it has one. */
  ok: { status: number; schema?: z.ZodType; description?: string; contentType?: string };
  /** Error statuses of this route beyond those its marks imply (401, 400, 413, 415, 503). */
  errors?: number[];
  /** Takes `If-Match`; answers carry an `ETag`. */
  ifMatch?: boolean;
  etag?: boolean;
  /** Takes `If-None-Match`: 304 when it names the current ETag. */
  ifNoneMatch?: boolean;
  /** The type of the `{id}` path parameter when it is not a row id. */
  idFormat?: "uuid";
  /** The body is `multipart/form-data` with these parts (its own handler reads it). */
  form?: z.ZodType;
  /** The JSON body may be left out (all its fields are optional). */
  bodyOptional?: boolean;
  /** The query, for a route that parses its own (FHIR's search grammar). */
  query?: z.ZodType;
  /** The body of error answers, when not problem details (FHIR's OperationOutcome). */
  errorContent?: { contentType: string; schema: z.ZodType };
}

// deno-lint-ignore ban-types
type Fn = Function;
const described = new WeakMap<Fn, RouteDoc>();
const validators = new WeakMap<Fn, { target: string; schema: z.ZodType }>();
const authenticators = new WeakSet<Fn>();

const names = new WeakMap<z.ZodType, string>();
const shown = new WeakMap<z.ZodType, Record<string, unknown>>();

/** Names a schema: the document lists it once under `components` and refers to it there. */
export function named<T extends z.ZodType>(name: string, schema: T): T {
  names.set(schema, name);
  return schema;
}

/** The name `named` gave a schema. */
export function schemaName(schema: z.ZodType): string | undefined {
  return names.get(schema);
}

/**
 * How the document shows a schema whose JSON Schema form says less than it checks: a query
 * string read as a number, trimmed text with its length limits, codes accepted in any case.
 */
export function shownAs<T extends z.ZodType>(schema: T, json: Record<string, unknown>): T {
  shown.set(schema, json);
  return schema;
}

/** The form `shownAs` gave a schema. */
export function shownSchema(schema: z.ZodType): Record<string, unknown> | undefined {
  return shown.get(schema);
}

/** A route's documentation mark: a middleware that only passes the request on. */
export function describe(doc: RouteDoc): MiddlewareHandler {
  // Runs on every request of its route: no async wrapper, just the next handler's promise.
  const mark: MiddlewareHandler = (_c, next) => next();
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
    op.query ??= op.doc?.query;
  }
  return [...ops.values()];
}
