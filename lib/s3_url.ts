/** The `DOCUMENT_STORE=s3://…` setting: where the bucket is and how to reach it. */

/** The bucket and key prefix of an `s3://bucket/prefix` URL, or what is wrong with it. */
export function parseS3Url(url: string): { bucket: string; prefix: string } | string {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/.*)?$/.exec(url);
  if (!m) return "must be postgres or s3://bucket/prefix (with a valid bucket name)";
  const prefix = (m[2] ?? "").replace(/^\/+|\/+$/g, "");
  return { bucket: m[1], prefix: prefix ? `${prefix}/` : "" };
}

/** Where and how to reach the S3-compatible bucket of documents. */
export interface S3Settings {
  /** `s3://bucket/prefix`. */
  url: string;
  region: string;
  /** A custom endpoint (MinIO, s3rver, …): path-style addressing. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}
