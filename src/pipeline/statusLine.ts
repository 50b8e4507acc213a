import type { CutReporter } from './cutStages.ts';
import { STAGE_WORDS } from './cutStages.ts';

/**
 * A cut's progress as one line rewritten in place (`prep night`): which stage is running,
 * and how many files are published so far. Off a terminal it says nothing: the cut's
 * summary line is enough in a log.
 */
export function statusLineReporter(prefix: () => string, stream: NodeJS.WriteStream = process.stderr): CutReporter & { clear(): void } {
  const tty = stream.isTTY === true;
  let stage = '';
  let lastDraw = 0;
  const draw = (text: string): void => {
    if (tty) stream.write(`\r\x1b[K${prefix()} · ${text}`);
  };
  return {
    start(s) {
      stage = STAGE_WORDS[s];
      draw(`${stage}…`);
    },
    progress(done, total) {
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      draw(`${stage}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files`);
    },
    end() {},
    log() {},
    clear() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
