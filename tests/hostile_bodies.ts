/** Request bodies built to cost the service the most, for tests/burst_test.ts and `deno task chaos`. */

/** ~1 MiB of empty objects in a sign-in: the body that ended the process before. */
export function objectHeavyLogin(): string {
  return `{"email":"a@b.c","password":"x","junk":[${"{},".repeat(349_000)}{}]}`;
}

/** A body at every limit at once: 1 MiB, 4,000 values, nested 15 deep. */
export function atTheLimits(): string {
  let nested = "1";
  for (let i = 0; i < 14; i++) nested = `[${nested}]`;
  const strings = Array.from({ length: 3990 }, (_, i) => `"${String(i).padEnd(255, "x")}"`);
  return `{"email":"a@b.c","password":"x","deep":${nested},"junk":[${strings.join(",")}]}`;
}
