/**
 * Reads the real byte sizes of a built site for `prep size`: every file's raw size, its size
 * on the wire (gzip for text, measured on up to `sample` files per kind and scaled to the
 * rest), and what a browser fetches with each kind of page.
 *
 * The folder is either a built site (`prep site --out`: the cut's pages with every cut's
 * databases under `datos/` and the acta images under `actas/`) or a local publication
 * target's root (`target.json`, the live site in `current/`, every cut's databases in `datos/`,
 * the acta images in `actas/`). Each image is counted once, however many cuts show it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { listFiles } from '../publish/stagedCut.ts';
import { readSiteFolder } from '../publish/local/siteFolder.ts';
import { forEachBounded } from '../concurrency/boundedPool.ts';
import { contentType } from '../../core/publish/contentType.ts';
import { DATABASES_PREFIX, IMAGES_PREFIX } from '../../core/publish/publicationRoutes.ts';
import { compressible, objectKindOf } from '../../core/size/siteObjects.ts';
import { moduleImports, pageReferences } from '../../core/size/pageReferences.ts';
import { OBJECT_KINDS, PAGE_KINDS, type ObjectKind, type PageFetches, type PageKind, type SiteProfile } from '../../core/size/siteProfile.ts';

const gzipAsync = promisify(gzip);
const DATOS = DATABASES_PREFIX.slice(0, -1);
const ACTAS = IMAGES_PREFIX.slice(0, -1);

export interface ReadSiteOptions {
  /** Files per kind whose gzip size is measured (all of them when fewer). */
  sample?: number;
  /** Files read so far out of all. */
  onProgress?: (done: number, total: number) => void;
}

/** The cut's files as site paths: the pages' tree without the databases, then this cut's databases, then the acta images. */
async function cutFiles(site: string, datos: string, actas: string, cut: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(site, { withFileTypes: true })) {
    if (entry.name === DATOS || entry.name === ACTAS || entry.name.startsWith('.')) continue;
    if (entry.isFile()) out.push(entry.name);
    else if (entry.isDirectory()) for (const p of await listFiles(join(site, entry.name))) out.push(`${entry.name}/${p}`);
  }
  const cutDir = join(datos, cut);
  if (existsSync(cutDir)) for (const p of await listFiles(cutDir)) out.push(`${DATABASES_PREFIX}${cut}/${p}`);
  if (existsSync(actas)) for (const p of await listFiles(actas)) out.push(`${IMAGES_PREFIX}${p}`);
  return out;
}

/** Evenly spread indexes: the sample follows the sorted paths, so it spans every election and unit. */
function sampleIndexes(count: number, size: number): Set<number> {
  if (count <= size) return new Set(Array.from({ length: count }, (_, i) => i));
  return new Set(Array.from({ length: size }, (_, i) => Math.floor((i * count) / size)));
}

/** Files read at once. */
const CONCURRENCY = 8;

export async function readSiteSizes(folder: string, options: ReadSiteOptions = {}): Promise<SiteProfile> {
  const sample = options.sample ?? 1000;
  if (!Number.isSafeInteger(sample) || sample < 1) throw new RangeError(`the gzip sample must be a whole number from 1, got ${sample}`);
  const { site, datos, actas, stamp: cut } = await readSiteFolder(folder);
  const fileOf = (path: string): string =>
    path.startsWith(DATABASES_PREFIX)
      ? join(datos, path.slice(DATABASES_PREFIX.length))
      : path.startsWith(IMAGES_PREFIX)
        ? join(actas, path.slice(IMAGES_PREFIX.length))
        : join(site, path);
  /** A file a page names: a missing one is a broken site, said so. */
  const named = (path: string): Promise<Buffer> =>
    readFile(fileOf(path)).catch(() => {
      throw new RangeError(`${folder}: a page loads /${path}, which is not in the site`);
    });

  const byKind = new Map<ObjectKind, string[]>(OBJECT_KINDS.map((k) => [k, []]));
  for (const path of await cutFiles(site, datos, actas, cut)) {
    const kind = objectKindOf(path, cut);
    if (kind !== null) byKind.get(kind)!.push(path);
  }

  /** Transfer size of a file by path, measured once (assets and on-load JSON are shared by many pages). */
  const transfer = new Map<string, number>();
  const measure = async (path: string, body?: Buffer): Promise<number> => {
    const known = transfer.get(path);
    if (known !== undefined) return known;
    const bytes = body ?? (await named(path));
    const size = compressible(contentType(path)) ? (await gzipAsync(bytes)).length : bytes.length;
    transfer.set(path, size);
    return size;
  };

  const objects = {} as SiteProfile['objects'];
  const fetches = Object.fromEntries(
    PAGE_KINDS.map((k) => [
      k,
      { pages: 0, assetRequests: 0, assetTransferBytes: 0, onLoadRequests: 0, onLoadTransferBytes: 0, liveRequests: 0, liveTransferBytes: 0, revalidateRequests: 0, revalidateTransferBytes: 0 },
    ]),
  ) as Record<PageKind, PageFetches>;
  const modules = new Map<string, string[]>();
  /** A module and everything it imports, each once. */
  const closure = async (roots: string[]): Promise<string[]> => {
    const seen = new Set<string>();
    const visit = async (path: string): Promise<void> => {
      if (seen.has(path)) return;
      seen.add(path);
      let imports = modules.get(path);
      if (imports === undefined) {
        imports = path.endsWith('.js') ? moduleImports(path, (await named(path)).toString('utf8')) : [];
        modules.set(path, imports);
      }
      for (const i of imports) await visit(i);
    };
    for (const r of roots) await visit(r);
    return [...seen];
  };
  let pollSeconds: number | null = null;

  const total = [...byKind.values()].reduce((n, list) => n + list.length, 0);
  let done = 0;
  for (const kind of OBJECT_KINDS) {
    const paths = byKind.get(kind)!;
    const picked = sampleIndexes(paths.length, sample);
    let rawBytes = 0n;
    let sampledRaw = 0n;
    let sampledTransfer = 0n;
    await forEachBounded(paths.map((p, i) => [p, i] as const), CONCURRENCY, async ([path, i]) => {
      // Every total is added to after its await: `x += await y` would read x before waiting.
      const file = fileOf(path);
      if (!picked.has(i)) {
        const { size } = await stat(file);
        rawBytes += BigInt(size);
      } else {
        const body = await readFile(file);
        const size = await measure(path, body);
        rawBytes += BigInt(body.length);
        sampledRaw += BigInt(body.length);
        sampledTransfer += BigInt(size);
        if ((PAGE_KINDS as readonly string[]).includes(kind)) {
          const refs = pageReferences(body.toString('utf8'));
          const assets = await closure(refs.assets);
          const assetSizes = await Promise.all(assets.map((a) => measure(a)));
          const onLoadSizes = await Promise.all(refs.onLoad.map((j) => measure(j)));
          const liveSizes = await Promise.all(refs.live.map((p) => measure(p)));
          // Behind the live cut: the cut watch revalidates the page's data at every view.
          const behind = refs.data !== null && refs.cut !== null && refs.cut < cut;
          const revalidateSize = behind ? await measure(refs.data!.startsWith('/') ? refs.data!.slice(1) : posix.join(posix.dirname(path), refs.data!)) : 0;
          const f = fetches[kind as PageKind];
          f.pages++;
          f.assetRequests += assets.length;
          f.assetTransferBytes += assetSizes.reduce((a, b) => a + b, 0);
          f.onLoadRequests += onLoadSizes.length;
          f.onLoadTransferBytes += onLoadSizes.reduce((a, b) => a + b, 0);
          f.liveRequests += liveSizes.length;
          f.liveTransferBytes += liveSizes.reduce((a, b) => a + b, 0);
          if (behind) {
            f.revalidateRequests++;
            f.revalidateTransferBytes += revalidateSize;
          }
          pollSeconds ??= refs.pollSeconds;
        }
      }
      options.onProgress?.(++done, total);
    });
    // The unmeasured files compress like the sample did: scale the raw total by its ratio.
    const transferBytes = sampledRaw === 0n ? 0n : (rawBytes * sampledTransfer + sampledRaw / 2n) / sampledRaw;
    objects[kind] = { files: paths.length, rawBytes: Number(rawBytes), transferBytes: Number(transferBytes) };
  }
  return { root: folder, cut, objects, fetches, pollSeconds };
}
