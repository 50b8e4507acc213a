/** The small Aguascalientes night the CLI tests of prep cut and prep run share: a config, its catalogue and the DIP_LOC rows. */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/bad-input');

/** Writes config.yaml (the schedule ending at `end`) and catalogo.csv into `dir`; returns the DIP_LOC export rows. */
export async function smallNight(dir: string, end: string): Promise<string[]> {
  const yaml = (await readFile(join(FIXTURE, 'config.yaml'), 'utf8')).replace(/end: .*/, `end: ${end}`);
  await writeFile(join(dir, 'config.yaml'), `${yaml}\ndatabases:\n  signingKey: { simulatorTestKey: true }\n`);
  await copyFile(join(FIXTURE, 'catalogo.csv'), join(dir, 'catalogo.csv'));
  // The diputaciones only: the fixture's one AYUN acta has no municipio (unit 0), which has no page.
  return (await readFile(join(FIXTURE, 'valid.ndjson'), 'utf8')).split('\n').filter((l) => l.includes('"DIP_LOC"'));
}

/** Runs `prep <args>` to the end, as an operator would. */
export function prep(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
