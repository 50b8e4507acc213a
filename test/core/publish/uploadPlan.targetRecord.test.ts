import { describe, expect, it } from 'vitest';
import { parseTargetRecord, targetMismatch, targetRecord, targetRecordJson } from '../../../src/core/publish/targetRecord.ts';

const gro = { id: 12, abbreviation: 'GRO' };

describe('target.json', () => {
  it('round-trips', () => {
    const r = targetRecord({ mode: 'drill', entity: gro });
    expect(parseTargetRecord(targetRecordJson(r), 'target.json')).toEqual(r);
  });

  it.each([
    ['{', 'x/target.json: not JSON'],
    ['{"format":"other"}', 'x/target.json: format is "other", expected "prep-target/1"'],
    ['{"format":"prep-target/1","mode":"test"}', 'x/target.json: mode is "test", expected "drill" or "real"'],
    ['{"format":"prep-target/1","mode":"real"}', 'x/target.json: entity is undefined, expected {id, abbreviation}'],
  ])('%s → %s', (text, message) => expect(() => parseTargetRecord(text, 'x/target.json')).toThrow(message));

  it.each([
    ['real', 12, 'GRO', null],
    ['drill', 12, 'GRO', 'mode'],
    ['real', 9, 'GRO', 'entity'],
    ['real', 12, 'MEX', 'entity'],
  ] as const)('a real GRO target offered %s for entity %i %s → %s', (mode, id, abbreviation, expected) =>
    expect(targetMismatch(targetRecord({ mode: 'real', entity: gro }), { mode, entity: { id, abbreviation } })).toBe(expected),
  );
});
