import { describe, expect, it } from 'vitest';
import { listedCutStamps } from '../../../src/core/mirror/cutList.ts';
import { formatDiagnostic, InputError } from '../../../src/core/diagnostics.ts';

const FILE = 'https://prep.example.org/bases-de-datos/datos.json';
const page = (cuts: unknown): string => JSON.stringify({ cut: { stamp: '20240602_2040' }, entity: { id: 12 }, cuts });

/** The one line the CLI prints for the list's problem. */
function problem(text: string): string {
  try {
    listedCutStamps(text, FILE);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics.map(formatDiagnostic).join('\n');
    throw error;
  }
  throw new Error('accepted');
}

describe('listedCutStamps: the cuts a site lists as published', () => {
  it('the stamps, oldest first and each once, whatever else the page holds', () => {
    const cuts = [{ stamp: '20240602_2040', path: '/datos/20240602_2040/', zip: {} }, { stamp: '20240602_2000' }, { stamp: '20240602_2020' }, { stamp: '20240602_2000' }];
    expect(listedCutStamps(page(cuts), FILE)).toEqual(['20240602_2000', '20240602_2020', '20240602_2040']);
    expect(listedCutStamps(page([]), FILE)).toEqual([]);
  });

  it.each([
    ['not JSON', '<html>', `error: ${FILE}: not valid JSON: Unexpected token '<', "<html>" is not valid JSON (expected the site's list of published cuts)`],
    ['no cuts', '{"cut":{}}', `error: ${FILE}: column cuts: no list of cuts (expected an array of {stamp, …}, newest first)`],
    ['null', 'null', `error: ${FILE}: column cuts: no list of cuts (expected an array of {stamp, …}, newest first)`],
    ['a stamp of another shape', page([{ stamp: '20240602_2000' }, { stamp: '../../etc' }]), `error: ${FILE}: column cuts[1].stamp: value "../../etc": not a cut's stamp (expected YYYYMMDD_HHMM)`],
    ['no stamp', page([{ path: '/datos/x/' }]), `error: ${FILE}: column cuts[0].stamp: missing (expected the cut's stamp, YYYYMMDD_HHMM)`],
  ])('refuses %s, naming the list and the field', (_case, text, line) => {
    expect(problem(text)).toBe(line);
  });
});
