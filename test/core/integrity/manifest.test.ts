import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SummaryFigures } from '../../../src/core/aggregate/summaryFigures.ts';
import { InputError } from '../../../src/core/diagnostics.ts';
import { cutLabel, cutStamp } from '../../../src/core/schedule/cutLabel.ts';
import { cutInstantIso, manifestCut, manifestJson, parseManifest, type CutManifest } from '../../../src/core/integrity/manifest.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

const figures = (n: number): SummaryFigures => ({
  ACTAS_ESPERADAS: 100 * n,
  ACTAS_REGISTRADAS: 80 * n,
  ACTAS_FUERA_CATALOGO: 0,
  ACTAS_CAPTURADAS: 80 * n,
  PORCENTAJE_ACTAS_CAPTURADAS: '80.0000',
  ACTAS_CONTABILIZADAS: 75 * n,
  PORCENTAJE_ACTAS_CONTABILIZADAS: '75.0000',
  PORCENTAJE_ACTAS_INCONSISTENCIAS: '1.2345',
  ACTAS_NO_CONTABILIZADAS: 5 * n,
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 50_000 * n,
  TOTAL_VOTOS_C_CS: 30_000 * n,
  TOTAL_VOTOS_S_CS: 29_000 * n,
  PORCENTAJE_PARTICIPACION_CIUDADANA: '58.0000',
});

const manifest = (): CutManifest => ({
  format: 'prep-manifest/2',
  entity: { id: 12, abbreviation: 'GRO', name: 'GUERRERO' },
  cut: { id: '20240602_2000', at: '2024-06-02T20:00:00-06:00', label: '02/06/2024 20:00 (UTC-6)', last: false },
  files: [
    { path: '20240602_2000_PREP_GRO.zip', size: 1234, sha256: sha('zip') },
    { path: 'CSV/GRO_AYUN_2024.csv', size: 10, sha256: sha('ayun') },
  ],
  images: [
    { claveActa: '120001B0100A02', path: `actas/${sha('a')}.jpg`, size: 250_000, sha256: sha('a') },
    { claveActa: '120001B0100A03', path: `actas/${sha('b')}.svg`, size: 3_000, sha256: sha('b') },
  ],
  summary: { AYUN: figures(2), DIP_LOC: figures(1) },
});

/** A deep copy with the properties in reverse order everywhere, files and elections reversed. */
function shuffled(m: CutManifest): CutManifest {
  const reverse = (o: object): object => Object.fromEntries(Object.entries(o).reverse());
  return reverse({
    ...m,
    entity: reverse(m.entity),
    cut: reverse(m.cut),
    files: [...m.files].reverse().map(reverse),
    images: [...m.images].reverse().map(reverse),
    summary: Object.fromEntries(Object.entries(m.summary).reverse().map(([k, v]) => [k, reverse(v)])),
  }) as CutManifest;
}

function diagnosticsOf(text: string): InputError['diagnostics'] {
  try {
    parseManifest(text, 'manifest.json');
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** The manifest as JSON with one change made to the parsed object. */
const edited = (edit: (m: Record<string, any>) => void): string => {
  const m = JSON.parse(manifestJson(manifest())) as Record<string, any>;
  edit(m);
  return JSON.stringify(m);
};

describe('manifestJson', () => {
  it('is canonical: fixed key order, sorted files and elections, 2-space indent, final newline', () => {
    const text = manifestJson(manifest());
    expect(manifestJson(shuffled(manifest()))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 16).join('\n')).toBe(
      [
        '{',
        '  "format": "prep-manifest/2",',
        '  "entity": {',
        '    "id": 12,',
        '    "abbreviation": "GRO",',
        '    "name": "GUERRERO"',
        '  },',
        '  "cut": {',
        '    "id": "20240602_2000",',
        '    "at": "2024-06-02T20:00:00-06:00",',
        '    "label": "02/06/2024 20:00 (UTC-6)",',
        '    "last": false',
        '  },',
        '  "files": [',
        '    {',
        '      "path": "20240602_2000_PREP_GRO.zip",',
      ].join('\n'),
    );
    const parsed = JSON.parse(text) as CutManifest;
    expect(Object.keys(parsed.summary)).toEqual(['AYUN', 'DIP_LOC']);
    expect(Object.keys(parsed.summary.AYUN!)[0]).toBe('ACTAS_ESPERADAS');
    expect(Object.keys(parsed.summary.AYUN!).at(-1)).toBe('PORCENTAJE_PARTICIPACION_CIUDADANA');
    // Stable across calls and across a parse round trip.
    expect(manifestJson(parseManifest(text, 'manifest.json'))).toBe(text);
    expect(parseManifest(Buffer.from(text), 'manifest.json')).toEqual(JSON.parse(text));
  });

  it('refuses an invalid manifest instead of writing it', () => {
    const m = manifest();
    m.files.push({ ...m.files[0]! });
    expect(() => manifestJson(m)).toThrow(/files\[1\]\.path: "20240602_2000_PREP_GRO\.zip" is listed twice/);
    expect(() => manifestJson({ ...manifest(), cut: { ...manifest().cut, id: '20240602_2015' } })).toThrow(/cut\.id: does not match cut\.at/);
  });
});

describe('parseManifest', () => {
  it.each([
    ['cut.at', (m: Record<string, any>) => delete m.cut.at, 'missing (expected a string)'],
    ['files[1].sha256', (m: Record<string, any>) => delete m.files[1].sha256, 'missing (expected a string)'],
    ['files[0].size', (m: Record<string, any>) => delete m.files[0].size, 'missing (expected a number)'],
    ['entity', (m: Record<string, any>) => delete m.entity, 'missing (expected an object)'],
    ['cut.last', (m: Record<string, any>) => delete m.cut.last, 'missing (expected a boolean)'],
    ['summary.DIP_LOC.TOTAL_VOTOS_C_CS', (m: Record<string, any>) => delete m.summary.DIP_LOC.TOTAL_VOTOS_C_CS, 'missing (expected a number)'],
  ])('rejects a missing %s, naming the path', (path, edit, message) => {
    expect(diagnosticsOf(edited(edit))).toEqual([{ rejects: true, file: 'manifest.json', column: path, message }]);
  });

  it.each([
    ['format', (m: Record<string, any>) => (m.format = 'prep-manifest/1'), 'must be "prep-manifest/2" (this program reads only that format)'],
    ['images[0].path', (m: Record<string, any>) => (m.images[0].path = `datos/${m.images[0].sha256}.jpg`), 'must be actas/<64 lower-case hex digits>.<extension>'],
    ['images[0].path', (m: Record<string, any>) => (m.images[0].path = m.images[1].path.replace('.svg', '.jpg')), expect.stringContaining('names SHA-256')],
    ['images[1].claveActa', (m: Record<string, any>) => m.images.reverse(), expect.stringContaining('images must be sorted by claveActa')],
    ['images[1].claveActa', (m: Record<string, any>) => (m.images[1].claveActa = m.images[0].claveActa), expect.stringContaining('is listed twice')],
    ['files[0].sha256', (m: Record<string, any>) => (m.files[0].sha256 = 'ABC'), 'must be 64 lower-case hexadecimal digits'],
    ['files[0].size', (m: Record<string, any>) => (m.files[0].size = -1), expect.stringMatching(/>=0/)],
    ['files[0].path', (m: Record<string, any>) => (m.files[0].path = '../x.zip'), 'the path has an empty, "." or ".." segment'],
    ['files[1].path', (m: Record<string, any>) => m.files.reverse(), expect.stringContaining('files must be sorted by path')],
    ['cut.id', (m: Record<string, any>) => (m.cut.id = '20240602_2015'), expect.stringContaining('does not match cut.at')],
    ['cut.label', (m: Record<string, any>) => (m.cut.label = '02/06/2024 20:00 (UTC-5)'), expect.stringContaining('same local time and offset')],
    ['cut.at', (m: Record<string, any>) => (m.cut.at = '2024-06-02T20:00:00'), expect.stringContaining('UTC offset')],
    ['summary.AYUN.PORCENTAJE_ACTAS_CAPTURADAS', (m: Record<string, any>) => (m.summary.AYUN.PORCENTAJE_ACTAS_CAPTURADAS = 80), expect.stringContaining('expected string')],
    ['(top level)', (m: Record<string, any>) => (m.signature = 'x'), 'unknown field "signature"'],
  ])('rejects a wrong %s', (path, edit, message) => {
    expect(diagnosticsOf(edited(edit))).toEqual([{ rejects: true, file: 'manifest.json', column: path, message }]);
  });

  it('rejects text that is not JSON or not UTF-8', () => {
    expect(diagnosticsOf('{"format": ')[0]!.message).toMatch(/^not valid JSON: /);
    expect(() => parseManifest(Buffer.from([0xc3, 0x28]), 'manifest.json')).toThrow('manifest.json: not valid UTF-8 text');
  });
});

describe('the cut block', () => {
  const at = Date.parse('2024-06-03T02:00:00Z'); // 20:00 in Mexico City (UTC-6, no DST since 2022)

  it('writes the instant with the entity offset', () => {
    expect(cutInstantIso(at, 'America/Mexico_City')).toBe('2024-06-02T20:00:00-06:00');
    expect(cutInstantIso(at, 'America/Tijuana')).toBe('2024-06-02T19:00:00-07:00'); // summer time in Baja California
    expect(cutInstantIso(at, 'America/Cancun')).toBe('2024-06-02T21:00:00-05:00');
    expect(cutInstantIso(at, 'UTC')).toBe('2024-06-03T02:00:00+00:00');
  });

  it('agrees with the stamp and label the databases use, and validates', () => {
    const cut = manifestCut(
      { at, stamp: cutStamp(at, 'America/Mexico_City'), label: cutLabel(at, 'America/Mexico_City', 'UTC-6'), last: true },
      'America/Mexico_City',
    );
    expect(cut).toEqual({ id: '20240602_2000', at: '2024-06-02T20:00:00-06:00', label: '02/06/2024 20:00 (UTC-6)', last: true });
    expect(() => manifestJson({ ...manifest(), cut })).not.toThrow();
  });
});
