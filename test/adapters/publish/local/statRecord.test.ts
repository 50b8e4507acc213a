import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseStatRecord, readStatRecord, statRecordPath, statRecordText, writeStatRecord } from '../../../../src/adapters/publish/local/statRecord.ts';
import { temporaryDir } from './stagedFixture.ts';

let dir: string;
beforeEach(async () => {
  dir = await temporaryDir('stat-record-');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const identities = new Map([
  ['index.html', { ino: 12n, size: 340n, mtimeNs: 1717390800123456789n }],
  ['eleccion/GUB/sección "1"/datos.json', { ino: 2n ** 40n, size: 0n, mtimeNs: 1n }],
]);

describe('a stat record', () => {
  it('reads back what was written, paths with spaces, quotes and accents included', () => {
    const text = statRecordText(identities);
    expect(text.split('\n')[0]).toBe('prep-stat/1');
    expect(parseStatRecord(text, 'r.stat')).toEqual(identities);
  });

  it.each([
    { text: 'prep-publication/1\n', message: 'r.stat:1: "prep-publication/1" is not a stat record (expected "prep-stat/1")' },
    { text: 'prep-stat/1\n12 340 99\n', message: `r.stat:2: "12 340 99" is not a file's identity (expected <inode> <size> <mtime ns> "<path>")` },
    { text: 'prep-stat/1\n12 340 99 "a"\n-1 0 0 "b"\n', message: `r.stat:3: "-1 0 0 "b"" is not a file's identity` },
  ])('says which line is not a record: $message', ({ text, message }) => {
    expect(() => parseStatRecord(text, 'r.stat')).toThrow(message);
  });

  it('is publications/<stamp>.stat; a cut without one reads as null', async () => {
    const file = statRecordPath(dir, '20240602_2340');
    expect(file).toBe(join(dir, '20240602_2340.stat'));
    expect(await readStatRecord(file)).toBeNull();
  });

  it('leaves out an entry whose modification time is not older than the record itself (racy: an edit in the same clock tick keeps it)', async () => {
    const file = statRecordPath(dir, '20240602_2340');
    await writeStatRecord(file, identities);
    expect(await readStatRecord(file)).toEqual(identities);
    const written = (await stat(file, { bigint: true })).mtimeNs;
    await writeFile(file, statRecordText(new Map([...identities, ['racy.html', { ino: 5n, size: 1n, mtimeNs: written + 1n }]])));
    const now = new Date(Number(written / 1_000_000n));
    await utimes(file, now, now);
    expect(await readStatRecord(file)).toEqual(identities);
  });
});
