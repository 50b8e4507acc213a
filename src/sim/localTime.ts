const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The zone's offset from UTC at an instant, in ms (UTC-6 → -21_600_000). */
export function zoneOffset(timeZone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/**
 * A formatter of instants as `DD/MM/YYYY HH:MM:SS` in the zone (Anexo 18.5 timestamps).
 * Offsets are looked up once per hour and dates once per day: Intl or Date per timestamp
 * would dominate the national export.
 */
export function localTimeFormat(timeZone: string): (ms: number) => string {
  const offsets = new Map<number, number>();
  const dates = new Map<number, string>();
  return (ms: number): string => {
    const hour = Math.floor(ms / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = zoneOffset(timeZone, hour * HOUR);
      offsets.set(hour, offset);
    }
    const wall = ms + offset;
    const day = Math.floor(wall / DAY);
    let date = dates.get(day);
    if (date === undefined) {
      const d = new Date(day * DAY);
      date = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
      dates.set(day, date);
    }
    const seconds = Math.floor((wall - day * DAY) / 1000);
    return `${date} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  };
}
