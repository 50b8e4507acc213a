import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDeterministicZip } from '../../../src/adapters/package/deterministicZip.ts';
import {
  checkZip,
  DEFAULT_ZIP_LIMITS,
  HEAD_BYTES,
  openNestedZip,
  openZip,
  readEntry,
  scanZip,
  ZipError,
  type CheckedEntry,
  type ZipProblem,
} from '../../../src/adapters/package/zipReader.ts';
import { InputError } from '../../../src/core/diagnostics.ts';
import { deepZip, deflated, flatBomb, manySmallBomb, nestedBomb, overlapBomb, rawZip, sharedHeaderZip, stored, symlinkZip, tooLargeZip } from './hostileZips.ts';
import { python } from './tools.ts';

const CUT_TIME = '2024-06-02T20:00:00-06:00';
const text = 'CLAVE_CASILLA,PAN,PRI,NULOS\r\n' + Array.from({ length: 4000 }, (_, i) => `'12${String(i).padStart(4, '0')}B0100,${i % 97},${i % 13},${i % 5}\r\n`).join('');
const noise = randomBytes(200_000); // incompressible: deflate keeps it in stored blocks

let dir: string;
let archiverZip: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-zipreader-'));
  const path = join(dir, 'cut.zip');
  await writeDeterministicZip(
    path,
    [
      { name: 'GRO_DIP_LOC_2024.csv', source: Buffer.from(text) },
      { name: 'noise.bin', source: noise },
      { name: 'LEEME.txt', source: Buffer.from('Léeme\r\n') },
    ],
    { modifiedAt: CUT_TIME },
  );
  archiverZip = await readFile(path);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The ZipError `fn` throws; fails the test if it does not. */
function zipErrorOf(fn: () => unknown): ZipError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw new Error(`expected a ZipError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ZipError, nothing was thrown');
}

const expectZipError = (fn: () => unknown, problem: ZipProblem, entry: string | undefined, words: RegExp | string): ZipError => {
  const error = zipErrorOf(fn);
  expect(error.problem).toBe(problem);
  expect(error.entry).toBe(entry);
  expect(error.message).toMatch(words);
  expect(error).toBeInstanceOf(InputError);
  return error;
};

/** Where an entry's data starts in the buffer. */
function dataStart(zip: Buffer, name: string): number {
  const entry = openZip(zip, 'x').entries.find((e) => e.name === name)!;
  return entry.localHeaderOffset + 30 + zip.readUInt16LE(entry.localHeaderOffset + 26) + zip.readUInt16LE(entry.localHeaderOffset + 28);
}

const eocdOf = (zip: Buffer): number => zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));

describe('zipReader on archiver output', () => {
  it('lists and extracts every entry, checked', () => {
    const zip = openZip(archiverZip, 'cut.zip');
    expect(zip.entries.map((e) => [e.name, e.method, e.size, e.modified, e.unixMode])).toEqual([
      ['GRO_DIP_LOC_2024.csv', 8, Buffer.byteLength(text), '2024-06-02T20:00:00', 0o644],
      ['noise.bin', 8, noise.length, '2024-06-02T20:00:00', 0o644],
      ['LEEME.txt', 8, Buffer.byteLength('Léeme\r\n'), '2024-06-02T20:00:00', 0o644],
    ]);
    expect(readEntry(zip, 'GRO_DIP_LOC_2024.csv').toString()).toBe(text);
    expect(readEntry(zip, 'noise.bin').equals(noise)).toBe(true);
    expect(checkZip(archiverZip, 'cut.zip').map((e) => e.sha256)).toEqual([
      createHash('sha256').update(text).digest('hex'),
      createHash('sha256').update(noise).digest('hex'),
      createHash('sha256').update('Léeme\r\n').digest('hex'),
    ]);
  });

  it('detects a flipped byte in compressed data: CRC-32 mismatch naming the archive and the entry', () => {
    const bad = Buffer.from(archiverZip);
    bad[dataStart(bad, 'noise.bin') + 100_000]! ^= 0x01;
    const zip = openZip(bad, 'cut.zip'); // the structure is intact
    const error = expectZipError(() => readEntry(zip, 'noise.bin'), 'crc-mismatch', 'noise.bin', /CRC-32 mismatch/);
    expect(error.message).toMatch(/^error: cut\.zip: entry "noise\.bin": CRC-32 mismatch: the data gives [0-9a-f]{8} but the archive records [0-9a-f]{8}/);
    // The other entries still read.
    expect(readEntry(zip, 'GRO_DIP_LOC_2024.csv').toString()).toBe(text);
    expectZipError(() => checkZip(bad, 'cut.zip'), 'crc-mismatch', 'noise.bin', /CRC-32 mismatch/);
  });

  it('detects a flipped byte in compressed text: the entry is reported corrupt, by name', () => {
    for (const offset of [5, 200, 1000, 3000]) {
      const bad = Buffer.from(archiverZip);
      bad[dataStart(bad, 'GRO_DIP_LOC_2024.csv') + offset]! ^= 0x10;
      const error = zipErrorOf(() => readEntry(openZip(bad, 'cut.zip'), 'GRO_DIP_LOC_2024.csv'));
      expect(['crc-mismatch', 'corrupt-data', 'size-mismatch']).toContain(error.problem);
      expect(error.message).toContain('cut.zip: entry "GRO_DIP_LOC_2024.csv"');
    }
  });

  it('detects a truncated archive', () => {
    expectZipError(() => openZip(archiverZip.subarray(0, archiverZip.length - 10), 'cut.zip'), 'truncated', undefined, /end of central directory record not found: the archive is truncated/);
    expectZipError(() => openZip(archiverZip.subarray(0, archiverZip.length >> 1), 'cut.zip'), 'truncated', undefined, /truncated/);
    expectZipError(() => openZip(archiverZip.subarray(0, 10), 'cut.zip'), 'truncated', undefined, /too short/);
  });

  it('detects a wrong central directory offset', () => {
    const eocd = eocdOf(archiverZip);
    for (const delta of [-1, 1, 1000]) {
      const bad = Buffer.from(archiverZip);
      bad.writeUInt32LE(bad.readUInt32LE(eocd + 16) + delta, eocd + 16);
      expectZipError(() => openZip(bad, 'cut.zip'), 'bad-central-directory', undefined, /central directory offset \d+ \+ size \d+ = \d+ does not reach the end record/);
    }
    // Offset and size moved together: the signature check finds it.
    const shifted = Buffer.from(archiverZip);
    shifted.writeUInt32LE(shifted.readUInt32LE(eocd + 16) - 4, eocd + 16);
    shifted.writeUInt32LE(shifted.readUInt32LE(eocd + 12) + 4, eocd + 12);
    expectZipError(() => openZip(shifted, 'cut.zip'), 'bad-signature', undefined, /bad central directory header signature/);
  });

  it('detects a local header that disagrees with the central directory, and a bad local signature', () => {
    const zip = openZip(archiverZip, 'x');
    const leeme = zip.entries.find((e) => e.name === 'LEEME.txt')!;
    const renamed = Buffer.from(archiverZip);
    renamed[leeme.localHeaderOffset + 30] = 'X'.charCodeAt(0);
    expectZipError(() => readEntry(openZip(renamed, 'cut.zip'), 'LEEME.txt'), 'header-mismatch', 'LEEME.txt', /local header names it "XEEME.txt"/);
    const unsigned = Buffer.from(archiverZip);
    unsigned[leeme.localHeaderOffset] = 0;
    expectZipError(() => readEntry(openZip(unsigned, 'cut.zip'), 'LEEME.txt'), 'bad-signature', 'LEEME.txt', /bad local header signature/);
    // The data descriptor archiver writes after streamed data is checked too.
    const descriptor = Buffer.from(archiverZip);
    const after = dataStart(descriptor, 'LEEME.txt') + leeme.compressedSize;
    descriptor.writeUInt32LE(descriptor.readUInt32LE(after + 12) + 1, after + 12);
    expectZipError(() => readEntry(openZip(descriptor, 'cut.zip'), 'LEEME.txt'), 'header-mismatch', 'LEEME.txt', /data descriptor .* disagrees/);
  });

  it('refuses an unsupported compression method by name', () => {
    const bad = Buffer.from(archiverZip);
    const zip = openZip(bad, 'x');
    const first = zip.entries[0]!;
    bad.writeUInt16LE(12, zip.centralDirectory.offset + 10); // bzip2 in the central directory
    bad.writeUInt16LE(12, first.localHeaderOffset + 8);
    expectZipError(() => openZip(bad, 'cut.zip'), 'unsupported', 'GRO_DIP_LOC_2024.csv', /compression method 12 is not supported/);
  });

  it('names nested archives outer!inner in errors', async () => {
    const innerPath = join(dir, 'inner.zip');
    await writeDeterministicZip(innerPath, [{ name: 'noise.bin', source: noise }], { modifiedAt: CUT_TIME });
    const inner = await readFile(innerPath);
    inner[dataStart(inner, 'noise.bin') + 500]! ^= 0xff;
    const outerPath = join(dir, 'outer.zip');
    await writeDeterministicZip(outerPath, [{ name: '20240602_2000_PREP_DIP_LOC_GRO.zip', source: inner }], { modifiedAt: CUT_TIME });
    const outer = openZip(await readFile(outerPath), '20240602_2000_PREP_GRO.zip');
    const nested = openNestedZip(outer, '20240602_2000_PREP_DIP_LOC_GRO.zip');
    const error = expectZipError(() => readEntry(nested, 'noise.bin'), 'crc-mismatch', 'noise.bin', /CRC-32 mismatch/);
    expect(error.archive).toBe('20240602_2000_PREP_GRO.zip!20240602_2000_PREP_DIP_LOC_GRO.zip');
    expect(error.message).toContain('20240602_2000_PREP_GRO.zip!20240602_2000_PREP_DIP_LOC_GRO.zip: entry "noise.bin"');
    const viaCheck = zipErrorOf(() => checkZip(outer.buffer, outer.name));
    expect(viaCheck.archive).toBe(error.archive);
    expect(viaCheck.entry).toBe('noise.bin');
  });

  it('refuses something that is not a ZIP', () => {
    expectZipError(() => openZip(Buffer.from('CLAVE_CASILLA,PAN\r\n'.repeat(10)), 'cut.csv'), 'not-a-zip', undefined, /not a ZIP archive/);
    expectZipError(() => openZip(Buffer.alloc(0), 'empty.zip'), 'not-a-zip', undefined, /too short/);
  });
});

describe('zipReader on ZIPs made by Python', () => {
  let pyZip: Buffer;
  beforeAll(async () => {
    const path = join(dir, 'python.zip');
    python(
      `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.comment = b"made by python"
    z.writestr(zipfile.ZipInfo("carpeta/"), b"")
    z.writestr("stored.txt", b"stored bytes\\r\\n" * 100, compress_type=zipfile.ZIP_STORED)
    z.writestr("deflated.csv", ("CLAVE,VOTOS\\r\\n" + "0100,3\\r\\n" * 10000).encode(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    z.writestr("año/méxico.txt", "Ciudad de México\\r\\n".encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("empty.txt", b"", compress_type=zipfile.ZIP_DEFLATED)`,
      path,
    );
    pyZip = await readFile(path);
  });

  it('lists and extracts stored, deflated, UTF-8-named, empty and directory entries', () => {
    const zip = openZip(pyZip, 'python.zip');
    expect(zip.comment).toBe('made by python');
    expect(zip.entries.map((e) => [e.name, e.method, e.isDirectory])).toEqual([
      ['carpeta/', 0, true],
      ['stored.txt', 0, false],
      ['deflated.csv', 8, false],
      ['año/méxico.txt', 8, false],
      ['empty.txt', 8, false],
    ]);
    expect(readEntry(zip, 'stored.txt').toString()).toBe('stored bytes\r\n'.repeat(100));
    expect(readEntry(zip, 'deflated.csv').toString()).toBe('CLAVE,VOTOS\r\n' + '0100,3\r\n'.repeat(10000));
    expect(readEntry(zip, 'año/méxico.txt').toString()).toBe('Ciudad de México\r\n');
    expect(readEntry(zip, 'empty.txt').length).toBe(0);
    expect(checkZip(pyZip, 'python.zip')).toHaveLength(5);
  });

  it('detects a flipped byte in a stored entry and a local header that disagrees on sizes', () => {
    const bad = Buffer.from(pyZip);
    bad[dataStart(bad, 'stored.txt') + 50]! ^= 0x20;
    expectZipError(() => readEntry(openZip(bad, 'python.zip'), 'stored.txt'), 'crc-mismatch', 'stored.txt', /CRC-32 mismatch/);
    const sizes = Buffer.from(pyZip);
    const entry = openZip(sizes, 'x').entries.find((e) => e.name === 'deflated.csv')!;
    sizes.writeUInt32LE(entry.size + 1, entry.localHeaderOffset + 22);
    expectZipError(() => readEntry(openZip(sizes, 'python.zip'), 'deflated.csv'), 'header-mismatch', 'deflated.csv', /local header .* disagrees with the central directory/);
  });

  it('refuses ZIP64 in plain words', async () => {
    const path = join(dir, 'zip64.zip');
    python(
      `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    with z.open("big.csv", "w", force_zip64=True) as f:
        f.write(b"x" * 1000)`,
      path,
    );
    const bytes = await readFile(path);
    // Python marks ZIP64 only in the local header here: the listing works, reading refuses.
    expect(openZip(bytes, 'zip64.zip').entries.map((e) => e.name)).toEqual(['big.csv']);
    expectZipError(() => checkZip(bytes, 'zip64.zip'), 'zip64', 'big.csv', /ZIP64 entries are not supported/);
  });

  it('refuses entry names that would escape the folder', async () => {
    const path = join(dir, 'evil.zip');
    python(
      `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("../../etc/cron.d/x", b"x")`,
      path,
    );
    const bytes = await readFile(path);
    expectZipError(() => openZip(bytes, 'evil.zip'), 'unsafe-name', '../../etc/cron.d/x', /escape the folder/);
  });
});

/** The ZipError a promise rejects with; fails the test if it resolves. */
async function zipErrorOfAsync(promise: Promise<unknown>): Promise<ZipError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw new Error(`expected a ZipError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ZipError, nothing was thrown');
}

/** checkZip's results without the kept bytes: what scanZip must agree with. */
const withoutBytes = (entries: CheckedEntry[]): CheckedEntry[] =>
  entries.map(({ bytes: _bytes, nested, ...rest }) => ({ ...rest, ...(nested === undefined ? {} : { nested: withoutBytes(nested) }) }));

describe('scanZip: the checks of checkZip, hashing chunk by chunk', () => {
  it('gives checkZip\'s results on archiver output, nested ZIPs included, and keeps only what `keep` asks for', async () => {
    const innerPath = join(dir, 'scan-inner.zip');
    await writeDeterministicZip(innerPath, [{ name: 'GRO_DIP_LOC_2024.csv', source: Buffer.from(text) }, { name: 'noise.bin', source: noise }], { modifiedAt: CUT_TIME });
    const outerPath = join(dir, 'scan-outer.zip');
    await writeDeterministicZip(outerPath, [{ name: 'inner.zip', source: await readFile(innerPath) }, { name: 'LEEME.txt', source: Buffer.from('Léeme\r\n') }], { modifiedAt: CUT_TIME });
    const outer = await readFile(outerPath);
    const seen: [string, number][] = [];
    const scanned = await scanZip(outer, 'cut.zip', {
      keep: (name, head) => {
        seen.push([name, head.length]);
        return name.endsWith('.csv');
      },
    });
    expect(withoutBytes(scanned)).toEqual(checkZip(outer, 'cut.zip'));
    expect(scanned[0]!.nested![0]!.bytes?.toString()).toBe(text);
    expect(scanned[0]!.nested![1]!.bytes).toBeUndefined();
    expect(scanned[1]!.bytes).toBeUndefined();
    // `keep` sees each entry that is not a ZIP once, from its start: the first MiB, or all of a shorter one.
    expect(seen).toEqual([
      ['GRO_DIP_LOC_2024.csv', Buffer.byteLength(text)],
      ['noise.bin', noise.length],
      ['LEEME.txt', Buffer.byteLength('Léeme\r\n')],
    ]);
    expect(await scanZip(archiverZip, 'cut.zip')).toEqual(checkZip(archiverZip, 'cut.zip'));
  });

  it('keeps a long entry whole, deciding from its first MiB', async () => {
    const long = Buffer.from('CLAVE_CASILLA,PAN\r\n' + Array.from({ length: 200_000 }, (_, i) => `${i},${i % 97}\r\n`).join(''));
    const zip = rawZip([deflated('long.csv', long)]);
    let headLength = 0;
    const [entry] = await scanZip(zip, 'long.zip', {
      keep: (_name, head) => {
        headLength = head.length;
        return head.subarray(0, 13).toString() === 'CLAVE_CASILLA';
      },
    });
    expect(headLength).toBeGreaterThanOrEqual(HEAD_BYTES);
    expect(headLength).toBeLessThan(long.length);
    expect(entry!.bytes!.equals(long)).toBe(true);
  });

  it('finds what readEntry finds: a CRC-32 mismatch, corrupt or short data, more bytes than declared, a stored size that disagrees', async () => {
    const bad = Buffer.from(archiverZip);
    bad[dataStart(bad, 'noise.bin') + 100_000]! ^= 0x01;
    const crc = await zipErrorOfAsync(scanZip(bad, 'cut.zip'));
    expect([crc.problem, crc.entry]).toEqual(['crc-mismatch', 'noise.bin']);
    expect(crc.message).toMatch(/^error: cut\.zip: entry "noise\.bin": CRC-32 mismatch: the data gives [0-9a-f]{8} but the archive records [0-9a-f]{8}/);

    const content = Buffer.from('CLAVE_CASILLA,PAN\r\n'.repeat(1000));
    const good = deflated('a.csv', content);
    const cases: [string, Buffer, ZipProblem, RegExp][] = [
      ['short data', rawZip([{ ...good, data: good.data.subarray(0, good.data.length >> 1) }]), 'corrupt-data', /compressed data is cut short \(zlib: unexpected end of file\)/],
      ['garbage', rawZip([{ ...good, data: Buffer.alloc(good.data.length, 0xff) }]), 'corrupt-data', /compressed data is corrupt \(zlib: /],
      ['too many bytes', rawZip([{ ...good, size: content.length - 1 }]), 'size-mismatch', /inflates to more than the declared \d+ bytes/],
      ['too few bytes', rawZip([{ ...good, size: content.length + 1 }]), 'size-mismatch', /inflates to \d+ bytes but declares \d+/],
      ['stored size', rawZip([{ ...stored('a.csv', content), size: content.length + 1 }]), 'size-mismatch', /stored entry has \d+ bytes of data but declares \d+/],
    ];
    for (const [label, zip, problem, words] of cases) {
      const sync = zipErrorOf(() => checkZip(zip, 'x.zip'));
      const streamed = await zipErrorOfAsync(scanZip(zip, 'x.zip'));
      expect([label, streamed.problem, streamed.entry], label).toEqual([label, problem, 'a.csv']);
      expect(streamed.message, label).toMatch(words);
      expect(sync.message, label).toBe(streamed.message);
    }
  });
});

describe('hostile archives: refused by their declared sizes and structure, before anything is inflated', () => {
  const huge = 'GRO_GUB_2024.csv';
  const cases: { label: string; build: () => Buffer | Promise<Buffer>; problem: ZipProblem; archive: string; entry: string | undefined; words: RegExp }[] = [
    {
      label: 'a flat bomb: one entry of 4 GiB from 4 MB',
      build: () => flatBomb(huge),
      problem: 'ratio',
      archive: 'bomb.zip',
      entry: huge,
      words: /^error: bomb\.zip: entry "GRO_GUB_2024\.csv": declares 4294967294 bytes from \d+ compressed \(ratio 10\d\d:1, more than 200:1\): refused as a likely ZIP bomb$/,
    },
    {
      label: 'a flat bomb of overlapping entries: 4 × 1 GiB from one 1 MB kernel',
      build: () => overlapBomb(4),
      problem: 'overlapping',
      archive: 'bomb.zip',
      entry: '1.csv',
      words: /^error: bomb\.zip: entry "1\.csv": starts at offset 40, inside entry "0\.csv" \(offsets 0 to \d+\): refused \(overlapping entries\)$/,
    },
    {
      label: 'a nested bomb: 16 × 16 × 16 × 256 MiB in 42 KB',
      build: nestedBomb,
      problem: 'ratio',
      archive: 'bomb.zip!0.zip',
      entry: '0.zip',
      words: /^error: bomb\.zip!0\.zip: entry "0\.zip": declares \d+ bytes from \d+ compressed \(ratio \d+:1, more than 200:1\): refused as a likely ZIP bomb$/,
    },
    {
      label: 'many small entries of a high ratio: 2048 × 1 MiB from 2 MB',
      build: manySmallBomb,
      problem: 'ratio',
      archive: 'bomb.zip',
      entry: undefined,
      words: /^error: bomb\.zip: its entries declare 2147483648 bytes in all from a \d+-byte archive \(ratio 9\d\d:1, more than 200:1\): refused as a likely ZIP bomb$/,
    },
    {
      label: 'more than 4 GiB in all at an ordinary ratio',
      build: tooLargeZip,
      problem: 'too-large',
      archive: 'bomb.zip',
      entry: undefined,
      words: /^error: bomb\.zip: its entries declare 5368709120 bytes in all, more than the 4294967296 allowed: refused$/,
    },
    {
      label: 'ZIPs nested four deep',
      build: () => deepZip(4),
      problem: 'too-deep',
      archive: 'bomb.zip!a.zip!b.zip',
      entry: 'c.zip',
      words: /^error: bomb\.zip!a\.zip!b\.zip: entry "c\.zip": a ZIP nested 3 levels deep: refused \(at most 2 levels of ZIPs inside the ZIP\)$/,
    },
    {
      label: 'a symbolic link',
      build: symlinkZip,
      problem: 'symlink',
      archive: 'bomb.zip',
      entry: huge,
      words: /^error: bomb\.zip: entry "GRO_GUB_2024\.csv": a symbolic link: refused \(a cut holds only plain files\)$/,
    },
    {
      label: 'two entries sharing one local header',
      build: sharedHeaderZip,
      problem: 'overlapping',
      archive: 'bomb.zip',
      entry: 'b.csv',
      words: /^error: bomb\.zip: entry "b\.csv": shares its local header at offset 0 with entry "a\.csv": refused \(overlapping entries\)$/,
    },
  ];

  it.each(cases)('$label', async ({ build, problem, archive, entry, words }) => {
    const bytes = await build();
    for (const error of [zipErrorOf(() => checkZip(bytes, 'bomb.zip')), await zipErrorOfAsync(scanZip(bytes, 'bomb.zip'))]) {
      expect(error.problem).toBe(problem);
      expect(error.archive).toBe(archive);
      expect(error.entry).toBe(entry);
      expect(error.message).toMatch(words);
    }
  });

  it('accepts what stays within the limits: ZIPs three deep, a high ratio in a small entry; and the limits can be set', async () => {
    expect((await scanZip(deepZip(3), 'deep.zip'))[0]!.nested![0]!.nested!.map((e) => e.name)).toEqual(['LEEME.txt']);
    const blanks = rawZip([deflated('LEEME.txt', ' '.repeat(1 << 20))]); // 1 MiB from 1 KiB
    expect(await scanZip(blanks, 'blanks.zip')).toHaveLength(1);
    expect(DEFAULT_ZIP_LIMITS).toEqual({ maxDepth: 3, maxRatio: 200, maxTotalInflated: 4 * 1024 ** 3 });
    const limits = { ...DEFAULT_ZIP_LIMITS, maxDepth: 2, maxTotalInflated: 1 << 20 };
    expect((await zipErrorOfAsync(scanZip(deepZip(3), 'deep.zip', { limits }))).problem).toBe('too-deep');
    const error = await zipErrorOfAsync(scanZip(blanks, 'blanks.zip', { limits: { ...limits, maxTotalInflated: 1000 } }));
    expect(error.message).toBe('error: blanks.zip: its entries declare 1048576 bytes in all, more than the 1000 allowed: refused');
  });
});
