import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";

/** One invalid field of a request, named by its dotted path. */
export interface FieldError {
  field: string;
  message: string;
}

/** An error the client caused or may retry, answered as RFC 9457 problem details. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message: detail });
    this.name = "ApiError";
  }
}

/** A 400 for one or more invalid fields. */
export function invalid(errors: FieldError[], detail = "The request has invalid fields"): ApiError {
  return new ApiError(400, detail, errors);
}

/** The body of every error answer: RFC 9457 problem details. */
export const problemSchema = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  request_id: z.string().nullable(),
  errors: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
}).meta({ description: "RFC 9457 problem details" });
