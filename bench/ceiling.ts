// The ceilings: the least a Hono + postgres.js service can do to answer each bench case, with
// the same database work as the service and nothing else (no token check, validation, audit
// or log). The owner a real service reads from its token is in the path here. Bench code
// reads its own env.
import { Hono } from "hono";
import postgres from "postgres";
import { HashingBusyError, verifyPassword } from "../lib/passwords.ts";
import { sha256Hex } from "../lib/digest.ts";

const sql = postgres(Deno.env.get("DATABASE_URL")!, {
  max: Number(Deno.env.get("DB_POOL_MAX") ?? "10"),
  onnotice: () => {},
  types: {
    date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v },
  },
});

const PATIENT_COLUMNS = ["name", "gender", "date_of_birth"] as const;
const page = (q: (key: string) => string | undefined) => ({
  limit: Number(q("limit") ?? 20),
  offset: Number(q("offset") ?? 0),
});

const app = new Hono()
  // One owner-scoped row (the headline ceiling).
  .get("/owners/:owner/patients/:id", async (c) => {
    const [row] = await sql`
      select * from patients where id = ${Number(c.req.param("id"))}
        and scope_key = ${-Number(c.req.param("owner"))}`;
    return row ? c.json(row) : c.notFound();
  })
  // One row of the shared directory.
  .get("/doctors/:id", async (c) => {
    const [row] = await sql`select * from doctors where id = ${Number(c.req.param("id"))}`;
    return row ? c.json(row) : c.notFound();
  })
  // A page of 20 and its count; with `search`, the service's search expression.
  .get("/owners/:owner/patients", async (c) => {
    const owner = Number(c.req.param("owner"));
    const { limit, offset } = page((k) => c.req.query(k));
    const term = c.req.query("search");
    // Live patients, as the service lists them (its indexes hold those only).
    const where = term
      ? sql`scope_key = ${-owner} and deleted_at is null and (lower(name) || ' ' ||
          coalesce(lower(email), '') || ' ' || coalesce(phone, '')) like ${`%${term.toLowerCase()}%`}`
      : sql`scope_key = ${-owner} and deleted_at is null`;
    const [rows, [{ count }]] = await Promise.all([
      sql`select * from patients where ${where} order by id limit ${limit} offset ${offset}`,
      sql`select count(*)::int as count from patients where ${where}`,
    ]);
    return c.json({ count, results: rows });
  })
  // A patient's assignments: the patient's visibility, a page and its count, their doctors.
  .get("/owners/:owner/patients/:id/doctors", async (c) => {
    const id = Number(c.req.param("id"));
    const [visible] = await sql`
      select 1 from patients where id = ${id} and scope_key = ${-Number(c.req.param("owner"))}`;
    if (!visible) return c.notFound();
    const [rows, [{ count }]] = await Promise.all([
      sql`select m.*, p.name as patient_name from patient_doctors m
        join patients p on p.id = m.patient_id where m.patient_id = ${id} order by m.id limit 20`,
      sql`select count(*)::int as count from patient_doctors where patient_id = ${id}`,
    ]);
    const doctors = rows.length
      ? await sql`select * from doctors where id = any(${rows.map((r) => r.doctor_id)})`
      : [];
    return c.json({ count, results: rows, doctors });
  })
  // One insert.
  .post("/owners/:owner/patients", async (c) => {
    const body = await c.req.json();
    const fields = {
      ...body,
      clinic_id: body.clinic ?? null,
      created_by: Number(c.req.param("owner")),
    };
    const [row] = await sql`
      insert into patients ${sql(fields, ...PATIENT_COLUMNS, "clinic_id", "created_by")}
      returning *`;
    return c.json(row, 201);
  })
  // One versioned, owner-scoped update.
  .patch("/owners/:owner/patients/:id", async (c) => {
    const body = await c.req.json();
    const [row] = await sql`
      update patients set city = ${body.city}, version = version + 1, updated_at = now()
      where id = ${Number(c.req.param("id"))} and scope_key = ${-Number(c.req.param("owner"))}
      returning *`;
    return row ? c.json(row) : c.notFound();
  })
  // One assignment insert.
  .post("/owners/:owner/mappings", async (c) => {
    const body = await c.req.json();
    const [row] = await sql`
      insert into patient_doctors (patient_id, doctor_id, assigned_by)
      values (${body.patient}, ${body.doctor}, ${Number(c.req.param("owner"))}) returning *`;
    return c.json(row, 201);
  })
  // One booking insert (the exclusion constraint decides).
  .post("/owners/:owner/appointments", async (c) => {
    const body = await c.req.json();
    const start = new Date(body.start);
    const end = new Date(start.getTime() + body.duration_minutes * 60_000);
    const [row] = await sql`
      insert into appointments (patient_id, doctor_id, start_at, end_at, created_by)
      values (${body.patient}, ${body.doctor}, ${start}, ${end}, ${Number(c.req.param("owner"))})
      returning *`;
    return c.json(row, 201);
  })
  // A doctor's free slots: the same function of the database.
  .get("/doctors/:id/availability", async (c) => {
    const slots = await sql`
      select slot_start as start, slot_end as "end"
      from doctor_free_slots(${Number(c.req.param("id"))}, ${c.req.query("from")!}::timestamptz,
        ${c.req.query("to")!}::timestamptz, interval '30 minutes')`;
    return c.json({ slots });
  })
  // A refresh token swap: the session's digest changes from the token's to a new one.
  .post("/refresh", async (c) => {
    const { refresh } = await c.req.json();
    const session = JSON.parse(atob(refresh.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")))
      .sid;
    const [row] = await sql`
      update sessions set refresh_hash = ${await sha256Hex(crypto.randomUUID())},
        last_used_at = now()
      where id = ${session} and refresh_hash = ${await sha256Hex(refresh)} returning user_id`;
    return row ? c.json({ refresh: crypto.randomUUID() }) : c.json({}, 401);
  })
  // A login's hash: the user's row and one password verification, as the service limits it.
  .post("/login", async (c) => {
    const { email, password } = await c.req.json();
    const [user] = await sql`select id, password_hash from users where email = ${email}`;
    try {
      const ok = user && (await verifyPassword(password, user.password_hash)).ok;
      return ok ? c.json({ id: user.id }) : c.json({}, 401);
    } catch (err) {
      // A full hashing queue refuses at once, as the service does.
      if (err instanceof HashingBusyError) return c.json({}, 503);
      throw err;
    }
  });

export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;

if (Deno.args.includes("--listen")) {
  Deno.serve({ hostname: "127.0.0.1", port: Number(Deno.env.get("PORT")) }, app.fetch);
}
