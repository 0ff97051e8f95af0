import { type Context, Hono } from "hono";
import { z } from "zod";
import { describe, named } from "../lib/route_marks.ts";
import { link } from "./http.ts";
import { ApiError } from "../lib/errors.ts";
import type { AppEnv } from "../types.ts";

type Asset = { body: string; type: string };

let assets: Promise<Record<string, Asset>> | undefined;

/**
 * The page's assets, shipped inside the service so the page works with no internet, and
 * loaded on the first request for them (the bundle is 1.5 MB an API-only instance never needs).
 */
function loadAssets(): Promise<Record<string, Asset>> {
  const js = "text/javascript; charset=utf-8";
  assets ??= Promise.all([
    import("swagger-ui-dist/swagger-ui.css", { with: { type: "text" } }),
    import("swagger-ui-dist/swagger-ui-bundle.js", { with: { type: "text" } }),
    import("../static/docs_init.js", { with: { type: "text" } }),
  ]).then(([css, bundle, init]) => ({
    "swagger-ui.css": { body: css.default as string, type: "text/css; charset=utf-8" },
    "swagger-ui-bundle.js": { body: bundle.default as string, type: js },
    "init.js": { body: init.default as string, type: js },
  }));
  return assets;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Healthcare records API — reference</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/assets/init.js"></script>
</body>
</html>
`;

const doc = (
  operationId: string,
  summary: string,
  ok: Parameters<typeof describe>[0]["ok"],
  errors?: number[],
) => describe({ tag: "Service", operationId, summary, ok, errors });

/** Where each part of the API lives, as Django REST Framework's API root answers. */
export const apiRootSchema = named(
  "ApiRoot",
  z.strictObject({
    auth: z.string(),
    patients: z.string(),
    doctors: z.string(),
    mappings: z.string(),
    audit: z.string(),
    users: z.string(),
    fhir: z.string(),
    docs: z.string(),
    openapi: z.string(),
  }),
);

/** The API root's links, absolute as every link is. */
export function apiRoot(c: Context<AppEnv>): z.infer<typeof apiRootSchema> {
  return {
    auth: link(c, "/api/auth/"),
    patients: link(c, "/api/patients/"),
    doctors: link(c, "/api/doctors/"),
    mappings: link(c, "/api/mappings/"),
    audit: link(c, "/api/audit/"),
    users: link(c, "/api/users/"),
    fhir: link(c, "/fhir/metadata"),
    docs: link(c, "/api/docs"),
    openapi: link(c, "/api/openapi.json"),
  };
}

/** The OpenAPI document (made by `document` on first use) and the interactive reference page. */
export const docs = (document: () => unknown) =>
  new Hono<AppEnv>()
    .get(
      "/",
      doc("getApiRoot", "Where each part of the API lives", { status: 200, schema: apiRootSchema }),
      (c) => c.json(apiRoot(c)),
    )
    .get("/openapi.json", doc("getOpenApiDocument", "This document", { status: 200 }), (c) =>
      c.json(document()))
    .get(
      "/docs",
      doc("getDocsPage", "Interactive reference (HTML)", { status: 200, contentType: "text/html" }),
      (c) =>
        c.html(PAGE),
    )
    .get(
      "/docs/assets/:file",
      doc("getDocsAsset", "Assets of the reference page", { status: 200 }, [404]),
      async (c) => {
        const assets = await loadAssets();
        const file = c.req.param("file");
        // Own keys only: "constructor" or "toString" must not reach the object's prototype.
        const asset = Object.hasOwn(assets, file) ? assets[file] : undefined;
        if (!asset) {
          throw new ApiError(404, "No such asset");
        }
        return c.body(asset.body, 200, {
          "Content-Type": asset.type,
          "Cache-Control": "public, max-age=86400",
        });
      },
    );
