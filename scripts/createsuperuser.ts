import { parseArgs } from "node:util";
import { ConfigError, loadConfig, readEnvironment } from "../config.ts";
import { upsertAdmin } from "../db/users.ts";
import { email as emailField, text } from "../lib/fields.ts";
import { hashPassword, passwordProblem } from "../lib/passwords.ts";
import { prepare } from "../startup.ts";
import { revokeUserSessions } from "../db/sessions.ts";

const USAGE = "Usage: deno task createsuperuser [--email <email>] [--name <name>]\n" +
  "In a terminal, what is not given is asked for (the password hidden); elsewhere --email, " +
  "--name and ADMIN_PASSWORD are required.";

function fail(message: string): never {
  console.error(message);
  Deno.exit(1);
}

/** Reads a line from the terminal without echoing it. */
async function promptHidden(label: string): Promise<string> {
  const encoder = new TextEncoder();
  await Deno.stdout.write(encoder.encode(label));
  Deno.stdin.setRaw(true);
  const bytes: number[] = [];
  const buf = new Uint8Array(1);
  try {
    while (true) {
      const n = await Deno.stdin.read(buf);
      if (n === null || buf[0] === 13 || buf[0] === 10) break;
      if (buf[0] === 3) fail("\nCancelled");
      if (buf[0] === 127 || buf[0] === 8) bytes.pop();
      else bytes.push(buf[0]);
    }
  } finally {
    Deno.stdin.setRaw(false);
    await Deno.stdout.write(encoder.encode("\n"));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const { values } = parseArgs({
  args: Deno.args,
  options: { email: { type: "string" }, name: { type: "string" } },
});
const interactive = Deno.stdin.isTerminal();

/**
 * A flag's value, or (in a terminal) asked for until it passes `schema`, as Django's
 * createsuperuser asks.
 */
function ask<T>(
  given: string | undefined,
  label: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T {
  if (given !== undefined || !interactive) {
    const parsed = schema.safeParse(given);
    if (!parsed.success) fail(`A valid --email and a --name are required.\n${USAGE}`);
    return parsed.data;
  }
  for (;;) {
    const answer = prompt(label);
    if (answer === null) fail("Cancelled");
    const parsed = schema.safeParse(answer);
    if (parsed.success) return parsed.data;
    console.error(`Error: that is not a valid ${label.replace(/:$/, "").toLowerCase()}.`);
  }
}

const email = { data: ask(values.email, "Email address:", emailField()) };
const name = { data: ask(values.name, "Name:", text(1, 150)) };

let config;
try {
  config = loadConfig(readEnvironment().env);
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}

let password = config.adminPassword;
if (!password) {
  if (!interactive) fail(`Set ADMIN_PASSWORD or run in a terminal.\n${USAGE}`);
  password = await promptHidden("Password: ");
  if (password !== await promptHidden("Password (again): ")) fail("The passwords do not match");
}
const problem = await passwordProblem(password, email.data, name.data);
if (problem) fail(`The password ${problem}`);

const service = await prepare(config, { serve: false }).catch((err) =>
  fail(`Cannot open the database: ${err.message}`)
);
try {
  const user = await upsertAdmin({
    name: name.data,
    email: email.data,
    passwordHash: await hashPassword(password),
  });
  console.log(`${user.created ? "Created" : "Promoted"} admin ${user.email} (id ${user.id})`);
  if (!user.created) {
    // A new password and a new role: sessions opened before either must not live on (a
    // stolen refresh token would otherwise mint admin tokens).
    const ended = await revokeUserSessions(user.id);
    console.log(`Ended ${ended.length} session(s) opened before the change`);
  }
} finally {
  await service.shutdown();
}
