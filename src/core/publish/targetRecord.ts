/**
 * `target.json`, written at a target's first publication: whether it holds a drill
 * (simulacro) or the real night, and for which entity. Every later publication must match
 * it, so that a drill can never overwrite the real results or be taken for them.
 */
import { parseFormatJson } from './formatJson.ts';
import type { Publication, PublicationMode } from './publication.ts';

export const TARGET_FORMAT = 'prep-target/1';
export const TARGET_FILE = 'target.json';

export interface TargetRecord {
  format: typeof TARGET_FORMAT;
  mode: PublicationMode;
  entity: { id: number; abbreviation: string };
}

export const targetRecord = (p: Pick<Publication, 'mode' | 'entity'>): TargetRecord => ({
  format: TARGET_FORMAT,
  mode: p.mode,
  entity: { id: p.entity.id, abbreviation: p.entity.abbreviation },
});

export const targetRecordJson = (r: TargetRecord): string => `${JSON.stringify(r, null, 2)}\n`;

/** Reads target.json back; `file` names it in errors. */
export function parseTargetRecord(text: string, file: string): TargetRecord {
  const r = parseFormatJson<TargetRecord>(text, file, TARGET_FORMAT);
  if (r.mode !== 'drill' && r.mode !== 'real') throw new RangeError(`${file}: mode is ${JSON.stringify(r.mode)}, expected "drill" or "real"`);
  if (!Number.isSafeInteger(r.entity?.id) || typeof r.entity?.abbreviation !== 'string')
    throw new RangeError(`${file}: entity is ${JSON.stringify(r.entity)}, expected {id, abbreviation}`);
  return targetRecord({ mode: r.mode, entity: r.entity });
}

/** Why a publication does not belong on a target that holds `held`; null when it does. */
export function targetMismatch(held: TargetRecord, offered: Pick<Publication, 'mode' | 'entity'>): 'mode' | 'entity' | null {
  if (held.mode !== offered.mode) return 'mode';
  if (held.entity.id !== offered.entity.id || held.entity.abbreviation !== offered.entity.abbreviation) return 'entity';
  return null;
}
