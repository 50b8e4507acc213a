/** The byte, text and record layer of the capture import: location → bytes → text → records. */
export { openSource } from './openSource.ts';
export type { OpenSourceOptions } from './openSource.ts';
export type { Source } from './source.ts';
export { decodeText } from './decodeText.ts';
export type { DecodeTextOptions, TextEncodingName } from './decodeText.ts';
export { csvRecords, csvRecordBatches } from './csvRecords.ts';
export type { CsvRecord, CsvRecordsOptions } from './csvRecords.ts';
export { ndjsonRecords, ndjsonRecordBatches } from './ndjsonRecords.ts';
export type { NdjsonRecord, NdjsonRecordsOptions } from './ndjsonRecords.ts';
