/**
 * The whole delivery path on one machine: `prep serve` over a local publication target (or an
 * origin already listening on 127.0.0.1) with the nginx edge in front, on free ports.
 */
import { startEdge, type Edge } from './edgeProcess.ts';
import { freePort } from './freePort.ts';
import { startServe, type Origin } from './serveProcess.ts';

export type OriginSpec = { target: string } | { address: string };

export interface EmulationOptions {
  origin: OriginSpec;
  /** The edge's port; a free one by default. */
  edgePort?: number;
  /** nginx worker processes; one per core by default. */
  workers?: number;
}

export interface Emulation {
  edge: Edge;
  /** Where the origin listens, `127.0.0.1:<port>`. */
  origin: string;
  /** Stops the edge, then the origin if it was started here. */
  stop(): Promise<void>;
}

export async function startEmulation(options: EmulationOptions): Promise<Emulation> {
  const served: Origin | null = 'target' in options.origin ? await startServe(options.origin.target, await freePort()) : null;
  const origin = served?.address ?? (options.origin as { address: string }).address;
  let edge: Edge;
  try {
    edge = await startEdge({
      origin,
      port: options.edgePort ?? (await freePort()),
      tapPort: await freePort(),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
    });
  } catch (error) {
    await served?.stop();
    throw error;
  }
  return {
    edge,
    origin,
    stop: async () => {
      try {
        await edge.stop();
      } finally {
        await served?.stop();
      }
    },
  };
}
