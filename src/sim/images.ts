import type { ElectionLayout } from '../core/config/electionLayout.ts';
import type { ActaImageFields } from './actaForm.ts';
import { actaImageTemplate, renderActaImage } from './actaImage.ts';
import { actaJpegTemplate, renderActaJpeg, type ActaJpegTemplate } from './actaJpeg.ts';

/**
 * The acta images a simulation renders: `svg`, a light legible tally sheet (~3 KB), or
 * `jpeg`, a grayscale scan of realistic size (150–400 KB) for measuring what images cost.
 * The choice changes every CODIGO_INTEGRIDAD of the export, since each is its image's hash.
 */
export const IMAGE_FORMATS = ['svg', 'jpeg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** An acta image as a file: its bytes and its file extension. */
export interface ActaImageFile {
  bytes: Buffer;
  ext: 'svg' | 'jpg';
}

/** Renders the image of an acta of one election, and its CODIGO_INTEGRIDAD (SHA-256 of the bytes, hex). */
export type ActaImageRenderer = (acta: ActaImageFields) => { image: ActaImageFile; codigoIntegridad: string };

/** The renderer of an election's images in a format; a JPEG form is drawn and encoded on first use only. */
export function actaImageRenderer(format: ImageFormat, layout: ElectionLayout, year: number, seed: number): ActaImageRenderer {
  if (format === 'svg') {
    const template = actaImageTemplate(layout, year);
    return (acta) => {
      const { svg, codigoIntegridad } = renderActaImage(template, acta);
      return { image: { bytes: Buffer.from(svg, 'utf8'), ext: 'svg' }, codigoIntegridad };
    };
  }
  let template: ActaJpegTemplate | undefined;
  return (acta) => {
    template ??= actaJpegTemplate(layout, year, seed);
    const { bytes, codigoIntegridad } = renderActaJpeg(template, acta);
    return { image: { bytes, ext: 'jpg' }, codigoIntegridad };
  };
}
