import type { Simulation } from '../../sim/simulation.ts';
import type { LoadedConfig } from '../config/loadConfig.ts';
import type { CaptureExport } from './readExport.ts';
import type { CapturedActa } from '../../core/model/capturedActa.ts';
import { captureLines, recordCountAsOf } from '../../sim/captureExport.ts';
import { captureColumns } from '../../sim/captureNdjson.ts';
import { captureRecord } from '../../sim/record/captureRecord.ts';
import { catalogue } from '../../sim/catalogue.ts';
import { electionLayout } from '../../core/config/electionLayout.ts';
import { compileHeader, type RowDecoder } from '../../core/import/rowDecoder.ts';
import { ANEXO_18_5 } from '../../core/import/columnMapping.ts';
import { InputError } from '../../core/diagnostics.ts';
import { siteImages } from '../../core/site/siteImages.ts';
import { DiagnosticLog } from './diagnosticLog.ts';
import type { ActaImageSource } from '../databases/actaImages.ts';
import type { ElectionConfig } from '../../core/config/schema.ts';
import type { CatalogueEntry } from '../../core/model/catalogueEntry.ts';
import { electionGeometry, type ElectionGeometry } from '../../core/config/mapGeometry.ts';
import { simulationMaps } from '../../sim/geometry/simulationMaps.ts';
import { geometryError } from '../config/readMapGeometry.ts';

/**
 * The simulated capture system: what it holds as of any instant. Each record goes through
 * the same NDJSON line and row decoder a real export does; since an earlier export is a
 * prefix of a later one, records are decoded once and kept.
 */
export class SimulatedCapture {
  readonly loaded: LoadedConfig;
  private readonly sim: Simulation;
  private readonly line: ReturnType<typeof captureLines>;
  private readonly decoders: Map<string, RowDecoder>;
  private readonly actas = new Map<string, CapturedActa[]>();
  /** For each decoded acta, its record's place in the night: exports are prefixes of it. */
  private readonly order = new Map<string, number[]>();
  private decoded = 0;
  /** The night's record of each decoded acta, to render its image when asked. */
  private readonly recordOf = new Map<string, number>();

  constructor(sim: Simulation, name: string) {
    this.sim = sim;
    this.line = captureLines(sim);
    this.loaded = {
      file: name,
      config: sim.config,
      elections: sim.config.elections.map((config) => {
        const entries = catalogue(sim, config.code);
        return { config, layout: electionLayout(sim.config, config), catalogue: entries, ...simulatedGeometry(sim, config, entries, name) };
      }),
      images: siteImages(sim.config, sim.emblems),
    };
    this.decoders = new Map();
    for (const e of this.loaded.elections) {
      const compiled = compileHeader(captureColumns(e.layout), e.layout, ANEXO_18_5, { file: name, line: 1, entidad: sim.config.entity.id });
      if (compiled.decoder === undefined) throw new InputError(compiled.problems);
      this.decoders.set(e.config.code, compiled.decoder);
      this.actas.set(e.config.code, []);
      this.order.set(e.config.code, []);
    }
  }

  /** The acta images the simulated capture system holds: rendered on demand, as the records are. */
  readonly images: ActaImageSource = {
    read: async (claveActa) => {
      const k = this.recordOf.get(claveActa);
      return (k === undefined ? null : captureRecord(this.sim, k).image) ?? undefined;
    },
  };

  /** The export as of `instant` (epoch ms). */
  exportAsOf(instant: number): CaptureExport {
    const log = new DiagnosticLog();
    const count = recordCountAsOf(this.sim, instant);
    for (; this.decoded < count; this.decoded++) {
      const record = captureRecord(this.sim, this.decoded);
      const value = JSON.parse(this.line(record)) as Record<string, unknown>;
      const fields = Object.values(value).map((v) => (typeof v === 'string' ? v : String(v)));
      const acta = this.decoders.get(record.election)!.decode(fields, this.decoded + 1, log.report);
      if (acta === undefined) continue;
      this.actas.get(record.election)!.push(acta);
      this.order.get(record.election)!.push(this.decoded);
      this.recordOf.set(acta.claveActa, this.decoded);
    }
    log.throwIfRejected();
    const actas = new Map<string, CapturedActa[]>();
    for (const [code, list] of this.actas) actas.set(code, list.slice(0, firstAtOrAfter(this.order.get(code)!, count)));
    return { actas, warnings: log.warnings };
  }
}

/** Index of the first element ≥ value in a sorted array. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An election's map as `prep simulate` writes it (simulationMaps), checked as a map file is; none when the configuration names none. */
function simulatedGeometry(sim: Simulation, config: ElectionConfig, entries: readonly CatalogueEntry[], name: string): { geometry?: ElectionGeometry } {
  if (config.map === undefined) return {};
  const { geometry, problems } = electionGeometry(simulationMaps(sim)[config.level], config.map, { code: config.code, level: config.level, units: new Set(entries.map((e) => e.unit)) });
  if (geometry === null) throw geometryError(`${name}: ${config.map.file}`, problems);
  return { geometry };
}
