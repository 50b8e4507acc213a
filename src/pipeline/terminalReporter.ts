import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { CutReporter } from './cutStages.ts';
import { mib } from './runCut.ts';

/**
 * A cut's progress on the terminal (stderr): a line per stage with its seconds and what it
 * did, and a progress bar while publishing when stderr is a terminal.
 */
export function terminalReporter(stream: NodeJS.WriteStream = process.stderr, indent = '  '): CutReporter {
  let bars: MultiBar | undefined;
  let bar: SingleBar | undefined;
  const stop = (): void => {
    bars?.stop();
    bars = undefined;
    bar = undefined;
  };
  return {
    start(stage) {
      if (stage !== 'publish' || !stream.isTTY) return;
      bars = new MultiBar(
        { stream, format: `${indent}publish [{bar}] {value}/{total} files, {written}`, hideCursor: null, clearOnComplete: true, barsize: 30 },
        Presets.shades_classic,
      );
      bar = bars.create(1, 0, { written: mib(0) });
    },
    progress(done, total, bytes) {
      bar?.setTotal(Math.max(total, 1));
      bar?.update(done, { written: mib(bytes) });
    },
    end(stage, seconds, detail) {
      stop();
      stream.write(`${indent}${stage}: ${seconds.toFixed(2)} s (${detail})\n`);
    },
    log(line) {
      if (bars) bars.log(`${indent}${line}\n`);
      else stream.write(`${indent}${line}\n`);
    },
  };
}
