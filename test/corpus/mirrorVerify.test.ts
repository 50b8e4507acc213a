import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDeterministicZip } from '../../src/adapters/package/deterministicZip.ts';
import { SIMULATOR_TEST_KEY_FINGERPRINT } from '../../src/adapters/package/signing.ts';
import { startServer, type RunningServer } from '../../src/adapters/serve/staticServer.ts';
import { parseManifest } from '../../src/core/integrity/manifest.ts';
import { ROOT, writeSimulatedCut, type SimulatedCut } from '../adapters/verify/helpers.ts';
import { spawnPrep } from '../support/spawnPrep.ts';

// What `prep mirror` and `prep verify` say, exactly, through the real command line: every
// line on stderr for the refusals of the options and the folder, the lines a refused cut
// gets, and the line of prep verify naming the copy inside a ZIP that differs. Hashes in the
// expected text are computed from the files of the case, so each line is compared whole.

const FP = SIMULATOR_TEST_KEY_FINGERPRINT;
const GROUPED = FP.match(/.{4}/g)!.join(' ');
const OTHER = 'ab'.repeat(32);

interface Run {
  status: number | null;
  stdout: string;
  /** Every line on stderr. */
  stderr: string[];
}

const linesOf = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** `prep <args>`, for the cases that need no server here. */
function prep(...args: string[]): Run {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: linesOf(r.stderr) };
}

/** `prep <args>` without blocking this process, whose server the command reads. */
async function prepAgainstServer(...args: string[]): Promise<Run> {
  const r = await spawnPrep(args);
  return { status: r.status, stdout: r.stdout, stderr: linesOf(r.stderr) };
}

/** A results CSV with its first acta's CLAVE_CASILLA one digit off. */
function oneByteChanged(csv: string): string {
  const at = csv.indexOf("\r\n'12") + 4;
  if (at === 3) throw new Error('no acta row to change');
  return `${csv.slice(0, at)}3${csv.slice(at + 1)}`;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let work: string;
let sim: SimulatedCut;
let server: RunningServer | undefined;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prep-corpus-mirror-'));
  sim = writeSimulatedCut();
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
  if (sim) rmSync(sim.root, { recursive: true, force: true });
});

describe('prep mirror refuses bad options and folders in plain words', () => {
  const out = (): string => join(work, 'out');
  it.each([
    { name: 'a URL without a scheme', args: () => ['prep.example.org/datos/', '--fingerprint', FP, '--out', out()], stderr: ['error: "prep.example.org/datos/" is not a URL: give the address of the site\'s databases folder, e.g. https://prep.example.org/datos/'] },
    { name: "the site's root instead of its databases folder", args: () => ['https://prep.example.org/', '--fingerprint', FP, '--out', out()], stderr: ["error: / is not a databases folder: give the address of the site's folder of cuts, ending in /datos/ (e.g. https://prep.example.org/datos/)"] },
    { name: 'plain http over the network', args: () => ['http://prep.example.org/datos/', '--fingerprint', FP, '--out', out()], stderr: ['error: plain http to prep.example.org can be tampered with on the way: use https, or add --allow-http if this network is yours'] },
    { name: 'a fingerprint that is not one', args: () => ['https://prep.example.org/datos/', '--fingerprint', 'ab12 cd34', '--out', out()], stderr: ['error: --fingerprint "ab12 cd34" is not a SHA-256 fingerprint (64 hexadecimal digits)'] },
    { name: 'an interval under a second', args: () => ['https://prep.example.org/datos/', '--fingerprint', FP, '--out', out(), '--interval', '0.5'], stderr: ['error: --interval must be a number of seconds ≥ 1, got "0.5"'] },
    { name: 'no fingerprint', args: () => ['https://prep.example.org/datos/', '--out', out()], stderr: ["error: required option '--fingerprint <hex>' not specified", '(run with --help for usage)'] },
  ])('$name', ({ args, stderr }) => {
    const r = prep('mirror', ...args());
    expect(r.stderr).toEqual(stderr);
    expect(r.status).toBe(1);
  });

  it('a folder holding other files', () => {
    const dir = join(work, 'notes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notas.txt'), 'x');
    const r = prep('mirror', 'https://prep.example.org/datos/', '--fingerprint', FP, '--out', dir, '--once');
    expect(r.stderr).toEqual([`error: ${dir}: holds files but no mirror.json (notas.txt…): not a folder prep mirror made (expected an empty folder, or one prep mirror made)`]);
    expect(r.status).toBe(1);
  });

  it('a folder that mirrors another site', () => {
    const dir = join(work, 'other-site');
    mkdirSync(join(dir, 'datos'), { recursive: true });
    const cut = { stamp: '20240602_2000', label: '02/06/2024 20:00 (UTC-6)', last: false, files: 9, bytes: 1000, images: 0 };
    writeFileSync(join(dir, 'mirror.json'), JSON.stringify({ format: 'prep-mirror/1', source: 'https://otro.example.org/datos/', fingerprint: FP, cuts: [cut] }));
    const r = prep('mirror', 'https://prep.example.org/datos/', '--fingerprint', FP, '--out', dir, '--once');
    expect(r.stderr).toEqual([
      `error: ${join(dir, 'mirror.json')}: it mirrors https://otro.example.org/datos/, not https://prep.example.org/datos/: a folder mirrors one site, signed by one key (expected another --out for another site or key)`,
    ]);
    expect(r.status).toBe(1);
  });
});

describe('prep mirror --once: the lines of a refused cut', () => {
  let sites = 0;
  /** A site serving the simulated cut under its stamp and `more` names (tampered by `tamper`), listing them all. */
  async function site(more: string[], tamper: (root: string) => void = () => {}): Promise<string> {
    await server?.close();
    const root = join(work, `site${++sites}`);
    for (const stamp of [sim.stamp, ...more]) cpSync(sim.cut, join(root, 'datos', stamp), { recursive: true });
    mkdirSync(join(root, 'current', 'bases-de-datos'), { recursive: true });
    writeFileSync(join(root, 'current', 'bases-de-datos', 'datos.json'), JSON.stringify({ cuts: [...more].reverse().concat(sim.stamp).map((stamp) => ({ stamp })) }));
    tamper(root);
    server = await startServer({ root, port: 0, host: '127.0.0.1' });
    return `${server.url}/datos/`;
  }
  const mirror = (url: string, fingerprint: string, name: string): Promise<Run> => prepAgainstServer('mirror', url, '--fingerprint', fingerprint, '--out', join(work, name), '--once');
  const refusedLines = (stderr: string[]): string[] => stderr.slice(stderr.findIndex((l) => l.includes('REFUSED')), -1);

  it('signed by another key', async () => {
    const url = await site([]);
    const r = await mirror(url, OTHER, 'm-key');
    expect(refusedLines(r.stderr)).toEqual([
      `cut ${sim.stamp}: REFUSED, nothing of it kept; the mirror holds no cut yet:`,
      `  prep-ed25519-public.pem: the cut is signed with the key ${GROUPED}, not the expected ${OTHER.match(/.{4}/g)!.join(' ')}`,
    ]);
    expect(r.stderr.at(-1)).toBe('the mirror holds no cut yet');
    expect(r.status).toBe(1);
  });

  it('a file changed after signing', async () => {
    const csv = `${sim.stamp}_PREP_DIP_LOC_GRO/GRO_DIP_LOC_2024.csv`;
    let changed = '';
    const url = await site([], (root) => {
      const path = join(root, 'datos', sim.stamp, csv);
      const text = oneByteChanged(readFileSync(path, 'utf8'));
      writeFileSync(path, text);
      changed = sha256(Buffer.from(text, 'utf8'));
    });
    const signed = parseManifest(readFileSync(join(sim.cut, 'manifest.json')), 'manifest.json').files.find((f) => f.path === csv)!.sha256;
    const r = await mirror(url, FP, 'm-tampered');
    expect(refusedLines(r.stderr)).toEqual([
      `cut ${sim.stamp}: REFUSED, nothing of it kept; the mirror holds no cut yet:`,
      `  ${csv}: SHA-256 ${changed}, but the signed manifest.json says ${signed}`,
    ]);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
  });

  it('a signed cut published again under another stamp', async () => {
    const later = '20240602_2140';
    const url = await site([later]);
    const r = await mirror(url, FP, 'm-replayed');
    expect(refusedLines(r.stderr)).toEqual([
      `cut ${later}: REFUSED, nothing of it kept; the mirror still holds ${sim.stamp}:`,
      `  manifest.json: the signed manifest is of cut ${sim.stamp}, published as cut ${later}`,
    ]);
    expect(r.stdout).toBe(`${join(work, 'm-replayed', 'datos', sim.stamp)}\n`);
    expect(r.stderr.at(-1)).toBe(`the mirror holds 1 cut, the newest ${sim.stamp} (02/06/2024 21:00 (UTC-6))`);
    expect(r.status).toBe(1);
  });

  it('a list of cuts that is not one', async () => {
    const url = await site([], (root) => writeFileSync(join(root, 'current', 'bases-de-datos', 'datos.json'), '{"cuts":[{"stamp":"ultimo"}]}'));
    const r = await mirror(url, FP, 'm-list');
    expect(r.stderr.at(-1)).toBe(`error: ${url.replace('/datos/', '/bases-de-datos/datos.json')}: column cuts[0].stamp: value "ultimo": not a cut's stamp (expected YYYYMMDD_HHMM)`);
    expect(r.status).toBe(1);
  });
});

describe('prep verify names the copy that differs', () => {
  it("a results CSV changed inside the cut's ZIP, verified with the integrity files beside it: the copy inside the ZIP, not the unzipped folder", async () => {
    const dir = join(work, 'downloaded');
    mkdirSync(dir);
    for (const name of ['SHA256SUMS', 'manifest.json', 'manifest.json.sig', 'prep-ed25519-public.pem']) copyFileSync(join(sim.cut, name), join(dir, name));
    const folder = `${sim.stamp}_PREP_DIP_LOC_GRO`;
    const csv = `${folder}/GRO_DIP_LOC_2024.csv`;
    const text = oneByteChanged(readFileSync(join(sim.cut, csv), 'utf8'));
    const at = { modifiedAt: parseManifest(readFileSync(join(sim.cut, 'manifest.json')), 'manifest.json').cut.at };
    const inner = join(work, `${folder}.zip`);
    await writeDeterministicZip(
      inner,
      ['GRO_DIP_LOC_2024.csv', 'GRO_DIP_LOC_CANDIDATURAS_2024.csv', 'LEEME.txt'].map((name) => ({ name, source: name === 'GRO_DIP_LOC_2024.csv' ? Buffer.from(text, 'utf8') : readFileSync(join(sim.cut, folder, name)) })),
      at,
    );
    const cutZip = `${sim.stamp}_PREP_GRO.zip`;
    await writeDeterministicZip(join(dir, cutZip), [`${sim.stamp}_PREP_AYUN_GRO.zip`, `${folder}.zip`].map((name) => ({ name, source: readFileSync(name === `${folder}.zip` ? inner : join(sim.cut, name)) })), { ...at, store: true });
    const sums = readFileSync(join(sim.cut, 'SHA256SUMS'), 'utf8').split('\n');
    const line = sums.findIndex((l) => l.endsWith(`  ${csv}`));

    const r = prep('verify', join(dir, cutZip));
    expect(r.stdout.split('\n')).toContain(
      `FAIL sha256sums: ${cutZip}!${folder}.zip!GRO_DIP_LOC_2024.csv: SHA-256 mismatch: the ZIP's copy of ${csv} has ${sha256(Buffer.from(text, 'utf8'))} but SHA256SUMS line ${line + 1} says ${sums[line]!.slice(0, 64)}`,
    );
    expect(r.stdout).not.toContain(`FAIL sha256sums: ${csv}:`);
    expect(r.status).toBe(1);
  });
});
