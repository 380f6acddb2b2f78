import { terminalSafe } from '../report/escape.js';
/** Below this many files a scan is over before a progress line is worth reading. */
export const PROGRESS_MIN_FILES = 200;
/** A file that has been worked on this long is named (ms). */
export const SLOW_FILE_MS = 3000;
/** Paths longer than this are shown by their end, where the file name is. */
const SHOWN_PATH = 60;
/** Reports whether a run may print progress: asked for (`--no-progress` says no), stderr a
 * terminal, and not a CI job. */
export function wantsProgress(io, asked) {
    if (!asked)
        return false;
    const ci = (io.env ?? process.env).CI;
    if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false')
        return false;
    return io.stderrIsTTY ?? !!process.stderr.isTTY;
}
/** One self-overwriting stderr line (`\r`), erased when the scan ends so the report starts clean.
 * `now` is the clock (tests). */
export function progressLine(io, now = () => performance.now()) {
    let width = 0;
    let shown = '';
    let done = 0;
    let total = 0;
    let file = null;
    const render = () => {
        const slow = file && now() - file.since >= SLOW_FILE_MS ? file : null;
        if (total < PROGRESS_MIN_FILES && !slow)
            return;
        const count = total >= PROGRESS_MIN_FILES ? `scanning ${done}/${total} files (${Math.floor((done / total) * 100)}%)` : '';
        const on = slow ? `on ${shownPath(slow.path)} for ${Math.floor((now() - slow.since) / 1000)} s` : '';
        const s = `pinlint: ${[count, on].filter(Boolean).join(', ')}`;
        // The working file is reported about every millisecond of work: write only what changed.
        if (s === shown)
            return;
        io.stderr(`\r${s.padEnd(width)}`);
        shown = s;
        width = s.length;
    };
    return {
        update(d, t) {
            done = d;
            total = t;
            render();
        },
        working(f) {
            file = f;
            render();
        },
        done() {
            if (width > 0)
                io.stderr(`\r${' '.repeat(width)}\r`);
            width = 0;
            shown = '';
            file = null;
        },
    };
}
/** A path from the tree as the line shows it: escaped (a file name may hold terminal control
 * sequences; report/escape.ts), and by its end when long. */
function shownPath(path) {
    const safe = terminalSafe(path);
    return safe.length <= SHOWN_PATH ? safe : `…${safe.slice(safe.length - SHOWN_PATH + 1)}`;
}
