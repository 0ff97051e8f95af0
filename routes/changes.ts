import { Hono } from "hono";
import { z } from "zod";
import { type EventRow, listChanges, sequenceEvents } from "../db/events.ts";
import { describe, named, shownAs } from "../lib/route_marks.ts";
import { requireAuth } from "../middleware/auth.ts";
import { searchGate } from "../middleware/search_gate.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import { type Answer, timestamp } from "./http.ts";

/** Most events one page of the feed holds. */
const LIMIT_MAX = 1000;

/** Query of `GET /api/changes/`. */
export const changesQuery = z.object({
  after: shownAs(
    z.string().regex(/^\d{1,15}$/, "must be a whole number of 0 or more").transform(Number),
    { type: "integer", minimum: 0, default: 0, description: "The `next_after` of the last page" },
  ).optional(),
  limit: shownAs(
    z.string().regex(/^\d{1,4}$/, `must be a whole number from 1 to ${LIMIT_MAX}`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= LIMIT_MAX, `must be a whole number from 1 to ${LIMIT_MAX}`),
    { type: "integer", minimum: 1, maximum: LIMIT_MAX, default: 100 },
  ).optional(),
});

const RESOURCES = ["patient", "mapping", "appointment", "document"] as const;

/** One change: ids only, never patient data. */
export const eventSchema = named(
  "ChangeEvent",
  z.strictObject({
    id: z.string().meta({ format: "uuid" }),
    seq: z.number().int(),
    type: z.string().meta({ examples: ["patient.created", "appointment.updated"] }),
    occurred_at: timestamp,
    clinic_id: z.number().int().nullable(),
    resource_type: z.enum(RESOURCES),
    resource_id: z.number().int(),
    version: z.number().int(),
  }),
);

/** A page of the feed. */
export const changesSchema = named(
  "ChangePage",
  z.strictObject({
    results: z.array(eventSchema),
    next_after: z.number().int().meta({
      description: "Send it as `after` to read on; the same value when nothing is new",
    }),
  }),
);

function eventJson(e: EventRow): Answer<typeof eventSchema> {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    occurred_at: e.occurred_at,
    clinic_id: e.clinic_id,
    resource_type: e.resource_type,
    resource_id: e.resource_id,
    version: e.version,
  };
}

/**
 * The change feed: every change to a record the caller may see, oldest first, each once. A
 * poller that sends back `next_after` never misses one: events are numbered only once their
 * transaction has committed, each batch after the last.
 */
export const changes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    "/",
    describe({
      tag: "Changes",
      operationId: "listChanges",
      summary: "Changes to the records you may see, after a point (poll with next_after)",
      ok: { status: 200, schema: changesSchema },
      errors: [429],
    }),
    validate("query", changesQuery),
    searchGate,
    async (c) => {
      const q = c.req.valid("query");
      await sequenceEvents(c.var.db);
      const page = await listChanges(c.var.db, q.after ?? 0, q.limit ?? 100);
      return c.json({ results: page.rows.map(eventJson), next_after: page.next_after });
    },
  );
