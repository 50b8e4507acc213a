/** `DD/MM/YYYY HH:MM (UTC-6)`: how every page, file and database names its cut (PREP.md). */
export function cutLabel(at: number, timeZone: string, utcOffsetLabel: string): string {
  const p = localParts(at, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute} (${utcOffsetLabel})`;
}

/** `YYYYMMDD_HHMM`: the cut's stamp in file names. */
export function cutStamp(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}${p.month}${p.day}_${p.hour}${p.minute}`;
}

/** The shape cutStamp gives: a name that is a cut's stamp (a folder, a key, a pointer's field). */
export const CUT_STAMP = /^\d{8}_\d{4}$/;
export const isCutStamp = (s: string): boolean => CUT_STAMP.test(s);

/** `2024-06-02T20:00:00-06:00`: the instant with the offset its time zone has then. */
export function cutIso(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset < 0 ? '-' : '+'}${hhmm}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}
