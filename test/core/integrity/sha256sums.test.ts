import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareBytes, parseSha256sums, sha256sumsText, type Sha256sumsEntry } from '../../../src/core/integrity/sha256sums.ts';

const sha = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

/** The real GNU coreutils sha256sum, in C locale. */
function sha256sum(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('sha256sum', args, { cwd, env: { ...process.env, LC_ALL: 'C' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const files: Record<string, string> = {
  '20240602_2000_PREP_GRO.zip': 'zip bytes',
  'GRO_DIP_LOC_2024.csv': 'CLAVE_CASILLA\r\n',
  'año/LEEME.txt': 'Léeme\r\n',
  'Z first upper.csv': 'upper case sorts before lower case in bytes',
  'dir/sub/b.csv': 'b',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-sums-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entries = (): Sha256sumsEntry[] => Object.entries(files).map(([path, content]) => ({ path, sha256: sha(content) }));

describe('sha256sumsText', () => {
  it('writes `<hex>  <path>` lines sorted by path bytes, whatever the input order', () => {
    const text = sha256sumsText(entries());
    expect(text).toBe(sha256sumsText([...entries()].reverse()));
    expect(text.split('\n').map((l) => l.slice(66))).toEqual([
      '20240602_2000_PREP_GRO.zip',
      'GRO_DIP_LOC_2024.csv',
      'Z first upper.csv',
      'año/LEEME.txt',
      'dir/sub/b.csv',
      '',
    ]);
    expect(text.split('\n')[0]).toBe(`${sha('zip bytes')}  20240602_2000_PREP_GRO.zip`);
    expect(text.endsWith('\n')).toBe(true);
    expect(compareBytes('z', 'é')).toBeLessThan(0); // é is 0xC3 0xA9 in UTF-8
  });

  it('is exactly what GNU sha256sum writes for the same files (C locale order)', () => {
    const paths = Object.keys(files).sort(compareBytes);
    const gnu = sha256sum(paths, dir);
    expect(gnu.status).toBe(0);
    expect(sha256sumsText(entries())).toBe(gnu.stdout);
  });

  it('verifies with the real `sha256sum -c`; tampering with one file fails that line only', async () => {
    await writeFile(join(dir, 'SHA256SUMS'), sha256sumsText(entries()));
    const ok = sha256sum(['-c', 'SHA256SUMS'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(5);
    expect(ok.stdout).toContain('año/LEEME.txt: OK');

    await writeFile(join(dir, 'dir/sub/b.csv'), 'B');
    const bad = sha256sum(['-c', 'SHA256SUMS'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('dir/sub/b.csv: FAILED');
    expect(bad.stdout.match(/: OK$/gm)).toHaveLength(4);
    expect(bad.stderr).toContain('1 computed checksum did NOT match');
  });

  it('escapes a newline in a path exactly as GNU does, and sha256sum -c reads it', async () => {
    const odd = 'línea\nnueva.csv';
    await writeFile(join(dir, odd), 'x');
    const text = sha256sumsText([{ path: odd, sha256: sha('x') }]);
    expect(text).toBe(`\\${sha('x')}  línea\\nnueva.csv\n`);
    expect(text).toBe(sha256sum([odd], dir).stdout);
    await writeFile(join(dir, 'SUMS'), text);
    expect(sha256sum(['-c', 'SUMS'], dir).status).toBe(0);
    expect(parseSha256sums(text, 'SUMS')).toEqual({ ok: true, entries: [{ path: odd, sha256: sha('x') }] });
  });

  it.each([
    [[{ path: 'a', sha256: 'abc' }], 'checksum must be 64 hexadecimal digits'],
    [[{ path: '/abs', sha256: sha('') }], 'absolute'],
    [[{ path: 'a/../b', sha256: sha('') }], '".."'],
    [[{ path: 'a\\b', sha256: sha('') }], 'backslash'],
    [[{ path: '', sha256: sha('') }], 'empty'],
    [
      [
        { path: 'a', sha256: sha('1') },
        { path: 'a', sha256: sha('2') },
      ],
      'listed twice',
    ],
  ])('refuses %j', (bad, words) => {
    expect(() => sha256sumsText(bad)).toThrow(words);
  });
});

describe('parseSha256sums', () => {
  it('reads back what sha256sumsText writes (and the * binary marker)', () => {
    const sorted = [...entries()].sort((a, b) => compareBytes(a.path, b.path));
    expect(parseSha256sums(sha256sumsText(entries()), 'SHA256SUMS')).toEqual({ ok: true, entries: sorted });
    const upper = `${sha('a').toUpperCase()} *a.csv\n`;
    expect(parseSha256sums(Buffer.from(upper), 'SHA256SUMS')).toEqual({ ok: true, entries: [{ path: 'a.csv', sha256: sha('a') }] });
  });

  it('names the line and what is wrong on each bad line', () => {
    const good = sha('good');
    const text = [
      `${good}  ok.csv`,
      `${good.slice(0, 60)}  short.csv`,
      `${good} one-space.csv`,
      `${good}  ok.csv`,
      '',
      `${good.slice(0, 10)}g${good.slice(11)}  letter.csv`,
      `${good}  /etc/passwd`,
      `\\${good}  bad\\tescape.csv`,
      `${good}  `,
      `${good}  crlf.csv\r`,
      `${good}  last-without-newline.csv`,
    ].join('\n');
    const result = parseSha256sums(text, 'SHA256SUMS');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byLine = result.errors.map((e) => [e.line, e.message]);
    expect(byLine).toEqual([
      [11, 'the last line does not end with a newline'],
      [2, 'checksum has 60 hexadecimal digits; SHA-256 needs 64'],
      [3, 'expected two spaces (or a space and *) between the checksum and the file name'],
      [4, '"ok.csv" is already listed on line 1'],
      [5, 'empty line'],
      [6, 'checksum must be 64 hexadecimal digits (found "g" at character 11)'],
      [7, 'the path is absolute (must be relative to the folder of SHA256SUMS)'],
      [8, 'invalid escape "\\t" at character 4 of the file name (only \\\\, \\n and \\r exist)'],
      [9, 'the file name is missing'],
      [10, 'ends with a carriage return (CRLF line endings); SHA256SUMS uses LF only'],
    ]);
    expect(result.errors.every((e) => e.file === 'SHA256SUMS' && e.rejects)).toBe(true);
  });

  it('refuses an empty file and bytes that are not UTF-8', () => {
    expect(parseSha256sums('', 'S')).toEqual({ ok: false, errors: [expect.objectContaining({ message: 'the file is empty: it lists no files' })] });
    expect(parseSha256sums(Buffer.from([0xff, 0xfe, 0x41]), 'S')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: 'not valid UTF-8 text' })],
    });
  });
});
