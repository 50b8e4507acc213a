/**
 * One file of a mirrored site, whole: through openSource (retries on transient failures, a
 * timeout per attempt), never more than the bytes it may have, and never from an address the
 * operator did not name (a redirect elsewhere is an error, as for prep verify).
 */
import { InputError } from '../../core/diagnostics.ts';
import { openSource, type OpenSourceOptions } from '../source/index.ts';
import { sameOriginFetch } from '../verify/cutFiles.ts';

/** A file may take 30 s, and 1 s more for every 256 KiB: a 100 MiB ZIP gets 7 minutes (2 Mbit/s). */
const BASE_TIMEOUT_MS = 30_000;
const MIN_BYTES_PER_SECOND = 256 << 10;

/** Why a file could not be had: the download's own words (HTTP status, network, size limit). */
export class FetchFailure extends Error {
  override name = 'FetchFailure';
}

/** The bytes at `url`, at most `maxBytes`; a FetchFailure when they cannot be had. */
export async function fetchWithin(url: URL, maxBytes: number, options: OpenSourceOptions = {}): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? BASE_TIMEOUT_MS + Math.ceil((maxBytes / MIN_BYTES_PER_SECOND) * 1000);
  try {
    // openSource refuses a limit of 0: an empty file is read with a limit of 1 and checked by its size after.
    const source = await openSource(url.href, { ...options, timeoutMs, maxBytes: Math.max(1, maxBytes), fetch: sameOriginFetch(url.origin, options.fetch) });
    const chunks: Uint8Array[] = [];
    for await (const chunk of source.bytes) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    if (bytes.length > maxBytes) throw new FetchFailure(`${bytes.length} bytes arrived, more than the ${maxBytes} expected`);
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw new FetchFailure(error.diagnostics.map((d) => d.message).join('; '));
    throw error;
  }
}
