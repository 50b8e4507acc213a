import { SimulatedCapture } from '../adapters/capture/simulatedCapture.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { CaptureProvider } from './captureProvider.ts';

/** The simulator's capture system, in this process: the export and images as of any cut. */
export function simulatedCapture(sim: Simulation, name: string): CaptureProvider {
  const capture = new SimulatedCapture(sim, name);
  return {
    name,
    loaded: capture.loaded,
    exportAt: async (at) => capture.exportAsOf(at),
    imagesAt: async () => capture.images,
  };
}
