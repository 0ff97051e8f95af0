/**
 * Steady mixed load against a running service (reads, creates, updates, assignments,
 * sign-ins) that records every outcome, for the fault tests and `deno task chaos`.
 */

/** What a load run saw. */
export interface LoadReport {
  requests: number;
  /** Count per status; 0 is a connection closed without an answer. */
  statuses: Record<number, number>;
  /** Requests with no complete answer within the client's timeout. */
  hung: number;
  /** What each hung request was, and when (ISO time) it was sent. */
  hungRequests: string[];
  /** 5xx answers other than 503 (each one is a bug). */
  bad5xx: number;
  /** 503 answers without Retry-After (each one is a bug). */
  noRetryAfter: number;
  /** Connections refused (nothing listening: the service stopped); not requests. */
  refused: number;
  /** What `onHung` recorded when the first request hung. */
  activityWhenHung?: string;
  /** Why connections closed without an answer: the client's error, and how often. */
  closedErrors: Record<string, number>;
  /** When (ms since the run started) each request that was closed unanswered was sent. */
  closedSentMs: number[];
  /** When (ms since the run started) each 503 arrived. */
  unavailableTimes: number[];
  /** The longest a 503 took to arrive, in milliseconds. */
  slowest503Ms: number;
  /** Which request that was: when it was sent, method, path and request id. */
  slowest503: string;
  /** Ids of patients whose creation was answered 201. */
  createdPatients: number[];
  /** Ids of patients whose PATCH was answered 200, with the version answered. */
  updatedPatients: Map<number, number>;
  /** Ids of mappings answered 201. */
  createdMappings: number[];
  /** Times (ms since the run started) of each answer that was 2xx. */
  okTimes: number[];
  /** Each write (POST or PATCH of a record) answered 2xx: when it was sent and answered. */
  writeOks: { sentMs: number; answeredMs: number }[];
  /** Request ids of 2xx answers on patient and mapping routes: each must leave an audit event. */
  auditedRequests: string[];
}

const PASSWORD = "Harbor-Quill-4417";

interface Worker {
  token: string;
  email: string;
  doctor: number;
  patients: { id: number; version: number }[];
}

/**
 * Each request on a connection of its own: a hang or an unanswered close can then only be
 * the server's, not a pooled keep-alive connection reused as the server closed it.
 */
const client = Deno.createHttpClient({ poolMaxIdlePerHost: 0 });

async function call(
  base: string,
  method: string,
  path: string,
  body: unknown,
  token: string | undefined,
  timeoutMs: number,
): Promise<
  | {
    status: number;
    body: unknown;
    headers: Headers;
    /** performance.now() when sent. */
    sent: number;
    /** A write of a record (not a read, not a sign-in). */
    write: boolean;
    ms: number;
    what: string;
  }
  | { hung: string }
  | { closed: string; sent: number }
  | "refused"
> {
  const started = performance.now();
  const sentAt = new Date().toISOString();
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      client,
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch { /* not JSON */ }
    return {
      status: res.status,
      body: parsed,
      headers: res.headers,
      sent: started,
      write: method !== "GET" && path !== "/api/auth/login/",
      ms: performance.now() - started,
      what: `${sentAt} ${method} ${path} ${res.headers.get("X-Request-Id")}`,
    };
  } catch (err) {
    if ((err as Error).name === "TimeoutError") return { hung: `${sentAt} ${method} ${path}` };
    const text = `${(err as Error).message} ${((err as Error).cause as Error)?.message ?? ""}`;
    if (/Connection refused|os error 111/i.test(text)) return "refused";
    const cause = (err as Error).cause as Error | undefined;
    const why = `${(err as Error).message}${cause ? `: ${cause.message ?? cause}` : ""}`.replace(
      /https?:\/\/\S+/g,
      "<url>",
    );
    return { closed: why.replace(/ from \S+ for <url> \(\S+\)/, ""), sent: started };
  }
}

/** Signs up one user with a doctor, retrying while the service is not ready. */
async function setUp(base: string, i: number): Promise<Worker> {
  const email = `load${i}.${crypto.randomUUID().slice(0, 8)}@example.org`;
  for (let attempt = 0;; attempt++) {
    const reg = await call(
      base,
      "POST",
      "/api/auth/register/",
      {
        name: `Load Tester ${i}`,
        email,
        password: PASSWORD,
      },
      undefined,
      30_000,
    );
    if (typeof reg === "object" && "status" in reg && reg.status === 201) {
      const token = (reg.body as { access: string }).access;
      const doc = await call(
        base,
        "POST",
        "/api/doctors/",
        {
          name: `Dr Load ${i}`,
          specialization: "general",
        },
        token,
        30_000,
      );
      if (typeof doc !== "object" || !("status" in doc) || doc.status !== 201) {
        throw new Error("doctor setup failed");
      }
      return { token, email, doctor: (doc.body as { id: number }).id, patients: [] };
    }
    if (attempt > 50) throw new Error(`setup failed: ${JSON.stringify(reg)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Options of a load run. */
export interface LoadOptions {
  base: string;
  workers?: number;
  /** Client timeout per request; a request that takes longer counts as hung. */
  timeoutMs?: number;
  /** Sign in again every this many iterations (each costs a password hash). */
  loginEvery?: number;
  /** Called once, when the first request hangs: what to record about that moment. */
  onHung?: () => Promise<string>;
}

/** A running load; `report` fills as it runs, `stop()` ends it and answers the report. */
export interface Load {
  started: number;
  report: LoadReport;
  stop(): Promise<LoadReport>;
}

/** Starts steady mixed load; each worker is one signed-in user doing one request at a time. */
export async function startLoad(opts: LoadOptions): Promise<Load> {
  const workers = opts.workers ?? 16;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const loginEvery = opts.loginEvery ?? 40;
  const people = await Promise.all(
    Array.from({ length: workers }, (_, i) => setUp(opts.base, i)),
  );
  const report: LoadReport = {
    requests: 0,
    statuses: {},
    hung: 0,
    hungRequests: [],
    bad5xx: 0,
    noRetryAfter: 0,
    refused: 0,
    closedErrors: {},
    closedSentMs: [],
    slowest503Ms: 0,
    slowest503: "",
    createdPatients: [],
    updatedPatients: new Map(),
    createdMappings: [],
    okTimes: [],
    writeOks: [],
    unavailableTimes: [],
    auditedRequests: [],
  };
  const started = performance.now();
  let running = true;

  const record = (r: Awaited<ReturnType<typeof call>>, audited = true) => {
    if (r === "refused") {
      report.refused++;
      return undefined;
    }
    report.requests++;
    if (typeof r === "object" && "hung" in r) {
      report.hung++;
      report.hungRequests.push(r.hung);
      if (report.hung === 1 && opts.onHung) {
        opts.onHung().then(
          (text) => report.activityWhenHung = text,
          (err) => report.activityWhenHung = String(err),
        );
      }
      return undefined;
    }
    if ("closed" in r) {
      report.statuses[0] = (report.statuses[0] ?? 0) + 1;
      report.closedErrors[r.closed] = (report.closedErrors[r.closed] ?? 0) + 1;
      report.closedSentMs.push(r.sent - started);
      return undefined;
    }
    report.statuses[r.status] = (report.statuses[r.status] ?? 0) + 1;
    if (r.status >= 500 && r.status !== 503) report.bad5xx++;
    if (r.status === 503 && !r.headers.get("Retry-After")) report.noRetryAfter++;
    if (r.status === 503) report.unavailableTimes.push(performance.now() - started);
    if (r.status === 503 && r.ms > report.slowest503Ms) {
      report.slowest503Ms = r.ms;
      report.slowest503 = r.what;
    }
    if (r.status < 300) {
      report.okTimes.push(performance.now() - started);
      if (r.write) {
        report.writeOks.push({ sentMs: r.sent - started, answeredMs: performance.now() - started });
      }
      if (audited) report.auditedRequests.push(r.headers.get("X-Request-Id")!);
    }
    return r;
  };

  const loop = async (w: Worker, n: number) => {
    let lastUnavailable = 0;
    for (let it = 0; running; it++) {
      const step = (it + n) % 6;
      const b = opts.base;
      if (step === 0) {
        const r = record(
          await call(
            b,
            "POST",
            "/api/patients/",
            {
              name: `Patient ${n}-${it}`,
              gender: "female",
              city: "Porto",
            },
            w.token,
            timeoutMs,
          ),
        );
        if (r?.status === 201) {
          const p = r.body as { id: number; version: number };
          report.createdPatients.push(p.id);
          w.patients.push({ id: p.id, version: p.version });
        }
      } else if (step === 1 && w.patients.length) {
        const p = w.patients[it % w.patients.length];
        record(await call(b, "GET", `/api/patients/${p.id}/`, undefined, w.token, timeoutMs));
      } else if (step === 2 && w.patients.length) {
        const p = w.patients[w.patients.length - 1];
        const r = record(
          await call(
            b,
            "PATCH",
            `/api/patients/${p.id}/`,
            {
              allergies: `pollen ${it}`,
            },
            w.token,
            timeoutMs,
          ),
        );
        if (r?.status === 200) {
          const v = (r.body as { version: number }).version;
          p.version = v;
          report.updatedPatients.set(p.id, v);
        }
      } else if (step === 3 && w.patients.length) {
        const p = w.patients[w.patients.length - 1];
        const r = record(
          await call(
            b,
            "POST",
            "/api/mappings/",
            {
              patient: p.id,
              doctor: w.doctor,
            },
            w.token,
            timeoutMs,
          ),
        );
        if (r?.status === 201) report.createdMappings.push((r.body as { id: number }).id);
      } else if (step === 4) {
        record(await call(b, "GET", "/api/patients/?limit=20", undefined, w.token, timeoutMs));
      } else if (step === 5 && it % loginEvery === 5) {
        const r = record(
          await call(
            b,
            "POST",
            "/api/auth/login/",
            {
              email: w.email,
              password: PASSWORD,
            },
            undefined,
            timeoutMs,
          ),
          false, // sign-ins are logged, not audited as record access
        );
        if (r?.status === 200) w.token = (r.body as { access: string }).access;
      } else {
        record(
          await call(b, "GET", "/api/doctors/?limit=5", undefined, w.token, timeoutMs),
          false,
        );
      }
      // While the service answers 503, clients back off a little, as real ones do.
      const unavailable = (report.statuses[503] ?? 0) + (report.statuses[0] ?? 0) +
        report.refused;
      if (unavailable !== lastUnavailable) await new Promise((r) => setTimeout(r, 50));
      lastUnavailable = unavailable;
    }
  };
  const done = Promise.all(people.map((w, i) => loop(w, i)));
  return {
    started,
    report,
    async stop() {
      running = false;
      await done;
      return report;
    },
  };
}
