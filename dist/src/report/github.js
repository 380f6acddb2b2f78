// GitHub Actions workflow commands, one annotation per finding:
//
//   ::error file=src/a.go,line=12,endLine=12,col=20,endColumn=27,title=pinlint PL001 hoisted-uintptr::msg
//
// Rules from GitHub's "Workflow commands for GitHub Actions" page and the escaping that
// @actions/core applies (toolkit packages/core/src/command.ts), restated in our own code:
// - the message ("data") escapes `%`, CR and LF; property values also escape `:` and `,`, which
//   would otherwise end the value. The runner decodes exactly these (actions/runner
//   ActionCommand.cs), so the file property names the true path (unless the name holds one of
//   the characters below, which only a hostile tree puts in a file name);
// - every other control character is shown escaped (`\x1b`), in data and properties alike, so no
//   raw escape sequence reaches a log or a terminal, and `##[` (the runner's older command prefix,
//   which counts anywhere in a line) is broken as `#\x23[` (escape.ts inlineSafe). A message may
//   span lines (its CR and LF are escapes, so the command stays one line of the log); the paths
//   and the justification pinlint adds to it are terminal-safe, so a line break in a file name
//   shows as `\n`;
// - `col`/`endColumn` are sent only for a single-line span: check-run annotations accept columns
//   only when start and end line are equal (REST "Create a check run", annotations[].start_column);
// - error / warning / notice map from our error / warning / note.
// GitHub shows at most 10 annotations of each kind per step (and 50 per job); the rest are only in
// the log. That is a display limit, so everything is printed and SARIF is the complete channel.
import { inlineSafe, terminalSafe } from './escape.js';
const COMMAND = { error: 'error', warning: 'warning', note: 'notice' };
/** Escapes a workflow command's message: the runner's escapes, then escape.ts's inlineSafe. */
export function escapeData(s) {
    return inlineSafe(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
/** Escapes a workflow command property value. */
export function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function command(level, props, message) {
    const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
    return `::${COMMAND[level]}${p === '' ? '' : ` ${p}`}::${escapeData(message)}`;
}
function spanProps(span) {
    const props = [
        ['line', span.startLine],
        ['endLine', span.endLine],
    ];
    if (span.startLine === span.endLine)
        props.push(['col', span.startColumn], ['endColumn', span.endColumn]);
    return props;
}
function findingCommand(f) {
    const notes = f.related.map((r) => `\nnote: ${terminalSafe(r.message)} at ${terminalSafe(r.location.path)}:${r.location.startLine}:${r.location.startColumn}`);
    const suppressed = f.suppression === undefined ? '' : `\nsuppressed: ${terminalSafe(f.suppression.justification)}`;
    // A suppressed finding shown on request is informational: a notice, not a red error.
    return command(f.suppression === undefined ? f.level : 'note', [['file', f.location.path], ...spanProps(f.location), ['title', `pinlint ${f.ruleId} ${f.ruleName}`]], `${f.message}${notes.join('')}${suppressed}`);
}
function notificationCommand(n) {
    return command(n.level, [['file', n.path], ...(n.span === undefined ? [] : spanProps(n.span)), ['title', `pinlint ${n.id}`]], n.message);
}
export function renderGithub(report, opts = {}) {
    const lines = [];
    for (const f of report.findings) {
        if (f.suppression !== undefined && opts.includeSuppressed !== true)
            continue;
        lines.push(findingCommand(f));
    }
    // Notifications without a file have nowhere to attach; the CLI prints them on stderr.
    for (const n of report.notifications) {
        if (n.path !== undefined)
            lines.push(notificationCommand({ ...n, path: n.path }));
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
