/** `state/current.json`: which cut of an S3 target is live, for status, rollback and the next cut's copies. */
import { parseFormatJson } from '../../../core/publish/formatJson.ts';
import { isCutStamp } from '../../../core/schedule/cutLabel.ts';

export const STATE_KEY = 'state/current.json';
const STATE_FORMAT = 'prep-s3-state/1';

export interface LiveState {
  live: string;
  /** When the switch happened (ISO 8601), for the operator. */
  switchedAt: string;
}

export const liveStateJson = (s: LiveState): string => `${JSON.stringify({ format: STATE_FORMAT, live: s.live, switchedAt: s.switchedAt }, null, 2)}\n`;

export function parseLiveState(text: string, file: string): LiveState {
  const value = parseFormatJson<{ format: typeof STATE_FORMAT; live: unknown; switchedAt: unknown }>(text, file, STATE_FORMAT);
  if (typeof value.live !== 'string' || !isCutStamp(value.live)) throw new RangeError(`${file}: live is ${JSON.stringify(value.live)}, expected a cut stamp`);
  return { live: value.live, switchedAt: String(value.switchedAt) };
}
