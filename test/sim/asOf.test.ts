import { describe, expect, it } from 'vitest';
import { resolveAsOf } from '../../src/sim/asOf.ts';

const start = Date.parse('2024-06-02T20:00:00-06:00');
const zone = 'America/Mexico_City';

describe('resolveAsOf(text, start, timeZone)', () => {
  it.each([
    ['23:40', '2024-06-02T23:40:00-06:00'],
    ['20:00', '2024-06-02T20:00:00-06:00'],
    ['00:00', '2024-06-03T00:00:00-06:00'],
    ['03:00', '2024-06-03T03:00:00-06:00'],
    ['3:05', '2024-06-03T03:05:00-06:00'],
    ['19:59', '2024-06-03T19:59:00-06:00'],
    ['2024-06-03T03:00:00-06:00', '2024-06-03T03:00:00-06:00'],
    ['2024-06-03T09:00:00Z', '2024-06-03T03:00:00-06:00'],
    ['2024-06-02T23:40-06:00', '2024-06-02T23:40:00-06:00'],
  ])('resolves %s to %s', (text, expected) => {
    expect(new Date(resolveAsOf(text, start, zone)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('reads HH:MM in the given zone', () => {
    const tijuanaStart = Date.parse('2024-06-02T20:00:00-07:00');
    expect(resolveAsOf('21:00', tijuanaStart, 'America/Tijuana')).toBe(Date.parse('2024-06-02T21:00:00-07:00'));
  });

  it.each(['', 'tonight', '24:00', '12:60', '2024-06-03T03:00:00', '2024-13-03T03:00:00-06:00'])('rejects %j with a RangeError', (text) => {
    expect(() => resolveAsOf(text, start, zone)).toThrow(RangeError);
  });
});
