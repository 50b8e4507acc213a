import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import type { Source } from './source.ts';
import { inputError } from './inputError.ts';

// Large reads: the parser downstream works best on big chunks, and local disks are fast.
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Opens a local file for streaming. Checks up front that it exists, is not a directory and
 * is readable, so the operator learns about a wrong path before any work starts.
 */
export async function openLocalFile(path: string): Promise<Source> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (info.isDirectory()) {
    throw inputError({ file: path, message: 'is a directory, not a file', expected: 'the path of the exported file' });
  }
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw fileError(path, error);
  }
  return { name: path, bytes: readFile(path) };
}

async function* readFile(path: string): AsyncGenerator<Uint8Array> {
  // for-await destroys the stream (and closes the descriptor) if the consumer stops early.
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw fileError(path, error);
  }
}

/** Plain words for the file system errors an operator can fix; the errno code otherwise. */
function fileError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return inputError({ file: path, message: 'file not found' });
    case 'ENOTDIR':
      return inputError({ file: path, message: 'file not found (a part of the path is not a directory)' });
    case 'EACCES':
    case 'EPERM':
      return inputError({ file: path, message: 'permission denied: this user may not read the file' });
    case 'EISDIR':
      return inputError({ file: path, message: 'is a directory, not a file', expected: 'the path of the exported file' });
    default:
      return inputError({ file: path, message: `cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))})` });
  }
}
