// Command-line wiring only: one module per command (check.ts, info.ts, audit.ts), shared pieces in
// common.ts. main() returns the exit code so tests can run the CLI in-process.
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerAudit } from './audit.js';
import { registerCheck } from './check.js';
import { registerInfo } from './info.js';
import { EXIT_CLEAN, EXIT_ERROR, UsageError } from './common.js';
import { OutputError } from './output.js';
export { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS } from './common.js';
export function buildProgram(io, setExit) {
    const program = new Command();
    program
        .name('pinlint')
        .description('Find Go code that hands pointers to system calls, DLL procedures or assembly as uintptr without keeping them alive.')
        .version(VERSION, '-V, --version')
        .showHelpAfterError('(run pinlint --help for usage)')
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .exitOverride();
    registerCheck(program, io, setExit);
    registerInfo(program, io, setExit);
    registerAudit(program, io, setExit);
    return program;
}
/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv, io) {
    let code = EXIT_CLEAN;
    const program = buildProgram(io, (c) => { code = c; });
    try {
        await program.parseAsync(argv, { from: 'user' });
        return code;
    }
    catch (err) {
        if (err instanceof CommanderError) {
            if (err.exitCode === 0)
                return EXIT_CLEAN; // --help, --version
            return EXIT_ERROR; // commander already printed what was wrong
        }
        if (err instanceof UsageError || err instanceof OutputError) {
            io.stderr(`pinlint: ${err.message}\n`);
            return EXIT_ERROR;
        }
        io.stderr(`pinlint: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\nPlease report this with the command line and the file that triggered it.\n`);
        return EXIT_ERROR;
    }
}
