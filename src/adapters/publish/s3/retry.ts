/**
 * Retries of one S3 request. The SDK's own retries are turned off (maxAttempts 1 in
 * createS3Client) so that retries happen here only, never squared: SDK attempts × ours. Here
 * a retry also re-opens a file's stream, which an SDK retry of a streamed body cannot do.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Ceiling of the first delay; doubles with every retry up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 20_000 };

/**
 * "Full jitter": anywhere between 0 and the exponential ceiling, so that the many uploads
 * that a throttling store rejected together do not all come back together.
 */
export function fullJitterDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)));
}

const TRANSIENT_NAMES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'ServiceUnavailable',
  'TimeoutError',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

interface SdkErrorShape {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

/** 5xx, throttling (429, SlowDown), timeouts and dropped connections: worth another attempt. */
export function isTransient(error: unknown): boolean {
  const e = error as SdkErrorShape | null;
  if (typeof e !== 'object' || e === null) return false;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429 || status === 408)) return true;
  return (e.name !== undefined && TRANSIENT_NAMES.has(e.name)) || (e.code !== undefined && TRANSIENT_CODES.has(e.code)) || e.$retryable !== undefined;
}

/** What a failed request says, in one line: the S3 error name and HTTP status, or the network error. */
export function describeFailure(error: unknown): string {
  const e = error as SdkErrorShape & { message?: string };
  const status = e?.$metadata?.httpStatusCode;
  const what = [e?.name && e.name !== 'Error' ? e.name : undefined, e?.code, status === undefined ? undefined : `HTTP ${status}`].filter(Boolean).join(', ');
  const message = e?.message && e.message !== e.name && e.message !== 'UnknownError' ? e.message : '';
  return [what, message].filter(Boolean).join(': ') || String(error);
}

/** Runs `request` until it succeeds, fails for good, or the attempts are spent; `what` names it in logs and errors. */
export async function withRetries<T>(what: string, request: () => Promise<T>, policy: RetryPolicy, log?: (line: string) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!isTransient(error)) throw new Error(`${what} failed: ${describeFailure(error)}`, { cause: error });
      if (attempt >= policy.attempts) throw new Error(`${what} failed after ${attempt} attempts: ${describeFailure(error)}`, { cause: error });
      const delay = fullJitterDelay(attempt, policy);
      log?.(`retry ${attempt}/${policy.attempts - 1} of ${what} in ${delay} ms: ${describeFailure(error)}`);
      await sleep(delay);
    }
  }
}
