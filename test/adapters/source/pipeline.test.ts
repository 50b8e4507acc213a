import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecords, decodeText, openSource } from '../../../src/adapters/source/index.ts';
import { collect } from './helpers.ts';

// Whole layer on files shaped like the two real generations: INE 2021 (Latin-1, |, CRLF)
// and OPL 2024 (UTF-8 with BOM, comma, CRLF, comma-padded preamble and spacer lines).
const ine2021 = [
  'DIPUTACIONES FEDERALES',
  '06/06/2021 20:00 (UTC-6)',
  'ACTAS_ESPERADAS|ACTAS_REGISTRADAS|PORCENTAJE_PARTICIPACION_CIUDADANA',
  '2|2|52.1702',
  '',
  'CLAVE_CASILLA|ENTIDAD|UBICACION_CASILLA|PAN',
  '120001B0100|GUERRERO|"CALLE MÉXICO, ESQ. PEÑA"|3',
  '120001C0100|GUERRERO|ESCUELA ÑUU SAVI|5',
].join('\r\n');
const opl2024 = [
  'ALCALDIAS,,,',
  'DD/MM/AAAA HH:MM (UTC-6) ,,,',
  ',,,',
  'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,ACTAS_FUERA_CATALOGO,',
  '10,8,0,',
  ',,,',
  'CLAVE_CASILLA,ENTIDAD,UBICACION_CASILLA,PAN',
  '090000A0100,CIUDAD DE MÉXICO,"ÁLVARO OBREGÓN | 5",31',
].join('\r\n') + '\r\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-pipeline-'));
  await writeFile(join(dir, 'ine2021.csv'), Buffer.from(ine2021, 'latin1'));
  await writeFile(join(dir, 'opl2024.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(opl2024, 'utf8')]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const records = async (file: string) => {
  const source = await openSource(join(dir, file));
  const text = decodeText(source.bytes, { name: source.name });
  return collect(csvRecords(text, { name: source.name, headerStart: 'CLAVE_CASILLA' }));
};

describe('openSource → decodeText → csvRecords', () => {
  it('INE 2021: Latin-1, pipe-separated', async () => {
    const all = await records('ine2021.csv');
    expect(all.slice(-3)).toEqual([
      { line: 6, fields: ['CLAVE_CASILLA', 'ENTIDAD', 'UBICACION_CASILLA', 'PAN'] },
      { line: 7, fields: ['120001B0100', 'GUERRERO', 'CALLE MÉXICO, ESQ. PEÑA', '3'] },
      { line: 8, fields: ['120001C0100', 'GUERRERO', 'ESCUELA ÑUU SAVI', '5'] },
    ]);
  });

  it('OPL 2024: UTF-8 with BOM, comma-separated, spacer lines skipped', async () => {
    const all = await records('opl2024.csv');
    expect(all.map((r) => r.line)).toEqual([1, 2, 4, 5, 7, 8]);
    expect(all[0]!.fields[0]).toBe('ALCALDIAS');
    expect(all.at(-1)).toEqual({ line: 8, fields: ['090000A0100', 'CIUDAD DE MÉXICO', 'ÁLVARO OBREGÓN | 5', '31'] });
  });
});
