/** `prep rollback` as an operator runs it on a local target with three cuts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readlink, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import { siteOf, stageFixture, temporaryDir } from '../adapters/publish/local/stagedFixture.ts';
import { prep } from './nightFixture.ts';

const A = '20240602_2040';
const B = '20240602_2100';
const C = '20240602_2120';

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await temporaryDir('prep-rollback-cli-');
  root = join(dir, 'target');
  const target = openLocalTarget(root);
  for (const stamp of [A, B, C]) await target.publish(await stageFixture(dir, { stamp, files: siteOf(stamp, stamp) }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const live = () => readlink(join(root, 'current'));

describe('prep rollback', () => {
  it('goes back to the cut before the live one, then to any kept cut, in one step each', async () => {
    const back = prep('rollback', '--target', root);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toBe(`${root}: cut ${B} is live\n`);
    expect(back.stderr).toContain(`current → cuts/${B} (was cuts/${C})`);
    expect(await live()).toBe(`cuts/${B}`);

    const forward = prep('rollback', C, '--target', root);
    expect(forward.status, forward.stderr).toBe(0);
    expect(await live()).toBe(`cuts/${C}`);
  });

  it.each([
    { name: 'a cut that is not kept', args: ['20240602_0000'], message: `error: 20240602_0000 is not a cut kept on <root> (kept: ${A}, ${B}, ${C})` },
    { name: 'an S3 option on a directory', args: ['--region', 'us-east-1'], message: 'error: <root> is a local directory: region only apply to an s3:// target' },
  ])('refuses $name in plain words, the live cut staying live', async ({ args, message }) => {
    const r = prep('rollback', ...args, '--target', root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message.replace('<root>', root));
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(await live()).toBe(`cuts/${C}`);
  });

  it('refuses a kept cut edited after it was published, naming the file; the live cut stays live', async () => {
    await writeFile(join(root, 'cuts', A, 'index.html'), '<p>cifras falsas</p>');
    const r = prep('rollback', A, '--target', root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cut ${A} differs from its publication.json (${join(root, 'cuts', A, 'index.html')}: holds 20 bytes`);
    expect(r.stderr).toContain(`refusing to make it live, cut ${C} stays live`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(await live()).toBe(`cuts/${C}`);
  });
});
