// `pinlint audit [dir]`: analyze a module's vendor/ tree (or any tree of dependencies) and report
// per vendored module. Wiring only, as for `check`: options → engine → stats → renderer → exit code.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option } from 'commander';
import { analyze } from '../engine/analyze.js';
import { resolveTargets } from '../engine/discover.js';
import { rules as allRules } from '../../rules/index.js';
import { UsageError, cacheDirFor, cacheOptions, prefilterOption, configureRun, exitCodeFor, limitOptions, runLimits } from './common.js';
import { writeOutput } from './output.js';
import { Confinement } from '../model/confine.js';
import { progressLine, wantsProgress } from './progress.js';
import { readGoFile } from '../engine/read.js';
import { VERSION } from '../version.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { loadModules, locateTree } from '../audit/modules.js';
import { computeAudit } from '../audit/stats.js';
import { AUDIT_FORMATS, renderAudit } from '../audit/render.js';
import { terminalSafe } from '../report/escape.js';
export function registerAudit(program, io, setExit) {
    const cmd = program
        .command('audit [dir]')
        .summary('report per vendored module: sink calls, findings, uintptr wrappers and sinks defined')
        .description('Analyze <dir>/vendor (or <dir> itself when it has no vendor/: a tree of dependencies laid out by import path; default .) and report per module, grouped by vendor/modules.txt and ranked by risk: findings per rule (generated files included), unprotected uintptr wrappers (those called with pointers and the exported ones apart), bodyless or //go:uintptrescapes sinks, files, sink calls and calls protected inline. See docs/audit.md.')
        .addOption(new Option('-f, --format <format>', 'output format').choices(AUDIT_FORMATS).default('text'))
        .option('-o, --output <file>', 'write the report to a file instead of stdout')
        .addOption(new Option('--fail-on <level>', 'lowest level that makes the exit code 1').choices(['error', 'warning', 'note']).default('warning'))
        .option('--exit-zero', 'exit 0 even when there are findings (errors still exit 2)')
        .option('--no-inline-suppressions', 'ignore //pinlint:ignore comments and count what they would hide')
        .option('--exclude-generated', 'leave out findings in generated files ("Code generated ... DO NOT EDIT"), as check does; by default an audit counts and lists them, because they are the code the dependency ships')
        // The default since generated files count in an audit (issue 11); kept so scripts that pass it work.
        .addOption(new Option('--include-generated', 'count and list findings in generated files (the default)').hideHelp())
        .option('--no-progress', 'never print progress on stderr')
        .option('--config <file>', 'use this configuration file instead of searching for .pinlint.{json,yaml,yml} from <dir>');
    cacheOptions(limitOptions(cmd))
        .action(async (dir, opts) => {
        setExit(await runAudit(dir ?? '.', opts, io));
    });
}
async function runAudit(dirArg, opts, io) {
    const dir = resolve(io.cwd, dirArg);
    if (!existsSync(dir)) {
        throw new UsageError(`cannot audit "${dirArg}": no such directory. Pass a module root that has a vendor/ directory (run \`go mod vendor\` first) or a directory of dependencies laid out by import path.`);
    }
    if (!statSync(dir).isDirectory()) {
        throw new UsageError(`cannot audit "${dirArg}": not a directory. Pass a module root that has a vendor/ directory, or a directory of dependencies; to analyze single files use \`pinlint check\`.`);
    }
    const tree = locateTree(dir, new Confinement(resolveTargets([dir], io.cwd).root));
    if (tree.base === dir && existsSync(join(dir, 'go.mod')) && tree.modulesTxt === null) {
        io.stderr(`pinlint: ${terminalSafe(dirArg)} has a go.mod but no vendor/ directory: auditing its own packages as if they were dependencies. Run \`go mod vendor\` to audit what it depends on.\n`);
    }
    const progress = wantsProgress(io, opts.progress) ? progressLine(io) : null;
    // The audited module's configuration (in-house sinks, wrappers, allocators) applies to its
    // dependencies too.
    const configured = configureRun(dir, opts.config ? resolve(io.cwd, opts.config) : undefined, allRules, resolveTargets([dir], io.cwd).root);
    const { result, data, readSource } = await auditTree(dir, {
        cwd: io.cwd,
        configured: { ...configured.options, limits: runLimits(opts, configured) },
        inlineSuppressions: opts.inlineSuppressions,
        includeGenerated: !opts.excludeGenerated,
        ...cacheDirFor(opts, io),
        ...prefilterOption(opts),
        ...(progress ? { onProgress: progress.update, onWorking: progress.working } : {}),
    });
    progress?.done();
    const text = renderAudit(opts.format, data, { readSource });
    if (opts.output) {
        writeOutput(resolve(io.cwd, opts.output), text, 'report', { root: new Confinement(result.root) });
        io.stderr(`pinlint: wrote ${terminalSafe(opts.output)} (${data.totals.modules} module${data.totals.modules === 1 ? '' : 's'}, ${data.totals.findings} finding${data.totals.findings === 1 ? '' : 's'}, ${data.totals.files} file${data.totals.files === 1 ? '' : 's'})\n`);
    }
    else {
        io.stdout(text);
    }
    if (data.totals.files === 0)
        io.stderr(`pinlint: no .go files found under ${terminalSafe(dirArg)}${tree.base === dir ? '' : '/vendor'}.\n`);
    // Errors are never silent, whatever the format (the text table only counts them). Paths and
    // messages can hold what the tree named: shown terminal-safe (report/escape.ts).
    if (opts.format !== 'text' || opts.output) {
        for (const n of data.notifications.filter((x) => x.level === 'error'))
            io.stderr(`pinlint: ${n.path ? terminalSafe(n.path) + ': ' : ''}${terminalSafe(n.message)}\n`);
    }
    return exitCodeFor(result, opts.failOn, !!opts.exitZero);
}
/**
 * Audits `dir` (absolute): analyzes `<dir>/vendor`, or `<dir>` itself when it has none, with
 * vendor/ included and every rule, and groups the result by module.
 */
export async function auditTree(dir, opts = {}) {
    const tree = locateTree(dir, new Confinement(resolveTargets([dir], opts.cwd ?? dir).root));
    const result = await analyze({
        paths: [tree.base],
        cwd: opts.cwd ?? dir,
        rules: allRules,
        ...opts.configured,
        includeVendor: true,
        inlineSuppressions: opts.inlineSuppressions !== false,
        includeGenerated: opts.includeGenerated !== false,
        ...(opts.cacheDir ? { cacheDir: opts.cacheDir, toolVersion: opts.toolVersion ?? VERSION } : {}),
        ...(opts.prefilter === false ? { prefilter: false } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.onWorking ? { onWorking: opts.onWorking } : {}),
    });
    const data = computeAudit({
        result, dir, tree, modules: loadModules(tree), rules: allRules.map((r) => r.meta), toolVersion: VERSION,
        includeGenerated: opts.includeGenerated !== false,
    });
    // Shown paths are relative to the real directory (the engine resolves symbolic links).
    const realDir = realpathSync(dir);
    return {
        result,
        data,
        readSource: (p) => {
            // Under the file's own size limit, the one it was analyzed with.
            const abs = join(realDir, p);
            const r = readGoFile(abs, (opts.configured?.limits?.(abs) ?? DEFAULT_LIMITS).maxFileBytes);
            return r.ok ? r.text : undefined;
        },
    };
}
