import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `prep <args>` to the end in a child process, as an operator would, without blocking
 * this process: a server the test runs here (s3rver, the edge) keeps answering the CLI.
 * `env` is added to this process's environment; PREP_DEBUG is dropped so that errors read as
 * the operator sees them.
 */
export async function spawnPrep(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.PREP_DEBUG;
  const child = spawn(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, stdout, stderr };
}
