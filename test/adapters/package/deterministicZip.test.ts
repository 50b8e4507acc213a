import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_MODE, writeDeterministicZip, zipEntryDate, type ZipEntryInput } from '../../../src/adapters/package/deterministicZip.ts';
import { checkZip, openNestedZip, openZip, readEntry } from '../../../src/adapters/package/zipReader.ts';
import { hasTool, python, run } from './tools.ts';

const HAS_UNZIP = hasTool('unzip');
if (!HAS_UNZIP)
  console.warn('deterministicZip.test: `unzip` is not installed, so the `unzip -t` assertions are SKIPPED (install it with: apt-get install -y unzip)');

const CUT_TIME = '2024-06-02T20:00:00-06:00';
const csv = '\uFEFFDIPUTACIONES LOCALES\r\n02/06/2024 20:00 (UTC-6)\r\n' + 'CLAVE_CASILLA,PAN,PRI\r\n' + "'120001B0100,12,7\r\n".repeat(5000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-zip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The same bytes as several chunks, through a stream opened only when asked for. */
const chunked = (bytes: Buffer, size: number) => () =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );

const entries = (): ZipEntryInput[] => [
  // Deliberately not alphabetical: the ZIP keeps the order given.
  { name: 'GRO_DIP_LOC_2024.csv', source: Buffer.from(csv, 'utf8') },
  { name: 'GRO_DIP_LOC_CANDIDATURAS_2024.csv', source: chunked(Buffer.from('DISTRITO,PARTIDO\r\n1,PAN\r\n'.repeat(300)), 777) },
  { name: 'LEEME.txt', source: () => (async function* () { yield 'Descripción de los archivos\r\n'; yield Buffer.from('Año: 2024\r\n'); })() },
  { name: 'vacío/empty.txt', source: Buffer.alloc(0) },
];

describe('writeDeterministicZip', () => {
  it('writes byte-identical files twice, whatever the machine time zone or how the bytes are supplied', async () => {
    const first = await writeDeterministicZip(join(dir, 'a.zip'), entries(), { modifiedAt: CUT_TIME });
    const savedTz = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const second = await writeDeterministicZip(join(dir, 'b.zip'), entries(), { modifiedAt: CUT_TIME });
      expect(second.sha256).toBe(first.sha256);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
    // Same content given as one buffer instead of chunks: still the same bytes.
    const asBuffers = entries().map((e) => ({ ...e }));
    asBuffers[1]!.source = Buffer.from('DISTRITO,PARTIDO\r\n1,PAN\r\n'.repeat(300));
    const third = await writeDeterministicZip(join(dir, 'c.zip'), asBuffers, { modifiedAt: CUT_TIME });

    const [a, b, c] = await Promise.all(['a.zip', 'b.zip', 'c.zip'].map((f) => readFile(join(dir, f))));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(true);
    // Size and hash were measured while writing, and match the file.
    expect(first.size).toBe(a!.length);
    expect(first.sha256).toBe(createHash('sha256').update(a!).digest('hex'));
    expect(third.sha256).toBe(first.sha256);
  });

  it('keeps the given order, one time (the cut, wall clock), 0644 and no extra fields', async () => {
    const path = join(dir, 'order.zip');
    await writeDeterministicZip(path, entries(), { modifiedAt: CUT_TIME });
    const zip = openZip(await readFile(path), 'order.zip');
    expect(zip.entries.map((e) => e.name)).toEqual(['GRO_DIP_LOC_2024.csv', 'GRO_DIP_LOC_CANDIDATURAS_2024.csv', 'LEEME.txt', 'vacío/empty.txt']);
    expect(new Set(zip.entries.map((e) => e.modified))).toEqual(new Set(['2024-06-02T20:00:00']));
    expect(zip.entries.every((e) => e.unixMode === ENTRY_MODE)).toBe(true);
    expect(readEntry(zip, 'GRO_DIP_LOC_2024.csv').toString('utf8')).toBe(csv);
    expect(readEntry(zip, 'LEEME.txt').toString('utf8')).toBe('Descripción de los archivos\r\nAño: 2024\r\n');
    expect(readEntry(zip, 'vacío/empty.txt').length).toBe(0);

    // Python's zipfile sees the same: order, date_time, permissions, no extra field, no comment.
    const seen = JSON.parse(
      python(
        `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"comment": z.comment.decode(), "entries": [
  {"name": i.filename, "date": list(i.date_time), "mode": oct(i.external_attr >> 16), "extra": i.extra.hex(), "comment": i.comment.hex(), "system": i.create_system}
  for i in z.infolist()]}))`,
        path,
      ),
    ) as { comment: string; entries: { name: string; date: number[]; mode: string; extra: string; comment: string; system: number }[] };
    expect(seen.comment).toBe('');
    expect(seen.entries.map((e) => e.name)).toEqual(zip.entries.map((e) => e.name));
    for (const e of seen.entries) expect(e).toMatchObject({ date: [2024, 6, 2, 20, 0, 0], mode: '0o100644', extra: '', comment: '', system: 3 });
  });

  it('passes python3 -m zipfile -t', async () => {
    const path = join(dir, 'python-t.zip');
    await writeDeterministicZip(path, entries(), { modifiedAt: CUT_TIME });
    const result = run('python3', ['-m', 'zipfile', '-t', path]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Done testing');
    expect(result.stdout).not.toContain('corrupted');
  });

  it.skipIf(!HAS_UNZIP)(`passes unzip -t${HAS_UNZIP ? '' : ' — SKIPPED: unzip is not installed (apt-get install -y unzip)'}`, async () => {
    const path = join(dir, 'unzip-t.zip');
    await writeDeterministicZip(path, entries(), { modifiedAt: CUT_TIME });
    const result = run('unzip', ['-t', path]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No errors detected');
  });

  it('nests a ZIP inside a ZIP (INE layout: one ZIP per election inside the cut ZIP)', async () => {
    const inner = join(dir, '20240602_2000_PREP_DIP_LOC_GRO.zip');
    const innerWritten = await writeDeterministicZip(inner, entries(), { modifiedAt: CUT_TIME });
    const outer = join(dir, '20240602_2000_PREP_GRO.zip');
    await writeDeterministicZip(
      outer,
      [
        { name: '20240602_2000_PREP_DIP_LOC_GRO.zip', source: () => createReadStream(inner) },
        { name: 'LEEME.txt', source: Buffer.from('Léeme\r\n') },
      ],
      { modifiedAt: CUT_TIME },
    );
    const zip = openZip(await readFile(outer), '20240602_2000_PREP_GRO.zip');
    const innerBytes = readEntry(zip, '20240602_2000_PREP_DIP_LOC_GRO.zip');
    expect(createHash('sha256').update(innerBytes).digest('hex')).toBe(innerWritten.sha256);
    const nested = openNestedZip(zip, '20240602_2000_PREP_DIP_LOC_GRO.zip');
    expect(nested.name).toBe('20240602_2000_PREP_GRO.zip!20240602_2000_PREP_DIP_LOC_GRO.zip');
    expect(readEntry(nested, 'GRO_DIP_LOC_2024.csv').toString('utf8')).toBe(csv);
    const checked = checkZip(await readFile(outer), 'outer');
    expect(checked[0]!.nested!.map((e) => e.name)).toEqual(entries().map((e) => e.name));

    const py = python(
      `import io, sys, zipfile
outer = zipfile.ZipFile(sys.argv[1])
assert outer.testzip() is None
inner = zipfile.ZipFile(io.BytesIO(outer.read("20240602_2000_PREP_DIP_LOC_GRO.zip")))
assert inner.testzip() is None
print(len(inner.read("GRO_DIP_LOC_2024.csv")))`,
      outer,
    );
    expect(Number(py)).toBe(Buffer.byteLength(csv));
    if (HAS_UNZIP) expect(run('unzip', ['-t', outer]).status).toBe(0);
    else console.warn('nested ZIP: unzip -t SKIPPED (unzip is not installed)');
  });

  it('streams a 50 MB entry to disk as it is produced, never holding it whole', async () => {
    const path = join(dir, 'big.zip');
    const chunk = 64 << 10;
    const total = 50 << 20;
    const contentHash = createHash('sha256');
    // How far the producer ran ahead of the bytes already in the (temporary) ZIP file.
    let maxAhead = 0;
    let samples = 0;
    async function* produce(): AsyncGenerator<Buffer> {
      for (let produced = 0; produced < total; produced += chunk) {
        if (produced % (2 << 20) === 0 && produced > 0) {
          const temporary = (await readdir(dir)).find((f) => f.startsWith('.big.zip.') && f.endsWith('.tmp'));
          expect(temporary, 'the ZIP is written to a temporary file beside the target').toBeDefined();
          const onDisk = (await stat(join(dir, temporary!))).size;
          maxAhead = Math.max(maxAhead, produced - onDisk);
          samples++;
        }
        // Random bytes do not compress: the ZIP grows as fast as the input is consumed.
        const bytes = randomBytes(chunk);
        contentHash.update(bytes);
        yield bytes;
      }
    }
    const written = await writeDeterministicZip(path, [{ name: 'GRO_DIP_LOC_2024.csv', source: () => produce() }], { modifiedAt: CUT_TIME, level: 9 });
    expect(samples).toBeGreaterThan(20);
    // Only stream buffers' worth (a few MB) is ever in flight, far from the 50 MB of the entry.
    expect(maxAhead).toBeLessThan(8 << 20);
    const bytes = await readFile(path);
    expect(written.size).toBe(bytes.length);
    expect(bytes.length).toBeGreaterThan(total);
    const [entry] = checkZip(bytes, 'big.zip');
    expect(entry).toMatchObject({ name: 'GRO_DIP_LOC_2024.csv', size: total, sha256: contentHash.digest('hex') });
    if (HAS_UNZIP) expect(run('unzip', ['-tq', path]).status).toBe(0);
    else console.warn('large entry: unzip -t SKIPPED (unzip is not installed)');
  });

  it('leaves the previous file untouched and no temporary file when a source fails', async () => {
    const path = join(dir, 'atomic.zip');
    await writeFile(path, 'previous cut');
    const failing: ZipEntryInput[] = [
      { name: 'a.csv', source: Buffer.from('a') },
      {
        name: 'b.csv',
        source: () =>
          (async function* () {
            yield Buffer.from('partial');
            throw new Error('disk read failed');
          })(),
      },
    ];
    await expect(writeDeterministicZip(path, failing, { modifiedAt: CUT_TIME })).rejects.toThrow(/b\.csv.*disk read failed/);
    expect(await readFile(path, 'utf8')).toBe('previous cut');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const throwing: ZipEntryInput[] = [
      {
        name: 'c.csv',
        source: () => {
          throw new Error('cannot open');
        },
      },
    ];
    await expect(writeDeterministicZip(path, throwing, { modifiedAt: CUT_TIME })).rejects.toThrow('cannot open');
    expect(await readFile(path, 'utf8')).toBe('previous cut');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails cleanly, without hanging, when the output cannot be written', async () => {
    await expect(writeDeterministicZip(join(dir, 'missing-folder', 'x.zip'), entries(), { modifiedAt: CUT_TIME })).rejects.toThrow(/ENOENT/);
  });

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'absolute'],
    ['../up.csv', '".."'],
    ['a\\b.csv', 'backslash'],
    ['dir/', 'ends with /'],
  ])('refuses the entry name %j (archiver would rewrite it silently)', async (name, words) => {
    await expect(writeDeterministicZip(join(dir, 'bad.zip'), [{ name, source: Buffer.from('x') }], { modifiedAt: CUT_TIME })).rejects.toThrow(words);
  });

  it('refuses a name given twice', async () => {
    const twice = [
      { name: 'a.csv', source: Buffer.from('1') },
      { name: 'a.csv', source: Buffer.from('2') },
    ];
    await expect(writeDeterministicZip(join(dir, 'twice.zip'), twice, { modifiedAt: CUT_TIME })).rejects.toThrow('given twice');
  });
});

describe('zipEntryDate', () => {
  it('keeps the wall-clock digits of the cut, whatever the offset', () => {
    expect(zipEntryDate('2024-06-02T20:00:00-06:00').toISOString()).toBe('2024-06-02T20:00:00.000Z');
    expect(zipEntryDate('2024-06-02T23:59:59-07:00').toISOString()).toBe('2024-06-02T23:59:59.000Z');
    expect(zipEntryDate('2024-06-02T20:00').toISOString()).toBe('2024-06-02T20:00:00.000Z');
  });

  it.each([
    ['2024-06-02T20:00:00.000Z', 'not a UTC instant'],
    ['2024-06-02T20:00:00Z', 'not a UTC instant'],
    ['02/06/2024 20:00', 'must look like'],
    ['2024-02-30T20:00:00-06:00', 'not a real date'],
    ['1979-12-31T23:00:00-06:00', '1980–2043'],
  ])('refuses %j', (text, words) => {
    expect(() => zipEntryDate(text)).toThrow(words);
  });
});
