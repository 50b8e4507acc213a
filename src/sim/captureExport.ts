import type { Simulation } from './simulation.ts';
import { captureRecord, type CaptureRecord } from './record/captureRecord.ts';
import { captureLineFormat } from './captureNdjson.ts';
import { localTimeFormat } from './localTime.ts';

/** How many records the capture holds at `instant` (epoch ms): those that arrived by then. */
export function recordCountAsOf(sim: Simulation, instant: number): number {
  const arrival = sim.night.arrival;
  let lo = 0;
  let hi = sim.night.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arrival[mid]! <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The export as of an instant: every record that arrived by then, ordered by arrival,
 * then CLAVE_CASILLA + TIPO_ACTA. An earlier export is always a prefix of a later one.
 */
export function* recordsAsOf(sim: Simulation, instant = Infinity): Generator<CaptureRecord> {
  const count = recordCountAsOf(sim, instant);
  for (let k = 0; k < count; k++) yield captureRecord(sim, k);
}

/** A serializer of records of any election of the simulation as NDJSON lines (no newline). */
export function captureLines(sim: Simulation): (r: CaptureRecord) => string {
  const formatTime = localTimeFormat(sim.config.entity.timeZone);
  const formats = new Map(sim.elections.map((e) => [e.spec.code, captureLineFormat(e.layout, formatTime)]));
  return (r) => formats.get(r.election)!(r);
}

/** The export as of an instant as NDJSON: one line per record, each ending in `\n`. */
export function* captureNdjson(sim: Simulation, instant = Infinity): Generator<string> {
  const line = captureLines(sim);
  for (const r of recordsAsOf(sim, instant)) yield line(r) + '\n';
}
