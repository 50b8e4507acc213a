/**
 * The emulated CDN edge (nginx, started and stopped by scripts/cdn/cdn.sh) seen from Node:
 * where it answers, where its logs are, and the three things a load run does with it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CDN_SCRIPT = fileURLToPath(new URL('../../../scripts/cdn/cdn.sh', import.meta.url));
const NGINX = '/usr/sbin/nginx';

export interface EdgeOptions {
  /** Where the origin listens, `127.0.0.1:<port>`. */
  origin: string;
  port: number;
  tapPort: number;
  /** nginx's folder (configuration, logs, cache); a new temporary one by default. */
  dir?: string;
  /** nginx worker processes; one per core by default. */
  workers?: number;
}

export interface Edge {
  url: string;
  dir: string;
  /** One line per visitor request. */
  edgeLog: string;
  /** One line per request that reached the origin. */
  originLog: string;
  /** Writes nginx's buffered log lines to the files. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Why the edge cannot run here, or null when it can (nginx present, or root to install it). */
export function edgeUnavailable(): string | null {
  if (existsSync(NGINX)) return null;
  if (process.getuid?.() === 0) return null;
  return `${NGINX} is missing and installing it needs root: run scripts/cdn/install-nginx.sh as root (CI does)`;
}

async function cdn(args: string[]): Promise<string> {
  try {
    const { stdout } = await run('bash', [CDN_SCRIPT, ...args], { encoding: 'utf8', timeout: 900_000, maxBuffer: 1 << 20 });
    return stdout.trim();
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`scripts/cdn/cdn.sh ${args[0]} failed: ${(e.stderr ?? '').trim() || e.message}`);
  }
}

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const args = ['start', '--origin', options.origin, '--port', String(options.port), '--tap-port', String(options.tapPort)];
  if (options.dir !== undefined) args.push('--dir', options.dir);
  if (options.workers !== undefined) args.push('--workers', String(options.workers));
  const dir = (await cdn(args)).split('\n').pop()!;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${options.port}`,
    dir,
    edgeLog: join(dir, 'logs', 'edge.log'),
    originLog: join(dir, 'logs', 'origin.log'),
    flush: async () => {
      await cdn(['flush', '--dir', dir]);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cdn(['stop', '--dir', dir]);
    },
  };
}
