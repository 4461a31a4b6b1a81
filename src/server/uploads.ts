/**
 * Uploads are streamed to a file under the server's files directory, never held in memory.
 * The client's file name is kept only if it is a plain name (letters, digits, space, . _ -),
 * so no upload can name a path outside its own folder.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Context } from "hono";
import { ApiError } from "./errors.js";

const SAFE_NAME = /^[\p{L}\p{N}_\- ][\p{L}\p{N}._\- ]{0,199}$/u;

/** A plain file name, or a 400 naming the value and what is allowed. */
export function safeFileName(name: string): string {
  if (!SAFE_NAME.test(name) || name.includes(".."))
    throw new ApiError(
      "bad-request",
      `file name "${name}": expected a plain name (letters, digits, space, . _ -; no path, no leading dot, no "..")`,
      { issues: [{ path: "query.name", message: "not a plain file name" }] },
    );
  return name;
}

/** Streams the request body to `<filesDir>/uploads/<random>/<name>` and returns the path. */
export async function saveUpload(
  c: Context,
  filesDir: string,
  name: string,
  maxBytes: number,
): Promise<{ path: string; bytes: number }> {
  const fileName = safeFileName(name);
  const declared = Number(c.req.header("Content-Length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new ApiError("too-large", `upload of ${declared} bytes is over the limit of ${maxBytes}`);
  const body = c.req.raw.body;
  if (!body)
    throw new ApiError("bad-request", "the request has no body: send the file as the body");
  const dir = join(filesDir, "uploads", randomUUID());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        done(new ApiError("too-large", `upload is over the limit of ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>),
      limit,
      createWriteStream(path),
    );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    if (err instanceof ApiError) throw err;
    throw new ApiError("bad-request", `upload interrupted: ${(err as Error).message}`);
  }
  if (bytes === 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new ApiError("bad-request", `upload "${fileName}" is empty`);
  }
  return { path, bytes };
}
