/**
 * The origin of the emulation: `prep serve` over a local publication target, as a child
 * process on 127.0.0.1, started and stopped with the load run.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const PREP = fileURLToPath(new URL('../../cli/prep.ts', import.meta.url));
/** How much of the server's stderr is kept for an error message. */
const TAIL = 4096;

export interface Origin {
  /** `127.0.0.1:<port>` */
  address: string;
  stop(): Promise<void>;
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function startServe(target: string, port: number): Promise<Origin> {
  const child = spawn(process.execPath, [PREP, 'serve', '--target', target, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-TAIL);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (!(await accepts(port))) {
    if (gone) throw new Error(`prep serve --target ${target} --port ${port} exited (code ${child.exitCode}): ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`prep serve --target ${target} did not listen on 127.0.0.1:${port} within 30 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
