/**
 * JSON Schemas of zod schemas for the OpenAPI document: a schema named in the route marks'
 * registry (lib/route_marks.ts) is written once and referred to by `$ref`.
 */
import { z } from "zod";
import { schemaName, shownSchema } from "./route_marks.ts";

export type Io = "input" | "output";
type Json = Record<string, unknown>;

/** JSON Schemas of zod schemas; named ones become `$ref`s, collected for `components`. */
export function schemaWriter(preset: Record<string, z.ZodType>) {
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
export const exampleOf = (schema: z.ZodType) =>
  (z.globalRegistry.get(schema)?.examples as unknown[] | undefined)?.[0];

export type SchemaWriter = ReturnType<typeof schemaWriter>;
