import { Hono } from "hono";
import { PatternRouter } from "hono/router/pattern-router";
import { secureHeaders } from "hono/secure-headers";
import type { Config } from "./config.ts";
import { isReady } from "./db/client.ts";
import { createTokens } from "./lib/tokens.ts";
import { jsonBody } from "./middleware/body.ts";
import { allowedHosts } from "./middleware/hosts.ts";
import { corsPolicy } from "./middleware/cors.ts";
import { notFoundHandler, onError, problemResponse } from "./middleware/errors.ts";
import { requestLogger } from "./middleware/logger.ts";
import { recordRequest } from "./middleware/metrics.ts";
import { isDraining, trackInFlight } from "./middleware/in_flight.ts";
import { requestId } from "./middleware/request_id.ts";
import { problemSchema } from "./lib/errors.ts";
import { type DocumentInfo, openApiDocument } from "./lib/openapi.ts";
import { users } from "./routes/users.ts";
import { appointments } from "./routes/appointments.ts";
import { documents } from "./routes/documents.ts";
import { auditLog } from "./routes/audit.ts";
import { changes } from "./routes/changes.ts";
import { webhooks } from "./routes/webhooks.ts";
import { auth } from "./routes/auth.ts";
import { clinics } from "./routes/clinics.ts";
import { docs } from "./routes/docs.ts";
import { doctors } from "./routes/doctors.ts";
import { fhir } from "./routes/fhir.ts";
import { mappings } from "./routes/mappings.ts";
import { patients } from "./routes/patients.ts";
import { health } from "./routes/health.ts";
import { metrics } from "./routes/metrics.ts";
import type { AppEnv } from "./types.ts";

/** Finds the methods registered for a path, so a wrong method gets 405 instead of 404. */
function methodIndex(app: Hono<AppEnv>): (path: string) => string[] {
  const router = new PatternRouter<string>();
  for (const route of app.routes) {
    if (route.method !== "ALL") router.add("ANY", route.path, route.method);
  }
  return (path) => {
    // Trailing slashes cut by a loop: a regex such as /\/+$/ goes quadratic on "////…x".
    let end = path.length;
    while (end > 1 && path.charCodeAt(end - 1) === 0x2f) end--;
    const bare = path.slice(0, end);
    const [matches] = router.match("ANY", bare);
    const methods = new Set(matches.map(([method]) => method));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}

/** What the OpenAPI document says beyond the routes' own marks. */
const ABOUT: DocumentInfo = {
  info: {
    title: "Healthcare records API",
    version: "1.0.0",
    description: "Patients, a shared doctor directory and their assignments. Every route " +
      "also answers without its trailing slash. Errors are RFC 9457 problem details.",
  },
  tags: {
    Auth: "Accounts, sign-in, tokens and sessions",
    Patients: "Your patients' records (an admin sees every patient)",
    Doctors: "The shared directory of doctors",
    Mappings: "Doctors assigned to patients",
    Appointments: "Booked time of patients with doctors; doctors' working hours and free slots",
    Changes: "A feed of every change to the records you may see: ids, never patient data",
    Webhooks: "Signed deliveries of those changes to your receivers",
    Audit: "Who read or changed patient data (admins)",
    Users: "Managing accounts: roles, deactivation, sessions, sign-in lockouts (admins)",
    FHIR: "A read-only HL7 FHIR R4 view of the same records (application/fhir+json); " +
      "errors are OperationOutcomes",
    Service: "Where things are, health checks and this reference",
  },
  schemas: { Problem: problemSchema },
  // The resources are documented as the seeds' clients call them: with a trailing slash.
  slash: (path) =>
    path === "/api" ||
    /^\/api\/(auth|patients|doctors|mappings|appointments|changes|webhooks|audit|users)(\/|$)/.test(
      path,
    ),
};

/** The OpenAPI document of an app made by `createApp`. */
export function apiDocument(app: Hono<AppEnv>): unknown {
  return openApiDocument(app.routes, ABOUT);
}

/**
 * Builds the HTTP application: global middleware, every resource router, one error funnel.
 * `config.jwtSecret` must be settled (see `settleJwtSecret`).
 */
export function createApp(config: Config): Hono<AppEnv> {
  if (!config.jwtSecret) throw new Error("createApp needs a JWT secret");
  const tokens = createTokens(config.jwtSecret, config.jwtAccessMinutes, config.jwtRefreshDays);
  const app = new Hono<AppEnv>({ strict: false });

  app.use(trackInFlight);
  app.use(async function provideContext(c, next) {
    c.set("config", config);
    c.set("tokens", tokens);
    await next();
  });
  app.use(requestId);
  app.use(requestLogger);
  app.use(recordRequest);
  app.use(allowedHosts);
  app.use(async function noStore(c, next) {
    await next();
    // Answers to a signed-in caller, and those that carry tokens, are never kept by a cache.
    const private_ = c.req.header("Authorization") !== undefined ||
      c.req.path.startsWith("/api/auth");
    if (private_ && !c.res.headers.has("Cache-Control")) {
      c.res.headers.set("Cache-Control", "no-store");
    }
  });
  app.use(async function untilReady(c, next) {
    const probe = c.req.path === "/healthz" || c.req.path === "/readyz" ||
      c.req.path === "/metrics";
    if (isDraining() && c.req.path !== "/healthz") {
      // Stopping: requests already accepted finish; a new one goes to another instance.
      return problemResponse(c, 503, "The service is stopping; send the request again", undefined, {
        "Retry-After": "1",
        "Connection": "close",
      });
    }
    if (isReady() || probe) return await next();
    return problemResponse(
      c,
      503,
      "The service is starting; the database is not ready yet",
      undefined,
      {
        "Retry-After": "2",
      },
    );
  });
  const apiHeaders = secureHeaders({
    // sandbox: a document's bytes opened in a browser run no script and reach no origin.
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], sandbox: [] },
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    // As frame-ancestors 'none' says, for browsers that only read this header.
    xFrameOptions: "DENY",
  });
  // The reference page runs its own (same-origin) scripts and styles; nothing else may.
  const docsHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    xFrameOptions: "DENY",
  });
  app.use((c, next) =>
    c.req.path.startsWith("/api/docs") ? docsHeaders(c, next) : apiHeaders(c, next)
  );
  app.use(corsPolicy(config));
  app.use("/api/*", jsonBody);

  app.route("/", health);
  app.route("/", metrics);
  app.route("/api/auth", auth);
  app.route("/api/patients", patients);
  app.route("/api/doctors", doctors);
  app.route("/api/mappings", mappings);
  app.route("/api/appointments", appointments);
  app.route("/api/documents", documents);
  app.route("/api/changes", changes);
  app.route("/api/webhooks", webhooks);
  app.route("/api/clinics", clinics);
  app.route("/api/audit", auditLog);
  app.route("/api/users", users);
  app.route("/fhir", fhir);
  let document: unknown;
  app.route("/api", docs(() => document ??= apiDocument(app)));

  app.onError(onError);
  app.notFound(notFoundHandler(methodIndex(app)));
  return app;
}
