/**
 * The k6 scripts are JavaScript a real k6 runs unchanged; they are type-checked against
 * @types/k6 (checkJs, no Node or DOM types), so a call k6 does not document fails here.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsc = resolve('node_modules/.bin/tsc');
const temps: string[] = [];

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function typeCheck(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(tsc, ['-p', project], { cwd: resolve('.') });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('tsc -p load-tests/tsconfig.json', () => {
  it('finds no error in the k6 scripts', async () => {
    const { code, output } = await typeCheck('load-tests/tsconfig.json');
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('fails on a call outside the k6 API, and on Node globals', async () => {
    // A copy beside the original, so that ../node_modules/@types resolves the same way.
    const dir = await mkdtemp(join(resolve('.'), '.tmp-load-tests-'));
    temps.push(dir);
    await cp(resolve('load-tests'), dir, { recursive: true });
    const script = join(dir, 'prep.js');
    const text = await readFile(script, 'utf8');
    await writeFile(script, `${text}\nhttp.get(42, { tags: 'kind' });\nprocess.exit(1);\n`);
    const { code, output } = await typeCheck(join(dir, 'tsconfig.json'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/prep\.js\(\d+,\d+\): error TS2345/);
    expect(output).toMatch(/Cannot find name 'process'/);
  }, 120_000);
});
