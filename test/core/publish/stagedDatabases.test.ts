import { describe, expect, it } from 'vitest';
import { stagedDatabaseDifferences } from '../../../src/core/publish/stagedDatabases.ts';
import type { PublishedObject } from '../../../src/core/publish/publication.ts';

const H = (c: string) => c.repeat(64);
const FOLDER = 'datos/20240602_2100/';
const expected = [
  { path: 'AGS_PREP.zip', size: 10, sha256: H('a') },
  { path: 'SHA256SUMS', size: 5, sha256: H('b') },
];
const staged = (path: string, size: number, sha256: string): PublishedObject => ({
  path,
  size,
  sha256,
  contentType: 'application/octet-stream',
  cacheControl: 'public',
  group: 'data',
  shared: true,
});
const intact = [staged(`${FOLDER}AGS_PREP.zip`, 10, H('a')), staged(`${FOLDER}SHA256SUMS`, 5, H('b')), staged('index.html', 3, H('c'))];

describe('stagedDatabaseDifferences', () => {
  it.each([
    ['the very files of the manifest (pages outside the folder are not its business)', intact, []],
    ['other bytes of the same size', [intact[0]!, staged(`${FOLDER}SHA256SUMS`, 5, H('d'))], [`${FOLDER}SHA256SUMS: holds 5 bytes, SHA-256 dddddddddddd… where the signed manifest says 5 bytes, SHA-256 bbbbbbbbbbbb…`]],
    ['another size', [staged(`${FOLDER}AGS_PREP.zip`, 11, H('a')), intact[1]!], [`${FOLDER}AGS_PREP.zip: holds 11 bytes, SHA-256 aaaaaaaaaaaa… where the signed manifest says 10 bytes, SHA-256 aaaaaaaaaaaa…`]],
    ['a file missing and one not listed', [intact[0]!, staged(`${FOLDER}AGS_PREP.csv`, 1, H('e'))], [`${FOLDER}AGS_PREP.csv: not a file of the cut's signed manifest`, `${FOLDER}SHA256SUMS: missing`]],
    ['nothing staged', [], [`${FOLDER}AGS_PREP.zip: missing`, `${FOLDER}SHA256SUMS: missing`]],
  ] as const)('%s', (_name, files, lines) => {
    expect(stagedDatabaseDifferences(files, FOLDER, expected)).toEqual(lines);
  });
});
