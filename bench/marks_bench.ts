// deno bench bench/marks_bench.ts: what a route's describe() mark costs per request, measured
// in-process (wrk's run-to-run noise on a shared machine is larger than the mark).
import { Hono } from "hono";
import { describe } from "../lib/route_marks.ts";

const mark = describe({
  tag: "Bench",
  operationId: "bench",
  summary: "bench",
  ok: { status: 200 },
});
const answer = { id: 1, name: "Ada" };
const bare = new Hono().get("/api/patients/:id", (c) => c.json(answer));
const marked = new Hono().get("/api/patients/:id", mark, (c) => c.json(answer));
const request = () => new Request("http://localhost/api/patients/42");

Deno.bench("route without a mark", { group: "describe", baseline: true }, async () => {
  await bare.fetch(request());
});
Deno.bench("route with its describe() mark", { group: "describe" }, async () => {
  await marked.fetch(request());
});
