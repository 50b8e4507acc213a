import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate.ts';
import { GUERRERO } from '../../../src/sim/presets/guerrero.ts';
import { SimulatedCapture } from '../../../src/adapters/capture/simulatedCapture.ts';
import { countCut, cutIdentity } from '../../../src/core/count/countCut.ts';
import type { CutDatabasesInput } from '../../../src/core/databases/cutDatabasesInput.ts';
import { writeCutDatabases } from '../../../src/adapters/databases/writeCutDatabases.ts';
import { noImages, type ActaImageSource } from '../../../src/adapters/databases/actaImages.ts';
import { simulatorTestKey } from '../../../src/adapters/package/signing.ts';
import { InputError } from '../../../src/core/diagnostics.ts';

// One simulated cut (Guerrero preset, 21:20 — a few hundred actas), written for real.
let root: string;
let input: CutDatabasesInput;
let images: ActaImageSource;
const key = simulatorTestKey();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-db-'));
  const sim = simulate(GUERRERO, 2024);
  const capture = new SimulatedCapture(sim, 'simulated capture');
  const at = Date.parse('2024-06-02T21:20:00-06:00');
  const exported = capture.exportAsOf(at);
  input = countCut(sim.config, capture.loaded.elections, exported.actas, cutIdentity(sim.config, at, false), () => {});
  images = capture.images;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(relative(dir, path), await readFile(path));
    }
  return out;
}

const run = (cmd: string, args: string[], cwd: string) => spawnSync(cmd, args, { cwd, encoding: 'utf8' });

describe('writeCutDatabases(input, options)', () => {
  it('writes a cut that standard tools verify: sha256sum -c, python3 -m zipfile -t, openssl pkeyutl -verify', async () => {
    const dir = join(root, 'a', input.cut.stamp);
    const written = await writeCutDatabases(input, { dir, images: { source: images, store: join(root, 'a', 'actas') }, key });
    expect(written.warnings).toEqual([]);
    const sums = run('sha256sum', ['-c', '--strict', 'SHA256SUMS'], dir);
    expect(sums.status, sums.stderr).toBe(0);
    expect(sums.stdout.trim().split('\n')).toHaveLength(written.manifest.files.length);
    const sig = run('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'prep-ed25519-public.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.json.sig'], dir);
    expect(sig.stdout).toContain('Signature Verified Successfully');
    const zip = run('python3', ['-m', 'zipfile', '-t', `${input.cut.stamp}_PREP_GRO.zip`], dir);
    expect(zip.status, zip.stderr + zip.stdout).toBe(0);
    const listed = written.manifest.files.map((f) => f.path);
    expect(listed).toContain(`${input.cut.stamp}_PREP_DIP_LOC_GRO/GRO_DIP_LOC_2024.csv`);
    expect(listed.filter((p) => p.startsWith('actas/'))).toEqual([]);
    expect(written.manifest.images.length).toBeGreaterThan(100);
    expect(written.manifest.summary.DIP_LOC).toEqual(input.elections[0]!.count.summary);
  });

  it('is byte-reproducible: the same input and cut give identical files', async () => {
    const a = join(root, 'r1', input.cut.stamp);
    const b = join(root, 'r2', input.cut.stamp);
    await writeCutDatabases(input, { dir: a, images: { source: images, store: join(root, 'r1', 'actas') }, key });
    await writeCutDatabases(input, { dir: b, images: { source: images, store: join(root, 'r2', 'actas') }, key });
    const fa = await filesUnder(a);
    const fb = await filesUnder(b);
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
    for (const [path, bytes] of fa) expect(bytes.equals(fb.get(path)!), path).toBe(true);
  });

  it('never replaces a cut that was already written', async () => {
    const dir = join(root, 'once', input.cut.stamp);
    const store = { source: images, store: join(root, 'once', 'actas') };
    await writeCutDatabases(input, { dir, images: store, key });
    const before = (await stat(join(dir, 'manifest.json'))).mtimeMs;
    await expect(writeCutDatabases(input, { dir, images: store, key })).rejects.toThrow(/already been written/);
    expect((await stat(join(dir, 'manifest.json'))).mtimeMs).toBe(before);
  });

  it('refuses a cut whose acta image does not match its CODIGO_INTEGRIDAD, leaving nothing behind', async () => {
    const parent = join(root, 'tampered');
    const dir = join(parent, input.cut.stamp);
    const first = input.elections[0]!.count.results.actas.find((a) => a.acta.sinActa === null)!.acta.claveActa;
    const tampered: ActaImageSource = {
      read: async (clave) => {
        const image = await images.read(clave);
        return image && clave === first ? { ...image, bytes: Buffer.concat([image.bytes, Buffer.from(' ')]) } : image;
      },
    };
    const error = await writeCutDatabases(input, { dir, images: { source: tampered, store: join(root, 'tampered-actas') }, key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(`the image of ${first} has SHA-256`);
    expect(await readdir(parent)).toEqual([]);
  });

  it('publishes the rows of actas whose image has not arrived, with a warning for each', async () => {
    const dir = join(root, 'noimages', input.cut.stamp);
    const written = await writeCutDatabases(input, { dir, images: { source: noImages, store: join(root, 'noimages', 'actas') }, key });
    const withImage = input.elections.flatMap((e) => e.count.results.actas).filter((a) => a.acta.sinActa === null).length;
    expect(written.warnings).toHaveLength(withImage);
    expect(written.warnings[0]!.message).toMatch(/image not received/);
  });

  it('lists each image in the signed manifest as actas/<CODIGO_INTEGRIDAD>.<ext>, kept once in the image store', async () => {
    const store = join(root, 'store', 'actas');
    const written = await writeCutDatabases(input, { dir: join(root, 'store', 'datos', input.cut.stamp), images: { source: images, store }, key });
    const codes = new Map(input.elections.flatMap((e) => e.count.results.actas).map((a) => [a.acta.claveActa, a.acta.codigoIntegridad.toLowerCase()]));
    for (const image of written.manifest.images) {
      expect(image.path).toBe(`actas/${codes.get(image.claveActa)}.svg`);
      const bytes = await readFile(join(store, image.path.slice('actas/'.length)));
      expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ size: image.size, sha256: image.sha256 });
    }
    expect((await readdir(store)).length).toBe(written.manifest.images.length);
  });

  it('reads no image the store holds already: a second cut writes no image twice', async () => {
    const store = join(root, 'twice', 'actas');
    let reads = 0;
    const counting: ActaImageSource = { read: (clave) => (reads++, images.read(clave)) };
    const first = await writeCutDatabases(input, { dir: join(root, 'twice', 'datos', '1', input.cut.stamp), images: { source: counting, store }, key });
    expect(reads).toBe(first.manifest.images.length);
    const held = new Map(await Promise.all((await readdir(store)).map(async (n) => [n, (await stat(join(store, n))).mtimeMs] as const)));
    reads = 0;
    const second = await writeCutDatabases(input, { dir: join(root, 'twice', 'datos', '2', input.cut.stamp), images: { source: counting, store }, key });
    expect(reads).toBe(0);
    expect(second.manifest.images).toEqual(first.manifest.images);
    for (const [name, mtime] of held) expect((await stat(join(store, name))).mtimeMs, name).toBe(mtime);
  });

  it('stores a re-captured acta (new image, new code) as a new file and keeps the old one for earlier cuts', async () => {
    const store = join(root, 'recaptured', 'actas');
    const first = await writeCutDatabases(input, { dir: join(root, 'recaptured', 'datos', '1', input.cut.stamp), images: { source: images, store }, key });
    const old = first.manifest.images[0]!;
    const rescanned = Buffer.concat([(await images.read(old.claveActa))!.bytes, Buffer.from('<!-- rescan -->')]);
    const code = createHash('sha256').update(rescanned).digest('hex');
    const later = structuredClone(input);
    for (const e of later.elections) for (const { acta } of e.count.results.actas) if (acta.claveActa === old.claveActa) acta.codigoIntegridad = code;
    const source: ActaImageSource = { read: async (clave) => (clave === old.claveActa ? { bytes: rescanned, ext: 'svg' } : images.read(clave)) };
    const second = await writeCutDatabases(later, { dir: join(root, 'recaptured', 'datos', '2', input.cut.stamp), images: { source, store }, key });
    expect(second.manifest.images.find((i) => i.claveActa === old.claveActa)).toEqual({ claveActa: old.claveActa, path: `actas/${code}.svg`, size: rescanned.length, sha256: code });
    const names = await readdir(store);
    expect(names).toContain(`${old.sha256}.svg`);
    expect(names).toContain(`${code}.svg`);
  });
});
