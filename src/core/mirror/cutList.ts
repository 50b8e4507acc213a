/**
 * The cuts a site lists as published, read from its databases page data
 * (`/bases-de-datos/datos.json`: `{cut, entity, cuts: [{stamp, …}]}`, newest first). The list
 * is not signed: it only says which stamps to fetch, and each cut is then checked against the
 * signing key on its own.
 */
import { InputError } from '../diagnostics.ts';
import { isCutStamp } from '../schedule/cutLabel.ts';

/** The stamps listed, oldest first, each once. Throws InputError naming `file` and what is wrong. */
export function listedCutStamps(text: string, file: string): string[] {
  const fail = (message: string, extra: { column?: string; value?: string; expected?: string } = {}): never => {
    throw new InputError([{ rejects: true, file, ...extra, message }]);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON: ${(error as Error).message}`, { expected: "the site's list of published cuts" });
  }
  const cuts = (data as { cuts?: unknown } | null)?.cuts;
  if (!Array.isArray(cuts)) return fail('no list of cuts', { column: 'cuts', expected: 'an array of {stamp, …}, newest first' });
  const stamps = new Set<string>();
  cuts.forEach((cut: unknown, i) => {
    const stamp = (cut as { stamp?: unknown } | null)?.stamp;
    const column = `cuts[${i}].stamp`;
    if (typeof stamp !== 'string') return fail('missing', { column, expected: "the cut's stamp, YYYYMMDD_HHMM" });
    if (!isCutStamp(stamp)) fail("not a cut's stamp", { column, value: stamp, expected: 'YYYYMMDD_HHMM' });
    stamps.add(stamp);
  });
  return [...stamps].sort();
}
