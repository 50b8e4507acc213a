/**
 * `target.json`: whether a target holds a drill or the real night, and for which entity,
 * recorded by the first publication and checked by every later one.
 */
import { readFile } from 'node:fs/promises';
import type { Publication, PublicationMode } from '../../../core/publish/publication.ts';
import { writeFileAtomic } from '../../package/atomicFile.ts';
import { EntityMismatchError, ModeMismatchError } from '../target.ts';

export const TARGET_FORMAT = 'prep-target/1';

export interface TargetRecord {
  format: typeof TARGET_FORMAT;
  mode: PublicationMode;
  entity: Publication['entity'];
}

/** null when the target has never been published to. */
export async function readTargetRecord(file: string): Promise<TargetRecord | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: Partial<TargetRecord> | null;
  try {
    value = JSON.parse(text) as Partial<TargetRecord> | null;
  } catch (error) {
    throw new RangeError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (value?.format !== TARGET_FORMAT) throw new RangeError(`${file}: format is ${JSON.stringify(value?.format)}, expected "${TARGET_FORMAT}"`);
  if (value.mode !== 'drill' && value.mode !== 'real') throw new RangeError(`${file}: mode is ${JSON.stringify(value.mode)}, expected "drill" or "real"`);
  if (typeof value.entity?.abbreviation !== 'string' || !Number.isSafeInteger(value.entity.id))
    throw new RangeError(`${file}: entity is ${JSON.stringify(value.entity)}, expected {id, abbreviation}`);
  return value as TargetRecord;
}

/**
 * Records the publication's mode and entity on a new target, or checks them on one that has
 * them: a drill never lands on the real night's target, nor one entity's cut on another's.
 */
export async function claimTarget(file: string, name: string, p: Publication): Promise<void> {
  const held = await readTargetRecord(file);
  if (held === null) {
    const record: TargetRecord = { format: TARGET_FORMAT, mode: p.mode, entity: p.entity };
    await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
    return;
  }
  if (held.mode !== p.mode) throw new ModeMismatchError(name, held.mode, p.mode);
  if (held.entity.id !== p.entity.id || held.entity.abbreviation !== p.entity.abbreviation) throw new EntityMismatchError(name, held.entity, p.entity);
}
