/**
 * The README's shell examples, run as a reader would paste them: every `sh` block that calls
 * the API with curl (and starts nothing itself), in order, in one bash, against a running
 * service — twice, since a reader runs them again. Needs bash, curl and jq (`.ci/run` installs
 * what is missing).
 */
import assert from "node:assert/strict";
import { freshDatabase, startService, TEST_JWT_SECRET } from "./helpers.ts";

/** The README's runnable examples, in order. */
export async function readmeExamples(): Promise<string[]> {
  const text = await Deno.readTextFile(new URL("../README.md", import.meta.url));
  return [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1])
    .filter((block) => /\bcurl\b/.test(block) && !/deno task|docker|^export /m.test(block));
}

Deno.test({
  name: "the README's curl examples run twice in a row against a fresh service",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const blocks = await readmeExamples();
    assert.ok(blocks.length >= 3, `found ${blocks.length} example blocks`);
    const db = await freshDatabase();
    const svc = await startService({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET });
    const dir = await Deno.makeTempDir({ prefix: "hc-readme-" });
    try {
      const script = blocks.join("\n").replaceAll("http://localhost:8000", svc.url);
      for (const run of [1, 2]) {
        const out = await new Deno.Command("bash", {
          args: ["-euo", "pipefail", "-c", script],
          cwd: dir,
          stdout: "piped",
          stderr: "piped",
        }).output();
        const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
        assert.equal(out.code, 0, `run ${run} failed:\n${text}`);
        // What the comments promise is what the reader sees.
        assert.match(text, /HTTP\/1\.1 204/, "logout");
        assert.match(text, /HTTP\/1\.1 201/, "created");
        assert.match(text, /^location: /im);
        assert.match(text, /^etag: "1"/im);
        assert.match(text, /^412$/m);
        assert.match(text, /^304$/m);
        assert.match(text, /"CareTeam"/);
        assert.match(text, /^\{"status":409,"errors":\[\{"field":"start"/m, "double booking");
      }
      assert.deepEqual([...Deno.readDirSync(dir)], [], "the examples leave no files behind");
    } finally {
      await svc.stop();
      await db.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("the README lists every task and links only what a clone has", async () => {
  const root = new URL("../", import.meta.url);
  const readme = await Deno.readTextFile(new URL("README.md", root));
  const tasks = Object.keys(JSON.parse(await Deno.readTextFile(new URL("deno.json", root))).tasks);
  const table = readme.split("\n").filter((l) => l.startsWith("| `deno task "));
  const unlisted = tasks.filter((t) => !table.some((l) => l.startsWith(`| \`deno task ${t}`)));
  assert.deepEqual(unlisted, [], "tasks missing from the README's table");
  const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target));
  const broken = links.filter((target) => {
    try {
      Deno.statSync(new URL(target, root));
      return false;
    } catch {
      return true;
    }
  });
  assert.deepEqual(broken, [], "links to files a clone does not have");
});
