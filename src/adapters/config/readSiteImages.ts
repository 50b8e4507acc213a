import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../../core/config/schema.ts';
import { InputError, type Diagnostic } from '../../core/diagnostics.ts';
import { extOfName, imageRefs, MAX_SITE_IMAGE_BYTES, sniffImage, type ImageFile, type SiteImageExt } from '../../core/site/siteImages.ts';

const AN: Record<SiteImageExt, string> = { svg: 'an SVG', png: 'a PNG', jpg: 'a JPEG', webp: 'a WebP' };

/**
 * Reads every image a configuration names (emblems, photographs), relative to the folder of
 * the configuration file, and checks each one is what its name says and small enough for a
 * page; every problem is reported at once, naming the field (`parties.2.emblem`) and the file.
 */
export async function readSiteImages(config: Config, configDir: string, configFile: string): Promise<Map<string, ImageFile>> {
  const files = new Map<string, ImageFile>();
  const problems: Diagnostic[] = [];
  for (const { field, file } of imageRefs(config)) {
    if (files.has(file)) continue;
    const problem = (message: string, expected?: string): void =>
      void problems.push({ rejects: true, file: configFile, column: field, value: file, message, ...(expected === undefined ? {} : { expected }) });
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(configDir, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problem(`cannot read the image: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : String(code)}`, 'a file relative to the configuration file');
      continue;
    }
    const named = extOfName(file)!;
    const sniffed = sniffImage(bytes);
    if (bytes.length > MAX_SITE_IMAGE_BYTES) problem(`the image is ${bytes.length} bytes`, `at most ${MAX_SITE_IMAGE_BYTES} bytes (256 KiB)`);
    else if (sniffed !== named) problem(sniffed === null ? 'the file is not an SVG, PNG, JPEG or WebP image' : `the file is ${AN[sniffed]} image, not what its name says`, `${AN[named]} image`);
    else files.set(file, { bytes, ext: named });
  }
  if (problems.length > 0) throw new InputError(problems);
  return files;
}
