import assert from "node:assert/strict";
import { createClient } from "../db/client.ts";
import {
  containerCommand as dockerCommand,
  freshDatabase,
  spawnServer,
  TEST_JWT_SECRET,
  waitReady,
} from "./helpers.ts";

async function composeHealthcheck(): Promise<string> {
  const compose = await Deno.readTextFile(new URL("../compose.yaml", import.meta.url));
  const line = compose.match(/test: \["CMD", "deno", "eval", "(.*)"\]/)![1];
  return line;
}

Deno.test({
  name: "the container command serves on all cores without writing files, and drains on SIGTERM",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const args = await dockerCommand();
    assert.ok(args.includes("--parallel"));
    assert.ok(
      !args.some((a) => a.startsWith("--allow-write") || a === "-A"),
      "no write permission",
    );
    const db = await freshDatabase();
    const svc = await spawnServer(
      args,
      { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, DB_POOL_MAX: "3" },
      /Listening on https?:\/\/[^:]+:(\d+)/,
    );
    try {
      await waitReady(svc);
      const healthcheck = await composeHealthcheck();
      const probe = await new Deno.Command(Deno.execPath(), {
        args: ["eval", healthcheck.replace("127.0.0.1:8000", new URL(svc.url).host)],
        stdout: "null",
        stderr: "null",
      }).output();
      assert.equal(probe.code, 0, "the compose health check passes");

      const json = { "Content-Type": "application/json" };
      const reg = await (await fetch(`${svc.url}/api/auth/register/`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          name: "Deploy Check",
          email: "deploy@check.test",
          password: "Granite-Moth-6610",
        }),
      })).json();
      const auth = { ...json, Authorization: `Bearer ${reg.access}` };
      const created = await fetch(`${svc.url}/api/patients/`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ name: "Container Patient" }),
      });
      assert.equal(created.status, 201);
      const pid = (await created.json()).id;
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${svc.url}/api/patients/${pid}/`, {
          headers: { ...auth, "X-Request-Id": `serve-read-${i}` },
        });
        assert.equal(res.status, 200);
        await res.body?.cancel();
      }
      assert.equal(await svc.stop("SIGTERM"), 0);
      assert.doesNotMatch(svc.output(), /NotCapable|PermissionDenied|"status":500/);
    } finally {
      await svc.stop();
    }
    const sql = createClient(db.url, 1);
    try {
      const [{ n }] = await sql`
        select count(*)::int as n from audit_events where request_id like 'serve-read-%'`;
      assert.equal(n, 6, "read events written before the workers exited");
    } finally {
      await sql.end();
      await db.close();
    }
  },
});
