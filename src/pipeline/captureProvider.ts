/**
 * Where a night's cuts come from: the capture system's exports read at every cut (files or
 * URLs), or the simulator in this process. The cut pipeline is the same for both.
 */
import type { LoadedConfig } from '../adapters/config/loadConfig.ts';
import type { CaptureExport } from '../adapters/capture/readExport.ts';
import type { ActaImageSource } from '../adapters/databases/actaImages.ts';

export interface CaptureProvider {
  /** The source's public name, for messages (never credentials). */
  readonly name: string;
  /** The configuration and catalogues, loaded once for the night. */
  readonly loaded: LoadedConfig;
  /** What the capture system holds for the cut at `at` (epoch ms). Throws InputError for an unusable export. */
  exportAt(at: number): Promise<CaptureExport>;
  /** The acta images received for the cut at `at`. */
  imagesAt(at: number): Promise<ActaImageSource>;
}
