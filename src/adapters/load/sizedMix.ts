/**
 * The request mix of the sized peak (`prep size`'s capacity model, its default inputs) for a
 * built site or local target: page views by kind, the pointer polls of open pages, assets on
 * first views, ZIP downloads. The shares do not depend on the size of the audience (every
 * flow grows with it alike), so the model runs with a nominal lista nominal.
 */
import { readSiteSizes } from '../size/readSiteSizes.ts';
import { sizeCapacity } from '../../core/size/capacity.ts';
import { parseSizingInputs } from '../../core/size/sizingInputs.ts';
import type { RequestMix } from './requestMix.ts';

const NOMINAL_LISTA = '1000000';

export async function sizedMix(folder: string): Promise<RequestMix> {
  const report = sizeCapacity(parseSizingInputs({ listaNominal: NOMINAL_LISTA }), await readSiteSizes(folder, { sample: 50 }));
  return report.requestMix;
}
