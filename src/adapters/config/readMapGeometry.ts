import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { MapConfig } from '../../core/config/schema.ts';
import { electionGeometry, type ElectionGeometry, type GeometryContext, type GeometryProblem } from '../../core/config/mapGeometry.ts';
import { InputError } from '../../core/diagnostics.ts';

/**
 * Reads an election's map file (GeoJSON or TopoJSON) and checks it against the election's
 * units; any problem rejects the configuration, each message naming the file and the feature.
 */
export async function readMapGeometry(path: string, spec: MapConfig, context: GeometryContext): Promise<ElectionGeometry> {
  const file = relative(process.cwd(), path) || path;
  const reject = (message: string, expected?: string): never => {
    throw new InputError([{ rejects: true, file, message, ...(expected === undefined ? {} : { expected }) }]);
  };
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) =>
    reject(`cannot read ${context.code}'s map: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a directory, not a file' : String(error.code)}`),
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    reject(`${context.code}'s map is not valid JSON: ${(error as Error).message}`, 'a GeoJSON or TopoJSON file');
  }
  const { geometry, problems } = electionGeometry(json, spec, context);
  if (geometry === null) throw geometryError(file, problems);
  return geometry;
}

/** The problems of map `file` as the error that rejects the configuration. */
export const geometryError = (file: string, problems: readonly GeometryProblem[]): InputError =>
  new InputError(
    problems.map((p) => ({
      rejects: true,
      file,
      ...(p.at === undefined ? {} : { column: p.at }),
      ...(p.value === undefined ? {} : { value: p.value }),
      message: p.message,
      ...(p.expected === undefined ? {} : { expected: p.expected }),
    })),
  );
