import { openLocalTarget } from '../adapters/publish/local/localTarget.ts';
import type { PublicationTarget } from '../adapters/publish/target.ts';

export const TARGET_HELP = 'where the cut is published: a local directory (served by prep serve or nginx) or s3://bucket/prefix/';

/** The target `--target` names. */
export async function openTargetOption(spec: string): Promise<PublicationTarget> {
  return openLocalTarget(spec);
}
