import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { CutDatabasesInput } from '../../core/databases/cutDatabasesInput.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { InputError } from '../../core/diagnostics.ts';
import { resultsCsvLines } from '../../core/databases/resultsCsv.ts';
import { candidaturasCsvLines } from '../../core/databases/candidaturasCsv.ts';
import { leemeBytes } from '../../core/databases/leeme.ts';
import { drillName, unzippedFolderName, candidaturasCsvName, electionZipName, LEEME_NAME, masterZipName, resultsCsvName } from '../../core/databases/fileNames.ts';
import { IMAGES_FOLDER, MANIFEST_FORMAT, manifestCut, type CutManifest, type ManifestFile, type ManifestImage } from '../../core/integrity/manifest.ts';
import { DatabasesSchema } from '../../core/config/schema.ts';
import { writeDeterministicZip } from '../package/deterministicZip.ts';
import { writeIntegrityFiles } from '../package/integrityFiles.ts';
import type { SigningKey } from '../package/signing.ts';
import type { ActaImageSource } from './actaImages.ts';
import { openImageStore } from './imageStore.ts';
import type { CapturedActa } from '../../core/model/capturedActa.ts';
import { forEachBounded } from '../concurrency/boundedPool.ts';
import { writeBytes, writeLines } from './hashedFile.ts';
import { digestBuffer } from '../publish/fileDigest.ts';

export interface CutDatabasesOptions {
  /** The cut's folder, e.g. `out/databases/20240602_2000`; it must not exist yet. */
  dir: string;
  /**
   * Where the acta images come from, and the image store they are kept in for every cut
   * (`<site>/actas/`, beside the `datos/` folder that holds `dir`; see imageStore.ts);
   * absent: this run writes databases only (benchmarks).
   */
  images?: { source: ActaImageSource; store: string };
  key: SigningKey;
  /** One line per stage, for the operator. */
  log?: (line: string) => void;
}

export interface WrittenCutDatabases {
  dir: string;
  manifest: CutManifest;
  /** Bytes of every file of the cut's folder (the images the manifest lists are not counted). */
  bytes: number;
  fingerprint: string;
  warnings: Diagnostic[];
}


const HEX64 = /^[0-9a-f]{64}$/i;

/**
 * Writes one cut's databases: per election the results CSV, the CANDIDATURAS CSV and the
 * LEEME (also zipped, one ZIP per election inside the cut's ZIP), and manifest.json (which
 * also lists the acta images the cut references, added to the image store when new), its
 * Ed25519 signature, SHA256SUMS and the public key. Everything is written into a temporary
 * sibling folder that is renamed into place at the end, so a failed cut leaves nothing
 * half-written and an existing cut is never replaced.
 */
export async function writeCutDatabases(input: CutDatabasesInput, options: CutDatabasesOptions): Promise<WrittenCutDatabases> {
  const { dir, log = () => {} } = options;
  if (await stat(dir).catch(() => undefined))
    throw new InputError([{ rejects: true, file: dir, message: 'this cut has already been written; a published cut is never replaced' }]);
  const temp = join(dirname(dir), `.${basename(dir)}.${process.pid}.partial`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  try {
    const written = await writeInto(temp, input, options, log);
    await rename(temp, dir);
    return { ...written, dir };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

async function writeInto(dir: string, input: CutDatabasesInput, options: CutDatabasesOptions, log: (line: string) => void): Promise<Omit<WrittenCutDatabases, 'dir'>> {
  const { config, cut } = input;
  const db = config.databases ?? DatabasesSchema.parse({ signingKey: { simulatorTestKey: true } });
  const entity = config.entity.abbreviation;
  const files: ManifestFile[] = [];
  const add = (path: string, f: { size: number; sha256: string }): void => {
    files.push({ path, size: f.size, sha256: f.sha256 });
  };
  const modifiedAt = manifestCut(cut, config.entity.timeZone).at;

  const electionZips: { name: string; path: string }[] = [];
  for (const election of input.elections) {
    const code = election.config.code;
    const zipName = drillName(config.drill, electionZipName(db, cut.stamp, code, entity));
    const folder = unzippedFolderName(zipName);
    await mkdir(join(dir, folder));
    const started = performance.now();
    const members = [
      { name: drillName(config.drill, resultsCsvName(entity, code, config.year)), write: (p: string) => writeLines(p, resultsCsvLines(input, election)) },
      { name: drillName(config.drill, candidaturasCsvName(entity, code, config.year)), write: (p: string) => writeLines(p, candidaturasCsvLines(input, election)) },
      { name: LEEME_NAME, write: (p: string) => writeBytes(p, leemeBytes(input, election)) },
    ];
    for (const m of members) add(`${folder}/${m.name}`, await m.write(join(dir, folder, m.name)));
    const zip = await writeDeterministicZip(
      join(dir, zipName),
      members.map((m) => ({ name: m.name, source: () => createReadStream(join(dir, folder, m.name)) })),
      // Level 6: within 1.5 % of level 9's size on these CSVs, and a quarter faster every cut.
      { modifiedAt, level: 6 },
    );
    add(zipName, zip);
    electionZips.push({ name: zipName, path: join(dir, zipName) });
    log(`  ${code}: ${election.count.results.actas.length.toLocaleString('en-US')} actas → ${zipName} (${kib(zip.size)}, ${Math.round(performance.now() - started)} ms)`);
  }
  const masterName = drillName(config.drill, masterZipName(db, cut.stamp, entity));
  const master = await writeDeterministicZip(
    join(dir, masterName),
    electionZips.map((z) => ({ name: z.name, source: () => createReadStream(z.path) })),
    // The election ZIPs are compressed already: deflating them again costs seconds and saves nothing.
    { modifiedAt, store: true },
  );
  add(masterName, master);
  log(`  ${masterName} (${kib(master.size)})`);

  const { images, warnings } = options.images ? await storeImages(input, options.images, log) : { images: [], warnings: [] };

  const manifest: CutManifest = {
    format: MANIFEST_FORMAT,
    entity: { id: config.entity.id, abbreviation: entity, name: config.entity.name },
    cut: manifestCut(cut, config.entity.timeZone),
    files,
    images,
    summary: Object.fromEntries(input.elections.map((e) => [e.config.code, e.count.summary])),
    ...(input.allowedRegression === undefined ? {} : { allowedRegression: { reasons: input.allowedRegression } }),
  };
  const integrity = await writeIntegrityFiles(dir, manifest, options.key);
  log(`  manifest.json signed with key ${integrity.fingerprint.slice(0, 16)}…`);
  return { manifest, bytes: files.reduce((n, f) => n + f.size, 0), fingerprint: integrity.fingerprint, warnings };
}

/** Images read from the source and written to the store at once. */
const IMAGE_CONCURRENCY = 8;

/**
 * The image of every acta that has one, in the image store. An acta whose CODIGO_INTEGRIDAD
 * the store already holds is not read again (the store's names are SHA-256s checked when
 * written). Any other image is read from the source; its SHA-256 must be the
 * CODIGO_INTEGRIDAD the capture system reported: a mismatch means the image or the code is
 * wrong, and the cut is refused. An image not received yet is a warning: its row still
 * carries the code.
 */
async function storeImages(
  input: CutDatabasesInput,
  images: { source: ActaImageSource; store: string },
  log: (line: string) => void,
): Promise<{ images: ManifestImage[]; warnings: Diagnostic[] }> {
  const store = await openImageStore(images.store);
  const actas = new Map<string, CapturedActa>();
  for (const election of input.elections)
    for (const { acta } of election.count.results.actas) if (acta.sinActa === null && !actas.has(acta.claveActa)) actas.set(acta.claveActa, acta);
  // By acta, in the order of the export, so that warnings and problems come out in that order.
  const found: Array<{ image?: ManifestImage; warning?: Diagnostic; problem?: Diagnostic }> = [];
  const buffers: Buffer[] = [];
  await forEachBounded([...actas.values()].map((acta, i) => ({ acta, i })), IMAGE_CONCURRENCY, async ({ acta, i }, worker) => {
    const code = acta.codigoIntegridad.toLowerCase();
    const held = HEX64.test(code) ? await store.held(code) : undefined;
    if (held !== undefined) {
      found[i] = { image: { claveActa: acta.claveActa, ...held } };
      return;
    }
    const image = await images.source.read(acta.claveActa);
    const where = { file: acta.at.file, line: acta.at.line, column: 'CODIGO_INTEGRIDAD' };
    if (image === undefined) {
      found[i] = { warning: { rejects: false, ...where, value: acta.claveActa, message: 'acta image not received yet: the row is published with its integrity code and no image' } };
      return;
    }
    const sha256 = createHash('sha256').update(image.bytes).digest('hex');
    if (!HEX64.test(code) || sha256 !== code) {
      found[i] = { problem: { rejects: true, ...where, value: acta.codigoIntegridad, message: `the image of ${acta.claveActa} has SHA-256 ${sha256}`, expected: 'the SHA-256 of the acta image' } };
      return;
    }
    found[i] = { image: { claveActa: acta.claveActa, ...(await store.add(sha256, image.ext, image.bytes, (buffers[worker] ??= digestBuffer()))) } };
  });
  const problems = found.flatMap((f) => f.problem ?? []);
  if (problems.length > 0) throw new InputError(problems);
  const warnings = found.flatMap((f) => f.warning ?? []);
  const listed = found.flatMap((f) => f.image ?? []);
  log(
    `  ${IMAGES_FOLDER}/: ${listed.length.toLocaleString('en-US')} acta images referenced, ${store.added.toLocaleString('en-US')} new in ${store.dir}` +
      (warnings.length > 0 ? `, ${warnings.length} not received` : ''),
  );
  return { images: listed, warnings };
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
