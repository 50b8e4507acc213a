import { exportMapping } from '../adapters/config/loadMapping.ts';
import { readExport, parseSourceSpec, type CaptureExport } from '../adapters/capture/readExport.ts';
import { directoryImages, noImages, type ActaImageSource } from '../adapters/databases/actaImages.ts';
import type { LoadedConfig } from '../adapters/config/loadConfig.ts';
import type { ColumnMapping } from '../core/import/columnMapping.ts';
import type { CaptureProvider } from './captureProvider.ts';

export interface SourceCaptureOptions {
  /** `[CODE=]location` of each export, as `--source` takes them. */
  source: readonly string[];
  mapping?: string;
  encoding?: ColumnMapping['encoding'];
  /** Folder of acta images named `<CLAVE_ACTA>.<ext>`. */
  images?: string;
}

/**
 * The capture system's exports, read again at every cut. A retry of the same cut publishes
 * what the cut read the first time (the export as of its cut-off), so a cut that failed after
 * its databases were written is not refused for the figures having moved on meanwhile.
 */
export async function sourceCapture(loaded: LoadedConfig, options: SourceCaptureOptions): Promise<CaptureProvider> {
  const mapping = await exportMapping(options);
  const specs = options.source.map(parseSourceSpec);
  let lastRead: { at: number; exported: CaptureExport } | undefined;
  return {
    name: specs.map((s) => s.location).join(', '),
    loaded,
    async exportAt(at) {
      if (lastRead?.at === at) return lastRead.exported;
      const exported = await readExport(specs, loaded, mapping);
      lastRead = { at, exported };
      return exported;
    },
    // The folder is listed again at every cut: images keep arriving during the night.
    imagesAt: (): Promise<ActaImageSource> => (options.images ? directoryImages(options.images) : Promise.resolve(noImages)),
  };
}
