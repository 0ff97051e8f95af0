/**
 * The import graph of the service's own files: no cycle, and no arrow from a lower layer to
 * a higher one. Layers, lowest first: `lib/` and `config.ts` (import no project file),
 * `db/` (data; no HTTP code), `types.ts` and `middleware/` (HTTP plumbing), `routes/` (one
 * router per resource), then the composition: `app.ts`, `startup.ts`, `dispatcher.ts`,
 * `main.ts`, `server.ts`.
 */
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);
const SOURCE_DIRS = ["lib", "db", "middleware", "routes"];
const TOP = [
  "app.ts",
  "config.ts",
  "dispatcher.ts",
  "main.ts",
  "server.ts",
  "startup.ts",
  "types.ts",
];

function layerOf(file: string): number {
  if (file.startsWith("lib/") || file === "config.ts") return 0;
  if (file.startsWith("db/")) return 1;
  if (file === "types.ts" || file.startsWith("middleware/")) return 2;
  if (file.startsWith("routes/")) return 3;
  return 4;
}

/** The service's files and what each imports of the others (static, type and dynamic). */
export async function importGraph(): Promise<Map<string, string[]>> {
  const files = [...TOP];
  for (const dir of SOURCE_DIRS) {
    for await (const e of Deno.readDir(new URL(`${dir}/`, ROOT))) {
      if (e.isFile && e.name.endsWith(".ts")) files.push(`${dir}/${e.name}`);
    }
  }
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = await Deno.readTextFile(new URL(file, ROOT));
    const targets = [...text.matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]+)"/g)].map((m) =>
      new URL(m[1], new URL(file, ROOT)).href.slice(ROOT.href.length)
    );
    graph.set(file, [...new Set(targets.filter((t) => t.endsWith(".ts")))]);
  }
  return graph;
}

/** Every cycle's path, as `a → b → a`. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") {
        found.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

Deno.test("the import graph has no cycle", async () => {
  assert.deepEqual(cycles(await importGraph()), []);
});

Deno.test("no import runs from a lower layer to a higher one; lib/ imports only lib/", async () => {
  const graph = await importGraph();
  const upward: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      // lib/ is the bottom layer: it may use its own modules, nothing else of ours.
      const outOfLib = file.startsWith("lib/") && !target.startsWith("lib/");
      if (layerOf(target) > layerOf(file) || outOfLib) {
        upward.push(`${file} → ${target}`);
      }
    }
  }
  assert.deepEqual(upward, []);
});
