// Progress on a terminal: one self-overwriting stderr line while a large tree is scanned, for
// `check` and `audit` alike. Only when stderr is a terminal and the run is not in CI (the `CI`
// variable GitHub Actions, GitLab, CircleCI and others set: their logs keep every `\r` frame),
// and never on stdout, so pipes and reports stay clean.
import type { CliIO } from './common.js';

/** Below this many files a scan is over before a progress line is worth reading. */
export const PROGRESS_MIN_FILES = 200;

export interface Progress {
  update: (done: number, total: number) => void;
  done: () => void;
}

/** Reports whether a run may print progress: asked for (`--no-progress` says no), stderr a
 * terminal, and not a CI job. */
export function wantsProgress(io: CliIO, asked: boolean): boolean {
  if (!asked) return false;
  const ci = (io.env ?? process.env).CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return io.stderrIsTTY ?? !!process.stderr.isTTY;
}

/** One self-overwriting stderr line (`\r`), erased when the scan ends so the report starts clean. */
export function progressLine(io: CliIO): Progress {
  let width = 0;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_FILES) return;
      const s = `pinlint: scanning ${done}/${total} files (${Math.floor((done / total) * 100)}%)`;
      io.stderr(`\r${s.padEnd(width)}`);
      width = s.length;
    },
    done() {
      if (width > 0) io.stderr(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
  };
}
