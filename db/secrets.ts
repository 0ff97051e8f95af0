import { type Db, sql } from "./client.ts";

/** The named secret, made from `make()` and stored the first time it is asked for. */
export async function ensureSecret(
  name: string,
  make: () => string,
  db: Db = sql,
): Promise<string> {
  await db`insert into service_secrets (name, value) values (${name}, ${make()})
    on conflict (name) do nothing`;
  const [row] = await db<
    { value: string }[]
  >`select value from service_secrets where name = ${name}`;
  return row.value;
}
