// How a configuration mistake is reported: ConfigProblem (one thing wrong, at a JSON pointer) and
// ConfigError (every problem in one file, one line each, with the file's path as a user reads it).
//
// Nothing in src/config prints or exits: errors are thrown as ConfigError and the CLI maps them to
// exit 2.
import { isAbsolute, relative, sep } from 'node:path';
/**
 * A configuration file that cannot be used. The message names the file, the key and what was
 * expected, one line per problem, e.g.
 * `.pinlint.yaml: /rules/hoisted-conversion: expected "off", "note", "warning", "error" or {level, enabled}, got "warn"`.
 */
export class ConfigError extends Error {
    name = 'ConfigError';
    /** Absolute path of the file (of the directory, for two files in one directory). */
    file;
    /** JSON pointer of the first problem; '' for problems with the file as a whole. */
    key;
    line;
    column;
    problems;
    constructor(file, problems) {
        super(problems.map((p) => formatProblem(file, p)).join('\n'));
        const first = problems[0] ?? { key: '', detail: 'invalid configuration' };
        this.file = file;
        this.key = first.key;
        this.line = first.line;
        this.column = first.column;
        this.problems = problems;
    }
}
function formatProblem(file, p) {
    const pos = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : '';
    return `${displayPath(file)}${pos}: ${p.key ? `${p.key}: ` : ''}${p.detail}`;
}
/** A path as a user wants to read it: relative to the working directory when inside it. Messages
 * only; the API always hands out absolute paths. */
export function displayPath(abs) {
    const r = relative(process.cwd(), abs);
    if (r === '')
        return '.';
    if (r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r))
        return abs;
    return r.split(sep).join('/');
}
