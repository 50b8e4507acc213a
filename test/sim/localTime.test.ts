import { describe, expect, it } from 'vitest';
import { localTimeFormat, zoneOffset } from '../../src/sim/localTime.ts';

describe('localTimeFormat(timeZone)', () => {
  it.each([
    ['America/Mexico_City', '2024-06-02T20:00:00-06:00', '02/06/2024 20:00:00'],
    ['America/Mexico_City', '2024-06-03T05:59:59Z', '02/06/2024 23:59:59'],
    ['America/Mexico_City', '2024-06-03T06:00:00Z', '03/06/2024 00:00:00'],
    ['America/Tijuana', '2024-06-03T06:00:00Z', '02/06/2024 23:00:00'],
    ['America/Cancun', '2024-06-03T06:00:00Z', '03/06/2024 01:00:00'],
  ])('formats in %s: %s as %s', (zone, iso, text) => {
    expect(localTimeFormat(zone)(Date.parse(iso))).toBe(text);
  });

  it('agrees with Intl over a whole night, second by second every 7 minutes', () => {
    const format = localTimeFormat('America/Mexico_City');
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Mexico_City', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const start = Date.parse('2024-06-02T20:00:00-06:00');
    for (let t = start; t < start + 86_400_000; t += 7 * 60_000 + 1_000) expect(format(t)).toBe(intl.format(t).replace(',', ''));
  });
});

describe('zoneOffset(timeZone, ms)', () => {
  it('is six hours behind UTC in central Mexico (no DST since 2022)', () => {
    expect(zoneOffset('America/Mexico_City', Date.parse('2024-01-15T12:00:00Z'))).toBe(-6 * 3_600_000);
    expect(zoneOffset('America/Mexico_City', Date.parse('2024-06-15T12:00:00Z'))).toBe(-6 * 3_600_000);
  });
});
