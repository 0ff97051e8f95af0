import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../types.ts";
import { ApiError } from "./errors.ts";

/** The largest request body accepted: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

/** Requests that carry a body must stay under 1 MiB (413) and say it is JSON (415). */
export const jsonBodyRules = [
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, "The request body is larger than 1 MiB");
    },
  }),
  createMiddleware<AppEnv>(async function requireJson(c, next) {
    if (c.req.raw.body !== null && !JSON_TYPE.test(c.req.header("Content-Type") ?? "")) {
      // An empty body needs no type; reading it here is cached for the handler.
      if ((await c.req.text()).length > 0) {
        throw new ApiError(415, "Send the request body as application/json");
      }
    }
    await next();
  }),
];
