/**
 * Progress of a simulation on stderr (cli-progress): a bar redrawn in place
 * on a terminal; elsewhere (a CI log, a file) a plain line every few
 * seconds, so that a long run shows it is alive without filling the log.
 */
import cliProgress from 'cli-progress';
import type { CliIo } from '../io.js';

export interface SimulationProgress {
  update(done: number): void;
  stop(): void;
}

const NONE: SimulationProgress = { update: () => undefined, stop: () => undefined };
/** A plain line this often when stderr is not a terminal. */
const PLAIN_LINE_MS = 5000;

export function simulationProgress(io: CliIo, total: number, enabled: boolean): SimulationProgress {
  if (!enabled || total === 0) return NONE;
  // cli-progress (and the readline calls it makes on a TTY) only write to
  // the stream: the injected stderr will do, a TTY only when io says so.
  const stream = { isTTY: io.stderrIsTty, columns: 80, write: (text: string) => io.stderr.write(text) } as unknown as NodeJS.WriteStream;
  const bar = new cliProgress.SingleBar({
    stream,
    format: io.stderrIsTty
      ? 'simulate [{bar}] {value}/{total} scenarios, {duration}s, ETA {eta}s'
      : 'simulate: {value}/{total} scenarios done, {duration} s',
    noTTYOutput: true,
    notTTYSchedule: PLAIN_LINE_MS,
    hideCursor: io.stderrIsTty,
    clearOnComplete: true,
    barsize: 30,
  }, cliProgress.Presets.legacy);
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
