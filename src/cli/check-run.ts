// `pinlint check`, the run: options → configuration → engine → each file's rule settings →
// fixes, baseline → reporter → exit code. The options are declared in check.ts.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { analyze, type AnalysisResult, type AnalyzeOptions } from '../engine/analyze.js';
import { resolveTargets } from '../engine/discover.js';
import { rules as allRules } from '../../rules/index.js';
import type { Rule } from '../rule-api.js';
import { FORMATS, formatNamed, render, statisticsLines, type Format, type Report } from '../report/index.js';
import { describeError } from '../engine/read.js';
import type { Level, Notification } from '../model/findings.js';
import { VERSION } from '../version.js';
import { applyBaseline, BaselineError, loadBaseline, writeBaseline, type Baseline } from '../config/baseline.js';
import { planFixes, unifiedDiff } from '../report/fix.js';
import { EXIT_CLEAN, EXIT_ERROR, UsageError, applyRuleStates, cacheDirFor, prefilterOption, cliContext, configureRun, exitCodeFor, runLimits, type LimitCliOptions, findRule, unknownRuleMessage, type CacheOptions, type CliIO } from './common.js';
import { ChangedFileError, currentText, writeFixedFile, writeOutput } from './output.js';
import { Confinement } from '../model/confine.js';
import { progressLine, wantsProgress } from './progress.js';
import { inertJson, terminalSafe } from '../report/escape.js';

export interface CheckOptions extends CacheOptions, LimitCliOptions {
  format: string;
  output?: string;
  failOn: string;
  exitZero?: boolean;
  includeVendor?: boolean;
  sarifCategory?: string;
  sarifIncludeSuppressed?: boolean;
  inlineSuppressions: boolean;
  fingerprints: boolean;
  includeGenerated?: boolean;
  /** `--color [when]` / `--no-color`: true, false, or always|never|auto. */
  color?: boolean | string;
  rule?: string[];
  disable?: string[];
  config?: string;
  printConfig?: boolean;
  baseline?: string;
  writeBaseline?: string;
  fix?: boolean;
  dryRun?: boolean;
  context?: string[];
  statistics?: boolean;
  strict?: boolean;
  progress: boolean;
}

/** Picks the enabled rules from --rule / --disable. */
function selectRules(opts: CheckOptions): Rule[] {
  let selected = [...allRules];
  if (opts.rule?.length) {
    selected = opts.rule.flatMap((s) => s.split(',')).filter(Boolean).map((n) => {
      const r = findRule(n);
      if (!r) throw new UsageError(unknownRuleMessage(n));
      return r;
    });
  }
  for (const n of (opts.disable ?? []).flatMap((s) => s.split(',')).filter(Boolean)) {
    const r = findRule(n);
    if (!r) throw new UsageError(unknownRuleMessage(n));
    selected = selected.filter((x) => x !== r);
  }
  return selected;
}

/** Whether text output is colored: `--color always|never|auto` (bare `--color` is always,
 * `--no-color` never); auto colors a terminal unless NO_COLOR is set (no-color.org). */
export function useColor(opts: CheckOptions, io: CliIO, format: Format): boolean {
  const when = opts.color === true ? 'always' : opts.color === false ? 'never' : (opts.color ?? 'auto').toLowerCase();
  if (when === 'always') return true;
  if (when === 'never') return false;
  if (when !== 'auto') throw new UsageError(`--color takes always, never or auto, not "${String(opts.color)}".`);
  const noColor = (io.env ?? process.env).NO_COLOR;
  return io.isTTY && (format === 'text' || format === 'concise') && opts.output === undefined && (noColor === undefined || noColor === '');
}

/** Writes each fixed file, skipping (with an error notification) any that changed since it was
 * read or that cannot be written; returns those notifications. */
function writeFixes(plans: ReturnType<typeof planFixes>, result: AnalysisResult, io: CliIO): Notification[] {
  const root = new Confinement(result.root);
  const skipped: Notification[] = [];
  for (const p of plans) {
    if (p.before === p.after) continue;
    try {
      writeFixedFile(result.absPath(p.path), p.before, p.after, root);
    } catch (err) {
      if (!(err instanceof ChangedFileError)) throw err;
      io.stderr(`pinlint: ${terminalSafe(err.message)}\n`);
      skipped.push({ level: 'error', id: 'fix-skipped', message: 'not fixed: the file changed after pinlint read it, so writing the fix would lose that change; run pinlint --fix again', path: p.path });
    }
  }
  return skipped;
}

function readBaseline(file: string, cwd: string, root: string): Baseline {
  // A baseline committed in the tree is the tree's file: a link there must not lead pinlint to
  // read (and quote in an error) a file outside it.
  const abs = resolve(cwd, file);
  const confinement = new Confinement(root);
  if (confinement.placesInRoot(abs) && existsSync(abs) && !confinement.holds(abs)) {
    throw new UsageError(`cannot read the baseline ${file}: it is a symbolic link that leads outside the analyzed tree, and pinlint does not read it`);
  }
  try {
    return loadBaseline(readFileSync(abs, 'utf8'), file);
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(err.message);
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(missing
      ? `the baseline ${file} does not exist; create it with --write-baseline ${file}`
      : `cannot read the baseline ${file}: ${describeError(err)}`);
  }
}

/** `--strict`: a syntax error in a reported file fails the run (exit 2) instead of being a warning. */
function applyStrict(result: AnalysisResult, strict: boolean): void {
  if (!strict) return;
  for (const n of result.notifications) {
    if (n.id === 'parse-error') {
      n.level = 'error';
      n.message += ' (--strict: a syntax error fails the run)';
    }
  }
}

export async function runCheck(paths: string[], opts: CheckOptions, io: CliIO): Promise<number> {
  const format = formatNamed(opts.format);
  if (!format) throw new UsageError(`unknown format "${opts.format}". Use one of: ${FORMATS.join(', ')}.`);
  const color = useColor(opts, io, format);
  if (opts.dryRun && !opts.fix) throw new UsageError('--dry-run goes with --fix: pinlint --fix --dry-run prints the changes without writing them.');
  const candidates = selectRules(opts);
  const first = resolve(io.cwd, (paths[0] ?? '.').replace(/[/\\]\.\.\.$/, '') || '.');
  // The root findings are relative to is also the trust boundary of the tree's configuration.
  const { root } = resolveTargets(paths, io.cwd);
  const configured = configureRun(first, opts.config ? resolve(io.cwd, opts.config) : undefined, candidates, root);
  if (opts.printConfig) {
    // Values and paths of the tree's configuration, printed: the path naming each file escaped for
    // a terminal, the JSON (which holds no raw line break) keeping its value (report/escape.ts).
    io.stdout(configured.set.print(first, terminalSafe).split('\n').map((l) => (l.startsWith('//') ? l : inertJson(l))).join('\n'));
    return EXIT_CLEAN;
  }
  const baseline = opts.baseline ? readBaseline(opts.baseline, io.cwd, root) : null;
  // What --write-baseline will replace, as it is now: an edit saved during the run is not lost.
  const baselineBefore = opts.writeBaseline ? currentText(resolve(io.cwd, opts.writeBaseline)) : undefined;
  const progress = wantsProgress(io, opts.progress) ? progressLine(io) : null;
  // Every candidate rule runs; each file's own configuration then decides (applyRuleStates).
  const analyzeOptions: AnalyzeOptions = {
    paths,
    cwd: io.cwd,
    rules: candidates,
    ...(configured.options.exclude ? { exclude: configured.options.exclude } : {}),
    ...(configured.options.configure ? { configure: configured.options.configure } : {}),
    includeVendor: !!opts.includeVendor,
    includeGenerated: !!opts.includeGenerated,
    inlineSuppressions: opts.inlineSuppressions,
    // Command-line directories are looked in first, then the configurations'.
    context: cliContext(io.cwd, opts.context ?? []),
    env: io.env ?? process.env,
    ...cacheDirFor(opts, io),
    ...prefilterOption(opts),
    limits: runLimits(opts, configured),
    ...(progress ? { onProgress: progress.update, onWorking: progress.working } : {}),
  };
  const runOnce = async (): Promise<{ result: AnalysisResult; rules: Rule[] }> => {
    const result = await analyze(analyzeOptions);
    progress?.done();
    applyStrict(result, !!opts.strict);
    return { result, rules: applyRuleStates(result, configured.set, candidates) };
  };
  let { result, rules } = await runOnce();
  // The text each file was analyzed from, checked against its digest (engine/sources.ts).
  const readSource = (p: string): string | undefined => result.source(p);
  if (opts.fix) {
    // One fix per finding, non-overlapping; written atomically, then analyzed again so the
    // report and the exit code describe the code as it now is.
    const plans = planFixes(result.findings, readSource);
    const applied = plans.reduce((n, p) => n + p.applied.length, 0);
    if (opts.dryRun) {
      for (const p of plans) io.stdout(unifiedDiff(p.path, p.before, p.after));
      io.stderr(`pinlint: ${applied} fix${applied === 1 ? '' : 'es'} would change ${plans.length} file${plans.length === 1 ? '' : 's'} (dry run, nothing written)\n`);
      return exitCodeFor(result, opts.failOn as Level, !!opts.exitZero);
    }
    const skipped = writeFixes(plans, result, io);
    const written = plans.length - skipped.length;
    io.stderr(`pinlint: applied ${applied} fix${applied === 1 ? '' : 'es'} to ${written} file${written === 1 ? '' : 's'}\n`);
    if (plans.length) ({ result, rules } = await runOnce());
    // Said again after the second analysis, whose notifications replace the first's: the run
    // fails (exit 2) so that no one mistakes a skipped file for a fixed one.
    result.notifications.push(...skipped);
  }
  if (opts.writeBaseline) {
    writeOutput(resolve(io.cwd, opts.writeBaseline), writeBaseline(result.findings, readSource), 'baseline', { root: new Confinement(result.root), expected: baselineBefore });
    const n = result.findings.filter((f) => !f.suppression).length;
    io.stderr(`pinlint: wrote ${terminalSafe(opts.writeBaseline)} with ${n} finding${n === 1 ? '' : 's'}\n`);
    return result.notifications.some((x) => x.level === 'error') ? EXIT_ERROR : EXIT_CLEAN;
  }
  if (baseline) {
    const { fresh, baselined } = applyBaseline(result.findings, baseline, readSource);
    result.findings = fresh;
    if (baselined > 0) {
      result.notifications.push({ level: 'note', id: 'baselined', message: `${baselined} finding${baselined === 1 ? '' : 's'} matched the baseline ${opts.baseline} and ${baselined === 1 ? 'is' : 'are'} not shown` });
    }
  }
  const report: Report = {
    rules: rules.map((r) => r.meta),
    findings: result.findings,
    notifications: result.notifications,
    readSource,
    toolVersion: VERSION,
    counts: { scanned: result.scanned.length, parsed: result.reported.length },
  };
  const text = render(format, report, {
    sarifCategory: opts.sarifCategory,
    includeSuppressed: !!opts.sarifIncludeSuppressed || !opts.inlineSuppressions,
    color,
    fingerprints: opts.fingerprints,
    displayPath: cwdRelative(result.root, io.cwd),
    statistics: !!opts.statistics,
  });
  emit(text, report, format, opts, io, cwdRelative(result.root, io.cwd), result.root);
  return exitCodeFor(result, opts.failOn as Level, !!opts.exitZero);
}

/** Writes the report where it goes, and what a machine format or a file leaves out to stderr:
 * errors, syntax errors (visible whatever the format), statistics. */
function emit(text: string, report: Report, format: Format, opts: CheckOptions, io: CliIO, shown: (p: string) => string, root: string): void {
  const human = (format === 'text' || format === 'concise') && !opts.output;
  if (opts.output) {
    writeOutput(resolve(io.cwd, opts.output), text, 'report', { root: new Confinement(root) });
    const shown = report.findings.filter((f) => !f.suppression);
    const files = new Set(shown.map((f) => f.location.path)).size;
    const c = report.counts ?? { scanned: 0, parsed: 0 };
    io.stderr(`pinlint: wrote ${terminalSafe(opts.output)} (${shown.length} finding${shown.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; ${c.scanned} file${c.scanned === 1 ? '' : 's'} scanned, ${c.parsed} parsed)\n`);
  } else {
    io.stdout(text);
  }
  if (human) return;
  for (const n of report.notifications.filter((x) => x.level === 'error' || x.id === 'parse-error')) {
    // Paths and messages can hold what the tree named (escape.ts): shown terminal-safe.
    const where = n.path ? `${terminalSafe(shown(n.path))}${n.span ? `:${n.span.startLine}:${n.span.startColumn}` : ''}: ` : '';
    io.stderr(`pinlint: ${where}${n.level === 'error' ? '' : `${n.level}: `}${terminalSafe(n.message)}\n`);
  }
  if (opts.statistics) for (const l of statisticsLines(report)) io.stderr(`pinlint: ${l}\n`);
}

/** Repository-relative paths shown relative to the working directory (go vet, ruff); a path
 * outside it keeps its repository-relative form only when the working directory is the root. */
function cwdRelative(root: string, cwd: string): (p: string) => string {
  if (resolve(root) === resolve(cwd)) return (p) => p;
  return (p) => {
    if (isAbsolute(p)) return p;
    const r = relative(cwd, resolve(root, p));
    return r === '' ? '.' : r.split(sep).join('/');
  };
}
