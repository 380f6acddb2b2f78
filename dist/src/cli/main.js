// Command-line wiring only: one module per command (check.ts, info.ts, audit.ts), shared pieces in
// common.ts. main() returns the exit code so tests can run the CLI in-process.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { closest } from '../config/wording.js';
import { VERSION } from '../version.js';
import { registerAudit } from './audit.js';
import { registerCheck } from './check.js';
import { registerInfo } from './info.js';
import { EXIT_CLEAN, EXIT_ERROR, UsageError } from './common.js';
import { OutputError } from './output.js';
import { terminalSafe } from '../report/escape.js';
export { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS } from './common.js';
export function buildProgram(io, setExit) {
    const program = new Command();
    program
        .name('pinlint')
        .description('Find Go code that hands pointers to system calls, DLL procedures or assembly as uintptr without keeping them alive.')
        .version(VERSION, '-V, --version')
        // One style for every usage error, commander's included: `pinlint: <what>; <how to fix>`.
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(usageLine(str)) })
        .exitOverride();
    registerCheck(program, io, setExit);
    registerInfo(program, io, setExit);
    registerAudit(program, io, setExit);
    return program;
}
/** A commander message (`error: unknown option '--x'\n`) in pinlint's style. */
function usageLine(str) {
    const msg = str.trim().replace(/^error: /, '');
    return `pinlint: ${msg}${/[.?)]$/.test(msg) ? '' : '.'} Run \`pinlint --help\` for usage.\n`;
}
const COLOR_WHENS = ['always', 'never', 'auto'];
/** Bare `--color` (before `--color <when>` existed) means always: when the word after it is an
 * existing path, an option or nothing, it is not taken as the option's value (the bug issue 11
 * found in --rule and --disable); any other word is, and a wrong one is a usage error. */
function normalizeArgv(argv, cwd) {
    return argv.flatMap((a, i) => {
        if (a !== '--color')
            return [a];
        const next = argv[i + 1];
        const isValue = next !== undefined && (COLOR_WHENS.includes(next.toLowerCase()) || (!next.startsWith('-') && !existsSync(resolve(cwd, next))));
        return isValue ? [a] : ['--color=always'];
    });
}
/** `pinlint chek`: the default command would take the word for a path that does not exist; a
 * word that is no path and is one edit from a command is a mistyped command. */
function mistypedCommand(program, argv, cwd) {
    const word = argv[0];
    if (word === undefined || word.startsWith('-') || /[./\\]/.test(word))
        return undefined;
    const names = [...program.commands.map((c) => c.name()), 'help'];
    if (names.includes(word) || existsSync(resolve(cwd, word)))
        return undefined;
    const near = closest(word, names);
    return near ? `unknown command "${word}"; did you mean \`${near}\`? Run \`pinlint --help\` for the commands.` : undefined;
}
/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv, io) {
    let code = EXIT_CLEAN;
    const program = buildProgram(io, (c) => { code = c; });
    try {
        const mistyped = mistypedCommand(program, argv, io.cwd);
        if (mistyped)
            throw new UsageError(mistyped);
        await program.parseAsync(normalizeArgv(argv, io.cwd), { from: 'user' });
        return code;
    }
    catch (err) {
        if (err instanceof CommanderError) {
            if (err.exitCode === 0)
                return EXIT_CLEAN; // --help, --version
            return EXIT_ERROR; // commander already printed what was wrong
        }
        if (err instanceof UsageError || err instanceof OutputError) {
            // A message may quote a path or a key of the tree (a configuration error): each line is made
            // inert for a terminal and a CI runner, so none can start a workflow command
            // (docs/security.md); a message of several problems keeps its lines.
            io.stderr(`pinlint: ${err.message.split('\n').map(terminalSafe).join('\n')}\n`);
            return EXIT_ERROR;
        }
        const detail = err instanceof Error ? err.stack ?? err.message : String(err);
        io.stderr(`pinlint: internal error: ${detail.split('\n').map(terminalSafe).join('\n')}\nPlease report this with the command line and the file that triggered it.\n`);
        return EXIT_ERROR;
    }
}
