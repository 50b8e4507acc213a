/** A load run's headline figures, rounded for a table (the load CLI and `npm run bench load`). */
import type { ScenarioReport } from './loadScenario.ts';

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

export function scenarioSummary(report: ScenarioReport): Record<string, number> {
  const { load, cache } = report;
  return {
    requests: load.requests,
    's': round(load.seconds, 1),
    'req/s': Math.round(load.requestsPerSecond),
    'p50 ms': round(load.p50Ms, 2),
    'p95 ms': round(load.p95Ms, 2),
    'p99 ms': round(load.p99Ms, 2),
    errors: load.errors,
    'non-2xx/304': load.unexpectedStatus,
    'hit ratio': round(cache.hitRatio, 4),
    'origin/edge': round(cache.originRatio, 4),
    'distinct URLs': report.distinctUrls,
    'MB/s': round(load.megabytes / load.seconds, 1),
  };
}
