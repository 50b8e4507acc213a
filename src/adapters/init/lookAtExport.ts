import { basename, relative, resolve } from 'node:path';
import { InputError } from '../../core/diagnostics.ts';
import { unitColumnOf } from '../../core/init/columnRoles.ts';
import { createExportSurvey, type ExportSurvey } from '../../core/init/exportSurvey.ts';
import type { ExportLook } from '../../core/init/exportLook.ts';
import { findHeader } from '../../core/init/findHeader.ts';
import { csvRecordBatches, decodeText, openSource } from '../source/index.ts';

/** Lines looked at for the header: real files have a few preamble lines, never hundreds. */
const HEAD_LINES = 200;
const HEAD_CHARS = 1 << 20;

const displayName = (path: string): string => relative(process.cwd(), path) || path;

/** The first lines of a text, as a person sees them (any line break). */
async function headLines(text: AsyncIterable<string>): Promise<string[]> {
  let head = '';
  for await (const chunk of text) {
    head += chunk;
    if (head.length >= HEAD_CHARS || head.split(/\r\n|\n|\r/).length > HEAD_LINES) break;
  }
  return head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).slice(0, HEAD_LINES);
}

/**
 * Reads an export for `prep init`: finds its per-acta header among the first lines (the
 * preamble before it kept), then surveys every row; and the catalogue's rows, when one is
 * given. `outDir` is where the configuration will be, for the catalogue's relative path.
 */
export async function lookAtExport(from: string, options: { catalogue?: string; outDir: string }): Promise<ExportLook> {
  const name = displayName(from);
  // A source's bytes are read once: the first lines, then every record, each from its own opening.
  const text = async (): Promise<AsyncIterable<string>> => decodeText((await openSource(from)).bytes, { name, encoding: 'auto' });
  const header = findHeader(await headLines(await text()));
  if (header === undefined)
    throw new InputError([
      {
        rejects: true,
        file: name,
        message: `no line among the first ${HEAD_LINES} looks like the per-acta header (at least 4 names such as CLAVE_CASILLA, SECCION, TIPO_ACTA, LISTA_NOMINAL, NULOS or a party, split by , | tab or ;)`,
        expected: 'a casilla-level results file: one header line, one row per acta',
      },
    ]);
  const headerLine = header.index + 1;
  const preamble: string[][] = [];
  let survey: ReturnType<typeof createExportSurvey> | undefined;
  let fields: string[] = header.fields;
  const unitColumn = unitColumnOf(header.fields);
  for await (const batch of csvRecordBatches(await text(), { name, delimiter: header.delimiter }))
    for (const record of batch) {
      if (record.line < headerLine) preamble.push(record.fields);
      else if (record.line === headerLine) {
        fields = record.fields;
        survey = createExportSurvey(fields.length, unitColumn);
      } else survey?.add(record.fields);
    }
  const look: ExportLook = {
    fileName: basename(from),
    preamble,
    header: fields,
    headerLine,
    delimiter: header.delimiter,
    unitColumn,
    survey: (survey ?? createExportSurvey(fields.length, unitColumn)).survey(),
  };
  if (options.catalogue === undefined) return look;
  return { ...look, catalogue: { path: relative(resolve(options.outDir), resolve(options.catalogue)), ...(await surveyCatalogue(options.catalogue)) } };
}

/** The catalogue's header and rows (its acta types, its entity), surveyed like an export. */
async function surveyCatalogue(path: string): Promise<{ header: string[]; survey: ExportSurvey }> {
  const name = displayName(path);
  const source = await openSource(path);
  let header: string[] | undefined;
  let survey: ReturnType<typeof createExportSurvey> | undefined;
  for await (const batch of csvRecordBatches(decodeText(source.bytes, { name, encoding: 'auto' }), { name, headerStart: 'ID_ENTIDAD' }))
    for (const record of batch) {
      if (header === undefined) {
        header = record.fields;
        survey = createExportSurvey(header.length, -1);
      } else survey!.add(record.fields);
    }
  if (header === undefined || survey === undefined)
    throw new InputError([{ rejects: true, file: name, message: 'the catalogue is empty', expected: 'a header line starting with ID_ENTIDAD and one row per expected acta' }]);
  return { header, survey: survey.survey() };
}
