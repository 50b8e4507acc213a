/**
 * The images a configuration gives the site — emblems of parties, coalitions and independent
 * candidacies, photographs of candidates — and where the site publishes them.
 *
 * An image is published under a name derived from its bytes (`/imagenes/<sha256>.<ext>`), like
 * the acta images: a cut never uploads it again, a changed file gets a new name, and pages
 * name it by that name, so its change reaches every page that shows it (the links are part of
 * what every page renders, hence of every page's render key).
 */
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.ts';

/** Where the site's configured images are published. */
export const SITE_IMAGES_FOLDER = 'imagenes';

export type SiteImageExt = 'svg' | 'png' | 'jpg' | 'webp';

/** An image file as read: its bytes and the extension it is published with. */
export interface ImageFile {
  bytes: Uint8Array;
  ext: SiteImageExt;
}

/** One file to publish: its site path (`/imagenes/<sha256>.svg`) and bytes. */
export interface SiteImage {
  path: string;
  bytes: Uint8Array;
}

/** Which image each page shows, by site path. */
export interface SiteImageLinks {
  /** Election code → nominee id (party, coalition, independent) → emblem. */
  emblems: Record<string, Record<string, string>>;
  /** Election code → `<unit>/<nominee>` → the candidate's photograph. */
  photos: Record<string, Record<string, string>>;
}

export interface SiteImages {
  /** Every file, once, in path order. */
  files: SiteImage[];
  links: SiteImageLinks;
}

/** No configured image. */
export const NO_SITE_IMAGES: SiteImages = { files: [], links: { emblems: {}, photos: {} } };

/** One image a configuration names: the file (relative to the configuration) and the field naming it (`parties.2.emblem`). */
export interface ImageRef {
  field: string;
  file: string;
}

/** Every image a configuration names, in the order of the configuration. */
export function imageRefs(config: Config): ImageRef[] {
  const refs: ImageRef[] = [];
  config.parties.forEach((p, i) => p.emblem !== undefined && refs.push({ field: `parties.${i}.emblem`, file: p.emblem }));
  config.elections.forEach((e, i) => {
    const at = `elections.${i}`;
    e.coalitions.forEach((c, j) => c.emblem !== undefined && refs.push({ field: `${at}.coalitions.${j}.emblem`, file: c.emblem }));
    e.independents.forEach((c, j) => c.emblem !== undefined && refs.push({ field: `${at}.independents.${j}.emblem`, file: c.emblem }));
    e.candidaturas.forEach((c, j) => c.photo !== undefined && refs.push({ field: `${at}.candidaturas.${j}.photo`, file: c.photo }));
  });
  return refs;
}

/** The site path of an image: its SHA-256 and extension. */
export const siteImagePath = (image: ImageFile): string =>
  `/${SITE_IMAGES_FOLDER}/${createHash('sha256').update(image.bytes).digest('hex')}.${image.ext}`;

/**
 * The site's images and links, from the configuration and its image files by the name the
 * configuration gives them. A party's emblem is shown in every election it is on. Throws a
 * RangeError for a file `files` lacks (the reader checks every ref first).
 */
export function siteImages(config: Config, files: ReadonlyMap<string, ImageFile>): SiteImages {
  const published = new Map<string, Uint8Array>();
  const pathOf = (file: string): string => {
    const image = files.get(file);
    if (image === undefined) throw new RangeError(`image ${JSON.stringify(file)} was not read`);
    const path = siteImagePath(image);
    published.set(path, image.bytes);
    return path;
  };
  const partyEmblems = new Map(config.parties.flatMap((p) => (p.emblem === undefined ? [] : [[p.id, p.emblem] as const])));
  const links: SiteImageLinks = { emblems: {}, photos: {} };
  for (const e of config.elections) {
    const emblems: Record<string, string> = {};
    for (const id of e.parties ?? config.parties.map((p) => p.id)) {
      const file = partyEmblems.get(id);
      if (file !== undefined) emblems[id] = pathOf(file);
    }
    for (const n of [...e.coalitions, ...e.independents]) if (n.emblem !== undefined) emblems[n.id] = pathOf(n.emblem);
    const photos: Record<string, string> = {};
    for (const c of e.candidaturas) if (c.photo !== undefined) photos[`${c.unit}/${c.nominee}`] = pathOf(c.photo);
    if (Object.keys(emblems).length > 0) links.emblems[e.code] = emblems;
    if (Object.keys(photos).length > 0) links.photos[e.code] = photos;
  }
  const paths = [...published.keys()].sort();
  return { files: paths.map((path) => ({ path, bytes: published.get(path)! })), links };
}

/** Largest image file accepted: an emblem or a photograph, never a scan. */
export const MAX_SITE_IMAGE_BYTES = 256 * 1024;

/** The format the bytes are in, by their signature (an SVG by its `<svg` element); null: none of the four. */
export function sniffImage(bytes: Uint8Array): SiteImageExt | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (/<svg[\s>]/.test(b.toString('utf8', 0, Math.min(b.length, 4096)))) return 'svg';
  return null;
}

/** The format a file name says (`.jpeg` and `.jpg` are one); null: not an image name. */
export function extOfName(name: string): SiteImageExt | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'jpeg' || ext === 'jpg' ? 'jpg' : ext === 'png' || ext === 'svg' || ext === 'webp' ? ext : null;
}
