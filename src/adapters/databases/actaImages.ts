import { readdir, readFile } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';

/** An acta image as received from the capture system. */
export interface ActaImage {
  bytes: Buffer;
  /** File extension without the dot: svg, jpg, png, pdf. */
  ext: string;
}

/** Where a cut's acta images come from. */
export interface ActaImageSource {
  /** The image of an acta, or undefined when it has not been received. */
  read(claveActa: string): Promise<ActaImage | undefined>;
}

const IMAGE = /\.(svg|jpe?g|png|pdf|tiff?)$/i;

/** Images in a directory, named `<CLAVE_ACTA>.<ext>` (the directory is listed once). */
export async function directoryImages(dir: string): Promise<ActaImageSource> {
  const names = (await readdir(dir)).filter((n) => IMAGE.test(n));
  const byClave = new Map(names.map((n) => [basename(n, extname(n)), n]));
  return {
    async read(claveActa) {
      const name = byClave.get(claveActa);
      if (name === undefined) return undefined;
      return { bytes: await readFile(join(dir, name)), ext: extname(name).slice(1).toLowerCase() };
    },
  };
}

/** No images at all: every acta is reported as not received. */
export const noImages: ActaImageSource = { read: async () => undefined };
