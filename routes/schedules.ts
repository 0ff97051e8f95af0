/**
 * A doctor's working hours and free slots: the shapes and handlers of
 * `/api/doctors/<id>/schedule/` and `/api/doctors/<id>/availability/`, which the doctors
 * router serves.
 */
import type { Context } from "hono";
import { z } from "zod";
import { findDoctor } from "../db/doctors.ts";
import { findSchedule, freeSlots, putSchedule } from "../db/schedules.ts";
import { instant, int, isCalendarDate, str } from "../lib/fields.ts";
import { named, shownAs } from "../lib/route_marks.ts";
import { ApiError } from "../lib/errors.ts";
import type { AppEnv } from "../types.ts";
import { pathId, timestamp } from "./http.ts";
import { gone } from "./history.ts";

/** Most days one availability request may span. */
const WINDOW_DAYS = 31;

const clock = (end: boolean) =>
  shownAs(
    str().refine(
      (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v) || (end && v === "24:00"),
      end ? "must be a time HH:MM (24:00 for midnight at the end)" : "must be a time HH:MM",
    ),
    { type: "string", pattern: "^\\d{2}:\\d{2}$", examples: [end ? "17:00" : "09:00"] },
  );

/** Whether the runtime knows `zone` as an IANA time zone (`Area/Location`, or UTC). */
function ianaZone(zone: string): boolean {
  if (zone !== "UTC" && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const date = shownAs(
  str().refine(isCalendarDate, "must be a date as YYYY-MM-DD"),
  { type: "string", format: "date" },
);

const hoursSchema = z.strictObject({
  weekday: int(1, 7).meta({ description: "ISO weekday: 1 is Monday, 7 Sunday" }),
  start: clock(false),
  end: clock(true),
});

/** Body of `PUT /api/doctors/<id>/schedule/`. */
export const scheduleBody = named(
  "ScheduleInput",
  z.object({
    timezone: str().refine(ianaZone, "must be an IANA time zone, like Europe/Berlin"),
    hours: z.array(hoursSchema, { error: "must be a list of { weekday, start, end }" })
      .max(70, "must list at most 70 spans"),
    exceptions: z.array(
      z.strictObject({ date, available: z.literal(false).optional() }),
      { error: "must be a list of { date, available: false }" },
    ).max(366, "must list at most 366 days").optional(),
  }).superRefine((b, ctx) => {
    // Only spans whose fields passed their own checks are compared.
    const clocks = /^\d{2}:\d{2}$/;
    const spans = [...b.hours.entries()].filter(([, h]) =>
      typeof h === "object" && h !== null && clocks.test(h.start) && clocks.test(h.end)
    );
    for (const [i, h] of spans) {
      if (h.end <= h.start) {
        ctx.addIssue({ code: "custom", path: ["hours", i, "end"], message: "must be after start" });
      }
      const overlaps = spans.some(([j, o]) =>
        j < i && o.weekday === h.weekday && o.start < h.end && h.start < o.end
      );
      if (overlaps) {
        ctx.addIssue({
          code: "custom",
          path: ["hours", i],
          message: "overlaps another span of the same weekday",
        });
      }
    }
  }).meta({
    examples: [{
      timezone: "Europe/Berlin",
      hours: [
        { weekday: 1, start: "09:00", end: "12:00" },
        { weekday: 1, start: "13:00", end: "17:00" },
        { weekday: 3, start: "09:00", end: "17:00" },
      ],
      exceptions: [{ date: "2026-12-24", available: false }],
    }],
  }),
);

/** A doctor's schedule as answered. */
export const scheduleSchema = named(
  "Schedule",
  z.strictObject({
    doctor: z.number().int(),
    timezone: z.string(),
    hours: z.array(
      z.strictObject({ weekday: z.number().int(), start: z.string(), end: z.string() }),
    ),
    exceptions: z.array(z.strictObject({ date: z.string(), available: z.literal(false) })),
    updated_at: timestamp,
    updated_by: z.number().int(),
    version: z.number().int(),
  }),
);

/** Query of `GET /api/doctors/<id>/availability/`. */
export const availabilityQuery = z.object({
  from: instant,
  to: instant,
  slot_minutes: shownAs(
    z.string().regex(/^\d{1,3}$/, "must be a whole number from 5 to 480").transform(Number)
      .refine((n) => n >= 5 && n <= 480, "must be a whole number from 5 to 480"),
    { type: "integer", minimum: 5, maximum: 480, default: 30 },
  ).optional(),
}).superRefine((q, ctx) => {
  // Only when both passed their own checks (a refinement sees the others too).
  if (!(q.from instanceof Date) || !(q.to instanceof Date)) return;
  if (q.to <= q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  if (q.to.getTime() - q.from.getTime() > WINDOW_DAYS * 86_400_000) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `must be at most ${WINDOW_DAYS} days after from`,
    });
  }
});

/** The free slots of a doctor. */
export const availabilitySchema = named(
  "Availability",
  z.strictObject({
    doctor: z.number().int(),
    timezone: z.string().nullable().meta({ description: "Null when the doctor has no schedule" }),
    slot_minutes: z.number().int(),
    slots: z.array(z.strictObject({ start: timestamp, end: timestamp })),
  }),
);

/** 404 for no doctor, 410 for a deleted one. */
async function liveDoctor(c: Context<AppEnv>, id: number) {
  const doctor = await findDoctor(c.var.db, id);
  if (!doctor) throw new ApiError(404, "No doctor with this id");
  if (doctor.deleted_at) throw gone("doctor");
  return doctor;
}

/** `GET /api/doctors/<id>/schedule/`. */
export async function getSchedule(c: Context<AppEnv>) {
  const id = pathId(c.req.param("id")!);
  await liveDoctor(c, id);
  const schedule = await findSchedule(c.var.db, id);
  if (!schedule) throw new ApiError(404, "This doctor has no schedule yet");
  return c.json(schedule);
}

/** `PUT /api/doctors/<id>/schedule/`: the creator of the doctor or an admin. */
export async function replaceSchedule(c: Context<AppEnv>, body: z.output<typeof scheduleBody>) {
  const id = pathId(c.req.param("id")!);
  const written = await putSchedule(c.var.db, id, {
    timezone: body.timezone,
    hours: body.hours,
    days_off: (body.exceptions ?? []).map((e) => e.date),
  });
  if (written === "missing") throw new ApiError(404, "No doctor with this id");
  if (written === "deleted") throw gone("doctor");
  if (written === "forbidden") {
    throw new ApiError(403, "Only the doctor's creator or an admin may set its schedule");
  }
  return c.json(written);
}

/** `GET /api/doctors/<id>/availability/`: any signed-in user. */
export async function availability(
  c: Context<AppEnv>,
  q: z.output<typeof availabilityQuery>,
) {
  const id = pathId(c.req.param("id")!);
  const slotMinutes = q.slot_minutes ?? 30;
  const found = await freeSlots(c.var.db, id, q.from, q.to, slotMinutes);
  if (!found) throw new ApiError(404, "No doctor with this id");
  if (found.deleted_at) throw gone("doctor");
  return c.json({
    doctor: id,
    timezone: found.timezone,
    slot_minutes: slotMinutes,
    slots: found.slots,
  });
}
