/**
 * The value of one of the publisher's own JSON files (publication.json, target.json, the S3
 * target's state), whose `format` field names its layout and version: text that is not JSON,
 * or another format, is refused before any field is read. `file` names it in errors.
 */
export function parseFormatJson<T extends { format: string }>(text: string, file: string, format: T['format']): Partial<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RangeError(`${file}: not JSON (${(error as Error).message})`);
  }
  const v = value as Partial<T> | null;
  if (v?.format !== format) throw new RangeError(`${file}: format is ${JSON.stringify(v?.format)}, expected "${format}"`);
  return v;
}
