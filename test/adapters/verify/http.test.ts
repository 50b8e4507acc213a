import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTarget } from '../../../src/adapters/verify/verifyCut.ts';
import { failureKeys, failures, PROTOTYPE_ZIP, ROOT, writeSimulatedCut, type SimulatedCut } from './helpers.ts';

// A cut served over HTTP from 127.0.0.1, as a CDN serves it: verify fetches the integrity files
// and what the manifest lists, and nothing outside the folder it was given.

let sim: SimulatedCut;
let server: Server;
let base = '';
const requested: string[] = [];

beforeAll(async () => {
  sim = writeSimulatedCut();
  const site = join(sim.root, 'out');
  mkdirSync(join(site, 'otro'), { recursive: true });
  copyFileSync(join(ROOT, PROTOTYPE_ZIP), join(site, 'otro', '20240602_2000_PREP_CDMX.zip'));
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    if (path === '/away/x.zip') {
      // A redirect to another host: verify must not follow it.
      res.writeHead(302, { location: 'http://elsewhere.invalid/x.zip' }).end();
      return;
    }
    if (path === '/alias/20240602_2000_PREP_CDMX.zip') {
      res.writeHead(301, { location: '/otro/20240602_2000_PREP_CDMX.zip' }).end();
      return;
    }
    const file = normalize(join(site, path));
    const info = file.startsWith(site) ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (info === undefined || !info.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  if (sim) rmSync(sim.root, { recursive: true, force: true });
});

describe('prep verify over http(s)', () => {
  it('a cut folder URL: the four integrity files, then every file and image the manifest lists, all verified', async () => {
    requested.length = 0;
    const report = await verifyTarget(`${base}/${sim.stamp}/`);
    expect(failures(report)).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'warn').map((c) => c.check)).toEqual(['public-key', 'public-key']);
    const manifest = JSON.parse(readFileSync(join(sim.cut, 'manifest.json'), 'utf8')) as { files: { path: string }[]; images: { path: string }[] };
    const expected = ['SHA256SUMS', 'manifest.json', 'manifest.json.sig', 'prep-ed25519-public.pem', ...manifest.files.map((f) => f.path)].map((p) => `/${sim.stamp}/${p}`);
    // The images from the image store beside the cut folder (`prep databases --out` writes <out>/actas/).
    expect(manifest.images.length).toBeGreaterThan(100);
    expect(new Set(requested)).toEqual(new Set([...expected, ...manifest.images.map((i) => `/${i.path}`)]));
    expect(report.checks.find((c) => c.check === 'codigo-integridad' && c.status === 'ok')).toBeDefined();
    expect(report.checks.find((c) => c.check === 'sha256sums')!.message).toBe(`${manifest.files.length} files match SHA256SUMS`);
  });

  it('an acta image the manifest lists missing from the server: FAIL naming it and its URL', async () => {
    const manifest = JSON.parse(readFileSync(join(sim.cut, 'manifest.json'), 'utf8')) as { images: { path: string }[] };
    const image = manifest.images[0]!.path;
    const file = join(sim.root, 'out', image);
    renameSync(file, `${file}.away`);
    try {
      const report = await verifyTarget(`${base}/${sim.stamp}/`);
      expect(failureKeys(report)).toEqual([`images ${image}`]);
      expect(failures(report)[0]!.message).toContain(`missing from ${base}/actas/ (manifest.json lists it for `);
    } finally {
      renameSync(`${file}.away`, file);
    }
  });

  it('a ZIP URL: the ZIP and the integrity files of its URL folder, nothing else', async () => {
    requested.length = 0;
    const zip = `${sim.stamp}_PREP_GRO.zip`;
    const report = await verifyTarget(`${base}/${sim.stamp}/${zip}`);
    expect(failures(report)).toEqual([]);
    expect(requested.sort()).toEqual([zip, 'SHA256SUMS', 'manifest.json', 'manifest.json.sig', 'prep-ed25519-public.pem'].map((p) => `/${sim.stamp}/${p}`).sort());
    expect(report.checks.filter((c) => c.check === 'manifest-summary' && c.status === 'ok')).toHaveLength(2);
  });

  it("another body's ZIP with no integrity files beside it: each 404 a warning, the same findings as on disk", async () => {
    const remote = await verifyTarget(`${base}/otro/20240602_2000_PREP_CDMX.zip`);
    const local = await verifyTarget(join(ROOT, PROTOTYPE_ZIP));
    expect(failureKeys(remote)).toEqual(failureKeys(local));
    const downloads = remote.checks.filter((c) => c.check === 'download');
    expect(downloads.map((c) => [c.status, c.file])).toEqual([
      ['warn', 'SHA256SUMS'],
      ['warn', 'manifest.json'],
      ['warn', 'manifest.json.sig'],
      ['warn', 'prep-ed25519-public.pem'],
    ]);
    expect(downloads[0]!.message).toBe(`not found at ${base}/otro/SHA256SUMS (HTTP 404)`);
  });

  it('a ZIP URL that is not there: FAIL', async () => {
    const report = await verifyTarget(`${base}/otro/nada.zip`);
    expect(failureKeys(report)).toEqual(['download nada.zip', 'results-file ']);
    expect(report.ok).toBe(false);
  });

  it('follows a redirect within the same origin, never one to another address', async () => {
    const moved = await verifyTarget(`${base}/alias/20240602_2000_PREP_CDMX.zip`);
    expect(moved.checks.some((c) => c.check === 'zip' && c.status === 'ok')).toBe(true);
    const away = await verifyTarget(`${base}/away/x.zip`);
    const download = failures(away).find((c) => c.check === 'download' && c.message.includes('elsewhere') === false && c.message.includes('HTTP 302'));
    expect(download, JSON.stringify(away.checks)).toBeDefined();
  });

  it('refuses an address that is neither a folder nor a ZIP', async () => {
    await expect(verifyTarget(`${base}/otro/manifest.json`)).rejects.toThrow(/ending in \/\) or of a ZIP/);
  });
});
