import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  changeWebhook,
  deleteWebhook,
  type DeliveryRow,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  type WebhookRow,
} from "../db/webhooks.ts";
import { eventsWritten } from "../db/events.ts";
import { int, optionalText, pageQuery, str } from "../lib/fields.ts";
import { newSecret, refusedUrl } from "../lib/webhooks.ts";
import { describe, named, shownAs } from "../lib/route_marks.ts";
import { ApiError, invalid } from "../lib/errors.ts";
import { audit } from "../middleware/audit.ts";
import { requireAuth } from "../middleware/auth.ts";
import { validate } from "../middleware/validate.ts";
import type { AppEnv } from "../types.ts";
import { type Answer, envelope, link, listOf, page, pathId, timestamp } from "./http.ts";

/** The event types a webhook may ask for ("*": all). */
export const EVENT_TYPES = ["patient", "mapping", "appointment", "document"].flatMap((r) =>
  ["created", "updated", "deleted", "restored"].map((a) => `${r}.${a}`)
);

const eventList = z.array(
  str().refine((v) => v === "*" || EVENT_TYPES.includes(v), {
    message: `must be * or one of ${EVENT_TYPES.join(", ")}`,
  }),
  { error: "must be a list of event types" },
).min(1, "must name at least one event type (or *)").max(20, "must name at most 20");

const url = shownAs(str().max(2000, "must be at most 2000 characters"), {
  type: "string",
  format: "uri",
  maxLength: 2000,
});

/** Body of `POST /api/webhooks/`. */
export const webhookBody = named(
  "WebhookInput",
  z.object({
    url,
    events: eventList,
    clinic: int(1, 2_147_483_647).nullable().optional(),
    description: optionalText(500),
  }).meta({
    examples: [{ url: "https://hooks.example.com/records", events: ["patient.created", "*"] }],
  }),
);

/** Body of `PATCH /api/webhooks/<id>/`. */
export const webhookPatch = named(
  "WebhookPatch",
  z.object({
    url: url.optional(),
    events: eventList.optional(),
    description: optionalText(500),
    active: z.boolean({ error: "must be true or false" }).optional(),
  }).meta({ examples: [{ active: true }] }),
);

/** A webhook as answered; `secret` only when it was just made or rotated. */
export const webhookSchema = named(
  "Webhook",
  z.strictObject({
    id: z.number().int(),
    url: z.string(),
    events: z.array(z.string()),
    clinic: z.number().int().nullable(),
    description: z.string().nullable(),
    active: z.boolean(),
    disabled_reason: z.string().nullable(),
    secret: z.string().optional().meta({
      description: "The signing secret (`whsec_…`), shown once: at creation and rotation",
    }),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
  }),
);

/** A delivery of an event to a webhook. */
export const deliverySchema = named(
  "WebhookDelivery",
  z.strictObject({
    id: z.number().int(),
    event_id: z.string(),
    type: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    last_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: timestamp,
    created_at: timestamp,
    delivered_at: timestamp.nullable(),
  }),
);

const { limit, offset, page: pageNumber, page_size } = pageQuery(["id"]);
/** Paging of the webhook and delivery lists (newest first). */
const pagingQuery = z.object({ limit, offset, page: pageNumber, page_size });

function webhookJson(w: WebhookRow, withSecret = false): Answer<typeof webhookSchema> {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    clinic: w.clinic_id,
    description: w.description,
    active: w.active,
    disabled_reason: w.disabled_reason,
    secret: withSecret ? w.secret : undefined,
    created_at: w.created_at,
    updated_at: w.updated_at,
    version: w.version,
  };
}

function deliveryJson(d: DeliveryRow): Answer<typeof deliverySchema> {
  return { ...d };
}

/** 400 on `url` unless the receiver may be called (scheme, and no internal address). */
async function checkUrl(c: Context<AppEnv>, raw: string): Promise<void> {
  const config = c.get("config");
  const why = await refusedUrl(raw, {
    allowHttp: config.webhookAllowHttp,
    allowPrivate: config.webhookAllowPrivate,
  });
  if (why) throw invalid([{ field: "url", message: why }]);
}

const NOT_FOUND = "No webhook with this id";

async function owned(c: Context<AppEnv>): Promise<WebhookRow> {
  const row = await findWebhook(c.var.db, pathId(c.req.param("id")!));
  if (!row) throw new ApiError(404, NOT_FOUND);
  return row;
}

const doc = (d: Omit<Parameters<typeof describe>[0], "tag">) => describe({ tag: "Webhooks", ...d });
const ONE = { status: 200, schema: webhookSchema };

/**
 * Webhooks: a receiver is sent each event it subscribed to, signed (Standard Webhooks), at
 * least once and in order per record. Personal webhooks are their owner's; a clinic's are
 * managed by the clinic's owners.
 */
export const webhooks = new Hono<AppEnv>()
  .use(audit("webhook", { reads: false }))
  .use(requireAuth)
  .post(
    "/",
    doc({
      operationId: "createWebhook",
      summary: "Subscribe a receiver to events (the secret is shown once)",
      ok: { status: 201, schema: webhookSchema },
      errors: [403],
    }),
    validate("json", webhookBody),
    async (c) => {
      const b = c.req.valid("json");
      const s = c.var.db;
      const clinic = b.clinic ?? null;
      if (clinic !== null && s.caller.role !== "admin") {
        const role = s.clinics.get(clinic);
        if (!role) throw invalid([{ field: "clinic", message: "no clinic with this id" }]);
        if (role !== "owner") throw new ApiError(403, "Only a clinic's owners manage its webhooks");
      }
      await checkUrl(c, b.url);
      const row = await insertWebhook(s, {
        url: b.url,
        events: b.events,
        clinic,
        description: b.description ?? null,
      }, newSecret());
      eventsWritten("webhook");
      c.header("Location", link(c, `/api/webhooks/${row.id}/`));
      return c.json(webhookJson(row, true), 201);
    },
  )
  .get(
    "/",
    doc({
      operationId: "listWebhooks",
      summary: "The webhooks you manage, newest first",
      ok: { status: 200, schema: listOf(webhookSchema) },
    }),
    validate("query", pagingQuery),
    async (c) => {
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listWebhooks(c.var.db, p);
      return c.json(envelope(c, p, count, rows.map((w) => webhookJson(w))));
    },
  )
  .get(
    "/:id",
    doc({ operationId: "getWebhook", summary: "One webhook", ok: ONE, errors: [404] }),
    async (c) => c.json(webhookJson(await owned(c))),
  )
  .patch(
    "/:id",
    doc({
      operationId: "updateWebhook",
      summary: "Change its URL, events or description; re-enable it",
      ok: ONE,
      errors: [404],
    }),
    validate("json", webhookPatch),
    async (c) => {
      const b = c.req.valid("json");
      if (b.url !== undefined) await checkUrl(c, b.url);
      const row = await changeWebhook(c.var.db, pathId(c.req.param("id")), b);
      if (!row) throw new ApiError(404, NOT_FOUND);
      if (b.active) eventsWritten("webhook");
      return c.json(webhookJson(row));
    },
  )
  .delete(
    "/:id",
    doc({
      operationId: "deleteWebhook",
      summary: "Unsubscribe (its deliveries go with it)",
      ok: { status: 204 },
      errors: [404],
    }),
    async (c) => {
      if (!await deleteWebhook(c.var.db, pathId(c.req.param("id")))) {
        throw new ApiError(404, NOT_FOUND);
      }
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/rotate-secret",
    doc({
      operationId: "rotateWebhookSecret",
      summary: "A new signing secret, shown once; the old one stops signing at once",
      ok: ONE,
      errors: [404],
    }),
    async (c) => {
      const row = await changeWebhook(c.var.db, pathId(c.req.param("id")), {}, newSecret());
      if (!row) throw new ApiError(404, NOT_FOUND);
      return c.json(webhookJson(row, true));
    },
  )
  .get(
    "/:id/deliveries",
    doc({
      operationId: "listWebhookDeliveries",
      summary: "Its deliveries, newest first",
      ok: { status: 200, schema: listOf(deliverySchema) },
      errors: [404],
    }),
    validate("query", pagingQuery),
    async (c) => {
      const hook = await owned(c);
      const p = page(c, c.req.valid("query"));
      const { count, rows } = await listDeliveries(c.var.db, hook.id, p);
      return c.json(envelope(c, p, count, rows.map(deliveryJson)));
    },
  )
  .post(
    "/:id/deliveries/:delivery/redeliver",
    doc({
      operationId: "redeliverWebhookDelivery",
      summary: "Send a delivery again (202: it is due now)",
      ok: { status: 202 },
      errors: [404],
    }),
    async (c) => {
      const hook = await owned(c);
      const id = pathId(c.req.param("delivery"));
      if (!await redeliver(c.var.db, hook.id, id)) throw new ApiError(404, "No such delivery");
      return c.body(null, 202);
    },
  );
