import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDeterministicZip } from '../../../src/adapters/package/deterministicZip.ts';
import {
  MANIFEST_NAME,
  PUBLIC_KEY_NAME,
  SHA256SUMS_NAME,
  SIGNATURE_NAME,
  writeIntegrityFiles,
} from '../../../src/adapters/package/integrityFiles.ts';
import { simulatorTestKey, verifySignature } from '../../../src/adapters/package/signing.ts';
import { checkZip } from '../../../src/adapters/package/zipReader.ts';
import type { SummaryFigures } from '../../../src/core/aggregate/summaryFigures.ts';
import { MANIFEST_FORMAT, parseManifest, type CutManifest } from '../../../src/core/integrity/manifest.ts';
import { parseSha256sums } from '../../../src/core/integrity/sha256sums.ts';
import { run } from './tools.ts';

const CUT_AT = '2024-06-02T20:00:00-06:00';
const summary: SummaryFigures = {
  ACTAS_ESPERADAS: 10,
  ACTAS_REGISTRADAS: 8,
  ACTAS_FUERA_CATALOGO: 0,
  ACTAS_CAPTURADAS: 8,
  PORCENTAJE_ACTAS_CAPTURADAS: '80.0000',
  ACTAS_CONTABILIZADAS: 7,
  PORCENTAJE_ACTAS_CONTABILIZADAS: '70.0000',
  PORCENTAJE_ACTAS_INCONSISTENCIAS: '10.0000',
  ACTAS_NO_CONTABILIZADAS: 1,
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 4000,
  TOTAL_VOTOS_C_CS: 2500,
  TOTAL_VOTOS_S_CS: 2400,
  PORCENTAJE_PARTICIPACION_CIUDADANA: '60.0000',
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-integrity-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** One cut published into `dir`: election ZIP nested in the cut ZIP, manifest, signature, sums, key. */
async function publishCut(dir: string): Promise<CutManifest> {
  await mkdir(join(dir, 'work'), { recursive: true });
  const inner = join(dir, 'work', '20240602_2000_PREP_DIP_LOC_GRO.zip');
  await writeDeterministicZip(
    inner,
    [
      { name: 'GRO_DIP_LOC_2024.csv', source: Buffer.from('\uFEFFDIPUTACIONES LOCALES\r\nCLAVE_CASILLA\r\n') },
      { name: 'LEEME.txt', source: Buffer.from('Léeme\r\n') },
    ],
    { modifiedAt: CUT_AT },
  );
  const outer = await writeDeterministicZip(
    join(dir, '20240602_2000_PREP_GRO.zip'),
    [{ name: '20240602_2000_PREP_DIP_LOC_GRO.zip', source: () => createReadStream(inner) }],
    { modifiedAt: CUT_AT },
  );
  await mkdir(join(dir, 'csv'), { recursive: true });
  await writeFile(join(dir, 'csv', 'GRO_DIP_LOC_2024.csv'), 'copy\r\n');
  const csv = await readFile(join(dir, 'csv', 'GRO_DIP_LOC_2024.csv'));
  const manifest: CutManifest = {
    format: MANIFEST_FORMAT,
    entity: { id: 12, abbreviation: 'GRO', name: 'GUERRERO' },
    cut: { id: '20240602_2000', at: CUT_AT, label: '02/06/2024 20:00 (UTC-6)', last: false },
    files: [
      { path: 'csv/GRO_DIP_LOC_2024.csv', size: csv.length, sha256: createHash('sha256').update(csv).digest('hex') },
      { path: '20240602_2000_PREP_GRO.zip', size: outer.size, sha256: outer.sha256 },
    ],
    images: [],
    summary: { DIP_LOC: summary },
  };
  await writeIntegrityFiles(dir, manifest, simulatorTestKey());
  await rm(join(dir, 'work'), { recursive: true });
  return manifest;
}

describe('writeIntegrityFiles', () => {
  it('publishes files that sha256sum -c and openssl pkeyutl -verify accept', async () => {
    const dir = join(root, 'cut');
    await publishCut(dir);
    expect((await readdir(dir)).sort()).toEqual(
      ['20240602_2000_PREP_GRO.zip', 'csv', MANIFEST_NAME, SIGNATURE_NAME, SHA256SUMS_NAME, PUBLIC_KEY_NAME].sort(),
    );

    const sums = run('sha256sum', ['-c', SHA256SUMS_NAME], { cwd: dir });
    expect(sums.stdout).toBe('20240602_2000_PREP_GRO.zip: OK\ncsv/GRO_DIP_LOC_2024.csv: OK\n');
    expect(sums.status).toBe(0);

    const verify = run('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', PUBLIC_KEY_NAME, '-rawin', '-in', MANIFEST_NAME, '-sigfile', SIGNATURE_NAME], {
      cwd: dir,
    });
    expect(verify.stdout).toContain('Signature Verified Successfully');
    expect(verify.status).toBe(0);

    // What `prep verify` does with the same files, using our own readers.
    const manifestBytes = await readFile(join(dir, MANIFEST_NAME));
    const manifest = parseManifest(manifestBytes, MANIFEST_NAME);
    expect(verifySignature(manifestBytes, await readFile(join(dir, SIGNATURE_NAME)), await readFile(join(dir, PUBLIC_KEY_NAME), 'utf8'))).toBe(true);
    const listed = parseSha256sums(await readFile(join(dir, SHA256SUMS_NAME)), SHA256SUMS_NAME);
    expect(listed).toEqual({ ok: true, entries: manifest.files.map(({ path, sha256 }) => ({ path, sha256 })) });
    const checked = checkZip(await readFile(join(dir, '20240602_2000_PREP_GRO.zip')), '20240602_2000_PREP_GRO.zip');
    expect(checked[0]!.nested!.map((e) => e.name)).toEqual(['GRO_DIP_LOC_2024.csv', 'LEEME.txt']);
  });

  it('is reproducible: publishing the same cut twice gives the same bytes, signature included', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    await publishCut(a);
    await publishCut(b);
    for (const name of ['20240602_2000_PREP_GRO.zip', MANIFEST_NAME, SIGNATURE_NAME, SHA256SUMS_NAME, PUBLIC_KEY_NAME]) {
      expect((await readFile(join(a, name))).equals(await readFile(join(b, name))), name).toBe(true);
    }
  });

  it('lets sha256sum -c and openssl catch tampering', async () => {
    const dir = join(root, 'tampered');
    await publishCut(dir);
    await writeFile(join(dir, 'csv', 'GRO_DIP_LOC_2024.csv'), 'c0py\r\n');
    const sums = run('sha256sum', ['-c', SHA256SUMS_NAME], { cwd: dir });
    expect(sums.status).toBe(1);
    expect(sums.stdout).toContain('csv/GRO_DIP_LOC_2024.csv: FAILED');
    const manifest = await readFile(join(dir, MANIFEST_NAME), 'utf8');
    await writeFile(join(dir, MANIFEST_NAME), manifest.replace('"TOTAL_VOTOS_C_CS": 2500', '"TOTAL_VOTOS_C_CS": 2600'));
    const verify = run('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', PUBLIC_KEY_NAME, '-rawin', '-in', MANIFEST_NAME, '-sigfile', SIGNATURE_NAME], {
      cwd: dir,
    });
    expect(verify.status).not.toBe(0);
    expect(verify.stdout).toContain('Signature Verification Failure');
  });
});
