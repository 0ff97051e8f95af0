/**
 * The attacks of "no client can crash, stall or starve the service", against one serving
 * mode on a fresh database, each with a request timed beside it. Used by `deno task chaos`.
 */
import { atTheLimits, objectHeavyLogin } from "../tests/hostile_bodies.ts";
import {
  freshDatabase,
  type ServeMode,
  type ServiceProcess,
  startMode,
  TEST_JWT_SECRET,
} from "../tests/helpers.ts";
import { createClient } from "../db/client.ts";
import { peakRssMb } from "../bench/rss.ts";

export interface AttackRow {
  attack: string;
  requests: number;
  statuses: Record<number, number>;
  /** The timed request beside the attack: its slowest answer, in ms. */
  probeMaxMs: number;
  probeP50Ms: number;
  /** The timed request alone, before the attack (p50, ms). */
  quietP50Ms: number;
  peakRssMb: number;
  alive: boolean;
  note?: string;
}

const PASSWORD = "Harbor-Quill-4417";

async function send(url: string, init?: RequestInit): Promise<number> {
  try {
    const res = await fetch(url, init);
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
}

/** Times `probe` in a loop until `done` settles: p50 and slowest, in ms. */
async function timeBeside<T>(probe: () => Promise<unknown>, done: Promise<T>) {
  const times: number[] = [];
  let finished = false;
  const result = done.finally(() => finished = true);
  while (!finished) {
    const t = performance.now();
    await probe();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  times.sort((a, b) => a - b);
  return {
    result: await result,
    p50: times[Math.floor(times.length / 2)] ?? 0,
    max: times[times.length - 1] ?? 0,
  };
}

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

export async function runAttacks(mode: ServeMode): Promise<AttackRow[]> {
  const db = await freshDatabase();
  const env = {
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    LOGIN_WINDOW_SECONDS: "5",
    PURGE_INTERVAL_SECONDS: "2",
  };
  let svc: ServiceProcess | undefined;
  const rows: AttackRow[] = [];
  try {
    svc = await startMode(mode, env);
    const base = svc.url;
    // A user with one patient: the timed request reads it.
    const reg = await fetch(`${base}/api/auth/register/`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Probe User", email: "probe@example.org", password: PASSWORD }),
    });
    const { access } = await reg.json();
    const auth = { Authorization: `Bearer ${access}`, "Content-Type": "application/json" };
    const created = await fetch(`${base}/api/patients/`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ name: "Probe Patient", gender: "F", date_of_birth: "1980-01-02" }),
    });
    const patient = await created.json();
    const probe = () => send(`${base}/api/patients/${patient.id}/`, { headers: auth });
    const quiet = await timeBeside(probe, new Promise((r) => setTimeout(r, 2000)));
    const row = async (attack: string, run: () => Promise<number[]>, note?: string) => {
      console.error(`${mode}: ${attack}`);
      const { result, p50, max } = await timeBeside(probe, run());
      rows.push({
        attack,
        requests: result.length,
        statuses: tally(result),
        probeMaxMs: max,
        probeP50Ms: p50,
        quietP50Ms: quiet.p50,
        peakRssMb: await peakRssMb(svc!.child.pid),
        alive: (await send(`${base}/healthz`)) === 200,
        note,
      });
    };
    const login = (body: string) =>
      send(`${base}/api/auth/login/`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
    const fresh = (body: string) =>
      body.replace('"a@b.c"', `"x.${crypto.randomUUID().slice(0, 12)}@b.c"`);
    const burst = mode === "serve" ? 24 : 12;

    /** Five rounds of `burst` sign-ins with `body` at once. */
    const bursts = async (body: string) => {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        out.push(...await Promise.all(Array.from({ length: burst }, () => login(fresh(body)))));
      }
      return out;
    };
    await row(
      `${burst} × 1 MiB of empty objects at once, 5 rounds`,
      () => bursts(objectHeavyLogin()),
    );
    await row(`${burst} × 1 MiB at every limit at once, 5 rounds`, () => bursts(atTheLimits()));
    await row("registration with a 1 MB email, then a 1 MB name, 4 each", async () => {
      const out: number[] = [];
      for (const field of ["email", "name", "email", "name", "email", "name", "email", "name"]) {
        const body = {
          name: "Val Oak",
          email: `val.${crypto.randomUUID().slice(0, 8)}@example.org`,
          password: "Qv7#xM2p".repeat(16),
          [field]: field === "email" ? `${"a".repeat(1_000_000)}@example.org` : "n".repeat(1e6),
        };
        out.push(
          await send(`${base}/api/auth/register/`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body),
          }),
        );
      }
      return out;
    });
    await row("64 clients signing in without pause for 10 s, a fresh email each", async () => {
      const until = Date.now() + 10_000;
      const out: number[] = [];
      await Promise.all(Array.from({ length: 64 }, async () => {
        while (Date.now() < until) {
          out.push(await login(fresh(`{"email":"a@b.c","password":"wrong-password"}`)));
        }
      }));
      return out;
    });
    // The spray above left one sign-in failure per fresh email; their window is 5 s and
    // the purge runs every 2 s.
    await new Promise((r) => setTimeout(r, 8000));
    const sql = createClient(db.url, 1);
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from login_failures`;
    await sql.end();
    rows[rows.length - 1].note = `login_failures rows 8 s later: ${n}`;
  } finally {
    await svc?.stop();
    await db.close();
  }
  return rows;
}

export function attackTable(mode: string, rows: AttackRow[]): string {
  const head = [
    "mode",
    "attack",
    "requests",
    "statuses",
    "timed GET patient p50 / slowest (ms), quiet p50",
    "peak RSS (MB)",
    "process",
    "note",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) {
    lines.push(`| ${
      [
        mode === "serve" ? "deno serve --parallel" : "deno task start",
        r.attack,
        r.requests,
        Object.entries(r.statuses).map(([s, n]) => `${s === "0" ? "no answer" : s}: ${n}`).join(
          ", ",
        ),
        `${r.probeP50Ms.toFixed(1)} / ${r.probeMaxMs.toFixed(0)}, ${r.quietP50Ms.toFixed(1)}`,
        r.peakRssMb.toFixed(0),
        r.alive ? "running" : "DIED",
        r.note ?? "",
      ].join(" | ")
    } |`);
  }
  return lines.join("\n");
}
