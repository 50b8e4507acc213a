/**
 * Ctrl-C and SIGTERM as an abort signal: the first stops the night cleanly (between stages,
 * the live cut left live); a second one exits at once.
 */
export function stopOnSignals(onStop: (signal: NodeJS.Signals) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    onStop(signal);
    controller.abort(new Error(`stopped by ${signal}`));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, handler);
    },
  };
}
