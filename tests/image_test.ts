/**
 * What `docker build` would send and keep: the build context is the tree less what
 * `.dockerignore` excludes (its rules read as Docker reads them: globs with `*`, `?` and `**`,
 * `!` re-including, the last matching rule deciding, a directory taking its contents along).
 */
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);

/** A `.dockerignore` pattern as a regular expression over slash-separated paths. */
function patternRegex(pattern: string): RegExp {
  let out = "";
  const p = pattern.replace(/^\/+/, "").replace(/\/+$/, "");
  for (let i = 0; i < p.length; i++) {
    if (p.startsWith("**/", i)) {
      out += "(?:.*/)?";
      i += 2;
    } else if (p.startsWith("**", i)) {
      out += ".*";
      i += 1;
    } else if (p[i] === "*") out += "[^/]*";
    else if (p[i] === "?") out += "[^/]";
    else out += p[i].replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/** Whether `.dockerignore` keeps `path` out of the build context. */
export function excluded(rules: string[], path: string): boolean {
  const parts = path.split("/");
  // A path is out when it, or a directory above it, is out.
  for (let depth = 1; depth <= parts.length; depth++) {
    const prefix = parts.slice(0, depth).join("/");
    let out = false;
    for (const rule of rules) {
      const negated = rule.startsWith("!");
      if (patternRegex(negated ? rule.slice(1) : rule).test(prefix)) out = !negated;
    }
    if (out && depth < parts.length) {
      // Docker still walks into an excluded directory when a later `!` rule may re-include
      // something inside it.
      const reopened = rules.some((r) => r.startsWith("!") && r.slice(1).startsWith(`${prefix}/`));
      if (!reopened) return true;
    } else if (depth === parts.length) return out;
  }
  return false;
}

async function rules(): Promise<string[]> {
  const text = await Deno.readTextFile(new URL(".dockerignore", ROOT));
  return text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

Deno.test(".dockerignore keeps data, env files, history, tests and tools out of the image", async () => {
  const r = await rules();
  for (
    const path of [
      "data/pgdata/base/1/1259",
      "data/jwt_secret",
      "deploy/data/x",
      ".env",
      ".env.production",
      "config/prod.env",
      ".git/HEAD",
      ".test-data/x",
      "tests/fhir_test.ts",
      "bench/run.ts",
      "scripts/fuzz.ts",
      "node_modules/.deno/x",
      "client/schema.d.ts",
    ]
  ) assert.ok(excluded(r, path), `${path} would be in the image`);
});

/** Every module `entry` imports, as `deno info` resolves them with deno.json. */
async function modulesOf(entry: string): Promise<string[]> {
  const info = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(info.code, 0, new TextDecoder().decode(info.stderr));
  const graph = JSON.parse(new TextDecoder().decode(info.stdout)) as {
    modules: { specifier: string }[];
  };
  return graph.modules.map((m) => m.specifier);
}

Deno.test("the build context holds every local file the service and createsuperuser import", async () => {
  const r = await rules();
  const local: string[] = [];
  for (const entry of ["main.ts", "scripts/createsuperuser.ts"]) {
    local.push(
      ...(await modulesOf(entry)).filter((s) => s.startsWith(ROOT.href))
        .map((s) => s.slice(ROOT.href.length)),
    );
  }
  assert.ok(local.includes("main.ts") && local.includes("routes/fhir.ts"), local.join(", "));
  const missing = local.filter((path) => excluded(r, path));
  assert.deepEqual(missing, [], "imported files the image would lack");
  for (
    const path of ["deno.json", "deno.lock", "migrations/001_extensions.sql", "static/docs_init.js"]
  ) {
    assert.ok(!excluded(r, path), `${path} must be in the image`);
  }
  for await (const e of Deno.readDir(new URL("migrations/", ROOT))) {
    assert.ok(!excluded(r, `migrations/${e.name}`));
  }
});

Deno.test("the matcher reads rules as Docker does", () => {
  assert.ok(excluded(["tests"], "tests/a/b.ts"));
  assert.ok(!excluded(["tests"], "mytests/a.ts"));
  assert.ok(excluded(["*.md"], "README.md"));
  assert.ok(!excluded(["*.md"], "docs/README.md"), "* does not cross a slash");
  assert.ok(excluded(["**/*.md"], "docs/README.md"));
  assert.ok(!excluded(["scripts/*", "!scripts/keep.ts"], "scripts/keep.ts"));
  assert.ok(excluded(["scripts/*", "!scripts/keep.ts"], "scripts/other.ts"));
});

Deno.test("deno.json pins only what the service runs; deno.dev.json adds the tools", async () => {
  const read = async (file: string) =>
    JSON.parse(await Deno.readTextFile(new URL(file, ROOT))) as {
      imports: Record<string, string>;
    };
  const service = await read("deno.json");
  const dev = await read("deno.dev.json");
  // `deno task` installs every package deno.json names: a test tool there would be
  // downloaded by every `deno task start`.
  const used = new Set<string>();
  for (const entry of ["server.ts", "main.ts", "scripts/seed.ts", "scripts/createsuperuser.ts"]) {
    for (const specifier of await modulesOf(entry)) {
      const pkg = specifier.match(/^npm:\/?((?:@[^/]+\/)?[^@/]+)@/);
      if (pkg) used.add(pkg[1]);
    }
  }
  for (const [name, target] of Object.entries(service.imports)) {
    const pkg = target.match(/^npm:\/?((?:@[^/]+\/)?[^@/]+)@/)![1];
    assert.ok(used.has(pkg), `${name} is in deno.json but the service never imports it`);
    assert.equal(dev.imports[name], target, `deno.dev.json pins ${name} as deno.json does`);
  }
  assert.ok(Object.keys(dev.imports).length > Object.keys(service.imports).length);
});
