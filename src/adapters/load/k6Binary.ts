/**
 * Where the k6 binary is, and whether it is one the scripts run on (k6 1.0 or later): the
 * `K6_BIN` environment variable when set (CI sets it: .ci/run), else `k6` on the PATH. k6 is
 * installed by the user (Grafana's packages, Homebrew, the Docker image), never by the project.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The oldest k6 the scripts are written for. */
export const K6_MINIMUM_MAJOR = 1;

export type K6Binary = { path: string; version: string } | { missing: string };

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** `k6 v1.0.0 (commit/41b4984b75, go1.23.5, linux/amd64)` → `1.0.0`. */
export function k6Version(output: string): string | null {
  return /\bk6 v(\d+\.\d+\.\d+)/.exec(output)?.[1] ?? null;
}

export async function findK6(env: NodeJS.ProcessEnv = process.env): Promise<K6Binary> {
  const given = env.K6_BIN;
  let path: string | undefined;
  if (given !== undefined && given !== '') {
    if (!executable(given)) return { missing: `K6_BIN=${given} is not an executable file` };
    path = given;
  } else {
    path = (env.PATH ?? '').split(delimiter).filter((d) => d !== '').map((d) => join(d, 'k6')).find(executable);
    if (path === undefined) return { missing: 'no k6 on the PATH and K6_BIN is not set (install k6 1.0 or later: https://grafana.com/docs/k6/latest/set-up/install-k6/)' };
  }
  let output: string;
  try {
    output = (await run(path, ['version'], { env: { ...env, K6_NO_USAGE_REPORT: 'true' }, timeout: 30_000 })).stdout;
  } catch (error) {
    return { missing: `${path} version failed: ${(error as Error).message}` };
  }
  const version = k6Version(output);
  if (version === null) return { missing: `${path} version printed no k6 version: ${output.trim().slice(0, 120)}` };
  if (Number(version.split('.')[0]) < K6_MINIMUM_MAJOR) return { missing: `${path} is k6 v${version}: the scripts need k6 ${K6_MINIMUM_MAJOR}.0 or later` };
  return { path, version };
}
