import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { upsertAdmin } from "../db/users.ts";
import { email as emailField, text } from "../lib/fields.ts";
import { hashPassword, passwordProblem } from "../lib/passwords.ts";
import { prepare } from "../startup.ts";
import { revokeUserSessions } from "../db/sessions.ts";

const USAGE = "Usage: deno task createsuperuser --email <email> --name <name>\n" +
  "The password is read from ADMIN_PASSWORD, or asked for when run in a terminal.";

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
const email = emailField().safeParse(values.email);
const name = text(1, 150).safeParse(values.name);
if (!email.success || !name.success) fail(`A valid --email and a --name are required.\n${USAGE}`);

let config;
try {
  config = loadConfig();
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}

let password = config.adminPassword;
if (!password) {
  if (!Deno.stdin.isTerminal()) fail(`Set ADMIN_PASSWORD or run in a terminal.\n${USAGE}`);
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
