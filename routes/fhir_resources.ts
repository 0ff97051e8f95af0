/**
 * Our rows as FHIR R4 resources, each serializer typed by the schema that documents it:
 * Patient, Practitioner, PractitionerRole, CareTeam, the searchset Bundle and the
 * CapabilityStatement. Every resource made here is checked against the official structure
 * definitions in tests/fhir_test.ts.
 */
import { z } from "zod";
import type { PatientWithPrimary } from "../db/patients.ts";
import type { DoctorRow } from "../db/doctors.ts";
import type { CareTeamRow } from "../db/mappings.ts";
import type { ClinicRow } from "../db/clinics.ts";
import type { AppointmentRow } from "../db/appointments.ts";
import type { DocumentRow } from "../db/documents.ts";
import type { Schedule, Slot } from "../db/schedules.ts";
import {
  FHIR_VERSION,
  humanName,
  KEYSET_SEARCHES,
  type ParamType,
  type Search,
} from "../lib/fhir.ts";
import { named } from "../lib/route_marks.ts";
import type { Answer } from "./http.ts";
import { encodeCursor, type Key, neighbours } from "../lib/cursor.ts";

/** The code system of our specialization codes (PractitionerRole.specialty). */
export const SPECIALTY_SYSTEM = "urn:healthcare-records:specialization";
/** The code system of a care team member's role: `primary` or `assigned`. */
export const CARE_ROLE_SYSTEM = "urn:healthcare-records:care-team-role";
/** HL7's contact relationship codes (v2 table 0131): `C` is the emergency contact. */
const CONTACT_ROLE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0131";

const text = z.string();
const coding = z.strictObject({ system: text, code: text, display: text.optional() });
const meta = z.strictObject({
  versionId: text.optional(),
  lastUpdated: text,
  security: z.array(coding).optional(),
});
const nameSchema = z.strictObject({
  text,
  family: text.optional(),
  given: z.array(text).optional(),
  prefix: z.array(text).optional(),
});
const contactPoint = z.strictObject({ system: z.enum(["phone", "email", "other"]), value: text });
const addressSchema = z.strictObject({
  line: z.array(text).optional(),
  city: text.optional(),
  state: text.optional(),
  country: text.optional(),
});
const reference = z.strictObject({ reference: text.optional(), display: text.optional() });
const concept = z.strictObject({ coding: z.array(coding).optional(), text: text.optional() });

/** A FHIR Patient made from a patient. */
export const fhirPatientSchema = named(
  "FhirPatient",
  z.strictObject({
    resourceType: z.literal("Patient"),
    id: text,
    meta,
    name: z.array(nameSchema),
    gender: z.enum(["male", "female", "other", "unknown"]),
    birthDate: text.meta({ format: "date" }).optional(),
    telecom: z.array(contactPoint).optional(),
    address: z.array(addressSchema).optional(),
    contact: z.array(z.strictObject({
      relationship: z.array(concept),
      name: z.strictObject({ text }).optional(),
      telecom: z.array(contactPoint).optional(),
    })).optional(),
    generalPractitioner: z.array(reference).optional(),
    managingOrganization: reference.optional(),
  }).meta({ description: "FHIR R4 Patient" }),
);

/** A FHIR Organization made from a clinic. */
export const fhirOrganizationSchema = named(
  "FhirOrganization",
  z.strictObject({
    resourceType: z.literal("Organization"),
    id: text,
    meta,
    active: z.boolean(),
    name: text,
  }).meta({ description: "FHIR R4 Organization" }),
);

/** The security label of a resource some of whose data was withheld from the caller. */
const REDACTED = {
  system: "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
  code: "REDACTED",
  display: "redacted",
};

/** A FHIR Practitioner made from a doctor. */
export const fhirPractitionerSchema = named(
  "FhirPractitioner",
  z.strictObject({
    resourceType: z.literal("Practitioner"),
    id: text,
    meta,
    identifier: z.array(z.strictObject({ type: concept, value: text })).optional(),
    name: z.array(nameSchema),
    telecom: z.array(contactPoint).optional(),
    address: z.array(addressSchema).optional(),
    qualification: z.array(z.strictObject({ code: concept })).optional(),
  }).meta({ description: "FHIR R4 Practitioner" }),
);

/** A FHIR PractitionerRole made from a doctor: the specialization, hospital and availability. */
export const fhirPractitionerRoleSchema = named(
  "FhirPractitionerRole",
  z.strictObject({
    resourceType: z.literal("PractitionerRole"),
    id: text,
    meta,
    active: z.boolean(),
    practitioner: reference,
    organization: reference.optional(),
    specialty: z.array(concept),
  }).meta({ description: "FHIR R4 PractitionerRole" }),
);

/** A FHIR CareTeam made from a patient's doctor assignments. */
export const fhirCareTeamSchema = named(
  "FhirCareTeam",
  z.strictObject({
    resourceType: z.literal("CareTeam"),
    id: text,
    meta,
    status: z.literal("active"),
    subject: reference,
    participant: z.array(z.strictObject({
      role: z.array(concept),
      member: reference,
      period: z.strictObject({ start: text }),
    })),
  }).meta({ description: "FHIR R4 CareTeam" }),
);

/** A FHIR Appointment made from an appointment. */
export const fhirAppointmentSchema = named(
  "FhirAppointment",
  z.strictObject({
    resourceType: z.literal("Appointment"),
    id: text,
    meta,
    status: z.enum(["booked", "arrived", "fulfilled", "cancelled", "noshow"]),
    reasonCode: z.array(concept).optional(),
    start: text,
    end: text,
    minutesDuration: z.number().int(),
    created: text,
    comment: text.optional(),
    participant: z.array(z.strictObject({
      actor: reference,
      required: z.literal("required"),
      status: z.literal("accepted"),
    })),
  }).meta({ description: "FHIR R4 Appointment" }),
);

/** The code system of a document's category (DocumentReference.category). */
export const DOCUMENT_CATEGORY_SYSTEM = "urn:healthcare-records:document-category";

/** A FHIR DocumentReference made from a document's metadata; its bytes are its Binary. */
export const fhirDocumentReferenceSchema = named(
  "FhirDocumentReference",
  z.strictObject({
    resourceType: z.literal("DocumentReference"),
    id: text,
    meta,
    status: z.literal("current"),
    category: z.array(concept),
    subject: reference,
    date: text,
    author: z.array(reference).optional(),
    description: text,
    content: z.array(z.strictObject({
      attachment: z.strictObject({
        contentType: text,
        url: text,
        size: z.number().int(),
        title: text,
        creation: text.optional(),
      }),
    })),
  }).meta({ description: "FHIR R4 DocumentReference" }),
);

/** A FHIR Binary: a document's bytes, base64 in `data`. */
export const fhirBinarySchema = named(
  "FhirBinary",
  z.strictObject({
    resourceType: z.literal("Binary"),
    id: text,
    meta,
    contentType: text,
    securityContext: reference,
    data: text,
  }).meta({ description: "FHIR R4 Binary" }),
);

/** A FHIR Schedule made from a doctor's working hours (same id as the Practitioner). */
export const fhirScheduleSchema = named(
  "FhirSchedule",
  z.strictObject({
    resourceType: z.literal("Schedule"),
    id: text,
    meta,
    active: z.boolean(),
    actor: z.array(reference),
    comment: text.optional(),
  }).meta({ description: "FHIR R4 Schedule" }),
);

/** A FHIR Slot: one free slot of a doctor's schedule. */
export const fhirSlotSchema = named(
  "FhirSlot",
  z.strictObject({
    resourceType: z.literal("Slot"),
    id: text,
    schedule: reference,
    status: z.literal("free"),
    start: text,
    end: text,
  }).meta({ description: "FHIR R4 Slot" }),
);

/** A FHIR OperationOutcome: what every error under /fhir answers. */
export const operationOutcomeSchema = named(
  "OperationOutcome",
  z.strictObject({
    resourceType: z.literal("OperationOutcome"),
    issue: z.array(z.strictObject({
      severity: z.enum(["fatal", "error", "warning", "information"]),
      code: text,
      diagnostics: text.optional(),
      expression: z.array(text).optional(),
    })),
  }).meta({ description: "FHIR R4 OperationOutcome" }),
);

/** A FHIR searchset Bundle. */
export const fhirBundleSchema = named(
  "FhirBundle",
  z.strictObject({
    resourceType: z.literal("Bundle"),
    type: z.literal("searchset"),
    total: z.number().int().optional(),
    link: z.array(z.strictObject({
      relation: z.enum(["self", "next", "previous"]),
      url: text.meta({ format: "uri" }),
    })),
    entry: z.array(z.strictObject({
      fullUrl: text.meta({ format: "uri" }).optional(),
      resource: z.looseObject({ resourceType: text }),
      search: z.strictObject({ mode: z.enum(["match", "outcome"]) }),
    })).optional(),
  }).meta({ description: "FHIR R4 Bundle of type searchset" }),
);

/** A FHIR R4 history Bundle: a record's versions, newest first. */
export const fhirHistoryBundleSchema = named(
  "FhirHistoryBundle",
  z.strictObject({
    resourceType: z.literal("Bundle"),
    type: z.literal("history"),
    total: z.number().int(),
    link: z.array(z.strictObject({
      relation: z.enum(["self", "next", "previous"]),
      url: text.meta({ format: "uri" }),
    })),
    entry: z.array(z.strictObject({
      fullUrl: text.meta({ format: "uri" }),
      resource: z.looseObject({ resourceType: text }).optional(),
      request: z.strictObject({ method: z.enum(["POST", "PUT", "DELETE"]), url: text }),
      response: z.strictObject({ status: text, lastModified: text }),
    })).optional(),
  }).meta({ description: "FHIR R4 Bundle of type history" }),
);

/** What a version did, as the FHIR request that would have done it. */
const HISTORY_METHODS = {
  create: "POST",
  update: "PUT",
  restore: "PUT",
  delete: "DELETE",
  purge: "DELETE",
} as const;

/**
 * A history Bundle of `type`/`id`: one entry per version, newest first, with the resource as
 * it was (none for a deletion), and paging links carrying `_count`/`_offset`.
 */
export function historyBundle(
  base: string,
  type: string,
  id: number,
  page: { count: number; offset: number; total: number },
  versions: {
    version: number;
    at: Date;
    action: keyof typeof HISTORY_METHODS;
    resource?: Resource;
  }[],
): Answer<typeof fhirHistoryBundleSchema> {
  const at = (offset: number) =>
    `${base}/${type}/${id}/_history?_count=${page.count}${offset ? `&_offset=${offset}` : ""}`;
  return {
    resourceType: "Bundle",
    type: "history",
    total: page.total,
    link: [
      { relation: "self" as const, url: at(page.offset) },
      ...(page.offset + page.count < page.total
        ? [{ relation: "next" as const, url: at(page.offset + page.count) }]
        : []),
      ...(page.offset > 0
        ? [{ relation: "previous" as const, url: at(Math.max(0, page.offset - page.count)) }]
        : []),
    ],
    entry: some(versions.map((v) => {
      const method = HISTORY_METHODS[v.action];
      const gone = method === "DELETE";
      return {
        fullUrl: `${base}/${type}/${id}/_history/${v.version}`,
        resource: gone ? undefined : v.resource,
        request: { method, url: method === "POST" ? type : `${type}/${id}` },
        response: {
          status: gone ? "204 No Content" : v.action === "create" ? "201 Created" : "200 OK",
          lastModified: instant(v.at),
        },
      };
    })),
  };
}

/** The FHIR CapabilityStatement of this server. */
export const capabilityStatementSchema = named(
  "CapabilityStatement",
  z.looseObject({
    resourceType: z.literal("CapabilityStatement"),
    fhirVersion: z.literal(FHIR_VERSION),
  }).meta({ description: "FHIR R4 CapabilityStatement" }),
);

type Resource = { resourceType: unknown; id: unknown };

/** The array, or nothing: FHIR forbids empty arrays. */
function some<T>(items: (T | undefined | null | false)[]): T[] | undefined {
  const kept = items.filter((i): i is T => i !== undefined && i !== null && i !== false);
  return kept.length ? kept : undefined;
}

const orUndefined = <T>(v: T | null) => v ?? undefined;

function telecom(phone: unknown, email: unknown, other?: unknown) {
  return some([
    typeof phone === "string" && { system: "phone" as const, value: phone },
    typeof email === "string" && { system: "email" as const, value: email },
    typeof other === "string" && { system: "other" as const, value: other },
  ]);
}

function address(line: unknown, city: unknown, state: unknown, country: unknown) {
  const value = {
    line: some([typeof line === "string" && line]),
    city: orUndefined(city as string | null),
    state: orUndefined(state as string | null),
    country: orUndefined(country as string | null),
  };
  return Object.values(value).some((v) => v !== undefined) ? [value] : undefined;
}

const instant = (at: Date | string | number) => new Date(at).toISOString();

/**
 * A patient as a FHIR Patient; `redacted` when the caller's role withholds its clinical
 * fields (none of which a FHIR Patient carries, but the label says the view is partial).
 */
export function patientResource(
  r: PatientWithPrimary,
  redacted = false,
): Answer<typeof fhirPatientSchema> {
  const contactName = r.emergency_contact_name as string | null;
  const contactPhone = r.emergency_contact_phone as string | null;
  return {
    resourceType: "Patient",
    id: String(r.id),
    meta: {
      versionId: String(r.version),
      lastUpdated: instant(r.updated_at),
      security: redacted ? [REDACTED] : undefined,
    },
    name: [humanName(r.name as string)],
    gender: r.gender,
    birthDate: orUndefined(r.date_of_birth),
    telecom: telecom(r.phone, r.email),
    address: address(r.address, r.city, r.state, r.country),
    contact: contactName || contactPhone
      ? [{
        relationship: [{
          coding: [{ system: CONTACT_ROLE_SYSTEM, code: "C", display: "Emergency Contact" }],
        }],
        name: contactName ? { text: contactName } : undefined,
        telecom: telecom(contactPhone, null),
      }]
      : undefined,
    generalPractitioner: r.primary_id
      ? [{ reference: `Practitioner/${r.primary_id}`, display: r.primary_name ?? undefined }]
      : undefined,
    managingOrganization: r.clinic_id === null
      ? undefined
      : { reference: `Organization/${r.clinic_id}` },
  };
}

/** A clinic as a FHIR Organization. */
export function organizationResource(r: ClinicRow): Answer<typeof fhirOrganizationSchema> {
  return {
    resourceType: "Organization",
    id: String(r.id),
    meta: { versionId: String(r.version), lastUpdated: instant(r.updated_at) },
    active: true,
    name: r.name,
  };
}

/** A doctor as a FHIR Practitioner. */
export function practitionerResource(r: DoctorRow): Answer<typeof fhirPractitionerSchema> {
  return {
    resourceType: "Practitioner",
    id: String(r.id),
    meta: { versionId: String(r.version), lastUpdated: instant(r.updated_at) },
    identifier: some([
      typeof r.license_number === "string" &&
      { type: { text: "License number" }, value: r.license_number },
    ]),
    name: [humanName(r.name as string)],
    telecom: telecom(r.phone, r.email, r.contact_info),
    address: address(null, r.city, r.state, r.country),
    qualification: some([
      typeof r.qualification === "string" && { code: { text: r.qualification } },
    ]),
  };
}

/** How a specialization code reads: `infectious_disease` → `Infectious disease`. */
export function specialtyDisplay(code: string): string {
  const words = code.replace(/_/g, " ");
  return words[0].toUpperCase() + words.slice(1);
}

/** A doctor's role as a FHIR PractitionerRole (same id as the Practitioner). */
export function practitionerRoleResource(
  r: DoctorRow,
): Answer<typeof fhirPractitionerRoleSchema> {
  const code = r.specialization as string;
  return {
    resourceType: "PractitionerRole",
    id: String(r.id),
    meta: { versionId: String(r.version), lastUpdated: instant(r.updated_at) },
    active: r.is_available,
    practitioner: { reference: `Practitioner/${r.id}`, display: r.name as string },
    organization: typeof r.hospital_name === "string" ? { display: r.hospital_name } : undefined,
    specialty: [{
      coding: [{ system: SPECIALTY_SYSTEM, code, display: specialtyDisplay(code) }],
      text: specialtyDisplay(code),
    }],
  };
}

/** A patient's assignments as a FHIR CareTeam (same id as the Patient). */
export function careTeamResource(r: CareTeamRow): Answer<typeof fhirCareTeamSchema> {
  return {
    resourceType: "CareTeam",
    id: String(r.patient_id),
    meta: { lastUpdated: instant(r.updated) },
    status: "active",
    subject: { reference: `Patient/${r.patient_id}`, display: r.patient_name },
    participant: r.members.map((m) => ({
      role: [{
        coding: [{
          system: CARE_ROLE_SYSTEM,
          code: m.primary ? "primary" : "assigned",
          display: m.primary ? "Primary doctor" : "Assigned doctor",
        }],
      }],
      member: { reference: `Practitioner/${m.doctor}`, display: m.name },
      period: { start: instant(m.since) },
    })),
  };
}

/**
 * An appointment as a FHIR Appointment; `redacted` when the caller's role withholds its notes
 * (its `comment`).
 */
export function appointmentResource(
  r: AppointmentRow,
  redacted = false,
): Answer<typeof fhirAppointmentSchema> {
  const start = new Date(r.start_at);
  const end = new Date(r.end_at);
  return {
    resourceType: "Appointment",
    id: String(r.id),
    meta: {
      versionId: String(r.version),
      lastUpdated: instant(r.updated_at),
      security: redacted ? [REDACTED] : undefined,
    },
    status: r.status,
    reasonCode: r.reason === null ? undefined : [{ text: r.reason }],
    start: instant(start),
    end: instant(end),
    minutesDuration: Math.round((end.getTime() - start.getTime()) / 60_000),
    created: instant(r.created_at),
    comment: redacted || r.notes === null ? undefined : r.notes,
    participant: [
      { actor: { reference: `Patient/${r.patient_id}` }, required: "required", status: "accepted" },
      {
        actor: { reference: `Practitioner/${r.doctor_id}` },
        required: "required",
        status: "accepted",
      },
    ],
  };
}

/** A document as a FHIR DocumentReference; `base` is the FHIR base URL (for its Binary). */
export function documentReferenceResource(
  r: DocumentRow,
  base: string,
): Answer<typeof fhirDocumentReferenceSchema> {
  const date = r.document_date as unknown;
  return {
    resourceType: "DocumentReference",
    id: String(r.id),
    meta: { versionId: String(r.version), lastUpdated: instant(r.updated_at) },
    status: "current",
    category: [{
      coding: [{ system: DOCUMENT_CATEGORY_SYSTEM, code: r.category }],
      text: r.category.replace("_", " "),
    }],
    subject: { reference: `Patient/${r.patient_id}` },
    date: instant(r.created_at),
    author: undefined,
    description: r.title,
    content: [{
      attachment: {
        contentType: r.content_type,
        url: `${base}/Binary/${r.id}`,
        size: Number(r.size_bytes),
        title: r.file_name ?? r.title,
        creation: date === null
          ? undefined
          : date instanceof Date
          ? date.toISOString().slice(0, 10)
          : String(date),
      },
    }],
  };
}

/** A document's bytes as a FHIR Binary; its security context is its DocumentReference. */
export function binaryResource(r: DocumentRow, data: string): Answer<typeof fhirBinarySchema> {
  return {
    resourceType: "Binary",
    id: String(r.id),
    meta: { versionId: String(r.version), lastUpdated: instant(r.updated_at) },
    contentType: r.content_type,
    securityContext: { reference: `DocumentReference/${r.id}` },
    data,
  };
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A doctor's working hours as a FHIR Schedule: the hours, in words, are its comment. */
export function scheduleResource(r: Schedule): Answer<typeof fhirScheduleSchema> {
  const hours = r.hours.map((h) => `${WEEKDAYS[h.weekday - 1]} ${h.start}-${h.end}`);
  return {
    resourceType: "Schedule",
    id: String(r.doctor),
    meta: { versionId: String(r.version), lastUpdated: instant(r.updated_at) },
    active: true,
    actor: [{ reference: `Practitioner/${r.doctor}` }],
    comment: `Working hours (${r.timezone}): ${hours.length ? hours.join(", ") : "none"}`,
  };
}

/** A free slot of a doctor's schedule as a FHIR Slot (its id: the doctor's and the start's). */
export function slotResource(doctor: number, slot: Slot): Answer<typeof fhirSlotSchema> {
  return {
    resourceType: "Slot",
    id: `${doctor}-${Math.floor(new Date(slot.start).getTime() / 1000)}`,
    schedule: { reference: `Schedule/${doctor}` },
    status: "free",
    start: instant(slot.start),
    end: instant(slot.end),
  };
}

/**
 * A searchset Bundle: `total` when counted, `self`/`next`/`previous` links carrying the
 * parameters used, an entry per match with its absolute `fullUrl`, and an OperationOutcome
 * entry warning of the parameters that were ignored.
 */
export function searchBundle(
  base: string,
  type: string,
  search: Search,
  page: { total?: number; more: boolean },
  resources: Resource[],
): Answer<typeof fhirBundleSchema> {
  // Every link carries the parameters used and the page size, then a position.
  const url = (position: (q: URLSearchParams) => void) => {
    const q = new URLSearchParams(search.used);
    q.set("_count", String(search.count));
    position(q);
    return `${base}/${type}?${q}`;
  };
  const byOffset = (offset: number) =>
    url((q) => {
      if (offset > 0) q.set("_offset", String(offset));
    });
  const byCursor = (key: Key | undefined, back: boolean) =>
    url((q) => q.set("_cursor", key ? encodeCursor({ ordering: "_id", key, back }) : ""));
  const { cursor } = search;
  const idKey = (r: Resource | undefined): Key | undefined => r && [Number(r.id), Number(r.id)];
  const beside = cursor &&
    neighbours(cursor, page.more, idKey(resources[0]), idKey(resources.at(-1)));
  const paged = search.count > 0;
  const next = !paged
    ? undefined
    : beside
    ? beside.next && byCursor(beside.next, false)
    : page.more
    ? byOffset(search.offset + search.count)
    : undefined;
  const previous = !paged
    ? undefined
    : beside
    ? beside.previous && byCursor(beside.previous, true)
    : search.offset > 0
    ? byOffset(Math.max(0, search.offset - search.count))
    : undefined;
  const warning = search.unknown.length
    ? {
      resource: {
        resourceType: "OperationOutcome",
        issue: search.unknown.map((name) => ({
          severity: "warning",
          code: "not-supported",
          diagnostics: `Unknown search parameter '${name}' was ignored`,
        })),
      },
      search: { mode: "outcome" as const },
    }
    : undefined;
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: page.total,
    link: [
      {
        relation: "self" as const,
        url: cursor ? byCursor(cursor.key, cursor.back) : byOffset(search.offset),
      },
      ...(next ? [{ relation: "next" as const, url: next }] : []),
      ...(previous ? [{ relation: "previous" as const, url: previous }] : []),
    ],
    entry: some([
      ...resources.map((resource) => ({
        fullUrl: `${base}/${type}/${resource.id}`,
        resource,
        search: { mode: "match" as const },
      })),
      warning,
    ]),
  };
}

/** The resources whose versions are kept (vread and `_history`), and the record each is made of. */
export const HISTORIES = { Patient: "patient", Practitioner: "doctor" } as const;

/** Resources that are searched only: computed, with no stored id to read (free slots). */
const SEARCH_ONLY = new Set(["Slot"]);
/** Resources that are read only, never searched (a document's bytes). */
const READ_ONLY = new Set(["Binary"]);
/** Resources without versions. */
const UNVERSIONED = new Set(["CareTeam", "Slot"]);

/** A search parameter as the CapabilityStatement lists it. */
export interface ParamDoc {
  type: ParamType;
  documentation: string;
}

/** The CapabilityStatement: each resource, its interactions and search parameters. */
export function capabilityStatement(
  base: string,
  resources: Record<string, Record<string, ParamDoc>>,
  date: string,
) {
  const fhirType = (t: ParamType) => t === "id" ? "token" : t;
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    publisher: "Healthcare records API",
    kind: "instance",
    software: { name: "Healthcare records API" },
    implementation: { description: "A read-only FHIR view of the records API", url: base },
    fhirVersion: FHIR_VERSION,
    format: ["application/fhir+json", "json"],
    rest: [{
      mode: "server",
      documentation: "Read and search only. A user sees their personal patients and their " +
        "clinics' patients (admins see all); every read and search of patient data is audited.",
      security: {
        cors: true,
        service: [{ text: "Bearer" }],
        description: "Send an access token from POST /api/auth/login/ as " +
          "'Authorization: Bearer <token>'. Only this statement is public.",
      },
      resource: Object.entries(resources).map(([type, params]) => ({
        type,
        interaction: [
          ...(SEARCH_ONLY.has(type) ? [] : [{ code: "read" }]),
          ...(type in HISTORIES ? [{ code: "vread" }, { code: "history-instance" }] : []),
          ...(READ_ONLY.has(type) ? [] : [{ code: "search-type" }]),
        ],
        versioning: UNVERSIONED.has(type) ? "no-version" : "versioned",
        readHistory: type in HISTORIES,
        searchParam: READ_ONLY.has(type) ? undefined : [
          ...Object.entries(params).map(([name, p]) => ({
            name,
            type: fhirType(p.type),
            documentation: p.documentation,
          })),
          { name: "_count", type: "number", documentation: "Entries a page (default 20, max 100)" },
          { name: "_offset", type: "number", documentation: "Matches to skip (paging links)" },
          {
            name: "_total",
            type: "token",
            documentation: "none, estimate (the planner's) or accurate; by default exact up " +
              "to a threshold, the estimate past it",
          },
          ...(KEYSET_SEARCHES.has(type)
            ? [{
              name: "_cursor",
              type: "special",
              documentation: "Keyset paging by id: empty for the first page, then as the " +
                "paging links carry it",
            }]
            : []),
        ],
      })),
    }],
  };
}
