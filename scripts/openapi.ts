/**
 * Writes the OpenAPI document the service serves at /api/openapi.json to `openapi.json`,
 * and the TypeScript types of its paths and schemas to `client/schema.d.ts`, for clients
 * (`openapi-fetch` or any generator): `deno task openapi`. No database is needed.
 * tests/openapi_test.ts fails when either file is behind the routes.
 */
import openapiTS, { astToString } from "openapi-typescript";
import { apiDocument, createApp } from "../app.ts";
import { loadConfig } from "../config.ts";

/** The document as `openapi.json` holds it. */
export function documentText(): string {
  // The routes do not depend on the configuration; the app only needs a secret to be built.
  const secret = crypto.randomUUID() + crypto.randomUUID();
  const app = createApp(loadConfig({ JWT_SECRET: secret, LOG_LEVEL: "silent" }));
  return JSON.stringify(apiDocument(app), null, 2) + "\n";
}

/** The client types of a document, as `client/schema.d.ts` holds them. */
export async function clientTypes(document: string): Promise<string> {
  const ast = await openapiTS(document, { silent: true });
  return "/** Generated from openapi.json by `deno task openapi`: do not edit. */\n\n" +
    astToString(ast);
}

if (import.meta.main) {
  const document = documentText();
  await Deno.writeTextFile("openapi.json", document);
  await Deno.writeTextFile("client/schema.d.ts", await clientTypes(document));
  console.log("wrote openapi.json and client/schema.d.ts");
}
