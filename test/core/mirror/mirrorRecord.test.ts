import { describe, expect, it } from 'vitest';
import { mirrorRecordJson, otherSource, parseMirrorRecord, type MirrorRecord } from '../../../src/core/mirror/mirrorRecord.ts';
import { formatDiagnostic, InputError } from '../../../src/core/diagnostics.ts';

const FP = 'a'.repeat(64);
const cut = (stamp: string) => ({ stamp, label: `02/06/2024 ${stamp.slice(9, 11)}:${stamp.slice(11)} (UTC-6)`, last: false, files: 9, bytes: 1000, images: 4 });
const record: MirrorRecord = { format: 'prep-mirror/1', source: 'https://prep.example.org/datos/', fingerprint: FP, cuts: [cut('20240602_2040'), cut('20240602_2000')] };

describe('mirror.json', () => {
  it('is written with its cuts oldest first, and read back as it was written', () => {
    const text = mirrorRecordJson(record);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseMirrorRecord(text, 'mirror.json')).toEqual({ ...record, cuts: [cut('20240602_2000'), cut('20240602_2040')] });
    expect(mirrorRecordJson(parseMirrorRecord(text, 'mirror.json'))).toBe(text);
  });

  it.each([
    ['{', 'error: m/mirror.json: not valid JSON: Expected property name or \'}\' in JSON at position 1 (line 1 column 2) (expected a prep-mirror/1 record written by prep mirror)'],
    ['{"format":"prep-mirror/2"}', 'error: m/mirror.json: column format: Invalid input: expected "prep-mirror/1" (expected a prep-mirror/1 record written by prep mirror)'],
  ])('refuses %s', (text, line) => {
    try {
      parseMirrorRecord(text, 'm/mirror.json');
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).diagnostics.map(formatDiagnostic)).toEqual([line]);
    }
  });

  it('a folder follows one site with one key, once it holds a cut', () => {
    expect(otherSource(record, record.source, FP)).toBeUndefined();
    expect(otherSource(record, 'https://otro.example.org/datos/', FP)).toBe('it mirrors https://prep.example.org/datos/, not https://otro.example.org/datos/');
    expect(otherSource(record, record.source, 'b'.repeat(64))).toBe(`it mirrors cuts signed by the key ${FP}, not ${'b'.repeat(64)}`);
    expect(otherSource({ ...record, cuts: [] }, 'https://otro.example.org/datos/', 'b'.repeat(64)), 'a folder holding no cut yet').toBeUndefined();
  });
});
