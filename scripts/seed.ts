/**
 * `deno task seed`: loads a demo data set through the data layer — three accounts, 40 doctors
 * across the specialities with their working hours, 320 patients with plausible records, their
 * doctors, and a week of appointments (from two days ago: those past are fulfilled or no-shows)
 * — so a front end has something to show. Safe to run twice: what exists is kept, nothing doubles.
 * With the embedded database, stop the service first (one process at a time opens it).
 */
import { ConfigError, loadConfig, readEnvironment } from "../config.ts";
import { sql } from "../db/client.ts";
import { type DoctorFields, insertDoctor } from "../db/doctors.ts";
import { assignDoctor } from "../db/mappings.ts";
import { insertPatient, type PatientFields } from "../db/patients.ts";
import { findUserForLogin, insertUser, type User } from "../db/users.ts";
import type { AuditAction, AuditResource, WriteEvent } from "../db/audit.ts";
import { scopeFor } from "../db/scope.ts";
import { changeAppointment, insertAppointment } from "../db/appointments.ts";
import { freeSlots, putSchedule } from "../db/schedules.ts";
import { hashPassword } from "../lib/passwords.ts";
import { prepare } from "../startup.ts";
import { SPECIALIZATIONS } from "../routes/doctors.ts";

/** The demo accounts, all with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = [
  { name: "Dana Demo", email: "clinician@demo.test", patients: 240 },
  { name: "Nico Nurse", email: "nurse@demo.test", patients: 80 },
  { name: "Ada Admin", email: "admin@demo.test", patients: 0, admin: true },
] as const;
export const DEMO_PASSWORD = "Demo-Clinic-2026!";

const FIRST = [
  "Amara",
  "Ben",
  "Chloe",
  "Dmitri",
  "Elif",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Kemal",
  "Lena",
  "Mateo",
  "Nora",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tara",
  "Uma",
  "Victor",
  "Wen",
  "Yara",
  "Zoe",
];
const LAST = [
  "Smith",
  "Okafor",
  "Novak",
  "Garcia",
  "Kim",
  "Haddad",
  "Rossi",
  "Larsen",
  "Silva",
  "Chen",
  "Dubois",
  "Ivanova",
  "Nakamura",
  "Mensah",
  "Kowalski",
  "Murphy",
  "Yilmaz",
  "Santos",
  "Berg",
  "Patel",
];
const CITIES = [
  ["Springfield", "IL", "USA"],
  ["Leeds", "West Yorkshire", "UK"],
  ["Lyon", "Auvergne-Rhône-Alpes", "France"],
  ["Porto", "Porto", "Portugal"],
  ["Toronto", "ON", "Canada"],
] as const;
/** Each city's time zone: its doctors' hours are kept in it. */
const ZONES: Record<string, string> = {
  Springfield: "America/Chicago",
  Leeds: "Europe/London",
  Lyon: "Europe/Paris",
  Porto: "Europe/Lisbon",
  Toronto: "America/Toronto",
};
const REASONS = [
  "Follow-up",
  "Annual check-up",
  "Blood pressure review",
  "Test results",
  "New symptoms",
  "Medication review",
  "Vaccination",
];
const ALLERGIES = [null, null, null, "Penicillin", "Peanuts", "Latex", "Sulfa drugs", "Pollen"];
const HISTORY = [
  null,
  "Type 2 diabetes, diet-controlled",
  "Hypertension since 2015",
  "Asthma in childhood",
  "Appendectomy (2009)",
  "Seasonal migraines",
];
const MEDICATIONS = [
  null,
  null,
  "Metformin 500 mg twice daily",
  "Lisinopril 10 mg",
  "Salbutamol inhaler",
];
const SPECIALTIES = SPECIALIZATIONS.filter((code) => code !== "other");
const BLOOD = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"];
const GENDERS = ["female", "male", "female", "male", "other", "unknown"];

/** A small deterministic generator, so every run makes the same demo set. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
}

function event(user: User, resource: AuditResource, action: AuditAction = "create"): WriteEvent {
  return {
    at: Date.now(),
    user_id: user.id,
    action,
    resource_type: resource,
    client_ip: null,
    request_id: "demo-seed",
    status: 201,
  };
}

async function account(a: (typeof DEMO_ACCOUNTS)[number], hash: string): Promise<User> {
  const found = await findUserForLogin(a.email);
  if (found) return found;
  return await insertUser({
    name: a.name,
    email: a.email,
    passwordHash: hash,
    role: "admin" in a ? "admin" : "user",
  });
}

/** Loads the demo set; answers what it added. */
export async function seedDemo(): Promise<
  { users: number; doctors: number; patients: number; appointments: number }
> {
  const added = { users: 0, doctors: 0, patients: 0, appointments: 0 };
  const hash = await hashPassword(DEMO_PASSWORD);
  const users: User[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const before = await findUserForLogin(a.email);
    users.push(await account(a, hash));
    if (!before) added.users++;
  }
  const pick = random(2026);
  // Doctors, by licence number: those already there are kept.
  const doctorIds: number[] = [];
  for (let i = 1; i <= 40; i++) {
    const license = `DEMO-${String(i).padStart(3, "0")}`;
    const [existing] = await sql<{ id: number }[]>`
      select id from doctors where license_number = ${license}`;
    if (existing) {
      doctorIds.push(existing.id);
      continue;
    }
    const [city, state, country] = pick(CITIES);
    const first = pick(FIRST);
    const last = pick(LAST);
    const fields: DoctorFields = {
      name: `Dr. ${first} ${last}`,
      specialization: SPECIALTIES[(i - 1) % SPECIALTIES.length],
      contact_info: `Clinic ${1 + (i % 9)}, extension ${200 + i}`,
      email: `dr.${first}.${last}.${i}@demo.test`.toLowerCase(),
      phone: `+1 555 01${String(i).padStart(2, "0")}`,
      license_number: license,
      years_of_experience: 2 + ((i * 7) % 35),
      qualification: pick(["MD", "MBBS", "MD, PhD", "DO", "MBBS, FRCP"]),
      hospital_name: `${city} ${pick(["General Hospital", "Medical Centre", "University Clinic"])}`,
      city,
      state,
      country,
      bio: `${SPECIALTIES[(i - 1) % SPECIALTIES.length].replace(/_/g, " ")} specialist.`,
      consultation_fee: 60 + (i % 8) * 15,
      is_available: i % 7 !== 0,
    };
    const row = await insertDoctor(scopeFor(users[0], () => event(users[0], "doctor")), fields);
    doctorIds.push(row.id);
    added.doctors++;
  }
  // Patients: an account that already has any keeps what it has.
  for (const [k, a] of DEMO_ACCOUNTS.entries()) {
    const user = users[k];
    const [{ n }] = await sql<{ n: number }[]>`
      select count(*)::int as n from patients where created_by = ${user.id}`;
    if (n > 0 || a.patients === 0) continue;
    const caller = { id: user.id, role: "user" as const };
    const make = random(100 + k);
    for (let i = 0; i < a.patients; i++) {
      const first = make(FIRST);
      const last = make(LAST);
      const [city, state, country] = make(CITIES);
      const year = 1935 + Math.floor(make(Array.from({ length: 85 }, (_, y) => y)));
      const month = String(1 + (i % 12)).padStart(2, "0");
      const day = String(1 + (i % 28)).padStart(2, "0");
      const fields: PatientFields = {
        name: `${first} ${last}`,
        date_of_birth: `${year}-${month}-${day}`,
        age: null,
        gender: make(GENDERS),
        email: `${first}.${last}.${k}${i}@mail.demo.test`.toLowerCase(),
        phone: `+1 555 ${String(1000 + i).padStart(4, "0")}`,
        emergency_contact_name: i % 3 === 0 ? `${make(FIRST)} ${last}` : null,
        emergency_contact_phone: i % 3 === 0 ? `+1 555 ${String(5000 + i)}` : null,
        blood_group: make(BLOOD),
        address: `${1 + (i % 180)} ${make(["Oak", "Elm", "Mill", "Church", "Station"])} Street`,
        city,
        state,
        country,
        allergies: make(ALLERGIES),
        medical_history: make(HISTORY),
        current_medications: make(MEDICATIONS),
      };
      const patient = await insertPatient(scopeFor(caller, () => event(user, "patient")), fields);
      added.patients++;
      // One to three doctors each, the first the primary.
      const count = 1 + (i % 3);
      for (let d = 0; d < count; d++) {
        const doctor = doctorIds[(i * 5 + d * 11 + k) % doctorIds.length];
        await assignDoctor(scopeFor(caller, () => event(user, "mapping")), {
          patient: patient.id,
          doctor,
          is_primary: d === 0,
          notes: d === 0 ? "Primary care" : null,
        });
      }
    }
  }
  added.appointments = await bookWeek(users, doctorIds);
  return added;
}

/** The demo week: from two days ago (00:00 UTC) to five days ahead, some of it past. */
function demoWeek(now = new Date()): [Date, Date] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return [new Date(today - 2 * 86_400_000), new Date(today + 5 * 86_400_000)];
}

/**
 * Working hours for every doctor without a schedule (weekdays in its city's zone), and, unless
 * the demo accounts already booked some, the demo week's appointments: each patient with its
 * primary doctor, at that doctor's next free slot, until the week is about two-thirds full.
 * Those already past are fulfilled, one in ten a no-show.
 */
async function bookWeek(users: User[], doctorIds: number[]): Promise<number> {
  const admin = scopeFor(users[0], () => event(users[0], "doctor", "update"));
  const doctors = await sql<{ id: number; city: string; is_available: boolean }[]>`
    select id, city, is_available from doctors where id = any(${doctorIds})
      and not exists (select 1 from doctor_schedules s where s.doctor_id = doctors.id)`;
  for (const d of doctors) {
    const afternoon = d.id % 2 === 0 ? "17:00" : "16:00";
    await putSchedule(admin, d.id, {
      timezone: ZONES[d.city] ?? "UTC",
      hours: [1, 2, 3, 4, 5].flatMap((weekday) =>
        weekday === 3 && d.id % 3 === 0
          ? [{ weekday, start: "09:00", end: "12:30" }]
          : [{ weekday, start: "08:30", end: "12:30" }, { weekday, start: "13:30", end: afternoon }]
      ),
      days_off: [],
    });
  }
  const [{ booked }] = await sql<{ booked: number }[]>`
    select count(*)::int as booked from appointments where created_by = any(${
    users.map((u) => u.id)
  })`;
  if (booked > 0) return 0;
  const [from, to] = demoWeek();
  const free = new Map<number, Date[]>();
  for (const id of doctorIds) {
    const found = await freeSlots(admin, id, from, to, 30);
    free.set(id, (found?.slots ?? []).map((slot) => slot.start));
  }
  const pick = random(7);
  let made = 0;
  for (const user of users) {
    const patients = await sql<{ id: number; doctor: number }[]>`
      select p.id, m.doctor_id as doctor from patients p
      join patient_doctors m on m.patient_id = p.id and m.is_primary and m.deleted_at is null
      where p.created_by = ${user.id} and p.deleted_at is null order by p.id`;
    const scope = scopeFor(
      { id: user.id, role: "user" },
      () => ({ ...event(user, "appointment"), status: 201 }),
    );
    const changes = scopeFor(
      { id: user.id, role: "user" },
      () => ({ ...event(user, "appointment", "update"), status: 200 }),
    );
    for (const p of patients) {
      const slots = free.get(p.doctor) ?? [];
      // Leave about a third of each doctor's week free.
      if (slots.length <= 8 || pick([0, 1, 2]) === 0) continue;
      const start = slots.splice(pick(slots.map((_, i) => i)), 1)[0];
      const booking = await insertAppointment(scope, {
        patient: p.id,
        doctor: p.doctor,
        start,
        end: new Date(start.getTime() + (pick([1, 1, 1, 2]) === 2 ? 60 : 30) * 60_000),
        status: "booked",
        reason: pick(REASONS),
        notes: null,
      }, "write").catch(() => undefined); // an hour-long one may meet the next booking
      if (!booking?.row) continue;
      made++;
      if (start.getTime() > Date.now()) continue;
      const moves = pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) === 1
        ? ["noshow"]
        : ["arrived", "fulfilled"];
      for (const status of moves) {
        await changeAppointment(
          changes,
          booking.row.id,
          { status: status as "noshow" },
          undefined,
          "write",
        );
      }
    }
  }
  return made;
}

if (import.meta.main) {
  let config;
  try {
    config = loadConfig(readEnvironment().env);
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    Deno.exit(1);
  }
  const service = await prepare(config, { serve: false }).catch((err) => {
    console.error(`Cannot open the database: ${err.message}`);
    Deno.exit(1);
  });
  try {
    const added = await seedDemo();
    console.log(
      `Demo data: added ${added.users} account(s), ${added.doctors} doctor(s), ` +
        `${added.patients} patient(s), ${added.appointments} appointment(s) ` +
        "(what existed was kept).",
    );
    console.log(`Sign in with any of ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
    console.log(`Password: ${DEMO_PASSWORD}`);
  } finally {
    await service.shutdown();
  }
}
