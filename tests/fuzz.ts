/**
 * A request fuzzer generated from the service's own OpenAPI document: for every operation
 * it makes requests (plausible first, then mutated: wrong types, boundaries, long and odd
 * Unicode, NUL, missing and extra fields, bad ids and query values, wrong content types)
 * as a user, another user, an admin, anonymous and with broken tokens, and checks:
 *
 * - no answer is a 5xx;
 * - every error is `application/problem+json` carrying the request's id (under /fhir, an
 *   `application/fhir+json` OperationOutcome with the id in its `X-Request-Id` header);
 * - no error repeats a submitted value;
 * - a rejected request leaves the data as it was.
 *
 * Used by tests/fuzz_test.ts (fixed seed, a few thousand requests) and `deno task fuzz`,
 * both with a sign-in window of seconds (`FUZZ_CONFIG`), so that fuzzed wrong passwords
 * for the cast's own accounts lock them out only for a moment.
 */
import fc from "fast-check";
import { sql } from "../db/client.ts";

/** Where the requests go, and how to see whether the data changed. */
export interface FuzzTarget {
  request(path: string, init: RequestInit): Promise<Response>;
  /** A digest of every row a request could change (audit events and sign-in counters aside). */
  fingerprint(): Promise<string>;
}

/** Settings the fuzz runs with: sign-in limits that lift within seconds. */
export const FUZZ_CONFIG = { LOG_LEVEL: "silent", LOGIN_WINDOW_SECONDS: "2" };

/** Every row a request could change, as one digest (audit events and sign-in counters aside). */
export async function fingerprint(): Promise<string> {
  const [{ f }] = await sql<{ f: string }[]>`
    select md5(concat_ws('|',
      (select string_agg(id || ':' || version, ',' order by id) from patients),
      (select string_agg(id || ':' || version, ',' order by id) from doctors),
      (select string_agg(concat_ws(':', id, patient_id, doctor_id, is_primary, notes), ','
        order by id) from patient_doctors),
      (select string_agg(id || ':' || version, ',' order by id) from appointments),
      (select string_agg(doctor_id || ':' || version, ',' order by doctor_id)
        from doctor_schedules),
      (select string_agg(id || ':' || version, ',' order by id) from webhooks),
      (select string_agg(id || ':' || status, ',' order by id) from webhook_deliveries),
      (select string_agg(concat_ws(':', id, email, name, role, password_hash), ',' order by id)
        from users),
      (select string_agg(concat_ws(':', id, revoked_at), ',' order by id) from sessions)
    )) as f`;
  return f;
}

/** What a run saw: statuses per operation, and each property that failed. */
export interface FuzzReport {
  requests: number;
  statuses: Map<string, Map<number, number>>;
  failures: string[];
}

interface Operation {
  method: string;
  path: string;
  query: { name: string; schema: JsonSchema }[];
  body?: JsonSchema;
}

// deno-lint-ignore no-explicit-any
type JsonSchema = Record<string, any>;

const PASSWORD = "Quiet-Lantern-48";

/** Failures a report keeps. */
const MAX_FAILURES = 50;

/** The operations of the document, each with its query parameters and body schema. */
export function operationsOf(doc: JsonSchema): Operation[] {
  // Bodies refer to named schemas: `#/components/schemas/PatientInput`.
  const resolve = (schema?: JsonSchema): JsonSchema | undefined =>
    schema?.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, JsonSchema>)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? [])
          .filter((p: JsonSchema) => p.in === "query")
          .map((p: JsonSchema) => ({ name: p.name, schema: p.schema ?? {} })),
        body: resolve(op.requestBody?.content?.["application/json"]?.schema),
      });
    }
  }
  return ops;
}

/** Rows a run knows about: path ids are picked from these at the time of each request. */
interface Known {
  patient: number[];
  doctor: number[];
  mapping: number[];
  appointment: number[];
  session: string[];
  file: string[];
  email: string[];
  /** Refresh tokens the cast holds; some spent (reuse ends their session, by design). */
  refresh: string[];
}

/** Who sends a request. */
type Actor = "user" | "other" | "admin" | "anonymous" | "garbage" | "refresh-as-access";

/** A generated request before the pools are read: a choice to resolve at send time. */
interface Draft {
  op: number;
  actor: Actor;
  pathValue: PathValue;
  query: [string, QueryValue][];
  body: BodyDraft;
  ifMatch?: string;
  /** Which row a `$known` value in the body stands for. */
  pick: number;
}

type PathValue = { known: number } | { raw: string };
type QueryValue = string | { id: number };
type BodyDraft =
  | { json: unknown }
  | { text: string; type: string }
  | { bytes: number[]; type: string }
  | { none: true };

/** Strings a hostile client sends. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\u202e\u0661\u0662",
    "'; drop table patients; --",
    "%",
    "_%_",
    "\\",
    "${jndi:x}",
    "<script>alert(1)</script>",
    "\ufeff",
    "\r\n\t",
    "constructor",
    "__proto__",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "9".repeat(40),
  ),
  fc.integer({ min: 250, max: 20_000 }).map((n) => "a".repeat(n)),
  fc.integer({ min: 1, max: 400 }).map((n) => "é\u0301".repeat(n)),
);

/** Any JSON value, including ones no field accepts. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, true, false, null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Values each field or parameter accepts, by name (a `$known` object is a row of that pool). */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.constantFrom("Ann Lee", "A", "n".repeat(150), "Zoë Ñúñez"),
  email: fc.oneof(
    fc.uuid().map((u) => `fz.${u.slice(0, 8)}@example.org`),
    fc.constant({ $known: "email" }),
  ),
  password: fc.constant(PASSWORD),
  password_confirm: fc.constant(PASSWORD),
  current_password: fc.constant(PASSWORD),
  new_password: fc.constant("Fresh-Meadow-93"),
  all: fc.boolean(),
  date_of_birth: fc.constantFrom("1980-05-17", "2020-02-29", "1900-01-01", null),
  age: fc.constant(null),
  gender: fc.constantFrom("male", "F", "u", "Other", "unknown"),
  blood_group: fc.constantFrom("A+", "ab-", "O-", null),
  phone: fc.constantFrom("+351 912 345 678", "(555) 010-0199", null),
  emergency_contact_phone: fc.constantFrom("+44 20 7946 0958", null),
  specialization: fc.constantFrom("general", "Internal Medicine", "cardiology"),
  license_number: fc.uuid().map((u) => `LIC-${u.slice(0, 12)}`),
  years_of_experience: fc.integer({ min: 0, max: 70 }),
  consultation_fee: fc.constantFrom("120.50", 80, null),
  is_available: fc.boolean(),
  is_primary: fc.boolean(),
  notes: fc.constantFrom("seen weekly", null),
  // A personal patient: a clinic needs a membership the fuzzer does not make.
  clinic: fc.constant(null),
  clinic_id: fc.constantFrom("1", "2"),
  role: fc.constantFrom("owner", "clinician", "front_desk", "viewer"),
  refresh: fc.constant({ $known: "refresh" }),
  patient: fc.constant({ $known: "patient" }),
  patient_id: fc.constant({ $known: "patient" }),
  doctor: fc.constant({ $known: "doctor" }),
  doctor_id: fc.constant({ $known: "doctor" }),
  limit: fc.constantFrom("1", "20", "100", "101"),
  offset: fc.constantFrom("0", "5", "99999"),
  ordering: fc.constantFrom("id", "-id", "name", "-created_at", "last_used_at"),
  since: fc.constantFrom("2020-01-01", "2026-01-01T10:00:00+02:00"),
  until: fc.constantFrom("2030-01-01T00:00:00Z"),
  action: fc.constantFrom("read", "list", "create", "update", "delete"),
  search: fc.constantFrom("ann", "fuzz", "912"),
  city: fc.constantFrom("Porto", "Lisbon"),
  // Appointments: times at a random quarter hour of 2027, so bookings seldom collide.
  start: fc.integer({ min: 0, max: 34_000 }).map((q) =>
    new Date(Date.UTC(2027, 0, 1) + q * 900_000).toISOString()
  ),
  end: fc.integer({ min: 0, max: 34_000 }).map((q) =>
    new Date(Date.UTC(2027, 0, 1) + q * 900_000).toISOString()
  ),
  duration_minutes: fc.integer({ min: 5, max: 480 }),
  status: fc.constantFrom("booked", "arrived", "fulfilled", "cancelled", "noshow"),
  reason: fc.constantFrom("Review", null),
  from: fc.constantFrom("2027-01-04T00:00:00Z", "2027-01-04"),
  to: fc.constantFrom("2027-01-11T00:00:00Z", "2027-02-01"),
  slot_minutes: fc.constantFrom("15", "30", "480"),
  timezone: fc.constantFrom("Europe/Lisbon", "America/New_York", "UTC", "Asia/Kolkata"),
  hours: fc.constantFrom(
    [],
    [{ weekday: 1, start: "09:00", end: "12:00" }],
    [{ weekday: 7, start: "00:30", end: "24:00" }, { weekday: 1, start: "13:00", end: "17:30" }],
  ),
  exceptions: fc.constantFrom([], [{ date: "2027-01-04", available: false }]),
  url: fc.constantFrom("https://93.184.216.34/hook", "https://[2606:4700::1]/x"),
  events: fc.constantFrom(["*"], ["patient.created", "appointment.updated"]),
  active: fc.boolean(),
};

/** Values near the rules, on the wrong side, by name. */
const INVALID: Record<string, unknown[]> = {
  name: ["", "  ", "n".repeat(201)],
  email: ["nope", "a@b", `${"e".repeat(250)}@x.org`],
  password: ["12345678", "short", "p".repeat(129), "Fuzz user"],
  password_confirm: ["different-1"],
  current_password: ["Wrong-Current-1"],
  new_password: ["12345678", "qwertyuiop"],
  refresh: ["not.a.token", "eyJhbGciOiJIUzI1NiJ9.e30.x"],
  all: ["yes", 1],
  date_of_birth: ["2021-02-29", "1899-12-31", "3000-01-01", "17/05/1980"],
  age: [151, -1, "42x", 1.5, "1e2"],
  gender: ["x", "femalе"],
  blood_group: ["Z+", "A"],
  phone: ["123", "abc", "+1 (((555)))"],
  specialization: ["bogus"],
  years_of_experience: [71, -1, 2.5],
  consultation_fee: [99.999, -5, "abc"],
  notes: ["n".repeat(2001)],
  limit: ["0", "-1", "999999999", "1.5", "abc"],
  offset: ["-1", "1e3"],
  ordering: ["bogus", "--id"],
  since: ["2020-02-30", "2026-01-01T24:00", "+275760-09-13", "9999-12-31T23:59-14:00"],
  until: ["2020-13-01"],
  action: ["bogus"],
  search: ["a\u0000b", "%", "_"],
  city: ["\u0000"],
  start: ["2027-01-04T09:00:00", "2040-01-01T00:00:00Z", "2027-02-30T09:00:00Z", "now"],
  end: ["2016-01-01T00:00:00Z", "2027-01-04T09:00"],
  duration_minutes: [4, 481, 1.5, "30"],
  status: ["done", "Booked"],
  from: ["2027-01-32", "yesterday"],
  to: ["2030-01-01T00:00:00Z"],
  slot_minutes: ["4", "481", "abc", "1e2"],
  timezone: ["Mars/Olympus", "EST5EDT", "+05:00", "../../etc/passwd"],
  hours: [
    [{ weekday: 8, start: "09:00", end: "10:00" }],
    [{ weekday: 1, start: "10:00", end: "09:00" }],
    [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "11:00", end: "13:00" }],
    [{ weekday: 1, start: "24:00", end: "24:00" }],
  ],
  exceptions: [[{ date: "2027-02-29" }], [{ date: "2027-01-04", available: true }]],
  url: ["http://93.184.216.34/", "https://127.0.0.1/", "https://[::1]/", "javascript:alert(1)"],
  events: [[], ["patient.read"], ["*", 1]],
};

/** A value for a field or parameter: an accepted one, or (when not `valid`) any other. */
function valueFor(
  name: string,
  schema: JsonSchema,
  inQuery: boolean,
  valid: boolean,
): fc.Arbitrary<unknown> {
  const good = VALID[name] ?? fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 });
  if (valid) return good;
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { weight: 3, arbitrary: good },
    { weight: 2, arbitrary: bySchema(schema) },
    { weight: 2, arbitrary: inQuery ? hostileString : hostileValue },
  ];
  if (INVALID[name]) choices.push({ weight: 4, arbitrary: fc.constantFrom(...INVALID[name]) });
  return fc.oneof(...choices);
}

/** A value of the schema's type (loosely: the document states types, not every rule). */
function bySchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(bySchema));
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type ?? "string"];
  return fc.oneof(
    ...types.map((t): fc.Arbitrary<unknown> => {
      if (t === "null") return fc.constant(null);
      if (t === "integer") return fc.integer({ min: -10, max: 3000 });
      if (t === "number") return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
      if (t === "boolean") return fc.boolean();
      if (t === "object") return fc.constant({});
      if (t === "array") return fc.constant([]);
      return fc.string({ maxLength: 30 });
    }),
  );
}

/** Body drafts for an operation: its schema's object, mutated, or no JSON at all. */
function bodyFor(op: Operation, valid: boolean): fc.Arbitrary<BodyDraft> {
  if (!op.body) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant<BodyDraft>({ none: true }) },
      { weight: 1, arbitrary: hostileValue.map((json): BodyDraft => ({ json })) },
    );
  }
  const props = Object.entries((op.body.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set<string>(op.body.required ?? []);
  const object = fc.record(
    Object.fromEntries(
      props.map(([name, schema]) => [name, valueFor(name, schema, false, valid)]),
    ),
    { requiredKeys: [...required] },
  ).chain((obj) =>
    fc.tuple(
      fc.array(fc.constantFrom(...required, "_none"), { maxLength: 1 }),
      fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 2 }),
      fc.nat(9),
    ).map(([drop, extra, dice]) => {
      if (valid) return obj as Record<string, unknown>;
      // A required field goes missing, or unknown ones come along, now and then.
      const out: Record<string, unknown> = { ...obj };
      for (const name of drop) delete out[name];
      return dice === 9 ? { ...out, ...extra } : out;
    })
  );
  if (valid) return object.map((json): BodyDraft => ({ json }));
  return fc.oneof(
    { weight: 12, arbitrary: object.map((json): BodyDraft => ({ json })) },
    { weight: 1, arbitrary: hostileValue.map((json): BodyDraft => ({ json })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<BodyDraft>(
        { text: '{"name":', type: "application/json" },
        { text: "name=Ann", type: "application/x-www-form-urlencoded" },
        { text: '{"name":"Ann"}', type: "text/plain" },
        { text: "", type: "application/json" },
        { text: "[]", type: "application/json" },
        { text: '{"a":'.repeat(2000), type: "application/json" },
        { text: `{"name":"${"\\u0000".repeat(3)}"}`, type: "application/json" },
        { text: '{"name":"\\ud800"}', type: "application/json" },
        {
          bytes: [0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d],
          type: "application/json",
        },
        { bytes: [0xef, 0xbb, 0xbf, 0x7b, 0x7d], type: "application/json" },
      ),
    },
    { weight: 1, arbitrary: fc.constant<BodyDraft>({ none: true }) },
  );
}

/** Every UTF-8 byte of `s` as %XX (lone surrogates become U+FFFD). */
function percentEncoded(s: string): string {
  return [...new TextEncoder().encode(s)]
    .map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/** `raw` decoded for comparison, or as it is when it does not decode. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const BAD_IDS = [
  "0",
  "-1",
  "abc",
  "1e3",
  "2147483648",
  "99999999999999999999",
  "%00",
  "%E2%80%AE1",
  "1%20",
  "%2e%2e",
  "00000000-0000-0000-0000-000000000000",
  "constructor",
  "toString",
];

function draftFor(ops: Operation[]): fc.Arbitrary<Draft> {
  return fc.tuple(fc.integer({ min: 0, max: ops.length - 1 }), fc.nat(9)).chain(([i, dice]) => {
    const op = ops[i];
    // Four requests in ten are well formed throughout; the rest are mutated.
    const valid = dice < 4;
    const query = fc.array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: op.query.length
            ? fc.constantFrom(...op.query).chain((q) =>
              fc.oneof(
                { weight: 4, arbitrary: valueFor(q.name, q.schema, true, valid).map(String) },
                { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((id) => ({ id })) },
              ).map((v): [string, QueryValue] => [q.name, v])
            )
            : fc.constant<[string, QueryValue]>(["x", "1"]),
        },
        { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), hostileString) },
      ),
      { maxLength: 4 },
    );
    return fc.record({
      op: fc.constant(i),
      // A well-formed request is sent as the user, to a row it knows: it should succeed.
      actor: valid ? fc.constant<Actor>("user") : fc.constantFrom<Actor>(
        "user",
        "user",
        "user",
        "other",
        "admin",
        "anonymous",
        "garbage",
        "refresh-as-access",
      ),
      pathValue: valid ? fc.nat(1000).map((known): PathValue => ({ known })) : fc.oneof(
        { weight: 6, arbitrary: fc.nat(1000).map((known): PathValue => ({ known })) },
        { weight: 1, arbitrary: fc.constantFrom(...BAD_IDS).map((raw): PathValue => ({ raw })) },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 1, max: 2_000_000 }).map((n): PathValue => ({
            raw: String(n),
          })),
        },
        {
          weight: 1,
          arbitrary: hostileString.map((s): PathValue => ({ raw: percentEncoded(s) })),
        },
      ),
      query,
      body: bodyFor(op, valid),
      pick: fc.nat(1000),
      ifMatch: valid ? fc.constant(undefined) : fc.option(
        fc.constantFrom('"1"', 'W/"2"', "*", '"abc"', "1", '"99999999999"'),
        { nil: undefined },
      ),
    });
  });
}

/** The actors' tokens and the rows they made, refreshed as the run goes. */
interface Cast {
  tokens: Record<"user" | "other" | "admin", string>;
  refreshOf: string;
  emails: Record<"user" | "other" | "admin", string>;
  passwords: Record<"user" | "other" | "admin", string>;
  known: Known;
}

async function send(target: FuzzTarget, path: string, init: RequestInit) {
  const res = await target.request(path, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { res, text, body };
}

async function json(
  target: FuzzTarget,
  method: string,
  path: string,
  token: string,
  body?: unknown,
) {
  return await send(target, path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Signs up the cast (the admin is promoted in SQL by `promote`) and makes some rows. */
export async function setUpCast(
  target: FuzzTarget,
  promote: (email: string) => Promise<void>,
): Promise<Cast> {
  const tag = crypto.randomUUID().slice(0, 8);
  const tokens = {} as Cast["tokens"];
  const emails = {} as Cast["emails"];
  let refreshOf = "";
  for (const who of ["user", "other", "admin"] as const) {
    const email = `fuzz.${who}.${tag}@example.org`;
    emails[who] = email;
    const reg = await send(target, "/api/auth/register/", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: `Fuzz ${who}`, email, password: PASSWORD }),
    });
    if (reg.res.status !== 201) throw new Error(`sign-up failed: ${reg.text}`);
    tokens[who] = (reg.body as { access: string }).access;
    if (who === "user") refreshOf = (reg.body as { refresh: string }).refresh;
  }
  await promote(emails.admin);
  const login = await send(target, "/api/auth/login/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: emails.admin, password: PASSWORD }),
  });
  tokens.admin = (login.body as { access: string }).access;
  const known: Known = {
    patient: [],
    doctor: [],
    mapping: [],
    appointment: [],
    session: [],
    file: [],
    email: Object.values(emails),
    refresh: [refreshOf],
  };
  for (const [who, n] of [["user", 4], ["other", 2]] as const) {
    for (let i = 0; i < n; i++) {
      const p = await json(target, "POST", "/api/patients/", tokens[who], {
        name: `Fuzz Patient ${i}`,
        gender: "female",
        phone: "+351 912 345 678",
      });
      known.patient.push((p.body as { id: number }).id);
    }
  }
  for (let i = 0; i < 3; i++) {
    const d = await json(target, "POST", "/api/doctors/", tokens.user, {
      name: `Dr Fuzz ${i}`,
      specialization: "general",
      license_number: `FZ-${tag}-${i}`,
    });
    known.doctor.push((d.body as { id: number }).id);
  }
  const m = await json(target, "POST", "/api/mappings/", tokens.user, {
    patient: known.patient[0],
    doctor: known.doctor[0],
    is_primary: true,
  });
  known.mapping.push((m.body as { id: number }).id);
  const a = await json(target, "POST", "/api/appointments/", tokens.user, {
    patient: known.patient[0],
    doctor: known.doctor[0],
    start: `2027-0${1 + (Date.now() % 9)}-0${1 + (Date.now() % 7)}T09:00:00Z`,
    duration_minutes: 30,
  });
  known.appointment.push((a.body as { id: number }).id);
  const sessions = await json(target, "GET", "/api/auth/sessions/", tokens.user);
  known.session.push(...(sessions.body as { results: { id: string }[] }).results.map((s) => s.id));
  known.file.push("swagger-ui.css", "swagger-ui-bundle.js", "docs_init.js");
  return {
    tokens,
    refreshOf,
    emails,
    passwords: { user: PASSWORD, other: PASSWORD, admin: PASSWORD },
    known,
  };
}

/** Which pool a path's `{id}` draws from. */
function poolOf(method: string, path: string): keyof Known {
  if (path.startsWith("/api/auth/sessions/")) return "session";
  if (path.includes("{file}")) return "file";
  if (path.startsWith("/api/doctors/")) return "doctor";
  if (path.startsWith("/api/mappings/detail/")) return "mapping";
  if (path.startsWith("/api/appointments/")) return "appointment";
  // The seeds' URL: GET takes a patient's id, DELETE a mapping's.
  if (path === "/api/mappings/{id}/") return method === "DELETE" ? "mapping" : "patient";
  return "patient";
}

/** `value` with each `{ $known: pool }` replaced by a row of that pool. */
function resolveKnown(value: unknown, known: Known, pick: number): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveKnown(v, known, pick));
  if (!value || typeof value !== "object") return value;
  const pool = (value as { $known?: keyof Known }).$known;
  if (pool) return known[pool].length ? known[pool][pick % known[pool].length] : 1;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, resolveKnown(v, known, pick)]),
  );
}

/** String leaves of a value (object keys aside). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/** Operations whose refusal may change data by design: a spent refresh token ends its session. */
const CHANGES_WHEN_REFUSED = new Set(["POST /api/auth/refresh/", "POST /api/auth/token/refresh/"]);

/** Builds a request from a draft, sends it, and checks the properties; answers failures. */
async function run(
  target: FuzzTarget,
  ops: Operation[],
  cast: Cast,
  d: Draft,
  report: FuzzReport,
): Promise<string | undefined> {
  const op = ops[d.op];
  const pool = cast.known[poolOf(op.method, op.path)];
  const raw = "known" in d.pathValue
    ? String(pool.length ? pool[d.pathValue.known % pool.length] : 1)
    : d.pathValue.raw;
  const path = op.path.replace(/\{(id|file)\}/, raw);
  const params = new URLSearchParams();
  for (const [k, v] of d.query) {
    params.append(k, typeof v === "string" ? v : String(cast.known.patient[v.id] ?? v.id));
  }
  const url = params.size ? `${path}?${params}` : path;
  const requestId = `fuzz-${crypto.randomUUID()}`;
  const headers: Record<string, string> = { "X-Request-Id": requestId };
  if (d.actor === "user" || d.actor === "other" || d.actor === "admin") {
    headers.Authorization = `Bearer ${cast.tokens[d.actor]}`;
  } else if (d.actor === "garbage") headers.Authorization = "Bearer not-a-token";
  else if (d.actor === "refresh-as-access") headers.Authorization = `Bearer ${cast.refreshOf}`;
  if (d.ifMatch) headers["If-Match"] = d.ifMatch;
  let body: BodyInit | undefined;
  let sent: unknown;
  if ("json" in d.body) {
    sent = resolveKnown(d.body.json, cast.known, d.pick);
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(sent);
  } else if ("text" in d.body) {
    headers["Content-Type"] = d.body.type;
    body = d.body.text;
  } else if ("bytes" in d.body) {
    headers["Content-Type"] = d.body.type;
    body = new Uint8Array(d.body.bytes);
  }
  if (op.method === "GET" || op.method === "DELETE" && !body) body = undefined;
  const changes = op.method !== "GET" && !CHANGES_WHEN_REFUSED.has(`${op.method} ${op.path}`);
  const before = changes ? await target.fingerprint() : "";
  const { res, text, body: answer } = await send(target, url, {
    method: op.method,
    headers,
    body: op.method === "GET" ? undefined : body,
  });
  report.requests++;
  const key = `${op.method} ${op.path}`;
  const counts = report.statuses.get(key) ?? new Map<number, number>();
  counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
  report.statuses.set(key, counts);
  const what = `${op.method} ${url.slice(0, 200)} as ${d.actor} → ${res.status}`;

  if (res.status >= 500) return `${what}: a 5xx\n${text.slice(0, 500)}`;
  if (res.status >= 400) {
    const type = res.headers.get("Content-Type") ?? "";
    let said: string;
    if (op.path.startsWith("/fhir/")) {
      // The FHIR face answers errors as OperationOutcomes; the request id is in its header.
      const outcome = answer as { resourceType?: string; issue?: unknown[] };
      if (!type.startsWith("application/fhir+json")) return `${what}: not fhir+json (${type})`;
      if (outcome?.resourceType !== "OperationOutcome" || !outcome.issue?.length) {
        return `${what}: not an OperationOutcome: ${text.slice(0, 300)}`;
      }
      if (res.headers.get("X-Request-Id") !== requestId) return `${what}: no request id header`;
      said = JSON.stringify(outcome.issue);
    } else {
      if (!type.startsWith("application/problem+json")) {
        return `${what}: not problem+json (${type})`;
      }
      const problem = answer as { request_id?: string; detail?: string; errors?: unknown[] };
      if (problem?.request_id !== requestId) {
        return `${what}: no request id in ${text.slice(0, 300)}`;
      }
      said = `${problem.detail ?? ""} ${JSON.stringify(problem.errors ?? [])}`;
    }
    const echoed = [...strings(sent), decoded(raw), ...d.query.map(([, v]) => String(v))]
      .filter((s) => s.length >= 10 && !/^-?[a-z_]+$/.test(s) && !s.startsWith("Bearer"))
      .find((s) => said.includes(s) || said.includes(JSON.stringify(s).slice(1, -1)));
    if (echoed !== undefined) return `${what}: the error repeats a submitted value`;
    if (changes && before !== await target.fingerprint()) {
      return `${what}: a rejected request changed the data\n${JSON.stringify(sent)?.slice(0, 300)}`;
    }
  }
  // Keep the pools and the cast current.
  if (res.status === 201 && answer && typeof answer === "object" && "id" in answer) {
    const id = (answer as { id: number }).id;
    if (op.path === "/api/patients/") cast.known.patient.push(id);
    if (op.path === "/api/doctors/") cast.known.doctor.push(id);
    if (op.path === "/api/mappings/") cast.known.mapping.push(id);
    if (op.path === "/api/appointments/") cast.known.appointment.push(id);
  }
  if (res.status === 200 && op.path.endsWith("refresh/") && answer) {
    cast.known.refresh.push((answer as { refresh: string }).refresh);
  }
  if (res.status === 201 && op.path === "/api/auth/register/") {
    cast.known.email.push(String((sent as { email: string }).email).trim().toLowerCase());
  }
  if (
    res.status === 204 && op.path === "/api/auth/password/" &&
    (d.actor === "user" || d.actor === "other" || d.actor === "admin")
  ) {
    cast.passwords[d.actor] = String((sent as { new_password: string }).new_password);
  }
  if (res.status === 401 && (d.actor === "user" || d.actor === "other" || d.actor === "admin")) {
    await signInAgain(target, cast, d.actor);
  }
  return undefined;
}

/** The session id (`sid`) of an access token. */
function sessionOf(token: string): string {
  const payload = token.split(".")[1].replaceAll("-", "+").replaceAll("_", "/");
  return JSON.parse(atob(payload)).sid;
}

/** A new token for an actor whose session a fuzzed request ended. */
async function signInAgain(target: FuzzTarget, cast: Cast, who: "user" | "other" | "admin") {
  const probe = await json(target, "GET", "/api/auth/me/", cast.tokens[who]);
  if (probe.res.status === 200) return;
  // Fuzzed sign-ins with the cast's emails may have reached the limits: wait them out
  // (the fuzz runs with a window of seconds).
  for (let attempt = 0; attempt < 3; attempt++) {
    const login = await send(target, "/api/auth/login/", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: cast.emails[who], password: cast.passwords[who] }),
    });
    if (login.res.status === 200) {
      const b = login.body as { access: string; refresh: string };
      cast.tokens[who] = b.access;
      if (who === "user") cast.refreshOf = b.refresh;
      cast.known.refresh.push(b.refresh);
      cast.known.session.push(sessionOf(b.access));
      return;
    }
    const wait = Number(login.res.headers.get("Retry-After") ?? 0);
    if (login.res.status !== 429 || wait > 10) return;
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
}

/** Runs `runs` generated requests against `target`; answers what it saw. */
export async function fuzz(
  target: FuzzTarget,
  cast: Cast,
  opts: { runs: number; seed: number; onProgress?: (done: number) => void },
): Promise<FuzzReport> {
  const doc = await (await target.request("/api/openapi.json", {})).json();
  const ops = operationsOf(doc);
  const report: FuzzReport = { requests: 0, statuses: new Map(), failures: [] };
  // Each failure is recorded and the run goes on (up to MAX_FAILURES of them): shrinking
  // would replay requests against data that has moved on since.
  const property = fc.asyncProperty(draftFor(ops), async (d) => {
    const failure = await run(target, ops, cast, d, report);
    if (failure && report.failures.length < MAX_FAILURES) report.failures.push(failure);
    if (opts.onProgress && report.requests % 1000 === 0) opts.onProgress(report.requests);
  });
  const result = await fc.check(property, { numRuns: opts.runs, seed: opts.seed });
  if (result.failed) report.failures.push(`the run stopped: ${result.errorInstance}`);
  return report;
}

/** A table of statuses per operation, for RELIABILITY.md. */
export function statusTable(report: FuzzReport): string {
  const all = [...new Set([...report.statuses.values()].flatMap((m) => [...m.keys()]))].sort();
  const lines = [
    `| operation | ${all.join(" | ")} |`,
    `| --- | ${all.map(() => "---:").join(" | ")} |`,
  ];
  for (const [op, counts] of [...report.statuses].sort()) {
    lines.push(`| \`${op}\` | ${all.map((s) => counts.get(s) ?? "").join(" | ")} |`);
  }
  return lines.join("\n");
}
