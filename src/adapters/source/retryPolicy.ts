/** Longest wait between two attempts, whatever Retry-After or the backoff asks for. */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Statuses worth another attempt: the server or a proxy is busy or briefly broken.
 * Other 4xx mean the request itself is wrong (missing file, no access): retrying cannot help.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Delay before retry number `retry` (1-based): exponential from `baseMs`, with half of it
 * random so that many clients failing together do not come back together.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Milliseconds a Retry-After header asks to wait (delta-seconds or an HTTP date), capped at
 * MAX_RETRY_DELAY_MS; undefined when absent or unreadable, so the backoff applies instead.
 */
export function retryAfterDelay(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    // An HTTP date names its day and month; without that check Date.parse accepts "-1".
    if (!/^[a-z]{3}, /i.test(text)) return undefined;
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  }
  return Math.min(ms, MAX_RETRY_DELAY_MS);
}
