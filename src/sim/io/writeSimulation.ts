import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Simulation } from '../simulation.ts';
import { catalogueFileName } from '../simulate.ts';
import { catalogueCsv } from '../catalogueCsv.ts';
import { catalogueEntries } from '../catalogue.ts';
import { recordCountAsOf, recordsAsOf, captureLines } from '../captureExport.ts';
import { localTimeFormat } from '../localTime.ts';
import { FATES } from '../night/fates.ts';
import { temporaryName, writeAtomic } from './writeAtomic.ts';
import { EMBLEMS_DIR } from '../emblems.ts';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { UnitLevel } from '../../core/site/pagePaths.ts';
import { mapFileName, simulationMaps } from '../geometry/simulationMaps.ts';
import { MAP_LEVELS } from '../geometry/territoryMaps.ts';

/** Where and what to write. */
export interface WriteOptions {
  out: string;
  /** Epoch ms; Infinity for the whole night. */
  asOf: number;
  images: boolean;
  log: (line: string) => void;
}

export const CONFIG_FILE = 'config.yaml';
export const CAPTURE_FILE = 'captura.ndjson';
export const IMAGES_DIR = 'actas';

const PROGRESS_EVERY = 100_000;
const count = (n: number): string => n.toLocaleString('en-US');

/** Writes a simulation's configuration, catalogues, maps and capture export (and optionally the acta images) under `out`. */
export async function writeSimulation(sim: Simulation, options: WriteOptions): Promise<void> {
  const { out, log } = options;
  await mkdir(out, { recursive: true });

  // The export's integrity codes depend on the image format: the comment says how to get the same files again.
  const format = sim.imageFormat === 'svg' ? '' : ` --images ${sim.imageFormat}`;
  const header = `# Synthetic election: prep simulate --preset ${sim.preset.name} --seed ${sim.seed}${format}\n# ${sim.preset.description}. Places and people are fictitious.\n`;
  await writeAtomic(join(out, CONFIG_FILE), [header, configYaml(sim)]);
  log(`wrote ${join(out, CONFIG_FILE)} (${sim.elections.length} elections, ${sim.config.parties.length} parties)`);
  // SVG text: the simulator draws nothing else.
  for (const [file, image] of sim.emblems) await writeAtomic(join(out, file), [Buffer.from(image.bytes).toString('utf8')]);
  log(`wrote ${join(out, EMBLEMS_DIR)}/ (${sim.emblems.size} emblems)`);

  for (const e of sim.elections) {
    const file = join(out, catalogueFileName(e.spec.code));
    await writeAtomic(file, catalogueCsv(catalogueEntries(sim, e.spec.code)));
    log(`wrote ${file} (${count(e.casillas.length)} expected actas, ${e.units.length} ${e.spec.level === 'distrito' ? 'districts' : 'municipios'})`);
  }

  for (const [level, topology] of Object.entries(simulationMaps(sim)) as Array<[UnitLevel, Topology]>) {
    const file = join(out, mapFileName(level));
    const text = JSON.stringify(topology);
    await writeAtomic(file, [text, '\n']);
    const units = (topology.objects[MAP_LEVELS[level].object] as GeometryCollection).geometries.length;
    log(`wrote ${file} (the map of ${count(units)} ${level}s, ${(text.length / 1e3).toFixed(0)} kB)`);
  }

  const total = recordCountAsOf(sim, options.asOf);
  const images = options.images ? join(out, IMAGES_DIR) : undefined;
  // Images go to a staging directory that replaces the old one only once the export is written.
  const staging = images === undefined ? undefined : temporaryName(images);
  if (staging !== undefined) {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
  }
  const line = captureLines(sim);
  const fates = new Map<string, number>();
  let imageCount = 0;
  let imageBytes = 0;
  // Synchronous on purpose: the export is pulled line by line by the file stream, and an
  // async step per record would double the national run time.
  function* lines(): Generator<string> {
    let k = 0;
    for (const r of recordsAsOf(sim, options.asOf)) {
      fates.set(r.fate, (fates.get(r.fate) ?? 0) + 1);
      if (staging !== undefined && r.image !== null) {
        writeFileSync(join(staging, `${r.claveActa}.${r.image.ext}`), r.image.bytes);
        imageCount++;
        imageBytes += r.image.bytes.length;
      }
      yield line(r) + '\n';
      if (++k % PROGRESS_EVERY === 0) log(`  ${count(k)} of ${count(total)} records`);
    }
  }
  const file = join(out, CAPTURE_FILE);
  try {
    await writeAtomic(file, lines());
  } catch (error) {
    if (staging !== undefined) await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const when = Number.isFinite(options.asOf) ? `as of ${localTimeFormat(sim.config.entity.timeZone)(options.asOf)} (${sim.config.entity.utcOffsetLabel})` : 'for the whole night';
  log(`wrote ${file} (${count(total)} of ${count(sim.night.count)} records, ${when})`);
  log(`  ${FATES.filter((f) => fates.has(f)).map((f) => `${f} ${count(fates.get(f)!)}`).join(', ')}`);

  if (images !== undefined && staging !== undefined) {
    await rm(images, { recursive: true, force: true });
    await rename(staging, images);
    log(`wrote ${images}/ (${count(imageCount)} acta images, ${(imageBytes / 1e6).toFixed(1)} MB)`);
  } else if (existsSync(join(out, IMAGES_DIR)))
    log(`note: ${join(out, IMAGES_DIR)}/ is from an earlier run and may not match this export (use --images to rewrite it)`);
}

/**
 * The configuration as YAML for people to read: lists of plain values (units, members)
 * and each candidatura on one line, the rest in block style.
 */
function configYaml(sim: Simulation): string {
  const doc = new Document(sim.configDocument);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'candidaturas' && isSeq(pair.value))
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
