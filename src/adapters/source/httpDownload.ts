import { setTimeout as sleep } from 'node:timers/promises';
import type { Source } from './source.ts';
import { inputError } from './inputError.ts';
import { publicName } from './publicName.ts';
import { backoffDelay, isRetryableStatus, retryAfterDelay } from './retryPolicy.ts';

/** How one HTTP(S) export is fetched; openSource fills in the defaults. */
export interface HttpDownloadOptions {
  /** Per attempt, covering the whole body read, not only the response headers. */
  timeoutMs: number;
  /** Attempts after the first one, for transient failures only. */
  retries: number;
  maxBytes: number;
  fetch: typeof fetch;
  /** Delay before the first retry; doubles with each retry (with jitter). */
  backoffMs: number;
}

type Attempt =
  | { ok: true; chunks: Uint8Array[] }
  | { ok: false; retryable: boolean; reason: string; expected?: string; retryAfterMs?: number };

/**
 * Downloads the export with retries and returns it once it is complete.
 *
 * The body is buffered (at most maxBytes) before a single byte is handed on. Streaming it
 * instead would allow a retry only before the first byte is yielded, yet a connection lost
 * in the middle of a large body is the most likely transient failure on election night, and
 * once bytes have gone downstream a retry would hand them on twice. Buffering also means a
 * truncated transfer can never be parsed as if it were the whole cut.
 */
export async function downloadHttp(url: URL, options: HttpDownloadOptions): Promise<Source> {
  const name = publicName(url);
  const { target, headers } = splitCredentials(url);
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(target, headers, options);
    if (outcome.ok) return { name, bytes: replay(outcome.chunks) };
    if (!outcome.retryable || attempt > options.retries) {
      const tries = attempt > 1 ? ` (gave up after ${attempt} attempts)` : '';
      throw inputError({
        file: name,
        message: `download failed: ${outcome.reason}${tries}`,
        ...(outcome.expected === undefined ? {} : { expected: outcome.expected }),
      });
    }
    await sleep(outcome.retryAfterMs ?? backoffDelay(attempt, options.backoffMs));
  }
}

/**
 * fetch refuses URLs that carry user:password@ (and its error message would quote them):
 * send them as a Basic Authorization header instead, which never appears in any message.
 */
function splitCredentials(url: URL): { target: string; headers: Record<string, string> } {
  if (url.username === '' && url.password === '') return { target: url.href, headers: {} };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  const token = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return { target: bare.href, headers: { authorization: `Basic ${token}` } };
}

async function attemptOnce(target: string, headers: Record<string, string>, options: HttpDownloadOptions): Promise<Attempt> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await options.fetch(target, { headers, signal, redirect: 'follow' });
  } catch (error) {
    return transportFailure(error, signal, options.timeoutMs);
  }

  if (!response.ok) {
    await discard(response);
    const reason = `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (!isRetryableStatus(response.status)) return { ok: false, retryable: false, reason };
    const retryAfterMs = retryAfterDelay(response.headers.get('retry-after'));
    return { ok: false, retryable: true, reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }

  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > options.maxBytes) {
    await discard(response);
    return tooLarge(options.maxBytes, `it announces ${declared} bytes`);
  }

  const chunks: Uint8Array[] = [];
  if (response.body === null) return { ok: true, chunks };
  const reader = response.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { ok: true, chunks };
      total += value.byteLength;
      if (total > options.maxBytes) {
        // Cancelling closes the connection: the rest of an oversized body is never read.
        await reader.cancel().catch(() => undefined);
        return tooLarge(options.maxBytes, `more than ${options.maxBytes} bytes arrived`);
      }
      chunks.push(value);
    }
  } catch (error) {
    return transportFailure(error, signal, options.timeoutMs);
  }
}

function tooLarge(maxBytes: number, detail: string): Attempt {
  return {
    ok: false,
    retryable: false,
    reason: `the file is larger than the ${formatMiB(maxBytes)} MiB limit (${detail})`,
    expected: 'an export within the size limit; raise maxBytes if this size is legitimate',
  };
}

/**
 * Network failures and timeouts are worth retrying. The reason is built from error codes
 * only, never from error messages, which can quote the requested URL and its query string.
 */
function transportFailure(error: unknown, signal: AbortSignal, timeoutMs: number): Attempt {
  if (signal.aborted) {
    return { ok: false, retryable: true, reason: `no complete answer within ${formatDuration(timeoutMs)}` };
  }
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return { ok: false, retryable: true, reason: describeNetworkCode(code) };
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed before the whole file arrived',
  UND_ERR_HEADERS_TIMEOUT: 'the server sent no headers in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending the file',
};

function describeNetworkCode(code: string | undefined): string {
  if (code === undefined) return 'network error';
  const words = NETWORK_WORDS[code] ?? (/CERT|SSL|TLS/.test(code) ? 'TLS certificate or handshake problem' : 'network error');
  return `${words} (${code})`;
}

/** Frees the connection of a response whose body is not wanted. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

async function* replay(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    // Drop each reference once handed on so the buffered body can be collected as it is read.
    chunks[i] = EMPTY;
    yield chunk;
  }
}

const EMPTY = new Uint8Array(0);
const MIB = 1024 * 1024;

/** 512 for 512 MiB; two decimals at most for odd limits. */
function formatMiB(bytes: number): string {
  return String(Math.round((bytes / MIB) * 100) / 100);
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
