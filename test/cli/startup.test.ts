import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Starting `prep` must not load what its commands run (src/cli/program.ts): the engine, the
// site build, the publication targets and their SDKs are imported by a command's action, when
// it runs. Checked on the modules each start loads (test/support/loadedModules.ts), which a busy
// machine does not blur as it blurs timings (those are in `npm run bench startup`).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'prep-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const COMMANDS = ['tally', 'simulate', 'replay', 'databases', 'verify', 'site', 'cut', 'run', 'night', 'size', 'load', 'serve', 'status', 'rollback', 'publish', 'mirror', 'init'];

let runs = 0;
/** The modules `prep <args>` loads: project files relative to the repository, packages by name. */
function loadedBy(...args: string[]): { project: string[]; packages: string[]; stdout: string } {
  const file = join(work, `${++runs}.txt`);
  const r = spawnSync(process.execPath, ['--import', './test/support/loadedModules.ts', 'src/cli/prep.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOADED_MODULES_FILE: file },
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = readFileSync(file, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
  const paths = urls.map((u) => fileURLToPath(u)).filter((p) => p.startsWith(ROOT)).map((p) => p.slice(ROOT.length));
  const packages = new Set(paths.filter((p) => p.includes('node_modules/')).map((p) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(p)![1]!));
  return { project: paths.filter((p) => p.startsWith('src/')).sort(), packages: [...packages].sort(), stdout: r.stdout };
}

/** What only running a command may load. */
const RUNTIME = /^src\/(pipeline|site)\/|^src\/adapters\/(?!publish\/target\.ts$)/;

describe('prep starts without loading what its commands run', () => {
  const help = loadedBy('--help');

  it('prep --help lists every command, loading no package but commander and nothing of the engine, site or adapters', () => {
    for (const name of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(help.packages).toEqual(['commander']);
    expect(help.project.filter((p) => RUNTIME.test(p))).toEqual([]);
  });

  it('prep --version loads the same', () => {
    expect(loadedBy('--version')).toMatchObject({ project: help.project, packages: help.packages });
  });

  it.each(COMMANDS)('prep %s --help loads nothing more than prep --help', (name) => {
    const command = loadedBy(name, '--help');
    expect(command.stdout).toContain(`Usage: prep ${name} `);
    expect({ project: command.project, packages: command.packages }).toEqual({ project: help.project, packages: help.packages });
  });
});
