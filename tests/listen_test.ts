import assert from "node:assert/strict";
import { runToEnd, startTaskArgs } from "./helpers.ts";

Deno.test({
  name: "a port already in use stops the start with a line naming it, earlier lines kept, exit 1",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const taken = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (taken.addr as Deno.NetAddr).port;
    // The embedded database logs its migrations before the server listens: a line that sits
    // in the log buffer when the listen fails.
    const dataDir = await Deno.makeTempDir({ prefix: "hc-listen-" });
    try {
      const args = await startTaskArgs();
      const { code, output } = await runToEnd(
        new Deno.Command(Deno.execPath(), {
          args,
          cwd: new URL("../", import.meta.url),
          clearEnv: true,
          env: {
            PATH: Deno.env.get("PATH") ?? "",
            HOME: Deno.env.get("HOME") ?? "/tmp",
            DENO_DIR: Deno.env.get("DENO_DIR") ?? "",
            NO_COLOR: "1",
            PORT: String(port),
            HOST: "127.0.0.1",
            DATA_DIR: dataDir,
            LOG_LEVEL: "info",
          },
          stdin: "null",
          stdout: "piped",
          stderr: "piped",
        }),
      );
      assert.equal(code, 1, output);
      assert.doesNotMatch(output, /Uncaught|AddrInUse/, "no raw stack");
      const lines = output.trim().split("\n").map((l) => JSON.parse(l));
      const error = lines.find((l) => l.level === "error");
      assert.match(error.msg, new RegExp(`127\\.0\\.0\\.1:${port}.*already in use`));
      assert.equal(error.port, port);
      // Buffered info lines written before the failure were flushed first.
      assert.equal(lines[0].msg, "migrations applied", "the earlier info line was written out");
      assert.ok(lines.indexOf(error) > 0);
    } finally {
      taken.close();
      await Deno.remove(dataDir, { recursive: true });
    }
  },
});
