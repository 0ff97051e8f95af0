import assert from "node:assert/strict";
import type { Hono } from "hono";
import type { AppEnv } from "../types.ts";
import { sql } from "../db/client.ts";
import { jsonInit, testApp } from "./helpers.ts";

/** A signed-in user of the in-process app, with request shortcuts. */
export interface Client {
  id: number;
  token: string;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Response | Promise<Response>;
  json(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<
    // deno-lint-ignore no-explicit-any
    { status: number; body: any; headers: Headers }
  >;
}

let counter = 0;

/** Registers a fresh user (or signs in an existing email) on `app`. */
export async function signUp(app?: Hono<AppEnv>): Promise<Client & { app: Hono<AppEnv> }> {
  app ??= await testApp();
  const email = `clinician${++counter}.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { name: "Clinician Test", email, password: "Maple-Orbit-5521" }),
  );
  assert.equal(res.status, 201);
  const { user, access } = await res.json();
  return clientFor(app, user.id, access);
}

/** A fresh user promoted to admin (as `createsuperuser` does) and signed in again. */
export async function signUpAdmin(app: Hono<AppEnv>): Promise<Client & { app: Hono<AppEnv> }> {
  const email = `admin${++counter}.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = "Maple-Orbit-5521";
  const reg = await app.request(
    "/api/auth/register/",
    jsonInit("POST", { name: "Admin Test", email, password }),
  );
  assert.equal(reg.status, 201);
  await sql`update users set role = 'admin' where email = ${email}`;
  const login = await app.request("/api/auth/login/", jsonInit("POST", { email, password }));
  const { user, access } = await login.json();
  assert.equal(user.role, "admin");
  return clientFor(app, user.id, access);
}

/** A client for an existing token. */
export function clientFor(
  app: Hono<AppEnv>,
  id: number,
  token: string,
): Client & { app: Hono<AppEnv> } {
  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    app,
    id,
    token,
    call,
    async json(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
      const res = await call(method, path, body, headers);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
  };
}

/** The fields named in a 400 answer. */
export function errorFields(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field).sort();
}
