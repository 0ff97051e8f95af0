// The ceiling: the least a Hono + postgres.js service can do to answer one indexed row as
// JSON, on the same machine and database as the service. Bench code reads its own env.
import { Hono } from "hono";
import postgres from "postgres";

const sql = postgres(Deno.env.get("DATABASE_URL")!, {
  max: Number(Deno.env.get("DB_POOL_MAX") ?? "10"),
  onnotice: () => {},
});

const app = new Hono().get("/patients/:id", async (c) => {
  const [row] = await sql`select * from patients where id = ${Number(c.req.param("id"))}`;
  return row ? c.json(row) : c.notFound();
});

export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;

if (Deno.args.includes("--listen")) {
  Deno.serve({ hostname: "127.0.0.1", port: Number(Deno.env.get("PORT")) }, app.fetch);
}
