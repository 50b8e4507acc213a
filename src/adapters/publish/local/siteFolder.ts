/**
 * A folder that holds a site as visitors see it — a built site (`prep site --out`), a staged
 * cut's `site/`, or a local target's root (`target.json`, the live cut behind `current`) —
 * read for what `prep size` and the load tests need of it: where the pages are, where every
 * cut's databases and the acta images are, and which cut the pages show (their `corte.json`).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { POINTER_PATH } from '../../../core/publish/publicationRoutes.ts';
import { TARGET_FILE } from '../../../core/publish/targetRecord.ts';
import { isCutStamp } from '../../../core/schedule/cutLabel.ts';
import { ACTAS_DIR, CURRENT_LINK, DATOS_DIR } from './localLayout.ts';

export interface SiteFolder {
  /** The pages' folder. */
  site: string;
  /** `datos/`: the databases, by cut stamp. */
  datos: string;
  /** `actas/`: the acta images of every cut, by SHA-256. */
  actas: string;
  /** The stamp of the cut the pages show. */
  stamp: string;
}

export async function readSiteFolder(folder: string): Promise<SiteFolder> {
  const site = existsSync(join(folder, TARGET_FILE)) ? join(folder, CURRENT_LINK) : folder;
  const file = join(site, POINTER_PATH);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new RangeError(`${folder} is not a built site: ${file} is missing (expected the folder of prep site --out, a staged cut's site/ or a local target's folder)`);
  });
  let stamp: unknown;
  try {
    stamp = (JSON.parse(text) as { stamp?: unknown }).stamp;
  } catch {
    stamp = undefined;
  }
  if (typeof stamp !== 'string' || !isCutStamp(stamp)) throw new RangeError(`${file}: expected {"stamp":"YYYYMMDD_HHMM",…}, got ${text.slice(0, 80)}`);
  return { site, datos: join(folder, DATOS_DIR), actas: join(folder, ACTAS_DIR), stamp };
}
