import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followCuts, type FollowOptions } from '../../../src/adapters/mirror/followCuts.ts';
import { SIMULATOR_TEST_KEY_FINGERPRINT } from '../../../src/adapters/package/signing.ts';
import { startServer, type RunningServer } from '../../../src/adapters/serve/staticServer.ts';
import { verifyTarget } from '../../../src/adapters/verify/verifyCut.ts';
import { parseManifest } from '../../../src/core/integrity/manifest.ts';
import { mirrorSource } from '../../../src/core/mirror/mirrorSource.ts';
import { parseMirrorRecord } from '../../../src/core/mirror/mirrorRecord.ts';
import { prepCli } from '../verify/helpers.ts';

// prep mirror's follower in process, against a site served by the real static server (the one
// prep serve runs): two cuts written by prep databases, with their acta images, laid out as a
// published site (datos/<stamp>/, actas/, and the list of cuts in the live cut's
// bases-de-datos/datos.json). Each test serves its own copy, tampered as it needs.

const A = '20240602_2100';
const B = '20240602_2120';
let work: string;
/** prep databases' output: <out>/<stamp>/ for A and B, <out>/actas/. */
let written: string;
let sites = 0;
let servers: RunningServer[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prep-mirror-test-'));
  const sim = join(work, 'sim');
  written = join(work, 'written');
  prepCli('simulate', '--out', sim, '--as-of', '21:00', '--images');
  for (const at of ['21:00', '21:20'])
    prepCli('databases', '-c', join(sim, 'config.yaml'), '-s', join(sim, 'captura.ndjson'), '--images', join(sim, 'actas'), '--at', at, '-o', written);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A site serving the given cuts (folder name → cut written), and the list naming `listed`. */
async function serveSite(cuts: Record<string, string>, listed: string[] = Object.keys(cuts)): Promise<{ root: string; url: string }> {
  const root = join(work, `site${++sites}`);
  for (const [name, cut] of Object.entries(cuts)) cpSync(join(written, cut), join(root, 'datos', name), { recursive: true });
  cpSync(join(written, 'actas'), join(root, 'actas'), { recursive: true });
  mkdirSync(join(root, 'current', 'bases-de-datos'), { recursive: true });
  writeFileSync(join(root, 'current', 'bases-de-datos', 'datos.json'), JSON.stringify({ cuts: [...listed].reverse().map((stamp) => ({ stamp, path: `/datos/${stamp}/` })) }));
  const server = await startServer({ root, port: 0, host: '127.0.0.1' });
  servers.push(server);
  return { root, url: `${server.url}/datos/` };
}

interface Run {
  result: Awaited<ReturnType<typeof followCuts>>;
  log: string[];
  held: string[];
  /** Every URL path requested, in order. */
  requested: string[];
}

async function mirror(url: string, out: string, more: Partial<FollowOptions> = {}): Promise<Run> {
  const log: string[] = [];
  const held: string[] = [];
  const requested: string[] = [];
  const counting = (async (input: string | URL | Request, init?: RequestInit) => {
    requested.push(new URL(input instanceof Request ? input.url : input).pathname);
    return fetch(input, init);
  }) as typeof fetch;
  const result = await followCuts({
    source: mirrorSource(url, { allowHttp: false }),
    fingerprint: SIMULATOR_TEST_KEY_FINGERPRINT,
    out,
    images: false,
    once: true,
    intervalMs: 1000,
    log: (line) => log.push(line),
    onHeld: (cut) => held.push(cut.stamp),
    download: { retries: 0, fetch: counting },
    ...more,
  });
  return { result, log, held, requested };
}

const outDir = (name: string): string => join(work, name);
const refusal = (run: Run): string[] => run.log.slice(run.log.findIndex((l) => l.includes('REFUSED')));

describe('prep mirror follows a site', () => {
  it('mirrors every cut listed, oldest first, each verified, with the acta images once (--images)', async () => {
    const site = await serveSite({ [A]: A, [B]: B });
    const out = outDir('both');
    const run = await mirror(site.url, out, { images: true });
    expect(run.held).toEqual([A, B]);
    expect(run.result).toMatchObject({ passes: 1, refused: 0, failedPasses: 0 });
    expect(readdirSync(join(out, 'datos'))).toEqual([A, B]);
    const images = parseManifest(readFileSync(join(out, 'datos', A, 'manifest.json')), 'manifest.json').images;
    expect(readdirSync(join(out, 'actas')).length).toBe(new Set(images.map((i) => i.path)).size);
    // Each image once: B references the same actas as A, all held after A.
    expect(run.requested.filter((p) => p.startsWith('/actas/')).length).toBe(readdirSync(join(out, 'actas')).length);
    const record = parseMirrorRecord(readFileSync(join(out, 'mirror.json'), 'utf8'), 'mirror.json');
    expect(record).toMatchObject({ source: site.url, fingerprint: SIMULATOR_TEST_KEY_FINGERPRINT, cuts: [{ stamp: A, label: '02/06/2024 21:00 (UTC-6)', last: false, files: 9 }, { stamp: B }] });
    // The copy is what prep verify accepts, images included.
    const report = await verifyTarget(join(out, 'datos', B), { fingerprint: SIMULATOR_TEST_KEY_FINGERPRINT });
    expect(report.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    expect(report.checks.find((c) => c.check === 'images')).toMatchObject({ status: 'ok' });

    const again = await mirror(site.url, out, { images: true });
    expect(again.requested).toEqual(['/bases-de-datos/datos.json']);
    expect(again.log.at(-1)).toBe(`cut list ${site.url.replace('/datos/', '/bases-de-datos/datos.json')}: 2 cuts, ${A} to ${B}; nothing new`);
  }, 120_000);

  it('refuses a cut signed by another key after the integrity files alone, and holds nothing of it', async () => {
    const site = await serveSite({ [A]: A });
    const out = outDir('other-key');
    const run = await mirror(site.url, out, { fingerprint: 'ab'.repeat(32) });
    expect(run.result).toMatchObject({ refused: 1, held: [] });
    expect(refusal(run)).toEqual([
      `cut ${A}: REFUSED, nothing of it kept; the mirror holds no cut yet:`,
      '  prep-ed25519-public.pem: the cut is signed with the key 33d0 3999 396a 7769 9cf2 d52e 8dce e1bd bb02 c911 3c9b 3961 2184 8e47 00e8 d36c, not the expected abab abab abab abab abab abab abab abab abab abab abab abab abab abab abab abab',
    ]);
    expect(run.requested).toEqual(['/bases-de-datos/datos.json', ...['SHA256SUMS', 'manifest.json', 'manifest.json.sig', 'prep-ed25519-public.pem'].map((n) => `/datos/${A}/${n}`)]);
    expect(readdirSync(join(out, 'datos'))).toEqual([]);
  });

  it('refuses a signed cut published again under another stamp', async () => {
    const site = await serveSite({ [A]: A, '20240602_2140': A });
    const run = await mirror(site.url, outDir('replay'));
    expect(run.held).toEqual([A]);
    expect(refusal(run)).toEqual([
      `cut 20240602_2140: REFUSED, nothing of it kept; the mirror still holds ${A}:`,
      `  manifest.json: the signed manifest is of cut ${A}, published as cut 20240602_2140`,
    ]);
  });

  it('refuses an acta image that differs from the signed manifest (--images)', async () => {
    const site = await serveSite({ [A]: A });
    const image = parseManifest(readFileSync(join(site.root, 'datos', A, 'manifest.json')), 'manifest.json').images[0]!;
    const bytes = readFileSync(join(site.root, image.path));
    bytes[10]! ^= 1;
    writeFileSync(join(site.root, image.path), bytes);
    const run = await mirror(site.url, outDir('image'), { images: true });
    expect(run.result.held).toEqual([]);
    expect(refusal(run)[1]).toMatch(new RegExp(`^  ${image.path}: SHA-256 [0-9a-f]{64}, but the signed manifest.json says ${image.sha256}$`));
  });

  it("refuses a cut whose files match the signed manifest but fail prep verify's checks (a SHA256SUMS line changed)", async () => {
    const site = await serveSite({ [A]: A });
    const sums = join(site.root, 'datos', A, 'SHA256SUMS');
    const lines = readFileSync(sums, 'utf8').split('\n');
    lines[0] = `${'0'.repeat(64)}${lines[0]!.slice(64)}`;
    writeFileSync(sums, lines.join('\n'));
    const run = await mirror(site.url, outDir('sums'));
    expect(run.result.held).toEqual([]);
    const path = lines[0]!.slice(66);
    expect(refusal(run).slice(1)).toEqual([
      `  FAIL signature: SHA256SUMS:1: ${path}: SHA256SUMS says ${'0'.repeat(64)} but the signed manifest.json says ${parseManifest(readFileSync(join(site.root, 'datos', A, 'manifest.json')), 'manifest.json').files.find((f) => f.path === path)!.sha256}: SHA256SUMS is not covered by the signature`,
      expect.stringMatching(new RegExp(`^  FAIL sha256sums: ${path.replace(/[.]/g, '\\.')}: SHA-256 mismatch: the file has [0-9a-f]{64} but SHA256SUMS line 1 says 0{64}$`)),
    ]);
  });

  it('without once: looks again every interval, through a list that cannot be read, until stopped', async () => {
    const site = await serveSite({ [A]: A, [B]: B }, [A]);
    const list = join(site.root, 'current', 'bases-de-datos', 'datos.json');
    const listed = readFileSync(list);
    rmSync(list);
    const stop = new AbortController();
    const held: string[] = [];
    const log: string[] = [];
    const following = followCuts({
      source: mirrorSource(site.url, { allowHttp: false }),
      fingerprint: SIMULATOR_TEST_KEY_FINGERPRINT,
      out: outDir('follow'),
      images: false,
      once: false,
      intervalMs: 50,
      signal: stop.signal,
      download: { retries: 0 },
      log: (line) => {
        log.push(line);
        // The list appears after the first look fails; B is listed once A is held.
        if (line.includes('looking again')) writeFileSync(list, listed);
      },
      onHeld: (cut) => {
        held.push(cut.stamp);
        if (cut.stamp === A) writeFileSync(list, JSON.stringify({ cuts: [{ stamp: B }, { stamp: A }] }));
        else stop.abort();
      },
    });
    const result = await following;
    expect(held).toEqual([A, B]);
    expect(result.failedPasses).toBe(1);
    expect(result.passes).toBeGreaterThanOrEqual(3);
    expect(log).toContain(`error: ${site.url.replace('/datos/', '/bases-de-datos/datos.json')}: download failed: the server answered HTTP 404 Not Found`);
    expect(log).toContain('the list of cuts could not be read: looking again in 0.05 s');
  }, 60_000);

  it('a folder follows one site with one key; a killed run leaves nothing it does not clear', async () => {
    const site = await serveSite({ [A]: A });
    const out = outDir('resume');
    await mirror(site.url, out);
    mkdirSync(join(out, 'datos', `.${B}.4242.0123abcd.tmp`, 'x'), { recursive: true });
    const run = await mirror(site.url, out);
    expect(run.held).toEqual([]);
    expect(readdirSync(join(out, 'datos'))).toEqual([A]);

    // Killed between renaming a cut into place and recording it: verified again, not downloaded again.
    const recordFile = join(out, 'mirror.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { cuts: unknown[] };
    writeFileSync(recordFile, JSON.stringify({ ...record, cuts: [] }));
    const adopted = await mirror(site.url, out);
    expect(adopted.log[0]).toBe(`datos/${A}: not recorded, verified again and recorded`);
    expect(adopted.requested).toEqual(['/bases-de-datos/datos.json']);
    expect(JSON.parse(readFileSync(recordFile, 'utf8'))).toEqual(record);

    // A cut folder removed by hand is mirrored again.
    rmSync(join(out, 'datos', A), { recursive: true });
    const again = await mirror(site.url, out);
    expect(again.log[0]).toBe(`datos/${A}: gone from the folder, to be mirrored again`);
    expect(again.held).toEqual([A]);

    const other = await serveSite({ [A]: A });
    await expect(mirror(other.url, out)).rejects.toThrow(`${join(out, 'mirror.json')}: it mirrors ${site.url}, not ${other.url}: a folder mirrors one site, signed by one key (expected another --out for another site or key)`);
    const stray = outDir('stray');
    mkdirSync(stray);
    writeFileSync(join(stray, 'notas.txt'), 'x');
    await expect(mirror(site.url, stray)).rejects.toThrow(`${stray}: holds files but no mirror.json (notas.txt…): not a folder prep mirror made (expected an empty folder, or one prep mirror made)`);
    expect(existsSync(join(stray, 'mirror.json'))).toBe(false);
  });
});
