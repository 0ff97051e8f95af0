/**
 * An S3-compatible bucket holding documents' bytes (`DOCUMENT_STORE=s3://bucket/prefix`),
 * through the AWS SDK. An object is written as it arrives: parts of PART_BYTES go up as a
 * multipart upload (a file smaller than one part goes up in one PUT at its end), so an upload
 * holds one part in memory at most; a failed or refused upload aborts its multipart upload and
 * deletes its object, so nothing is left behind.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { parseS3Url, type S3Settings } from "./s3_url.ts";
import { BlockWriter } from "./blocks.ts";

/** Bytes of each part of a multipart upload (S3's least, the last part aside). */
export const PART_BYTES = 5 * 1024 * 1024;

/** An object being written. */
export interface ObjectWriter {
  write(bytes: Uint8Array): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** A bucket's objects under one prefix, by key. */
export interface ObjectBucket {
  /** Where objects go (for logs and errors: no credentials). */
  readonly where: string;
  open(key: string, contentType?: string): ObjectWriter;
  /** Bytes `start` to `end` (inclusive) of an object. */
  read(key: string, start: number, end: number): Promise<ReadableStream<Uint8Array>>;
  remove(keys: string[]): Promise<void>;
  /** Throws unless the bucket answers. */
  check(): Promise<void>;
}

/** The bucket `settings` name. */
export function s3Bucket(settings: S3Settings): ObjectBucket {
  const parsed = parseS3Url(settings.url);
  if (typeof parsed === "string") throw new Error(`DOCUMENT_STORE ${parsed}`);
  const { bucket, prefix } = parsed;
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? {
        credentials: {
          accessKeyId: settings.accessKeyId,
          secretAccessKey: settings.secretAccessKey,
          sessionToken: settings.sessionToken,
        },
      }
      : {}),
  });
  const Bucket = bucket;
  return {
    where: `s3://${bucket}/${prefix}`,
    open(name, contentType) {
      const Key = prefix + name;
      let uploadId: string | undefined;
      const parts: { ETag?: string; PartNumber: number }[] = [];
      const sendPart = async (body: Uint8Array) => {
        uploadId ??= (await client.send(
          new CreateMultipartUploadCommand({ Bucket, Key, ContentType: contentType }),
        )).UploadId;
        const PartNumber = parts.length + 1;
        const { ETag } = await client.send(
          new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body: body }),
        );
        parts.push({ ETag, PartNumber });
      };
      const blocks = new BlockWriter(PART_BYTES, sendPart);
      return {
        write: (bytes) => blocks.write(bytes),
        async finish() {
          if (uploadId === undefined) {
            // Smaller than a part: one PUT.
            await blocks.end((Body) =>
              client.send(new PutObjectCommand({ Bucket, Key, Body, ContentType: contentType }))
                .then(() => {})
            );
            return;
          }
          await blocks.end();
          await client.send(
            new CompleteMultipartUploadCommand({
              Bucket,
              Key,
              UploadId: uploadId,
              MultipartUpload: { Parts: parts },
            }),
          );
        },
        async abort() {
          blocks.clear();
          if (uploadId !== undefined) {
            await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }))
              .catch(() => {});
          }
          await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key }] } }));
        },
      };
    },
    async read(name, start, end) {
      const got = await client.send(
        new GetObjectCommand({ Bucket, Key: prefix + name, Range: `bytes=${start}-${end}` }),
      );
      return got.Body!.transformToWebStream() as ReadableStream<Uint8Array>;
    },
    async remove(names) {
      for (let i = 0; i < names.length; i += 1000) {
        const Objects = names.slice(i, i + 1000).map((n) => ({ Key: prefix + n }));
        await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects } }));
      }
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
