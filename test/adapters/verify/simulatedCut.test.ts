import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTarget } from '../../../src/adapters/verify/verifyCut.ts';
import { writeDeterministicZip } from '../../../src/adapters/package/deterministicZip.ts';
import { SIMULATOR_TEST_KEY_FINGERPRINT } from '../../../src/adapters/package/signing.ts';
import { parseManifest } from '../../../src/core/integrity/manifest.ts';
import { publicKeyFingerprint } from '../../../src/core/integrity/fingerprint.ts';
import { copyOf, failureKeys, failures, writeSimulatedCut, type SimulatedCut } from './helpers.ts';

// A cut written by `prep databases` must verify clean, and every kind of tampering must fail
// naming the file and the reason: the acceptance of the verify issue.

let sim: SimulatedCut;
beforeAll(() => {
  sim = writeSimulatedCut();
});
afterAll(() => {
  if (sim) rmSync(sim.root, { recursive: true, force: true });
});

const dipFolder = (): string => `${sim.stamp}_PREP_DIP_LOC_GRO`;
const dipCsv = (): string => `${dipFolder()}/GRO_DIP_LOC_2024.csv`;
const dipZip = (): string => `${dipFolder()}.zip`;

/** A row of the DIP_LOC results file to tamper with: a counted básica whose PAN votes can grow by one without a carry. */
function pickRow(csv: string): { line: number; fields: string[]; header: string[]; col: (name: string) => number } {
  const lines = csv.split('\r\n');
  const h = lines.findIndex((l) => l.startsWith('CLAVE_CASILLA,'));
  const header = lines[h]!.split(',');
  const col = (name: string): number => header.indexOf(name);
  for (let i = h + 1; i < lines.length; i++) {
    const fields = lines[i]!.split(',');
    if (fields.length !== header.length) continue;
    const pan = fields[col('PAN')]!;
    const total = Number(fields[col('TOTAL_VOTOS_CALCULADO')]);
    const limit = Number(fields[col('LISTA_NOMINAL')]) + Number(fields[col('REPRESENTANTES_PP_CI')]);
    if (fields[col('TIPO_CASILLA')] === 'B' && fields[col('CONTABILIZADA')] === '1' && fields[col('OBSERVACIONES')] === '' && /^\d*[0-8]$/.test(pan) && total < limit)
      return { line: i + 1, fields, header, col };
  }
  throw new Error('no row to tamper with');
}

/** The CSV with that row's PAN votes plus one (TOTAL_VOTOS_CALCULADO left as it was). */
function withOneMoreVote(csv: string): { text: string; line: number; pan: number; total: number } {
  const row = pickRow(csv);
  const lines = csv.split('\r\n');
  const pan = Number(row.fields[row.col('PAN')]);
  const fields = [...row.fields];
  fields[row.col('PAN')] = String(pan + 1);
  lines[row.line - 1] = fields.join(',');
  return { text: lines.join('\r\n'), line: row.line, pan, total: Number(row.fields[row.col('TOTAL_VOTOS_CALCULADO')]) };
}

describe('prep verify on a freshly written simulated cut', () => {
  it('verifies clean: no failure, only the warnings about the simulator test key', async () => {
    const report = await verifyTarget(sim.cut);
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    const warnings = report.checks.filter((c) => c.status === 'warn');
    expect(warnings.map((w) => w.check)).toEqual(['public-key', 'public-key']);
    expect(warnings[1]!.message).toContain('SIMULATOR TEST KEY');
    const ok = new Set(report.checks.filter((c) => c.status === 'ok').map((c) => c.check));
    for (const check of ['integrity-files', 'signature', 'manifest', 'sha256sums', 'zip', 'zip-contents', 'results-file', 'row-total', 'row-rules', 'summary', 'participation', 'manifest-summary', 'images', 'codigo-integridad'])
      expect(ok, check).toContain(check);
    // Both elections' results files are found by content and checked.
    const files = new Set(report.checks.filter((c) => c.check === 'row-total').map((c) => c.file));
    expect(files).toEqual(new Set([dipCsv(), `${sim.stamp}_PREP_AYUN_GRO/GRO_AYUN_2024.csv`]));
  });

  it('verifies the cut ZIP with the integrity files beside it: what the ZIP holds is checked, the images are listed as not checked', async () => {
    const report = await verifyTarget(join(sim.cut, `${sim.stamp}_PREP_GRO.zip`));
    expect(failures(report)).toEqual([]);
    // The images are not in the ZIP: they are listed, by code, in the signed manifest.
    expect(report.checks.find((c) => c.check === 'images')).toMatchObject({ status: 'warn', message: expect.stringMatching(/^\d+ acta images listed in manifest.json were not checked/) });
    expect(report.checks.filter((c) => c.check === 'manifest-summary' && c.status === 'ok')).toHaveLength(2);
  });

  it('one vote changed in the folder CSV: FAIL naming the file (SHA256SUMS), the row (both totals) and the summary figures', async () => {
    const dir = copyOf(sim);
    const path = join(dir, dipCsv());
    const changed = withOneMoreVote(readFileSync(path, 'utf8'));
    writeFileSync(path, changed.text);
    const report = await verifyTarget(dir);
    expect(failureKeys(report)).toEqual(
      [
        `participation ${dipCsv()}:4 PORCENTAJE_PARTICIPACION_CIUDADANA`,
        `row-total ${dipCsv()}:${changed.line} TOTAL_VOTOS_CALCULADO`,
        `sha256sums ${dipCsv()}`,
        `summary ${dipCsv()}:4 TOTAL_VOTOS_C_CS`,
        `summary ${dipCsv()}:4 TOTAL_VOTOS_S_CS`,
        `zip-contents ${dipZip()}`,
      ].sort(),
    );
    const byCheck = (check: string) => failures(report).find((c) => c.check === check)!;
    expect(byCheck('row-total').message).toBe(`TOTAL_VOTOS_CALCULADO is ${changed.total} but the vote fields add up to ${changed.total + 1}`);
    expect(byCheck('sha256sums').message).toMatch(/^SHA-256 mismatch: the file has [0-9a-f]{64} but SHA256SUMS line \d+ says [0-9a-f]{64}$/);
    expect(report.ok).toBe(false);
  });

  it('one vote changed inside the election ZIP (rebuilt): FAIL naming the ZIP, the CSV inside it and the line', async () => {
    const dir = copyOf(sim);
    const manifest = parseManifest(readFileSync(join(dir, 'manifest.json')), 'manifest.json');
    const changed = withOneMoreVote(readFileSync(join(dir, dipCsv()), 'utf8'));
    const zipPath = join(dir, dipZip());
    rmSync(zipPath);
    await writeDeterministicZip(
      zipPath,
      [
        { name: 'GRO_DIP_LOC_2024.csv', source: Buffer.from(changed.text, 'utf8') },
        { name: 'GRO_DIP_LOC_CANDIDATURAS_2024.csv', source: readFileSync(join(dir, dipFolder(), 'GRO_DIP_LOC_CANDIDATURAS_2024.csv')) },
        { name: 'LEEME.txt', source: readFileSync(join(dir, dipFolder(), 'LEEME.txt')) },
      ],
      { modifiedAt: manifest.cut.at },
    );
    const report = await verifyTarget(dir);
    const keys = failureKeys(report);
    const inside = `${dipZip()}!GRO_DIP_LOC_2024.csv`;
    expect(keys).toContain(`sha256sums ${dipZip()}`);
    expect(keys).toContain(`zip-contents ${dipZip()}`);
    expect(keys).toContain(`zip-contents ${sim.stamp}_PREP_GRO.zip`);
    expect(keys).toContain(`row-total ${inside}:${changed.line} TOTAL_VOTOS_CALCULADO`);
    expect(keys).toContain(`summary ${inside}:4 TOTAL_VOTOS_C_CS`);
    // Nothing else is blamed: the plain folder and the other election are intact.
    for (const c of failures(report)) expect(c.file).toMatch(new RegExp(`^(${dipZip()}|${sim.stamp}_PREP_GRO\\.zip)`));
    expect(failures(report).find((c) => c.check === 'row-total')!.message).toBe(`TOTAL_VOTOS_CALCULADO is ${changed.total} but the vote fields add up to ${changed.total + 1}`);
    const zipContents = failures(report).find((c) => c.check === 'zip-contents' && c.file === dipZip())!;
    expect(zipContents.message).toContain(`differs from ${dipCsv()}`);
  });

  it("one vote changed inside the cut's ZIP, verified with only the integrity files beside it: every FAIL names the copy inside the ZIP, never the unzipped folder", async () => {
    const dir = copyOf(sim);
    const manifest = parseManifest(readFileSync(join(dir, 'manifest.json')), 'manifest.json');
    const changed = withOneMoreVote(readFileSync(join(dir, dipCsv()), 'utf8'));
    // What a party downloads: the cut's ZIP and the four integrity files, nothing unzipped.
    const downloaded = join(dir, '..', 'downloaded');
    mkdirSync(downloaded);
    for (const name of ['SHA256SUMS', 'manifest.json', 'manifest.json.sig', 'prep-ed25519-public.pem']) copyFileSync(join(dir, name), join(downloaded, name));
    const at = { modifiedAt: manifest.cut.at };
    const election = join(downloaded, dipZip());
    await writeDeterministicZip(
      election,
      [
        { name: 'GRO_DIP_LOC_2024.csv', source: Buffer.from(changed.text, 'utf8') },
        { name: 'GRO_DIP_LOC_CANDIDATURAS_2024.csv', source: readFileSync(join(dir, dipFolder(), 'GRO_DIP_LOC_CANDIDATURAS_2024.csv')) },
        { name: 'LEEME.txt', source: readFileSync(join(dir, dipFolder(), 'LEEME.txt')) },
      ],
      at,
    );
    const cutZip = `${sim.stamp}_PREP_GRO.zip`;
    const ayunZip = `${sim.stamp}_PREP_AYUN_GRO.zip`;
    await writeDeterministicZip(
      join(downloaded, cutZip),
      [
        { name: ayunZip, source: readFileSync(join(dir, ayunZip)) },
        { name: dipZip(), source: readFileSync(election) },
      ],
      { ...at, store: true },
    );
    rmSync(election);

    const report = await verifyTarget(join(downloaded, cutZip));
    const inside = `${cutZip}!${dipZip()}`;
    expect(failureKeys(report)).toEqual(
      [
        `manifest ${cutZip}`,
        `manifest ${inside}`,
        `sha256sums ${cutZip}`,
        `sha256sums ${inside}`,
        `sha256sums ${inside}!GRO_DIP_LOC_2024.csv`,
        `row-total ${inside}!GRO_DIP_LOC_2024.csv:${changed.line} TOTAL_VOTOS_CALCULADO`,
        `summary ${inside}!GRO_DIP_LOC_2024.csv:4 TOTAL_VOTOS_C_CS`,
        `summary ${inside}!GRO_DIP_LOC_2024.csv:4 TOTAL_VOTOS_S_CS`,
        `participation ${inside}!GRO_DIP_LOC_2024.csv:4 PORCENTAJE_PARTICIPACION_CIUDADANA`,
      ].sort(),
    );
    const csvSums = failures(report).find((c) => c.file === `${inside}!GRO_DIP_LOC_2024.csv` && c.check === 'sha256sums')!;
    expect(csvSums.message).toMatch(new RegExp(`^SHA-256 mismatch: the ZIP's copy of ${dipCsv()} has [0-9a-f]{64} but SHA256SUMS line \\d+ says [0-9a-f]{64}$`));
    const zipSize = failures(report).find((c) => c.file === inside && c.check === 'manifest')!;
    expect(zipSize.message).toMatch(new RegExp(`^manifest.json says \\d+ bytes but the ZIP's copy of ${dipZip()} has \\d+$`));
  });

  /** The image of a row, as the manifest lists it: `actas/<CODIGO_INTEGRIDAD>.svg` in the image store beside the cut folder. */
  const imageOfRow = (dir: string): { image: string; file: string; code: string } => {
    const row = pickRow(readFileSync(join(dir, dipCsv()), 'utf8'));
    const code = row.fields[row.col('CODIGO_INTEGRIDAD')]!.toLowerCase();
    const image = `actas/${code}.svg`;
    return { image, file: join(dir, '..', image), code };
  };

  it('one byte of an acta image flipped: FAIL naming the image, its size and SHA-256 against what the signed manifest lists', async () => {
    const dir = copyOf(sim);
    const { image, file, code } = imageOfRow(dir);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    const report = await verifyTarget(dir);
    expect(failureKeys(report)).toEqual([`images ${image}`]);
    expect(failures(report)[0]!.message).toMatch(new RegExp(`^holds ${bytes.length} bytes with SHA-256 [0-9a-f]{64} in .*actas/, but manifest.json lists it for \\w+ with ${bytes.length} bytes, SHA-256 ${code}$`));
  });

  it('an acta image missing from the image store: FAIL naming it', async () => {
    const dir = copyOf(sim);
    const { image, file } = imageOfRow(dir);
    rmSync(file);
    const report = await verifyTarget(dir);
    expect(failureKeys(report)).toEqual([`images ${image}`]);
    expect(failures(report)[0]!.message).toMatch(/^missing from .*actas\/ \(manifest.json lists it for \w+ with \d+ bytes, SHA-256 [0-9a-f]{64}\)$/);
  });

  it('one line of SHA256SUMS changed: it no longer matches the signed manifest.json (signature FAIL) nor the file', async () => {
    const dir = copyOf(sim);
    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').split('\n');
    const n = sums.findIndex((l) => l.endsWith(`${dipFolder()}/LEEME.txt`));
    sums[n] = `${'0'.repeat(64)}  ${dipFolder()}/LEEME.txt`;
    writeFileSync(join(dir, 'SHA256SUMS'), sums.join('\n'));
    const report = await verifyTarget(dir);
    expect(failureKeys(report)).toEqual([`sha256sums ${dipFolder()}/LEEME.txt`, `signature SHA256SUMS:${n + 1}`]);
    const signature = failures(report).find((c) => c.check === 'signature')!;
    expect(signature.message).toContain('the signed manifest.json says');
    expect(signature.message).toContain('SHA256SUMS is not covered by the signature');
  });

  it('one byte of manifest.json changed: signature FAIL naming manifest.json', async () => {
    const dir = copyOf(sim);
    const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    expect(text.split('"GUERRERO"')).toHaveLength(2);
    writeFileSync(join(dir, 'manifest.json'), text.replace('"GUERRERO"', '"GUERRERA"'));
    const report = await verifyTarget(dir);
    expect(failureKeys(report)).toEqual(['signature manifest.json']);
    expect(failures(report)[0]!.message).toContain('manifest.json.sig does not verify with the key');
  });

  it('the published public key swapped for another Ed25519 key: signature FAIL, and no longer the simulator key', async () => {
    const dir = copyOf(sim);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    writeFileSync(join(dir, 'prep-ed25519-public.pem'), other);
    const report = await verifyTarget(dir);
    expect(failureKeys(report)).toEqual(['signature manifest.json']);
    const warnings = report.checks.filter((c) => c.check === 'public-key');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).not.toContain('33d0 3999');
  });

  it('--fingerprint of another key: FAIL; of the signing key (spaced, upper case): ok', async () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    const wrong = await verifyTarget(sim.cut, { fingerprint: publicKeyFingerprint(other) });
    expect(failureKeys(wrong)).toEqual(['public-key prep-ed25519-public.pem']);
    expect(failures(wrong)[0]!.message).toMatch(/^the key's fingerprint is 33d0 3999 .*, not the expected /);

    const spaced = SIMULATOR_TEST_KEY_FINGERPRINT.toUpperCase().match(/.{4}/g)!.join(' ');
    const right = await verifyTarget(sim.cut, { fingerprint: spaced });
    expect(failures(right)).toEqual([]);
    const key = right.checks.filter((c) => c.check === 'public-key');
    expect(key.map((c) => c.status)).toEqual(['ok', 'warn']);
    expect(key[1]!.message).toContain('SIMULATOR TEST KEY');
  });

  it('--public-key of another key: signature FAIL, and the published key is reported as different', async () => {
    const pem = join(sim.root, 'other.pem');
    writeFileSync(pem, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const report = await verifyTarget(sim.cut, { publicKey: pem });
    expect(failureKeys(report)).toEqual(['signature manifest.json']);
    expect(report.checks.some((c) => c.check === 'public-key' && c.status === 'warn' && c.message.includes('is not the one given with --public-key'))).toBe(true);
  });

  it('a missing signature: FAIL', async () => {
    const dir = copyOf(sim);
    rmSync(join(dir, 'manifest.json.sig'));
    const report = await verifyTarget(dir);
    expect(failureKeys(report)).toEqual(['integrity-files manifest.json.sig', 'signature manifest.json']);
  });
});
