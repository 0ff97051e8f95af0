// deno task bench [--smoke]: seeds a PostgreSQL database in bulk, starts the service and the
// ceiling app, drives each case with wrk from another process against the service and against
// its own ceiling (the same database work and nothing else, bench/ceiling.ts), and prints
// req/s, latency, errors, the ratios and peak RSS, for one process and `deno serve --parallel`.
import { parseArgs } from "node:util";
import { createClient, type Sql } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { hashPassword } from "../lib/passwords.ts";
import { sha256Hex } from "../lib/digest.ts";
import { createTokens } from "../lib/tokens.ts";
import { peakRssMb } from "./rss.ts";
import { type Delivery, measureDelivery } from "./delivery.ts";
import { createDatabase, log, type Result, runWrk, start, START_V8_FLAGS } from "./tools.ts";

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    smoke: { type: "boolean" },
    keep: { type: "boolean" },
    only: { type: "string" },
    modes: { type: "string", default: "single,parallel" },
    profile: { type: "string" },
    // Writes per second of the webhook delivery measurement.
    "delivery-rate": { type: "string", default: "200" },
    // "off": the same run with the row-level security policies disabled (their cost alone).
    rls: { type: "string", default: "on" },
    "v8-flags": { type: "string", default: START_V8_FLAGS },
  },
});
const SMOKE = flags.smoke ?? false;
const SIZE = SMOKE
  ? { users: 8, patients: 800, doctors: 1_500 }
  : { users: 200, patients: 100_000, doctors: 2_000 };
const SECONDS = SMOKE ? 1 : 10;
const WARMUP_SECONDS = SMOKE ? 1 : 3;
const CONNECTIONS = SMOKE ? 8 : 64;
const WRK_THREADS = 2;
const POOL = Number(Deno.env.get("BENCH_POOL") ?? "10");
const SERVER_URL = Deno.env.get("BENCH_DATABASE_URL") ?? Deno.env.get("DATABASE_URL") ??
  "postgres://postgres@127.0.0.1:5432/postgres";
/** DATABASE_REPLICA_URL for the service (BENCH_REPLICA_URL; unset: none). */
const REPLICA_URL = Deno.env.get("BENCH_REPLICA_URL");
const SECRET = `bench-secret-${crypto.randomUUID()}-${crypto.randomUUID()}`;
const PASSWORD = "Bench-Pass-2026!";
const PERMISSIONS = ["--allow-net", "--allow-env", "--allow-read", "--allow-write", "--allow-sys"];
const V8_FLAGS = `--v8-flags=${flags["v8-flags"]}`;
const CEILING_PERMISSIONS = ["--allow-net", "--allow-env", "--allow-read"];
const WORK = await Deno.makeTempDir({ prefix: "hc-bench-" });

/** Users with a role in the load: A reads and edits, B assigns, C signs in, D refreshes, E creates. */
const A = 1, B = 2, C = 3, D = 4, E = 5;
/** F owns a clinic holding F's patients, where K is a clinician: the clinic member cases (a smoke run
 * needs 8 users, and 100 patients each as before, for enough single-use assignment lines). */
const F = 6, K = 7;

/** Doctors 1..SCHEDULED have working hours and bookings (the availability case). */
const SCHEDULED = 200;

// ---------- data

async function seed(sql: Sql): Promise<void> {
  const { users, patients, doctors } = SIZE;
  const hash = await hashPassword(PASSWORD);
  await sql`
    insert into users (name, email, password_hash)
    select 'Bench User ' || i, 'user' || i || '@bench.test', ${hash}
    from generate_series(1, ${users}) i`;
  await sql`
    insert into patients (created_by, name, email, phone, gender, blood_group, date_of_birth,
      city, allergies, medical_history)
    select (i - 1) % ${users} + 1,
      (array['Ana','Ben','Chloe','David','Elif','Farid','Grace','Hugo','Ines','Jonas','Kemal',
        'Lena','Mateo','Nora','Omar','Priya','Quinn','Rosa','Sami','Tara'])[1 + h % 20] || ' ' ||
      (array['Smith','Okafor','Novak','Garcia','Kim','Haddad','Rossi','Larsen','Silva','Chen',
        'Dubois','Ivanova','Nakamura','Mensah','Kowalski','Murphy','Yilmaz','Santos','Berg',
        'Patel'])[1 + (h / 20) % 20],
      'patient' || i || '@mail.test', '+1 555 ' || lpad((i % 10000000)::text, 7, '0'),
      (array['male','female','other','unknown'])[1 + i % 4],
      (array['A+','A-','B+','B-','AB+','AB-','O+','O-'])[1 + i % 8],
      date '1940-01-01' + (i * 7 % 29000),
      (array['Springfield','Riverton','Lakeside','Hillview'])[1 + i % 4],
      case when i % 3 = 0 then 'Penicillin' end,
      'Seen for routine checks; history number ' || i
    from generate_series(1, ${patients}) i,
      -- Names picked by a hash of the row number, so every user's patients are varied.
      lateral (select ('x' || substr(md5(i::text), 1, 6))::bit(24)::int as h) pick`;
  await sql`
    insert into doctors (created_by, name, specialization, license_number, email, hospital_name,
      city, years_of_experience, consultation_fee)
    select (i - 1) % ${users} + 1, 'Dr. Bench ' || i,
      (array['general','cardiology','dermatology','neurology','oncology','pediatrics',
        'psychiatry','surgery'])[1 + i % 8],
      'LIC-' || i, 'doctor' || i || '@clinic.test', 'General Hospital ' || (i % 50),
      'Springfield', i % 40, (50 + i % 200)::numeric
    from generate_series(1, ${doctors}) i`;
  // Two assignments per patient (B's patients are left free for the POST mapping case).
  await sql`
    insert into patient_doctors (patient_id, doctor_id, is_primary, assigned_by)
    select p.id, ((p.id + k * ${Math.floor(doctors / 2)}) % ${doctors}) + 1, k = 0, p.created_by
    from patients p, generate_series(0, 1) k
    where p.created_by <> ${B}`;
  const [{ id: clinic }] = await sql`
    insert into clinics (name, created_by) values ('Bench Clinic', ${F}) returning id`;
  await sql`
    insert into clinic_members (clinic_id, user_id, role, added_by)
    values (${clinic}, ${F}, 'owner', ${F}), (${clinic}, ${K}, 'clinician', ${F})`;
  await sql`update patients set clinic_id = ${clinic} where created_by = ${F}`;
  // Working hours for the first 200 doctors (Monday to Friday, 08:00–18:00 in Berlin) and a
  // third of their week of 1 March 2027 booked, for the availability case.
  await sql`
    insert into doctor_schedules (doctor_id, timezone, updated_by)
    select id, 'Europe/Berlin', created_by from doctors where id <= ${SCHEDULED}`;
  await sql`
    insert into doctor_hours (doctor_id, weekday, start_time, end_time)
    select d, w, '08:00', '18:00' from generate_series(1, ${SCHEDULED}) d, generate_series(1, 5) w`;
  await sql`
    insert into appointments (patient_id, doctor_id, start_at, end_at, created_by)
    select p.id, d, t, t + interval '30 minutes', ${A}
    from generate_series(1, ${SCHEDULED}) d,
      generate_series(timestamptz '2027-03-01 07:00Z', '2027-03-05 16:30Z', interval '90 minutes') t,
      lateral (select id from patients where created_by = ${A} order by id limit 1) p
    where extract(hour from t at time zone 'Europe/Berlin') between 8 and 17`;
  if (flags.rls === "off") {
    for (const table of ["patients", "patient_doctors", "appointments", "audit_events"]) {
      await sql`alter table ${sql(table)} disable row level security`;
    }
  }
  // The seed's events are numbered now, as a running service would have done as they came.
  while ((await sql<{ n: number }[]>`select sequence_events() as n`)[0].n > 0) { /* again */ }
  await sql`vacuum analyze`;
}

/** Sessions for D, each with its own refresh token: a refresh token can be spent once. */
async function refreshTokens(sql: Sql, count: number): Promise<string[]> {
  const tokens = createTokens(SECRET, 15, 7);
  const out: string[] = [];
  for (let start = 0; start < count; start += 5_000) {
    const ids: string[] = [];
    const hashes: string[] = [];
    const expires: string[] = [];
    for (let i = start; i < Math.min(count, start + 5_000); i++) {
      const sessionId = crypto.randomUUID();
      const { token, expiresAt } = await tokens.refresh({ userId: D, role: "user", sessionId });
      ids.push(sessionId);
      hashes.push(await sha256Hex(token));
      expires.push(expiresAt.toISOString());
      out.push(JSON.stringify({ refresh: token }));
    }
    await sql`
      insert into sessions (id, user_id, refresh_hash, expires_at)
      select id, ${D}, h, e from unnest(${ids}::uuid[], ${hashes}::text[], ${expires}::timestamptz[])
        as t(id, h, e)`;
  }
  return out;
}

// ---------- cases

interface Load {
  method: string;
  paths: string[];
  /** Bodies for the warm-up and for the measured run (single-use lines must not repeat). */
  bodies?: { warm: string[]; run: string[] };
  token?: string;
  /** Connections for this case, if fewer than the run's. */
  connections?: number;
}

interface Case extends Load {
  name: string;
  kind: "read" | "write" | "login";
  /** The same database work on the ceiling app. */
  ceiling: Load;
  /** The JSON case this one is the FHIR form of: its ratio to it is reported too. */
  fhirOf?: string;
}

/** Whether `--only` (a comma-separated list of parts of case names) keeps a case. */
function selected(c: { name: string }): boolean {
  return !flags.only || flags.only.split(",").some((part) => c.name.includes(part));
}

/** The webhook delivery measurement's name (for --only). */
const DELIVERY = "webhook delivery";

/** The cases of one mode, and whose patients the delivery measurement writes to. */
interface Prepared {
  cases: Case[];
  delivery?: { token: string; patients: number[] };
}

async function buildCases(sql: Sql, slot: number): Promise<Prepared> {
  const access = createTokens(SECRET, 24 * 60, 7);
  const tokenFor = (userId: number) =>
    access.access({ userId, role: "user", sessionId: crypto.randomUUID() });
  const aIds = (await sql<{ id: number }[]>`
    select id from patients where created_by = ${A} order by id`).map((r) => r.id);
  const bIds = (await sql<{ id: number }[]>`
    select id from patients where created_by = ${B} order by id`).map((r) => r.id);
  const doctorIds = (await sql<{ id: number }[]>`select id from doctors order by id limit 500`)
    .map((r) => r.id);
  const tokenA = await tokenFor(A);
  const tokenB = await tokenFor(B);
  const tokenE = await tokenFor(E);
  const tokenK = await tokenFor(K);
  const [{ id: clinic }] = await sql<{ id: number }[]>`select id from clinics limit 1`;
  const fIds = (await sql<{ id: number }[]>`
    select id from patients where clinic_id = ${clinic} order by id`).map((r) => r.id);
  // The ceiling's routes take the owner whose scope key (minus their id) they read: a
  // clinic's key is its id, so minus the clinic's id names it.
  const clinicKey = -clinic;

  const perRun = (rate: number, seconds: number) => Math.ceil(rate * seconds * 1.5) + 1000;
  const mappingLines: string[] = [];
  for (const doctor of (await sql<{ id: number }[]>`select id from doctors order by id`)) {
    for (const patient of bIds) mappingLines.push(JSON.stringify({ patient, doctor: doctor.id }));
  }
  // Each mode gets its own slice of the single-use lines.
  // (and within it, the service and the ceiling theirs).
  const share = Math.floor(mappingLines.length / 4);
  const mappingBodies = (half: number) => {
    const mine = mappingLines.slice((slot * 2 + half) * share, (slot * 2 + half + 1) * share);
    const warm = Math.min(perRun(6000, WARMUP_SECONDS), Math.floor(mine.length / 4));
    return { warm: mine.slice(0, warm), run: mine.slice(warm) };
  };
  // Bookings, each at its own (doctor, time) so none collides: half-hour slots from January
  // 2028 of the doctors without hours.
  const bookable = doctorIds.filter((id) => id > SCHEDULED);
  const bookingsNeeded = 4 * (perRun(4000, SECONDS) + perRun(4000, WARMUP_SECONDS));
  const perDoctor = Math.ceil(bookingsNeeded / bookable.length);
  const bookingShare = Math.floor(bookable.length / 4);
  const bookingBodies = (half: number) => {
    const mine = bookable.slice(
      (slot * 2 + half) * bookingShare,
      (slot * 2 + half + 1) * bookingShare,
    );
    const lines: string[] = [];
    for (let k = 0; k < perDoctor; k++) {
      const start = new Date(Date.UTC(2028, 0, 3) + k * 1_800_000).toISOString();
      for (const [i, doctor] of mine.entries()) {
        lines.push(
          JSON.stringify({
            patient: aIds[(k + i) % aIds.length],
            doctor,
            start,
            duration_minutes: 30,
          }),
        );
      }
    }
    const warm = Math.min(perRun(4000, WARMUP_SECONDS), Math.floor(lines.length / 4));
    return { warm: lines.slice(0, warm), run: lines.slice(warm) };
  };
  const week = "from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z";
  const scheduled = doctorIds.filter((id) => id <= SCHEDULED);
  const refreshWarm = perRun(10_000, WARMUP_SECONDS);
  const refreshRun = perRun(10_000, SECONDS);
  const minted = selected({ name: "refresh" }) ? 2 * (refreshWarm + refreshRun) : 0;
  if (minted) log(`minting ${minted} refresh sessions`);
  const refresh = minted ? await refreshTokens(sql, minted) : [];
  const refreshBodies = (half: number) => {
    const mine = refresh.slice(half * (refreshWarm + refreshRun));
    return {
      warm: mine.slice(0, refreshWarm),
      run: mine.slice(refreshWarm, refreshWarm + refreshRun),
    };
  };
  const created = JSON.stringify({
    name: "Bench Patient",
    gender: "female",
    date_of_birth: "1980-02-03",
  });
  const clinicCreated = JSON.stringify({ ...JSON.parse(created), clinic });
  const cities = (prefix: string) => aIds.map((_, i) => JSON.stringify({ city: `${prefix} ${i}` }));
  const login = [JSON.stringify({ email: `user${C}@bench.test`, password: PASSWORD })];
  // Surnames (each ~5 % of a user's patients), a first and last name, an email and a phone part.
  const searchTerms = ["smith", "novak", "ana ga", "chen", "kowal", "patient12", "555 000"];

  const cases: Case[] = [
    {
      name: "GET one patient",
      kind: "read",
      method: "GET",
      paths: aIds.map((id) => `/api/patients/${id}/`),
      token: tokenA,
      ceiling: { method: "GET", paths: aIds.map((id) => `/owners/${A}/patients/${id}`) },
    },
    {
      name: "GET one doctor (not audited)",
      kind: "read",
      method: "GET",
      paths: doctorIds.map((id) => `/api/doctors/${id}/`),
      token: tokenA,
      ceiling: { method: "GET", paths: doctorIds.map((id) => `/doctors/${id}`) },
    },
    {
      name: "list patients (20)",
      kind: "read",
      method: "GET",
      paths: Array.from({ length: 25 }, (_, k) => `/api/patients/?limit=20&offset=${k * 20}`),
      token: tokenA,
      ceiling: {
        method: "GET",
        paths: Array.from(
          { length: 25 },
          (_, k) => `/owners/${A}/patients?limit=20&offset=${k * 20}`,
        ),
      },
    },
    {
      name: "search patients",
      kind: "read",
      method: "GET",
      paths: searchTerms.map((t) => `/api/patients/?search=${encodeURIComponent(t)}`),
      token: tokenA,
      ceiling: {
        method: "GET",
        paths: searchTerms.map((t) => `/owners/${A}/patients?search=${encodeURIComponent(t)}`),
      },
    },
    {
      name: "list a patient's doctors",
      kind: "read",
      method: "GET",
      paths: aIds.map((id) => `/api/patients/${id}/doctors/`),
      token: tokenA,
      ceiling: { method: "GET", paths: aIds.map((id) => `/owners/${A}/patients/${id}/doctors`) },
    },
    {
      name: "POST patient",
      kind: "write",
      method: "POST",
      paths: ["/api/patients/"],
      bodies: { warm: [created], run: [created] },
      token: tokenE,
      ceiling: {
        method: "POST",
        paths: [`/owners/${E}/patients`],
        bodies: { warm: [created], run: [created] },
      },
    },
    {
      name: "GET one patient (clinic member)",
      kind: "read",
      method: "GET",
      paths: fIds.map((id) => `/api/patients/${id}/`),
      token: tokenK,
      ceiling: { method: "GET", paths: fIds.map((id) => `/owners/${clinicKey}/patients/${id}`) },
    },
    {
      name: "list patients (20, clinic member)",
      kind: "read",
      method: "GET",
      paths: Array.from({ length: 25 }, (_, k) => `/api/patients/?limit=20&offset=${k * 20}`),
      token: tokenK,
      ceiling: {
        method: "GET",
        paths: Array.from(
          { length: 25 },
          (_, k) => `/owners/${clinicKey}/patients?limit=20&offset=${k * 20}`,
        ),
      },
    },
    {
      name: "POST patient (clinic member)",
      kind: "write",
      method: "POST",
      paths: ["/api/patients/"],
      bodies: { warm: [clinicCreated], run: [clinicCreated] },
      token: tokenK,
      ceiling: {
        method: "POST",
        paths: [`/owners/${K}/patients`],
        bodies: { warm: [clinicCreated], run: [clinicCreated] },
      },
    },
    {
      name: "PATCH patient",
      kind: "write",
      method: "PATCH",
      paths: aIds.map((id) => `/api/patients/${id}/`),
      bodies: { warm: cities("Warm City"), run: cities("Bench City") },
      token: tokenA,
      ceiling: {
        method: "PATCH",
        paths: aIds.map((id) => `/owners/${A}/patients/${id}`),
        bodies: { warm: cities("Warm Town"), run: cities("Bench Town") },
      },
    },
    {
      name: "POST mapping",
      kind: "write",
      method: "POST",
      paths: ["/api/mappings/"],
      bodies: mappingBodies(0),
      token: tokenB,
      ceiling: { method: "POST", paths: [`/owners/${B}/mappings`], bodies: mappingBodies(1) },
    },
    {
      name: "POST appointment",
      kind: "write",
      method: "POST",
      paths: ["/api/appointments/"],
      bodies: bookingBodies(0),
      token: tokenA,
      ceiling: { method: "POST", paths: [`/owners/${A}/appointments`], bodies: bookingBodies(1) },
    },
    {
      name: "GET availability (a week, 30-minute slots)",
      kind: "read",
      method: "GET",
      paths: scheduled.map((id) => `/api/doctors/${id}/availability/?${week}`),
      token: tokenA,
      ceiling: {
        method: "GET",
        paths: scheduled.map((id) => `/doctors/${id}/availability?${week}`),
      },
    },
    {
      name: "login",
      kind: "login",
      // Fewer connections than the hashing queue holds (HASH_QUEUE, 64, plus the one
      // hashing), warm-up stragglers included: this case measures hashing, not 503s. The
      // smoke run's single second must not be spent behind the warm-up's queued hashes.
      connections: SMOKE ? WRK_THREADS : 32,
      method: "POST",
      paths: ["/api/auth/login/"],
      bodies: { warm: login, run: login },
      ceiling: {
        connections: SMOKE ? WRK_THREADS : 32,
        method: "POST",
        paths: ["/login"],
        bodies: { warm: login, run: login },
      },
    },
    {
      name: "refresh",
      kind: "write",
      method: "POST",
      paths: ["/api/auth/refresh/"],
      bodies: refreshBodies(0),
      ceiling: { method: "POST", paths: ["/refresh"], bodies: refreshBodies(1) },
    },
    {
      name: "FHIR Patient read",
      kind: "read",
      fhirOf: "GET one patient",
      method: "GET",
      paths: aIds.map((id) => `/fhir/Patient/${id}`),
      token: tokenA,
      ceiling: { method: "GET", paths: aIds.map((id) => `/owners/${A}/patients/${id}`) },
    },
    {
      name: "FHIR Patient search (20)",
      kind: "read",
      fhirOf: "list patients (20)",
      method: "GET",
      paths: Array.from({ length: 25 }, (_, k) => `/fhir/Patient?_count=20&_offset=${k * 20}`),
      token: tokenA,
      ceiling: {
        method: "GET",
        paths: Array.from(
          { length: 25 },
          (_, k) => `/owners/${A}/patients?limit=20&offset=${k * 20}`,
        ),
      },
    },
  ];
  return {
    cases: cases.filter(selected),
    delivery: selected({ name: DELIVERY }) ? { token: tokenA, patients: aIds } : undefined,
  };
}

// ---------- load

function wrk(
  base: string,
  c: Load & { name: string },
  bodies: string[] | undefined,
  seconds: number,
  connections = CONNECTIONS,
): Promise<Result> {
  return runWrk(base, c, { bodies, seconds, connections, threads: WRK_THREADS, work: WORK });
}

async function measure(base: string, c: Load & { name: string }): Promise<Result> {
  const connections = Math.min(c.connections ?? CONNECTIONS, CONNECTIONS);
  await wrk(base, c, c.bodies?.warm, WARMUP_SECONDS, connections);
  return await wrk(base, c, c.bodies?.run, SECONDS, connections);
}

/** Connections of the latency probe in the sign-in flood case: a light, steady load. */
const PROBE_CONNECTIONS = 4;
/** Concurrent sign-ins of the flood. */
const FLOOD_CONNECTIONS = 64;

interface Flood {
  quiet: Result;
  flooded: Result;
  flood: Result;
}

/**
 * GET one patient at a light load, alone and then beside 64 connections signing in
 * without pause: hashing is bounded per process, so other requests keep their latency.
 */
async function signInFlood(base: string, cases: Case[]): Promise<Flood | undefined> {
  const get = cases.find((c) => c.name === "GET one patient");
  const login = cases.find((c) => c.name === "login");
  if (!get || !login) return undefined;
  const quiet = await wrk(base, get, undefined, SECONDS, PROBE_CONNECTIONS);
  const [flooded, flood] = await Promise.all([
    wrk(base, get, undefined, SECONDS, PROBE_CONNECTIONS),
    wrk(base, login, login.bodies!.run, SECONDS, FLOOD_CONNECTIONS),
  ]);
  return { quiet, flooded, flood };
}

// ---------- processes

// ---------- run

interface Row {
  name: string;
  kind: Case["kind"];
  fhirOf?: string;
  result: Result;
  ceiling: Result;
  /** The service's peak RSS once this case has run (MB): where it grows shows which case drives it. */
  rss: number;
}

async function runMode(
  mode: "one process" | "deno serve --parallel",
  url: string,
  { cases, delivery: deliveryTo }: Prepared,
) {
  const env = {
    DATABASE_URL: url,
    JWT_SECRET: SECRET,
    DB_POOL_MAX: String(POOL),
    LOG_LEVEL: "info",
    // wrk's connections all come from 127.0.0.1 but stand for many clients: the per-address
    // sign-in limits would measure themselves, not hashing.
    HASH_PER_ADDRESS: "1024",
    LOGIN_MAX_FAILURES_PER_ADDRESS: "100000",
    // Each case's 64 connections share one user's token: with the default queue (32 waiting
    // behind SEARCHES_PER_USER running) the rest would be answered 429. Here every one waits
    // its turn, so a case measures what running a user's searches a few at a time costs.
    SEARCH_QUEUE_PER_USER: "64",
    // The delivery measurement's receiver listens on 127.0.0.1 over plain HTTP.
    WEBHOOK_ALLOW_HTTP: "true",
    WEBHOOK_ALLOW_PRIVATE: "true",
    PATH: Deno.env.get("PATH") ?? "",
    HOME: Deno.env.get("HOME") ?? "/tmp",
    // Read replicas for the service (not the ceiling): what they add to each request.
    ...(REPLICA_URL ? { DATABASE_REPLICA_URL: REPLICA_URL } : {}),
  };
  const parallel = mode !== "one process";
  const ceiling = await start(
    parallel
      ? [
        "serve",
        "--parallel",
        "--port",
        "$PORT",
        V8_FLAGS,
        ...CEILING_PERMISSIONS,
        "bench/ceiling.ts",
      ]
      : ["run", V8_FLAGS, ...CEILING_PERMISSIONS, "bench/ceiling.ts", "--listen"],
    env,
    `/doctors/1`,
  );
  const service = await start(
    parallel ? ["serve", "--parallel", "--port", "$PORT", V8_FLAGS, ...PERMISSIONS, "main.ts"] : [
      "run",
      V8_FLAGS,
      ...PERMISSIONS,
      ...(flags.profile ? ["--cpu-prof", `--cpu-prof-dir=${flags.profile}`] : []),
      "server.ts",
    ],
    env,
    "/readyz",
  );
  // Each case runs right after its ceiling, so a slow spell of this shared machine lands on
  // both sides of the ratio.
  const rows: Row[] = [];
  for (const c of cases) {
    log(`${mode}: ${c.name}, ceiling then service`);
    const ceilingResult = await measure(ceiling.base, { ...c.ceiling, name: `${c.name} ceiling` });
    const result = await measure(service.base, c);
    const { name, kind, fhirOf } = c;
    const rss = await peakRssMb(service.pid);
    rows.push({ name, kind, fhirOf, result, ceiling: ceilingResult, rss });
  }
  log(`${mode}: sign-in flood`);
  const flood = await signInFlood(service.base, cases);
  let delivery: Delivery | undefined;
  if (deliveryTo) {
    const rate = Number(flags["delivery-rate"]);
    log(`${mode}: ${DELIVERY} at ${rate} writes/s`);
    delivery = await measureDelivery(
      service.base,
      deliveryTo.token,
      deliveryTo.patients,
      rate,
      SECONDS,
      WARMUP_SECONDS,
    );
  }
  const rss = await peakRssMb(service.pid);
  const ceilingRss = await peakRssMb(ceiling.pid);
  await service.stop();
  await ceiling.stop();
  return { mode, rows, rss, ceilingRss, flood, delivery };
}

type Run = Awaited<ReturnType<typeof runMode>>;

/** Answers per second that succeeded (a 503 from a full hashing queue is no work done). */
const succeeded = (r: Result) => r.requests > 0 ? r.rps * (1 - r.errors / r.requests) : 0;

/** The case's share of its ceiling's successful throughput, and its p99 against the ceiling's. */
const ratios = (r: Row) => ({
  rps: succeeded(r.result) / succeeded(r.ceiling),
  p99: r.result.p99 / r.ceiling.p99,
});

/** The smallest share of its ceiling each kind of case must reach. */
const TARGET: Record<Case["kind"], number> = { read: 0.7, write: 0.6, login: 0.8 };

function table(run: Run): string {
  const f = (n: number, d = 1) => Number.isFinite(n) ? n.toFixed(d) : "—";
  const lines = [
    `#### ${run.mode} (pool ${POOL} per process, ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up)`,
    "",
    "| case | req/s | p50 ms | p99 ms | non-2xx (service / ceiling) | ceiling req/s | ceiling p99 ms | 2xx vs ceiling | p99 vs ceiling | peak RSS MB |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...run.rows.map((r) =>
      `| ${r.name} | ${f(r.result.rps, 0)} | ${f(r.result.p50, 2)} | ${
        f(r.result.p99, 2)
      } | ${r.result.errors} / ${r.ceiling.errors} | ${f(r.ceiling.rps, 0)} | ${
        f(r.ceiling.p99, 2)
      } | ${f(ratios(r).rps * 100, 0)} % | ${f(ratios(r).p99, 2)}× | ${f(r.rss, 0)} |`
    ),
    "",
    `Peak RSS: service ${f(run.rss, 0)} MB, ceiling ${f(run.ceilingRss, 0)} MB.`,
  ];
  if (run.flood) {
    const { quiet, flooded, flood } = run.flood;
    lines.push(
      "",
      `Sign-in flood: GET one patient with ${PROBE_CONNECTIONS} connections, alone and beside ` +
        `${FLOOD_CONNECTIONS} connections signing in without pause:`,
      "",
      "| load | req/s | p50 ms | p99 ms | non-2xx |",
      "| --- | ---: | ---: | ---: | ---: |",
      `| GET one patient, alone | ${f(quiet.rps, 0)} | ${f(quiet.p50, 2)} | ${
        f(quiet.p99, 2)
      } | ${quiet.errors} |`,
      `| GET one patient, during the flood | ${f(flooded.rps, 0)} | ${f(flooded.p50, 2)} | ${
        f(flooded.p99, 2)
      } | ${flooded.errors} |`,
      `| the flood: sign-ins (503 when the hashing queue is full) | ${f(flood.rps, 0)} | ${
        f(flood.p50, 2)
      } | ${f(flood.p99, 2)} | ${flood.errors} |`,
    );
  }
  return lines.join("\n");
}

function verdicts(run: Run): string[] {
  const out: string[] = [];
  for (const r of run.rows) {
    const { rps, p99 } = ratios(r);
    const target = TARGET[r.kind];
    const json = run.rows.find((j) => j.name === r.fhirOf);
    if (json) {
      const share = succeeded(r.result) / succeeded(json.result);
      out.push(
        `${r.name}: ${(share * 100).toFixed(0)} % of ${json.name}'s 2xx throughput, p99 ${
          (r.result.p99 / json.result.p99).toFixed(2)
        }× its p99 (same run)`,
      );
    }
    out.push(
      `${r.name} ≥ ${target * 100} % of its ceiling: ${(rps * 100).toFixed(0)} % — ${
        rps >= target ? "met" : "missed"
      }; p99 ≤ 2× the ceiling's: ${p99.toFixed(2)}× — ${p99 <= 2 ? "met" : "missed"}`,
    );
  }
  out.push(
    `RSS < 150 MB per process: ${run.rss.toFixed(0)} MB — ${run.rss < 150 ? "met" : "missed"}`,
  );
  if (run.delivery) {
    const d = run.delivery;
    const f = (n: number) => Number.isFinite(n) ? n.toFixed(1) : "—";
    out.push(
      `Webhook delivery at ${d.rate} writes/s for ${d.seconds} s: ${d.delivered} of ${d.saved} ` +
        `saved writes' events arrived (${d.again} again), ${f(d.latency.p50)} ms p50, ${
          f(d.latency.p99)
        } ms p99, ${f(d.latency.max)} ms max after the write's answer (the writes: ${
          f(d.write.p50)
        } ms p50, ${f(d.write.p99)} ms p99) — ${
          d.delivered === d.saved && d.saved === d.writes ? "none lost" : "LOST"
        }`,
    );
  }
  if (run.flood) {
    const ratio = run.flood.flooded.p99 / run.flood.quiet.p99;
    out.push(
      `GET one patient p99 during ${FLOOD_CONNECTIONS} sign-ins ≤ 3× alone: ${ratio.toFixed(2)}× (${
        run.flood.flooded.p99.toFixed(1)
      } vs ${run.flood.quiet.p99.toFixed(1)} ms) — ${ratio <= 3 ? "met" : "missed"}`,
    );
  }
  return out;
}

const db = await createDatabase(SERVER_URL);
let failed = false;
try {
  const sql = createClient(db.url, 4);
  const t0 = performance.now();
  await migrate(sql);
  await seed(sql);
  log(
    `seeded ${SIZE.users} users, ${SIZE.patients} patients, ${SIZE.doctors} doctors in ${
      ((performance.now() - t0) / 1000).toFixed(1)
    } s`,
  );
  const modes = (["one process", "deno serve --parallel"] as const).filter((m) =>
    flags.modes!.split(",").includes(m === "one process" ? "single" : "parallel")
  );
  const prepared = [];
  for (const [slot] of modes.entries()) prepared.push(await buildCases(sql, slot));
  await sql.end();
  for (const [slot, mode] of modes.entries()) {
    const run = await runMode(mode, db.url, prepared[slot]);
    console.log(table(run));
    console.log("");
    for (const v of verdicts(run)) console.log(`- ${v}`);
    console.log("");
    const probes = run.flood ? [run.flood.quiet, run.flood.flooded] : [];
    // Sign-ins beyond the hashing queue are refused with 503 by design (the ceiling's too):
    // they count out of the ratio, not as a broken case. Every case must still be answered.
    const measured = [...run.rows.flatMap((r) => [r.result, r.ceiling]), ...probes];
    const refusable = new Set(
      run.rows.filter((r) => r.kind === "login").flatMap((r) => [
        r.result,
        r.ceiling,
      ]),
    );
    const broken = measured.filter((r) => !(r.requests > 0) || (r.errors > 0 && !refusable.has(r)));
    if (broken.length) failed = true;
    const d = run.delivery;
    if (d && !(d.delivered === d.saved && d.saved === d.writes)) failed = true;
  }
} finally {
  if (!flags.keep) await db.drop();
  await Deno.remove(WORK, { recursive: true });
}
if (failed) {
  console.error("[bench] some cases had errors or no requests");
  Deno.exit(1);
}
