/** `prep status` as an operator runs it: what a local target holds, as text and as JSON. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import { siteOf, stageFixture, temporaryDir } from '../adapters/publish/local/stagedFixture.ts';
import { prep } from './nightFixture.ts';

const A = '20240602_2040';
const B = '20240602_2100';

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await temporaryDir('prep-status-cli-');
  root = join(dir, 'target');
  const target = openLocalTarget(root);
  for (const stamp of [A, B]) await target.publish(await stageFixture(dir, { stamp, files: siteOf(stamp, stamp), mode: 'drill' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('prep status', () => {
  it('says what the target holds, the live cut and every kept cut', () => {
    const r = prep('status', '--target', root);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        `${root}: a drill (simulacro)`,
        `live cut: ${B} (02/06/2024 21:00 (UTC-6))`,
        'cuts kept (2), oldest first:',
        `  ${A}  02/06/2024 20:40 (UTC-6)`,
        `* ${B}  02/06/2024 21:00 (UTC-6)`,
        '',
      ].join('\n'),
    );
  });

  it('prints the same status as JSON with --json', async () => {
    const r = prep('status', '--target', root, '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(await openLocalTarget(root).status());
  });

  it('lists what failed or interrupted cuts left on the target', async () => {
    const C = '20240602_2120';
    await mkdir(join(root, 'datos', C), { recursive: true });
    await mkdir(join(root, 'cuts', `.${C}.partial`), { recursive: true });
    const r = prep('status', '--target', root);
    await rm(join(root, 'datos', C), { recursive: true });
    await rm(join(root, 'cuts', `.${C}.partial`), { recursive: true });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(['left by failed or interrupted cuts (2), not part of any kept cut: publish their cut again, or delete them:', `  cuts/.${C}.partial/`, `  datos/${C}/`, ''].join('\n'));
  });

  it('says when nothing was published to a target yet', () => {
    const empty = join(dir, 'nothing');
    const r = prep('status', '--target', empty);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${empty}: nothing published yet\n`);
  });

  it('--check reads the live cut back: exit 0 when intact, exit 1 listing every difference', async () => {
    const intact = prep('status', '--target', root, '--check');
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(new RegExp(`check: live cut ${B} is intact \\(9 files, every size and SHA-256 as its publication.json lists\\)\\n$`));

    await writeFile(join(root, 'cuts', B, 'index.html'), '<p>cifras falsas</p>');
    const tampered = prep('status', '--target', root, '--check');
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain(`check: live cut ${B} DIFFERS from its publication.json in 1 file:\n  ${join(root, 'cuts', B, 'index.html')}: holds 20 bytes`);
    const json = prep('status', '--target', root, '--check', '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).check).toMatchObject({ live: B, files: 9, differences: [expect.stringContaining('index.html: holds 20 bytes')] });
  });
});
