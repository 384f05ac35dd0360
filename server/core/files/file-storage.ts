import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/*
 * The blobs on disk: FAZHI_DATA_DIR/files/<2 hex>/<2 hex>/<sha256>. A blob is written once
 * (streamed to a temp file under files/.incoming while hashing, fsync, rename), never rewritten
 * and never deleted by the app. The temp folder sits on the same file system, so the rename is
 * atomic: a crash leaves at most a temp file, never a half file under a final name.
 */

/** The root folder of the stored files. */
export const filesRoot = (dataDir: string) => join(dataDir, 'files');

/** Where the blob with this hash lives. */
export function blobPath(dataDir: string, sha256: string): string {
  return join(filesRoot(dataDir), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export interface WrittenBlob {
  sha256: string;
  size: number;
  /** false when a blob with the same hash was already on disk (it was left as it was) */
  written: boolean;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Streams `source` to disk while hashing it and stores it under its hash. On any error (the size
 * limit included) the temp file is removed and the error passes on; nothing reaches a final name.
 */
export async function writeBlob(dataDir: string, source: Readable): Promise<WrittenBlob> {
  const incoming = join(filesRoot(dataDir), '.incoming');
  await mkdir(incoming, { recursive: true });
  const tempPath = join(incoming, `${randomBytes(12).toString('hex')}.part`);
  const hasher = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      source,
      async function* hashing(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hasher.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(tempPath, { flags: 'wx' }),
    );
    await fsyncPath(tempPath);
    const sha256 = hasher.digest('hex');
    const finalPath = blobPath(dataDir, sha256);
    if (await exists(finalPath)) {
      await rm(tempPath, { force: true });
      return { sha256, size, written: false };
    }
    const folder = join(filesRoot(dataDir), sha256.slice(0, 2), sha256.slice(2, 4));
    await mkdir(folder, { recursive: true });
    await rename(tempPath, finalPath);
    await fsyncPath(folder);
    return { sha256, size, written: true };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** Re-hashes the blob from disk: its SHA-256, or null when the file is missing. */
export async function hashBlob(dataDir: string, sha256: string): Promise<string | null> {
  const path = blobPath(dataDir, sha256);
  if (!(await exists(path))) return null;
  const hasher = createHash('sha256');
  for await (const chunk of createReadStream(path)) hasher.update(chunk as Buffer);
  return hasher.digest('hex');
}

/** A read stream of the blob, or null when the file is missing. */
export async function readBlob(dataDir: string, sha256: string): Promise<ReadStream | null> {
  const path = blobPath(dataDir, sha256);
  if (!(await exists(path))) return null;
  return createReadStream(path);
}
