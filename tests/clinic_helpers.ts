import assert from "node:assert/strict";
import type { Hono } from "hono";
import { sql } from "../db/client.ts";
import type { ClinicRole } from "../db/scope.ts";
import type { AppEnv } from "../types.ts";
import { type Client, signUp, signUpAdmin } from "./records_helpers.ts";

type User = Client & { app: Hono<AppEnv> };

/** The people around one clinic: a member of each role, and those who are not members. */
export interface Team {
  clinic: number;
  owner: User;
  clinician: User;
  front_desk: User;
  viewer: User;
  /** Registered, never a member. */
  outsider: User;
  /** A clinician who was removed from the clinic. */
  removed: User;
  /** The owner of another clinic. */
  other_clinic: User;
  otherClinic: number;
  admin: User;
}

/** The email a user registered with. */
export async function emailOf(user: Client): Promise<string> {
  const [row] = await sql<{ email: string }[]>`select email from users where id = ${user.id}`;
  return row.email;
}

/** Adds `user` to `clinic` as `role`, by its owner. */
export async function addMember(owner: Client, clinic: number, user: Client, role: ClinicRole) {
  const res = await owner.json("POST", `/api/clinics/${clinic}/members/`, {
    email: await emailOf(user),
    role,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** A clinic with a member of every role, an outsider, a removed member, another clinic's owner and an admin. */
export async function makeTeam(app: Hono<AppEnv>): Promise<Team> {
  const [owner, clinician, front_desk, viewer, outsider, removed, other_clinic] = await Promise
    .all(Array.from({ length: 7 }, () => signUp(app)));
  const created = await owner.json("POST", "/api/clinics/", { name: "Riverside Practice" });
  assert.equal(created.status, 201);
  const clinic = created.body.id;
  await addMember(owner, clinic, clinician, "clinician");
  await addMember(owner, clinic, front_desk, "front_desk");
  await addMember(owner, clinic, viewer, "viewer");
  await addMember(owner, clinic, removed, "clinician");
  const gone = await owner.json("DELETE", `/api/clinics/${clinic}/members/${removed.id}/`);
  assert.equal(gone.status, 204);
  const other = await other_clinic.json("POST", "/api/clinics/", { name: "Hillside Clinic" });
  assert.equal(other.status, 201);
  return {
    clinic,
    owner,
    clinician,
    front_desk,
    viewer,
    outsider,
    removed,
    other_clinic,
    otherClinic: other.body.id,
    admin: await signUpAdmin(app),
  };
}
