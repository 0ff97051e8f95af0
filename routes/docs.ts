import { Hono } from "hono";
import bundle from "swagger-ui-dist/swagger-ui-bundle.js" with { type: "text" };
import css from "swagger-ui-dist/swagger-ui.css" with { type: "text" };
import init from "../static/docs_init.js" with { type: "text" };
import { openApiDocument } from "../lib/openapi.ts";
import { ApiError } from "../middleware/errors.ts";
import type { AppEnv } from "../types.ts";

/** The page's assets, shipped inside the service so the page works with no internet. */
const ASSETS: Record<string, { body: string; type: string }> = {
  "swagger-ui.css": { body: css, type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { body: bundle, type: "text/javascript; charset=utf-8" },
  "init.js": { body: init, type: "text/javascript; charset=utf-8" },
};

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

/** The OpenAPI document and the interactive reference page. */
export const docs = new Hono<AppEnv>()
  .get("/openapi.json", (c) => c.json(openApiDocument()))
  .get("/docs", (c) => c.html(PAGE))
  .get("/docs/assets/:file", (c) => {
    const asset = ASSETS[c.req.param("file")];
    if (!asset) throw new ApiError(404, "No such asset");
    return c.body(asset.body, 200, {
      "Content-Type": asset.type,
      "Cache-Control": "public, max-age=86400",
    });
  });
