import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { InputError } from '../../core/diagnostics.ts';
import { parseManifest } from '../../core/integrity/manifest.ts';
import { parseSha256sums, pathProblem } from '../../core/integrity/sha256sums.ts';
import type { HeldImage } from '../../core/verify/images.ts';
import type { FileDigest } from '../../core/verify/integrity.ts';
import type { Findings } from '../../core/verify/report.ts';
import { MANIFEST_NAME, PUBLIC_KEY_NAME, SHA256SUMS_NAME, SIGNATURE_NAME } from '../package/integrityFiles.ts';
import { fileDigest } from '../publish/fileDigest.ts';
import { openSource, type OpenSourceOptions } from '../source/index.ts';

/** The four files that let anyone check a cut, beside its databases. */
export const INTEGRITY_NAMES = [SHA256SUMS_NAME, MANIFEST_NAME, SIGNATURE_NAME, PUBLIC_KEY_NAME] as const;

/**
 * What is being verified: a cut's files by relative path (`/` between folders), wherever they
 * are — a local folder, a ZIP and the integrity files beside it, or the same over HTTP(S).
 */
export interface CutFiles {
  /**
   * folder: a whole cut (a file listed but missing fails); zip: one ZIP and whatever
   * integrity files lie beside it (listed files it does not hold are not checked);
   * file: a single file.
   */
  readonly mode: 'folder' | 'zip' | 'file';
  /** Every file known to be here, relative paths. */
  paths(): readonly string[];
  /**
   * A file's bytes, or undefined when it is not here (for HTTP: could not be downloaded).
   * A local file over MAX_READ_BYTES cannot be read whole: ask `digest` first.
   */
  read(path: string): Promise<Buffer | undefined>;
  /** A file's size and SHA-256, read chunk by chunk (of any size), or undefined when it is not here. */
  digest(path: string): Promise<FileDigest | undefined>;
  /**
   * The site's image store, where the acta images the manifest lists are (`actas/<sha256>.<ext>`,
   * relative to the site's root, beside `datos/`); absent when they cannot be looked for (a ZIP,
   * a single file).
   */
  readonly images?: { where: string; digest(path: string): Promise<HeldImage> };
}

/**
 * How many folders up the site's root (where `actas/` is) lies from a cut folder, given the cut
 * folder's path segments: two when it is `…/datos/<stamp>/` (a site, a local target, the
 * night's work folder), one otherwise (`prep databases --out <out>` writes `<out>/<stamp>/` and
 * `<out>/actas/`).
 */
export function levelsToSiteRoot(segments: readonly string[]): 1 | 2 {
  return segments.at(-2) === 'datos' ? 2 : 1;
}

/** The most Node reads into one Buffer (fs.readFile's limit, 2 GiB - 1): a larger file can only be hashed. */
export const MAX_READ_BYTES = 2 ** 31 - 1;

const absent = (error: unknown): boolean => ['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (absent(error)) return undefined;
    throw error;
  }
}

/** Hashing reads this much at a time (4 MiB: smaller reads make hashing 2 GiB twice as slow): memory stays the same for a file of any size. */
const HASH_CHUNK = 4 << 20;

async function hashIfPresent(path: string): Promise<FileDigest | undefined> {
  try {
    const size = (await stat(path)).size;
    return await fileDigest(path, { buffer: Buffer.allocUnsafe(Math.max(1, Math.min(HASH_CHUNK, size))) });
  } catch (error) {
    if (absent(error)) return undefined;
    throw error;
  }
}

const digestOfBytes = (bytes: Buffer | undefined): FileDigest | undefined =>
  bytes === undefined ? undefined : { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };

/** Every file under `root`, relative, `/` between folders, sorted. */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await visit(join(dir, entry.name), rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  await visit(root, '');
  return out.sort();
}

/** A cut folder on disk, and the image store of its site (levelsToSiteRoot). */
export async function directoryFiles(root: string): Promise<CutFiles & { root: string }> {
  const paths = await walk(root);
  const at = (path: string): string => join(root, ...path.split('/'));
  const site = join(root, ...Array<string>(levelsToSiteRoot(root.split(sep).filter((s) => s !== ''))).fill('..'));
  const images = {
    where: join(site, 'actas') + sep,
    digest: async (path: string): Promise<HeldImage> => (await hashIfPresent(join(site, ...path.split('/')))) ?? 'missing',
  };
  return { mode: 'folder', root, paths: () => paths, read: (path) => readIfPresent(at(path)), digest: (path) => hashIfPresent(at(path)), images };
}

/** A local ZIP and the integrity files beside it, when there are any. */
export async function localZipFiles(zipPath: string): Promise<CutFiles> {
  const dir = dirname(zipPath);
  const paths = [basename(zipPath)];
  for (const name of INTEGRITY_NAMES) if ((await stat(join(dir, name)).catch(() => undefined))?.isFile()) paths.push(name);
  return {
    mode: 'zip',
    paths: () => paths,
    read: (path) => (paths.includes(path) ? readIfPresent(join(dir, path)) : Promise.resolve(undefined)),
    digest: (path) => (paths.includes(path) ? hashIfPresent(join(dir, path)) : Promise.resolve(undefined)),
  };
}

/** One local file on its own (a results CSV, say). */
export function localSingleFile(path: string): CutFiles {
  const name = basename(path);
  return {
    mode: 'file',
    paths: () => [name],
    read: (p) => (p === name ? readIfPresent(path) : Promise.resolve(undefined)),
    digest: (p) => (p === name ? hashIfPresent(path) : Promise.resolve(undefined)),
  };
}

type Fetched = { bytes: Buffer } | { missing: true } | { error: string };

/**
 * Follows redirects only within the origin the user gave: verify never contacts an address
 * the user did not name. A redirect elsewhere is handed back as it is (and reported as the
 * HTTP status it is).
 */
export function sameOriginFetch(origin: string, inner: typeof fetch = globalThis.fetch): typeof fetch {
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    for (let hops = 0; ; hops++) {
      const response = await inner(url, { ...init, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || location === null) return response;
      const next = new URL(location, url);
      if (next.origin !== origin || hops >= 5) return response;
      await response.body?.cancel().catch(() => undefined);
      url = next;
    }
  };
  return wrapped as typeof fetch;
}

/** Downloads one file through openSource (size cap, timeout, retries); 404 and 410 mean "not there". */
async function download(url: URL, options: OpenSourceOptions): Promise<Fetched> {
  try {
    const source = await openSource(url.href, options);
    const chunks: Uint8Array[] = [];
    for await (const chunk of source.bytes) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks) };
  } catch (error) {
    if (error instanceof InputError) {
      if (/HTTP (404|410)\b/.test(error.message)) return { missing: true };
      const message = error.diagnostics.map((d) => d.message).join('; ');
      return { error: /HTTP 30\d\b/.test(message) ? `${message} (a redirect to another address is not followed: verify requests nothing outside the given URL's folder)` : message };
    }
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** `a b/c.csv` → `a%20b/c.csv` under the folder URL, never outside it (undefined for a path that would leave it). */
export function urlOf(folder: URL, path: string): URL | undefined {
  if (pathProblem(path) !== undefined) return undefined;
  const url = new URL(path.split('/').map(encodeURIComponent).join('/'), folder);
  return url.href.startsWith(folder.href) ? url : undefined;
}

/**
 * A cut over HTTP(S). For a ZIP URL: the ZIP, and the integrity files in the same URL folder
 * (each one missing is a warning). For a folder URL (ending in /): the integrity files, then
 * every file the manifest lists (or SHA256SUMS, without a valid manifest), and the acta images
 * the manifest lists from the site's `actas/` (`../../actas/` from `…/datos/<stamp>/`, see
 * levelsToSiteRoot), each hashed and dropped. Files are fetched when first read and kept, since the
 * ZIPs and CSVs are read more than once. Only addresses under the given URL's folder and the
 * site's `actas/` are ever requested.
 */
export async function httpFiles(target: URL, options: OpenSourceOptions, findings: Findings): Promise<CutFiles> {
  const isFolder = target.pathname.endsWith('/');
  const folder = isFolder ? new URL(target.href) : new URL('.', target);
  folder.search = '';
  folder.hash = '';
  const source: OpenSourceOptions = { ...options, fetch: sameOriginFetch(folder.origin, options.fetch) };
  const cache = new Map<string, Buffer>();
  const known: string[] = [];

  const get = async (path: string, required: boolean): Promise<Buffer | undefined> => {
    const cached = cache.get(path);
    if (cached !== undefined) return cached;
    const url = urlOf(folder, path);
    if (url === undefined) {
      findings.fail('download', 'not a path inside the cut folder: not requested', { file: path });
      return undefined;
    }
    const got = await download(url, source);
    if ('bytes' in got) {
      cache.set(path, got.bytes);
      return got.bytes;
    }
    if ('missing' in got) {
      if (!required) findings.warn('download', `not found at ${url.href} (HTTP 404)`, { file: path });
      return undefined;
    }
    findings.fail('download', `${url.href}: ${got.error}`, { file: path });
    return undefined;
  };

  let zipName: string | undefined;
  if (!isFolder) {
    zipName = decodeURIComponent(target.pathname.slice(target.pathname.lastIndexOf('/') + 1));
    const failed = findings.checks.length;
    const zip = await get(zipName, true);
    if (zip !== undefined) known.push(zipName);
    else if (findings.checks.length === failed) findings.fail('download', `not found at ${target.href} (HTTP 404)`, { file: zipName });
  }
  for (const name of INTEGRITY_NAMES) if ((await get(name, false)) !== undefined) known.push(name);

  if (isFolder) {
    const listed = listedPaths(cache.get(MANIFEST_NAME), cache.get(SHA256SUMS_NAME));
    if (listed.length === 0) findings.fail('download', 'neither manifest.json nor SHA256SUMS lists the files of the cut: there is nothing to download', { file: folder.href });
    for (const path of listed) if (!known.includes(path)) known.push(path);
  }
  const paths = known;
  // Downloads are held whole anyway (within the size cap), so hashing one costs nothing more.
  const read = (path: string): Promise<Buffer | undefined> => (paths.includes(path) ? get(path, true) : Promise.resolve(undefined));
  const digest = async (path: string): Promise<FileDigest | undefined> => digestOfBytes(await read(path));
  if (!isFolder) return { mode: 'zip', paths: () => paths, read, digest };
  const site = new URL('../'.repeat(levelsToSiteRoot(folder.pathname.split('/').filter((s) => s !== ''))), folder);
  const imageDigest = async (path: string): Promise<HeldImage> => {
    const url = path.startsWith('actas/') ? urlOf(site, path) : undefined;
    if (url === undefined) {
      findings.fail('download', 'not a path inside the site\'s actas/ folder: not requested', { file: path });
      return 'not-checked';
    }
    const got = await download(url, source);
    if ('bytes' in got) return digestOfBytes(got.bytes)!;
    if ('missing' in got) return 'missing';
    findings.fail('download', `${url.href}: ${got.error}`, { file: path });
    return 'not-checked';
  };
  return { mode: 'folder', paths: () => paths, read, digest, images: { where: new URL('actas/', site).href, digest: imageDigest } };
}

/** The files a cut lists: the manifest's, or SHA256SUMS' when the manifest cannot be read. */
function listedPaths(manifest: Buffer | undefined, sums: Buffer | undefined): string[] {
  if (manifest !== undefined) {
    try {
      return parseManifest(manifest, MANIFEST_NAME).files.map((f) => f.path);
    } catch {
      // Reported by the manifest check; fall back to SHA256SUMS.
    }
  }
  if (sums !== undefined) {
    const parsed = parseSha256sums(sums, SHA256SUMS_NAME);
    if (parsed.ok) return parsed.entries.map((e) => e.path);
  }
  return [];
}
