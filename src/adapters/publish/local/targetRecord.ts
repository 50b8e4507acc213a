/** A local target's `target.json` (core/publish/targetRecord.ts): read from and written to its folder. */
import { readFile } from 'node:fs/promises';
import type { Publication } from '../../../core/publish/publication.ts';
import { parseTargetRecord, targetMismatch, targetRecord, targetRecordJson, type TargetRecord } from '../../../core/publish/targetRecord.ts';
import { writeFileAtomic } from '../../package/atomicFile.ts';
import { EntityMismatchError, ModeMismatchError } from '../target.ts';

/** null when the target has never been published to. */
export async function readTargetRecord(file: string): Promise<TargetRecord | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseTargetRecord(text, file);
}

/**
 * Records the publication's mode and entity on a new target, or checks them on one that has
 * them: a drill never lands on the real night's target, nor one entity's cut on another's.
 */
export async function claimTarget(file: string, name: string, p: Publication): Promise<void> {
  const held = await readTargetRecord(file);
  if (held === null) return writeFileAtomic(file, targetRecordJson(targetRecord(p)));
  const mismatch = targetMismatch(held, p);
  if (mismatch === 'mode') throw new ModeMismatchError(name, held.mode, p.mode);
  if (mismatch === 'entity') throw new EntityMismatchError(name, held.entity, p.entity);
}
