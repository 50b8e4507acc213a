import { spawnSync } from 'node:child_process';

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a real command-line tool (no shell) and returns its exit status and output. */
export function run(command: string, args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): ToolRun {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    input: options.input,
    env: options.env ?? { ...process.env, LC_ALL: 'C' },
    maxBuffer: 64 << 20,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

/** Whether a command exists on this machine (tests never install anything themselves). */
export function hasTool(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs python3 code with arguments; fails the test on a non-zero exit. */
export function python(code: string, ...args: string[]): string {
  const result = run('python3', ['-c', code, ...args]);
  if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}
