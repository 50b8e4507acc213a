import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ConfigSchema } from '../../src/core/config/schema.ts';
import { captureNdjson, recordCountAsOf } from '../../src/sim/captureExport.ts';
import { catalogueCsv } from '../../src/sim/catalogueCsv.ts';
import { catalogueEntries } from '../../src/sim/catalogue.ts';
import { codigoIntegridad } from '../../src/sim/integrity.ts';
import { guerrero } from './helpers.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { GUERRERO } from '../../src/sim/presets/guerrero.ts';
import { jpegStructure } from './jpeg/jpegStructure.ts';
import { simulationMaps } from '../../src/sim/geometry/simulationMaps.ts';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const prep = (...args: string[]) => run(process.execPath, ['src/cli/prep.ts', ...args], { cwd: root, maxBuffer: 1 << 24 });
const at2300 = Date.parse('2024-06-02T23:00:00-06:00');

describe('prep simulate', () => {
  let out: string;
  let stderr: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'prep-simulate-'));
    ({ stderr } = await prep('simulate', '--out', out, '--as-of', '23:00', '--images'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes the configuration, a catalogue per election, the maps and the capture export, and nothing half-written', async () => {
    expect((await readdir(out)).sort()).toEqual(['actas', 'captura.ndjson', 'catalogo_AYUN.csv', 'catalogo_DIP_LOC.csv', 'config.yaml', 'distritos.topojson', 'emblemas', 'municipios.topojson']);
  });

  it('writes a config.yaml that ConfigSchema accepts, with catalogue and map paths relative to it', async () => {
    const config = ConfigSchema.parse(parse(await readFile(join(out, 'config.yaml'), 'utf8')));
    expect(config.elections.map((e) => e.catalogue)).toEqual(['catalogo_DIP_LOC.csv', 'catalogo_AYUN.csv']);
    expect(config.elections.map((e) => e.map)).toEqual([
      { file: 'distritos.topojson', key: 'DISTRITO', page: 'auto', withoutElection: [] },
      { file: 'municipios.topojson', key: 'MUNICIPIO', page: 'auto', withoutElection: guerrero.territory.municipios.filter((m) => m.usosYCostumbres).map((m) => m.id) },
    ]);
  });

  it('writes the same maps as the library, and loadConfig reads them with the configuration', async () => {
    const maps = simulationMaps(guerrero);
    expect(JSON.parse(await readFile(join(out, 'distritos.topojson'), 'utf8'))).toEqual(maps.distrito);
    expect(JSON.parse(await readFile(join(out, 'municipios.topojson'), 'utf8'))).toEqual(maps.municipio);
    const loaded = await loadConfig(join(out, 'config.yaml'));
    expect(loaded.elections.map((e) => new Set(e.geometry!.areas.map((a) => a.unit)).size)).toEqual([28, 85]);
  });

  it('writes the same catalogues as the library, byte for byte', async () => {
    for (const code of ['DIP_LOC', 'AYUN']) {
      const text = await readFile(join(out, `catalogo_${code}.csv`), 'utf8');
      expect(text).toBe([...catalogueCsv(catalogueEntries(guerrero, code))].join(''));
    }
  });

  it('writes the export as of 23:00 local time: the first records of the night', async () => {
    const text = await readFile(join(out, 'captura.ndjson'), 'utf8');
    expect(text).toBe([...captureNdjson(guerrero, at2300)].join(''));
    const n = recordCountAsOf(guerrero, at2300);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(guerrero.night.count / 5);
  });

  it('writes one SVG per exported acta image, whose SHA-256 is its CODIGO_INTEGRIDAD', async () => {
    const lines = (await readFile(join(out, 'captura.ndjson'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const withImage = lines.filter((r) => r.CODIGO_INTEGRIDAD !== 'N/A');
    const files = await readdir(join(out, 'actas'));
    expect(files.length).toBe(withImage.length);
    for (const r of withImage.slice(0, 50)) {
      const svg = await readFile(join(out, 'actas', `${r.CLAVE_CASILLA}${r.TIPO_ACTA}.svg`), 'utf8');
      expect(codigoIntegridad(svg)).toBe(r.CODIGO_INTEGRIDAD);
    }
  });

  it('says on stderr what it wrote, with counts', () => {
    expect(stderr).toMatch(/wrote .*config\.yaml/);
    expect(stderr).toMatch(/wrote .*catalogo_DIP_LOC\.csv \(5,\d{3} expected actas, 28 districts\)/);
    expect(stderr).toMatch(/wrote .*captura\.ndjson \([\d,]+ of [\d,]+ records, as of 02\/06\/2024 23:00:00 \(UTC-6\)\)/);
  });

  it('explains every option in --help', async () => {
    const { stdout } = await prep('simulate', '--help');
    for (const option of ['--preset', '--seed', '--out', '--as-of', '--images', 'svg', 'jpeg', '150–400 KB', 'guerrero', 'national', '03:00']) expect(stdout).toContain(option);
  });

  it.each([
    [['--as-of', 'midnight'], /error: --as-of: "midnight" is neither HH:MM nor an ISO 8601 time/],
    [['--seed', 'abc'], /--seed.*whole number/],
    [['--preset', 'mars'], /--preset.*mars/],
    [['--images', 'png'], /--images.*'png' is invalid.*svg, jpeg/],
  ])('rejects %j with a plain message and exit code 1', async (args, message) => {
    const failed = await prep('simulate', '--out', join(out, 'never'), ...args).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(message);
  });
});

describe('prep simulate --images jpeg', () => {
  const at2005 = Date.parse('2024-06-02T20:05:00-06:00');
  let out: string;
  let stderr: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'prep-simulate-jpeg-'));
    ({ stderr } = await prep('simulate', '--out', out, '--as-of', '20:05', '--images', 'jpeg'));
  }, 60_000);
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes <out>/actas/<CLAVE_ACTA>.jpg for every exported acta with an image: 150–400 KB JPEGs whose SHA-256 is their CODIGO_INTEGRIDAD', async () => {
    const lines = (await readFile(join(out, 'captura.ndjson'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const withImage = lines.filter((r) => r.CODIGO_INTEGRIDAD !== 'N/A');
    expect(withImage.length).toBeGreaterThan(20);
    expect((await readdir(join(out, 'actas'))).sort()).toEqual(withImage.map((r) => `${r.CLAVE_CASILLA}${r.TIPO_ACTA}.jpg`).sort());
    for (const r of withImage) {
      const jpeg = await readFile(join(out, 'actas', `${r.CLAVE_CASILLA}${r.TIPO_ACTA}.jpg`));
      expect(codigoIntegridad(jpeg)).toBe(r.CODIGO_INTEGRIDAD);
      expect(jpeg.length).toBeGreaterThanOrEqual(150_000);
      expect(jpeg.length).toBeLessThanOrEqual(400_000);
      expect(jpegStructure(jpeg).segments.at(-1)).toBe('EOI');
    }
  });

  it('writes the export of the same night with the integrity codes of the JPEGs, and says how it was made in config.yaml', async () => {
    const jpeg = simulate(GUERRERO, 2024, { images: 'jpeg' });
    const text = await readFile(join(out, 'captura.ndjson'), 'utf8');
    expect(text).toBe([...captureNdjson(jpeg, at2005)].join(''));
    expect(text).not.toBe([...captureNdjson(guerrero, at2005)].join(''));
    expect(await readFile(join(out, 'config.yaml'), 'utf8')).toMatch(/^# Synthetic election: prep simulate --preset guerrero --seed 2024 --images jpeg\n/);
  });

  it('says how many images and megabytes it wrote', () => {
    expect(stderr).toMatch(/wrote .*actas\/ \([\d,]+ acta images, [\d.]+ MB\)/);
  });
});
