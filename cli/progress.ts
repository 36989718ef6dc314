import cliProgress from 'cli-progress';
import { cliStderr } from './io.ts';

/** A progress reporter for long work; silent unless a person is watching stderr. */
export interface Progress {
  update(done: number, extra?: string): void;
  stop(): void;
}

/** A progress bar on stderr (TTY only, never under --json or CI) sized by bytes, rows or events. */
export function createProgress(label: string, total: number, enabled: boolean): Progress {
  const stderr = cliStderr() as NodeJS.WriteStream;
  if (!enabled || !stderr.isTTY || total <= 0) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {extra}`, stream: stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { extra: '' });
  return {
    update: (done, extra = '') => bar.update(Math.min(done, total), { extra }),
    stop: () => bar.stop(),
  };
}
