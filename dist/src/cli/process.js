// Running the CLI as a process: standard streams, exit status. Output to a pipe whose reader
// went away (`pinlint … | head -1`, EPIPE) ends the output quietly and keeps the exit status the
// analysis decided; any other failure to write standard output (a full disk, `> /dev/full`) is
// an error, reported on stderr, exit 2 (DESIGN.md §7: 1 means findings, and a report that was
// not written must not pass for one).
import { main } from './main.js';
export async function runProcess(argv) {
    let stdoutGone = false;
    let writeFailed = false;
    process.stdout.on('error', (err) => {
        if (stdoutGone)
            return;
        stdoutGone = true;
        if (err.code === 'EPIPE')
            return;
        writeFailed = true;
        process.exitCode = 2;
        try {
            process.stderr.write(`pinlint: cannot write to standard output: ${err.message}\n`);
        }
        catch { /* stderr is gone too */ }
    });
    // Nothing useful can be done when stderr itself fails; the exit status still tells.
    process.stderr.on('error', () => undefined);
    const code = await main(argv, {
        stdout: (s) => { if (!stdoutGone)
            process.stdout.write(s); },
        stderr: (s) => { process.stderr.write(s); },
        cwd: process.cwd(),
        isTTY: !!process.stdout.isTTY,
        stderrIsTTY: !!process.stderr.isTTY,
    });
    // Let pending writes to a pipe drain before exiting (no process.exit here); a write error that
    // is reported after this line sets the status to 2 itself.
    process.exitCode = writeFailed ? 2 : code;
}
