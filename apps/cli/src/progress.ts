/**
 * Progress of a long command on stderr: a cli-progress bar on a terminal, otherwise a plain line
 * at every tenth (logs and pipes get no control characters).
 */
import { Presets, SingleBar } from 'cli-progress';
import type { CliContext } from './context.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressReporter(cli: CliContext, label: string, tty = process.stderr.isTTY === true): Progress {
  if (tty) {
    const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, done);
        else bar.setTotal(total);
        started = true;
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let shown = -1;
  return {
    update(done, total) {
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth === shown) return;
      shown = tenth;
      cli.err(`${label} ${done}/${total}`);
    },
    stop: () => undefined,
  };
}
