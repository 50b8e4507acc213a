/**
 * A worker thread of astroBuild.ts that kills the build's process group when the build's stdin
 * — a pipe from the process that started it (buildSite) — reaches its end: that process has
 * died, even by kill -9. A thread of its own, because the build's main thread can be busy for
 * seconds on end (loading Astro, bundling, rendering thousands of pages), and a dead parent must
 * stop the build at once, not when the main thread is next free.
 */
import { readSync } from 'node:fs';

const buffer = Buffer.alloc(256);
const pause = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  try {
    // Nothing is ever written to the pipe: a read returns only at its end.
    if (readSync(0, buffer) === 0) break;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') break;
    // A non-blocking pipe: look again shortly.
    Atomics.wait(pause, 0, 0, 50);
  }
}
process.kill(-process.pid, 'SIGKILL');
