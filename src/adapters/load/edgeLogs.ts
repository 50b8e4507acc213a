/**
 * The emulated edge's and origin's log lines of one stretch of time: mark where the logs
 * stand, run the load, read what was appended since (nginx's buffered lines flushed first).
 */
import { open, stat } from 'node:fs/promises';
import { parseLogLines, type LogLine } from './accessLog.ts';
import type { Edge } from './edgeProcess.ts';

export interface LogMark {
  edge: number;
  origin: number;
}

export interface LogStretch {
  /** One line per visitor request. */
  edge: LogLine[];
  /** One line per request that reached the origin. */
  origin: LogLine[];
}

const sizeOf = (file: string): Promise<number> => stat(file).then((s) => s.size, () => 0);

async function readFrom(file: string, offset: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Where the logs stand now, every buffered line written. */
export async function markLogs(edge: Edge): Promise<LogMark> {
  await edge.flush();
  const [e, o] = await Promise.all([sizeOf(edge.edgeLog), sizeOf(edge.originLog)]);
  return { edge: e, origin: o };
}

/** The lines written since `mark`. */
export async function linesSince(edge: Edge, mark: LogMark): Promise<LogStretch> {
  await edge.flush();
  const [e, o] = await Promise.all([readFrom(edge.edgeLog, mark.edge), readFrom(edge.originLog, mark.origin)]);
  return { edge: parseLogLines(e), origin: parseLogLines(o) };
}

/** Visitor requests the edge has logged since `mark`, without flushing (a progress line's count: up to a second behind). */
export async function edgeRequestsSince(edge: Edge, mark: LogMark): Promise<number> {
  const text = await readFrom(edge.edgeLog, mark.edge);
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
