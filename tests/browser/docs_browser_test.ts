import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startService } from "../helpers.ts";

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

Deno.test({
  name: "the reference page renders every operation in headless Chromium, offline",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const svc = await startService({ DATA_DIR: await Deno.makeTempDir({ prefix: "hc-docs-" }) });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      const failed: string[] = [];
      const errors: string[] = [];
      // Anything not served by the service itself is refused, as with no internet.
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(svc.url) || url.startsWith("data:")) return route.continue();
        outside.push(url);
        return route.abort();
      });
      page.on("requestfailed", (r) => failed.push(r.url()));
      page.on("pageerror", (e) => errors.push(e.message));

      await page.goto(`${svc.url}/api/docs`);
      await page.waitForSelector(".opblock", { timeout: 20_000 });

      const doc = await (await fetch(`${svc.url}/api/openapi.json`)).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const expected = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
      assert.equal(await page.locator(".opblock").count(), expected, "one block per operation");
      const paths = await page.locator(".opblock-summary-path").allTextContents();
      for (const path of ["/api/patients/{id}/", "/api/mappings/detail/{id}/", "/api/audit/"]) {
        assert.ok(paths.some((p) => p.replace(/\u200b/g, "") === path), path);
      }

      // Open one operation, as a reader would, and see its responses and Execute button.
      const me = page.locator(".opblock", { hasText: "/api/auth/me/" }).first();
      await me.locator(".opblock-summary").click();
      await me.locator(".responses-wrapper").waitFor({ timeout: 5000 });
      assert.ok(await me.locator("button.execute").count() > 0, "the Execute button is there");
      assert.ok(await me.locator(".response-col_status", { hasText: "401" }).count() > 0);

      assert.deepEqual(outside, [], "no request left the service");
      assert.deepEqual(failed, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await svc.stop();
    }
  },
});
