import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { fileTypeFromFile } from 'file-type/node';
import { AppError, fieldError } from './errors';

// The file store: uploaded files under <dataDir>/files/<tenant>/<aa>/<uuid>. Names come from us,
// never from the uploader; bytes are streamed in and out, never held whole in memory.

export type TStoredFile = {
  /** Where the file lies, relative to the data directory; what the database keeps. */
  key: string;
  sizeBytes: number;
  sha256: string;
  /** The type found in the content (magic numbers, container entries), not the one claimed. */
  mediaType: string;
  extension: string;
};

export type TStoreOptions = {
  maxBytes: number;
  /** Media types accepted, as found in the content; the uploader's Content-Type is not asked. */
  allowed: ReadonlySet<string>;
  /** The request's Content-Length when sent: a body declared too large is refused unread. */
  declaredLength?: number;
};

const KEY = /^files\/[0-9a-f-]{36}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/;
const READ_CHUNK = 64 * 1024;

/** Whether `key` is a file key as this module makes them (files/<tenant>/<aa>/<uuid>). */
export const isFileKey = (key: string): boolean => KEY.test(key);

/** The absolute path of a stored file; refuses anything that is not a key this module made. */
export function storedPath(dataDir: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
  return path.join(dataDir, ...key.split('/'));
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `at most ${maxBytes} bytes are accepted`, undefined, { maxBytes });
}

// Counts and hashes what passes; fails as soon as the limit is passed, so the rest is never read.
function meter(maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) };
}

/**
 * Syncs a folder: a rename in it is durable only then. Where the platform cannot sync a folder,
 * nothing is done.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'EISDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

// Streams the body into `temp` and makes it durable; answers its size and checksum.
async function writeTemp(temp: string, body: ReadableStream<Uint8Array>, maxBytes: number) {
  const counted = meter(maxBytes);
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  // flush: synced to disk before the stream closes, so that the rename after it is of whole data.
  const target = createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true });
  await pipeline(source, counted.stream, target);
  return counted.result();
}

/**
 * Streams an upload into the store: to a temporary file in the target folder while counting and
 * hashing, refused with 413 past `maxBytes` and with 415 when its content is of no allowed type;
 * then synced and renamed into place. A write that fails on the way leaves no file behind.
 */
export async function storeFile(
  dataDir: string,
  tenantId: string,
  body: ReadableStream<Uint8Array> | null,
  options: TStoreOptions,
): Promise<TStoredFile> {
  if (options.declaredLength !== undefined && options.declaredLength > options.maxBytes) {
    throw tooLarge(options.maxBytes);
  }
  if (!body) throw fieldError('body', 'empty', 'the file is empty');
  const id = randomUUID();
  const key = `files/${tenantId}/${id.slice(0, 2)}/${id}`;
  const target = storedPath(dataDir, key);
  const temp = `${target}.part`;
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    const { size, sha256 } = await writeTemp(temp, body, options.maxBytes);
    if (size === 0) throw fieldError('body', 'empty', 'the file is empty');
    // file-type reads only the first bytes, or walks a zip's entry headers (DOCX, XLSX, ODT…).
    const type = await fileTypeFromFile(temp);
    if (!type || !options.allowed.has(type.mime)) {
      throw new AppError('unsupported_media_type', `the content is ${type ? type.mime : 'of no known type'}`);
    }
    await fs.rename(temp, target);
    await syncDirectory(path.dirname(target));
    return { key, sizeBytes: size, sha256, mediaType: type.mime, extension: type.ext };
  } catch (error) {
    await fs.rm(temp, { force: true });
    await fs.rm(target, { force: true });
    throw error;
  }
}

/** Removes a stored file; one already gone is fine. */
export async function removeStoredFile(dataDir: string, key: string): Promise<void> {
  await fs.rm(storedPath(dataDir, key), { force: true });
}

/**
 * A stored file as a stream read chunk by chunk as the receiver asks for more. Fails at once when
 * the file is missing or its size is not the recorded one, before any byte is answered.
 */
export async function readStoredFile(
  dataDir: string,
  key: string,
  expectedSize: number,
): Promise<ReadableStream<Uint8Array>> {
  const handle = await fs.open(storedPath(dataDir, key), 'r');
  const { size } = await handle.stat();
  if (size !== expectedSize) {
    await handle.close();
    throw new Error(`stored file ${key} has ${size} bytes, ${expectedSize} recorded`);
  }
  let position = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const buffer = new Uint8Array(Math.min(READ_CHUNK, size - position));
          const { bytesRead } =
            buffer.length > 0 ? await handle.read(buffer, 0, buffer.length, position) : { bytesRead: 0 };
          if (bytesRead === 0) {
            await handle.close();
            controller.close();
            return;
          }
          position += bytesRead;
          controller.enqueue(buffer.subarray(0, bytesRead));
        } catch (error) {
          await handle.close().catch(() => undefined);
          controller.error(error);
        }
      },
      cancel: () => handle.close(),
    },
    // Nothing is read ahead of the receiver: memory stays at one chunk per download.
    { highWaterMark: 0 },
  );
}

// Without control characters and surrounding blanks; at most 255 characters, keeping the extension.
function tidyName(name: string): string {
  const clean = name
    .replace(/\p{Cc}/gu, '')
    .trim()
    .normalize('NFC');
  const chars = [...clean];
  if (chars.length <= 255) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return chars.slice(0, 255 - ext.length).join('') + ext;
}

/**
 * The file name an uploader sent (percent-encoded UTF-8, as in `X-File-Name`), cut to its last
 * path part and tidied; `fallback` (e.g. the title and the found extension) when nothing is left.
 */
export function safeFileName(raw: string | undefined, fallback: string): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // not percent-encoded: keep it as sent
  }
  // A name is never a place: only what follows the last separator counts.
  name = tidyName(name.split(/[\\/]/).pop() ?? '');
  const usable = (n: string) => n !== '' && n !== '.' && n !== '..';
  if (usable(name)) return name;
  const other = tidyName(fallback.replace(/[\\/]/g, '_'));
  return usable(other) ? other : 'document';
}

/** `Content-Disposition` for a download (RFC 6266): an ASCII fallback, and the exact name in UTF-8. */
export function contentDisposition(name: string): string {
  const fallback = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // RFC 8187 attr-chars: encodeURIComponent leaves ' ( ) * as they are, which are not among them.
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
