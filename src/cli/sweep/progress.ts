/**
 * A one-line progress bar on stderr, for terminals only: `[#####.....] 50/100
 * scenarios, 12 s`. Redrawn at most ten times a second; cleared at the end so
 * that the lines after it start clean.
 */
import type { CliIo } from '../io.js';

export interface Progress {
  tick(): void;
  done(): void;
}

const WIDTH = 30;
const NONE: Progress = { tick: () => undefined, done: () => undefined };

export function progressBar(io: CliIo, total: number, label: string, enabled: boolean): Progress {
  if (!enabled || total === 0) return NONE;
  const started = Date.now();
  let count = 0;
  let drawn = 0;
  const draw = () => {
    const filled = Math.round((count / total) * WIDTH);
    const seconds = Math.round((Date.now() - started) / 1000);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count}/${total} ${label}, ${seconds} s`);
    drawn = Date.now();
  };
  draw();
  return {
    tick() {
      count += 1;
      if (count === total || Date.now() - drawn >= 100) draw();
    },
    done() {
      io.stderr.write('\r\x1b[K');
    },
  };
}
