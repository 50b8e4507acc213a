/**
 * Databases folders a failed cut left on a target: `datos/<stamp>/` is written before its cut
 * is switched to, and databases are never pruned, so a folder that no kept cut lists is either
 * a pruned cut's (older than every kept cut: kept on purpose, URLs of old cuts stay valid) or a
 * cut that never went live (listed here, for the operator to delete or to publish again).
 */
import type { Publication } from '../../core/publish/publication.ts';
import { DATABASES_PREFIX } from '../../core/publish/publicationRoutes.ts';

export function unpublishedDatabases(datosStamps: readonly string[], kept: readonly Publication[]): string[] {
  const listed = new Set(kept.flatMap((p) => p.files.filter((f) => f.shared).map((f) => f.path.split('/')[1]!)));
  const oldest = kept.map((p) => p.cut.stamp).sort()[0];
  if (oldest === undefined) return datosStamps.map((s) => `${DATABASES_PREFIX}${s}/`);
  return datosStamps.filter((s) => !listed.has(s) && s > oldest).map((s) => `${DATABASES_PREFIX}${s}/`);
}
