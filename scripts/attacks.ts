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
const METRICS_TOKEN = "attacks-metrics-token-0123";

type Row = (attack: string, run: () => Promise<number[]>, note?: string) => Promise<void>;

/** Runs `n` copies of `one` at once, `rounds` times; answers every status. */
async function rounds(n: number, count: number, one: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(...await Promise.all(Array.from({ length: n }, one)));
  return out;
}

/** Runs `workers` loops of `one` for `ms`; answers every status. */
async function during(ms: number, workers: number, one: () => Promise<number>) {
  const until = Date.now() + ms;
  const out: number[] = [];
  await Promise.all(Array.from({ length: workers }, async () => {
    while (Date.now() < until) out.push(await one());
  }));
  return out;
}

/** The second round's findings (issue: no request can crash, stall or starve the service). */
async function roundTwo(
  base: string,
  row: Row,
  note: (text: string) => void,
  access: string,
  dbUrl: string,
  mode: string,
) {
  const auth = { Authorization: `Bearer ${access}` };
  const series = async () => {
    const res = await fetch(`${base}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const text = await res.text();
    return text.split("\n").filter((l) => l.startsWith("hc_http_requests_total{")).length;
  };
  const before = await series();
  await row("570 requests with a new 64 KB method each", async () => {
    let i = 0;
    return await rounds(10, 57, () =>
      send(`${base}/api/patients/`, {
        method: `M${++i}${"X".repeat(65_536)}`,
        headers: auth,
      }));
  });
  note(`request series ${before} before, ${await series()} after`);
  const search = (query: string) => send(`${base}/fhir/Patient?${query}`, { headers: auth });
  await row(
    "FHIR search with 30,000 name values, 3 at once, 3 rounds",
    () => rounds(3, 3, () => search(`name=${Array(30_000).fill("a").join(",")}`)),
  );
  await row(
    "FHIR search with 12,000 birthdate values, 3 at once, 3 rounds",
    () => rounds(3, 3, () => search(`birthdate=${Array(12_000).fill("1980").join(",")}`)),
  );
  await row(
    "20 concurrent 8 KB FHIR searches, 5 rounds",
    () => rounds(20, 5, () => search(`name=${Array(4_000).fill("a").join(",")}`)),
  );
  await row(
    "4 × 64 KB of '/' then 'x' at once, 10 rounds",
    () => rounds(4, 10, () => send(`${base}/${"/".repeat(65_536)}x`)),
  );

  // A second user with 20,000 patients pages deep, 50 searches at once, for 10 s.
  const reg = await fetch(`${base}/api/auth/register/`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.1" },
    body: JSON.stringify({ name: "Deep Pager", email: "deep@example.org", password: PASSWORD }),
  });
  const deep = await reg.json();
  const sql = createClient(dbUrl, 1);
  await sql`
    insert into patients (name, gender, created_by)
    select 'Deep ' || n, 'unknown', ${deep.user.id} from generate_series(1, 20000) n`;
  await sql.end();
  const deepAuth = { Authorization: `Bearer ${deep.access}` };
  await row(
    "50 concurrent FHIR searches at _offset 10000 with an exact total, 10 s",
    () =>
      during(
        10_000,
        50,
        () =>
          send(`${base}/fhir/Patient?_offset=10000&_total=accurate&name=deep`, {
            headers: deepAuth,
          }),
      ),
  );

  // 80 connections sign in with a made-up email each from one address; a real user from
  // another address signs in beside them.
  const real = { email: "probe@example.org", password: PASSWORD };
  const realTimes: number[] = [];
  const realStatuses: number[] = [];
  const flood = during(10_000, 80, () =>
    send(`${base}/api/auth/login/`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.7" },
      body: JSON.stringify({
        email: `made.up.${crypto.randomUUID()}@example.org`,
        password: "wrong-password",
      }),
    }));
  const realLoop = (async () => {
    const until = Date.now() + 9_000;
    while (Date.now() < until) {
      const t = performance.now();
      realStatuses.push(
        await send(`${base}/api/auth/login/`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.20" },
          body: JSON.stringify(real),
        }),
      );
      realTimes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await row("80 connections signing in with made-up emails from one address, 10 s", async () => {
    const [out] = await Promise.all([flood, realLoop]);
    return out;
  });
  realTimes.sort((a, b) => a - b);
  const ok = realStatuses.filter((s) => s === 200).length;
  note(
    `${mode}: a real user's sign-ins beside it: ${ok}/${realStatuses.length} × 200, p50 ${
      (realTimes[Math.floor(realTimes.length / 2)] ?? 0).toFixed(0)
    } ms`,
  );
}

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
    // The sign-in flood below comes from one X-Forwarded-For address, a real user from another.
    TRUST_PROXY: "true",
    METRICS_TOKEN: METRICS_TOKEN,
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
    const note = (text: string) => rows[rows.length - 1].note = text;
    await roundTwo(base, row, note, access, db.url, mode);
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
