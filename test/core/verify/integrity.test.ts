import { describe, expect, it } from 'vitest';
import type { CutManifest } from '../../../src/core/integrity/manifest.ts';
import { checkManifestList, checkManifestSizes, checkPublicKey, checkSha256sums, normaliseFingerprint, type FileDigest } from '../../../src/core/verify/integrity.ts';
import { Findings } from '../../../src/core/verify/report.ts';
import { checkZipAgainstFolder, plainCopyPath } from '../../../src/core/verify/zipContents.ts';
import { checkCodigosIntegridad, checkManifestImages } from '../../../src/core/verify/images.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const entries = [
  { path: 'x.zip', sha256: A },
  { path: 'x/r.csv', sha256: B },
];
const digests = (map: Record<string, FileDigest>) => (path: string): FileDigest | undefined => map[path];

describe('SHA256SUMS line by line', () => {
  it('names each file that is missing or differs, with the line that lists it', () => {
    const f = new Findings();
    checkSha256sums(entries, digests({ 'x.zip': { size: 1, sha256: B } }), false, f);
    expect(f.checks).toEqual([
      { check: 'sha256sums', status: 'FAIL', file: 'x.zip', message: `SHA-256 mismatch: the file has ${B} but SHA256SUMS line 1 says ${A}` },
      { check: 'sha256sums', status: 'FAIL', file: 'x/r.csv', message: 'listed in SHA256SUMS (line 2) but missing' },
    ]);
  });

  it("a copy read inside a ZIP (a bare ZIP verified) is named as that ZIP member, not as the listed path", () => {
    const f = new Findings();
    checkSha256sums(entries, digests({ 'x.zip': { size: 1, sha256: A }, 'x/r.csv': { size: 1, sha256: C, heldAs: 'c.zip!x.zip!r.csv' } }), true, f);
    expect(f.checks).toEqual([
      { check: 'sha256sums', status: 'FAIL', file: 'c.zip!x.zip!r.csv', message: `SHA-256 mismatch: the ZIP's copy of x/r.csv has ${C} but SHA256SUMS line 2 says ${B}` },
    ]);
  });

  it('for a bare ZIP, files it does not hold are not checked (a warning)', () => {
    const f = new Findings();
    checkSha256sums(entries, digests({ 'x.zip': { size: 1, sha256: A } }), true, f);
    expect(f.checks.map((c) => [c.status, c.message])).toEqual([
      ['ok', '1 files match SHA256SUMS'],
      ['warn', '1 listed files are not part of what was given (x/r.csv): not checked'],
    ]);
  });
});

const manifest = (files: { path: string; size: number; sha256: string }[]): CutManifest => ({
  format: 'prep-manifest/2',
  entity: { id: 12, abbreviation: 'GRO', name: 'GUERRERO' },
  cut: { id: '20240602_2100', at: '2024-06-02T21:00:00-06:00', label: '02/06/2024 21:00 (UTC-6)', last: false },
  files,
  images: [],
  summary: {},
});

describe('SHA256SUMS against the signed manifest', () => {
  it('any difference means SHA256SUMS is not covered by the signature', () => {
    const f = new Findings();
    checkManifestList(manifest([{ path: 'x.zip', size: 1, sha256: B }, { path: 'y.zip', size: 1, sha256: A }]), entries, f);
    expect(f.checks.map((c) => [c.check, c.status, `${c.file}:${c.line ?? ''}`, c.message])).toEqual([
      ['signature', 'FAIL', 'SHA256SUMS:1', `x.zip: SHA256SUMS says ${A} but the signed manifest.json says ${B}: SHA256SUMS is not covered by the signature`],
      ['signature', 'FAIL', 'SHA256SUMS:2', 'lists x/r.csv, which the signed manifest.json does not list: SHA256SUMS is not covered by the signature'],
      ['signature', 'FAIL', 'SHA256SUMS:', 'the signed manifest.json lists y.zip but SHA256SUMS does not: SHA256SUMS is not covered by the signature'],
    ]);
  });

  it('the sizes the manifest states', () => {
    const f = new Findings();
    checkManifestSizes(manifest([{ path: 'x.zip', size: 2, sha256: A }, { path: 'y.zip', size: 1, sha256: A }]), digests({ 'x.zip': { size: 3, sha256: A } }), f);
    expect(f.checks).toEqual([{ check: 'manifest', status: 'FAIL', file: 'x.zip', message: 'manifest.json says 2 bytes but the file has 3' }]);
  });

  it("the size of a copy read inside a ZIP is that ZIP member's", () => {
    const f = new Findings();
    checkManifestSizes(manifest([{ path: 'x.zip', size: 2, sha256: A }]), digests({ 'x.zip': { size: 3, sha256: A, heldAs: 'c.zip!x.zip' } }), f);
    expect(f.checks).toEqual([{ check: 'manifest', status: 'FAIL', file: 'c.zip!x.zip', message: "manifest.json says 2 bytes but the ZIP's copy of x.zip has 3" }]);
  });
});

describe('whose key signed', () => {
  const fp = 'c'.repeat(64);
  const sim = 'd'.repeat(64);
  const run = (expected: string | undefined, origin: 'option' | 'published' = 'published', fingerprint = fp): Findings => {
    const f = new Findings();
    checkPublicKey({ fingerprint, origin, file: 'k.pem', simulatorFingerprint: sim }, expected, f);
    return f;
  };

  it('--fingerprint must match (spaces, colons and case aside)', () => {
    expect(run(`${'C'.repeat(4)} `.repeat(16)).checks.map((c) => c.status)).toEqual(['ok']);
    expect(run('e'.repeat(64)).checks).toMatchObject([{ status: 'FAIL', message: expect.stringMatching(/^the key's fingerprint is cccc cccc .*, not the expected eeee eeee/) as unknown }]);
    expect(run('xyz').checks[0]!.message).toBe('--fingerprint "xyz" is not a SHA-256 fingerprint (64 hexadecimal digits)');
    expect(normaliseFingerprint('AB:CD ef')).toBe('abcdef');
  });

  it('without it, a published key is to be compared with the site; a --public-key is the user’s choice; the simulator key is named', () => {
    expect(run(undefined).checks.map((c) => c.status)).toEqual(['warn']);
    expect(run(undefined).checks[0]!.message).toContain('compare it with the fingerprint the electoral body publishes on its site');
    expect(run(undefined, 'option').checks.map((c) => c.status)).toEqual(['ok']);
    expect(run(sim, 'published', sim).checks.map((c) => [c.status, c.message.slice(0, 40)])).toEqual([
      ['ok', "the key's fingerprint is the expected dd"],
      ['warn', 'this is the public SIMULATOR TEST KEY: a'],
    ]);
  });
});

describe('ZIP members against their plain copies', () => {
  it('an election ZIP holds the files of its folder; the cut ZIP holds the election ZIPs beside it', () => {
    expect(plainCopyPath('', 'S_PREP_GUB_X.zip', 'X_GUB_2024.csv')).toBe('S_PREP_GUB_X/X_GUB_2024.csv');
    expect(plainCopyPath('', 'S_PREP_X.zip', 'S_PREP_GUB_X.zip')).toBe('S_PREP_GUB_X.zip');
    expect(plainCopyPath('cut', 'E.zip', 'a.csv')).toBe('cut/E/a.csv');
  });

  it('reports a member that differs, one the folder lacks and a file the ZIP lacks', () => {
    const f = new Findings();
    const plain = digests({ 'E/a.csv': { size: 1, sha256: A }, 'E/b.csv': { size: 1, sha256: A }, 'E/c.txt': { size: 1, sha256: A } });
    checkZipAgainstFolder('E.zip', '', 'E.zip', [{ name: 'a.csv', size: 1, sha256: B }, { name: 'b.csv', size: 1, sha256: A }, { name: 'd.csv', size: 1, sha256: A }], plain, ['E/a.csv', 'E/b.csv', 'E/c.txt'], f);
    expect(f.checks.map((c) => c.message)).toEqual([
      `a.csv inside the ZIP (SHA-256 ${B}) differs from E/a.csv (SHA-256 ${A})`,
      'holds d.csv but the folder E/ has no such file',
      'the folder E/ has c.txt but the ZIP does not',
    ]);
  });
});

describe('acta images', () => {
  it('are every one the manifest lists, each with its size and SHA-256; a missing or altered one is a FAIL naming it', () => {
    const image = (claveActa: string, sha256: string) => ({ claveActa, path: `actas/${sha256}.jpg`, size: 5, sha256 });
    const listed = [image('K1', A), image('K2', B), image('K3', C)];
    const f = new Findings();
    const intact = checkManifestImages(listed, [{ size: 5, sha256: A }, 'missing', { size: 6, sha256: A }], '/t/actas/', f);
    expect(f.checks).toEqual([
      { check: 'images', status: 'FAIL', file: `actas/${B}.jpg`, message: `missing from /t/actas/ (manifest.json lists it for K2 with 5 bytes, SHA-256 ${B})` },
      { check: 'images', status: 'FAIL', file: `actas/${C}.jpg`, message: `holds 6 bytes with SHA-256 ${A} in /t/actas/, but manifest.json lists it for K3 with 5 bytes, SHA-256 ${C}` },
    ]);
    expect([...intact.keys()]).toEqual(['K1']);
    const ok = new Findings();
    checkManifestImages(listed.slice(0, 1), [{ size: 5, sha256: A }], '/t/actas/', ok);
    expect(ok.checks).toEqual([{ check: 'images', status: 'ok', message: '1 acta images listed in manifest.json, each in /t/actas/ with its size and SHA-256' }]);
  });

  it("each row's CODIGO_INTEGRIDAD is the SHA-256 of its image", () => {
    const f = new Findings();
    const row = (line: number, claveActa: string, codigoIntegridad: string) => ({ line, sinActa: false, sum: 1, totalCalculado: '1', contabilizada: '1', observaciones: '', tipoCasilla: 'B', claveActa, codigoIntegridad });
    const images = new Map([['K1', { path: 'actas/K1.svg', digest: { size: 1, sha256: A } }], ['K2', { path: 'actas/K2.svg', digest: { size: 1, sha256: A } }]]);
    checkCodigosIntegridad('f.csv', [row(7, 'K1', A.toUpperCase()), row(8, 'K2', B), row(9, 'K3', B), row(10, 'K4', 'AAAABBBB')], images, f);
    expect(f.checks).toEqual([
      { check: 'codigo-integridad', status: 'FAIL', file: 'f.csv', line: 8, column: 'CODIGO_INTEGRIDAD', message: `CODIGO_INTEGRIDAD of K2 is ${B} but its image actas/K2.svg has SHA-256 ${A}` },
      { check: 'codigo-integridad', status: 'warn', file: 'f.csv', line: 10, column: 'CODIGO_INTEGRIDAD', message: 'CODIGO_INTEGRIDAD is not a SHA-256 (64 hexadecimal digits) on line 10' },
    ]);
  });
});
