import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, MAX_RETRY_DELAY_MS, retryAfterDelay } from '../../../src/adapters/source/retryPolicy.ts';
import { publicName } from '../../../src/adapters/source/publicName.ts';

describe('retry policy', () => {
  it.each([
    [408, true],
    [425, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [410, false],
  ])('HTTP %i retryable: %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
  });

  it.each([
    [1, 500, 250, 500],
    [2, 500, 500, 1000],
    [3, 500, 1000, 2000],
    [20, 500, MAX_RETRY_DELAY_MS / 2, MAX_RETRY_DELAY_MS],
  ])('retry %i from %i ms waits between %i and %i ms', (retry, base, low, high) => {
    expect(backoffDelay(retry, base, () => 0)).toBe(low);
    expect(backoffDelay(retry, base, () => 1)).toBe(high);
    const jittered = backoffDelay(retry, base);
    expect(jittered).toBeGreaterThanOrEqual(low);
    expect(jittered).toBeLessThanOrEqual(high);
  });

  const now = Date.parse('2024-06-02T21:00:00Z');
  it.each([
    [null, undefined],
    ['0', 0],
    ['7', 7000],
    ['3600', MAX_RETRY_DELAY_MS],
    ['Sun, 02 Jun 2024 21:00:05 GMT', 5000],
    ['Sun, 02 Jun 2024 20:00:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
  ])('Retry-After %j → %s ms', (header, ms) => {
    expect(retryAfterDelay(header, now)).toBe(ms);
  });
});

describe('publicName', () => {
  it.each([
    ['https://u:p@prep.example/export/GRO.csv?X-Amz-Signature=abc#frag', 'https://prep.example/export/GRO.csv'],
    ['http://127.0.0.1:8080/a.csv', 'http://127.0.0.1:8080/a.csv'],
    ['https://token@host/a.csv', 'https://host/a.csv'],
  ])('%s → %s', (url, name) => {
    expect(publicName(new URL(url))).toBe(name);
  });
});
