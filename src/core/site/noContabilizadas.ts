/** Non-counted actas of a level, by reason: what the pages list under "actas no contabilizadas". */
import type { Tally } from '../aggregate/tally.ts';

/** How many catalogue actas were not counted for one reason (their OBSERVACIONES). */
export interface ReasonCount {
  reason: string;
  actas: number;
}

/** Non-counted actas by OBSERVACIONES, most first (ties by reason); they add up to ACTAS_NO_CONTABILIZADAS. */
export function noContabilizadasByReason(tally: Tally): ReasonCount[] {
  return [...tally.noContabilizadasPorMotivo]
    .map(([reason, actas]) => ({ reason, actas }))
    .sort((a, b) => b.actas - a.actas || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
