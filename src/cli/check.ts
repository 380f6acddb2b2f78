// `pinlint check` (the default command): options → engine → fixes, baseline → reporter → exit code.
import { Command, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../engine/analyze.js';
import { rules as allRules } from '../../rules/index.js';
import type { Rule } from '../rule-api.js';
import { FORMATS, isFormat, render, type Format } from '../report/index.js';
import { describeError, readGoFile } from '../engine/read.js';
import type { Level } from '../model/findings.js';
import { VERSION } from '../version.js';
import { printConfig } from '../config/index.js';
import { applyBaseline, BaselineError, loadBaseline, writeBaseline, type Baseline } from '../config/baseline.js';
import { planFixes, unifiedDiff } from '../report/fix.js';
import { EXIT_CLEAN, EXIT_ERROR, UsageError, cliContext, configureRun, exitCodeFor, findRule, unknownRuleMessage, type CliIO } from './common.js';
import { writeFixedFile, writeOutput } from './output.js';

interface CheckOptions {
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
  color?: boolean;
  rule?: string[];
  disable?: string[];
  config?: string;
  printConfig?: boolean;
  baseline?: string;
  writeBaseline?: string;
  fix?: boolean;
  dryRun?: boolean;
  context?: string[];
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

async function runCheck(paths: string[], opts: CheckOptions, io: CliIO): Promise<number> {
  if (!isFormat(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}". Use one of: ${FORMATS.join(', ')}.`);
  }
  if (!['error', 'warning', 'note'].includes(opts.failOn)) {
    throw new UsageError(`--fail-on takes error, warning or note, not "${opts.failOn}".`);
  }
  const first = resolve(io.cwd, paths[0] ?? '.');
  // findConfigFile starts from the directory of anything that is not one (a file, a FIFO).
  const startDir = existsSync(first) ? first : io.cwd;
  const configured = configureRun(startDir, opts.config ? resolve(io.cwd, opts.config) : undefined, selectRules(opts));
  if (opts.printConfig) {
    io.stdout(printConfig(configured.resolved));
    return EXIT_CLEAN;
  }
  let baseline: Baseline | null = null;
  if (opts.baseline) {
    try {
      baseline = loadBaseline(readFileSync(resolve(io.cwd, opts.baseline), 'utf8'), opts.baseline);
    } catch (err) {
      if (err instanceof BaselineError) throw new UsageError(err.message);
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new UsageError(missing
        ? `the baseline ${opts.baseline} does not exist; create it with --write-baseline ${opts.baseline}`
        : `cannot read the baseline ${opts.baseline}: ${describeError(err)}`);
    }
  }
  const rules = configured.rules;
  const analyzeOptions = {
    paths,
    cwd: io.cwd,
    ...configured.options,
    includeVendor: !!opts.includeVendor,
    includeGenerated: !!opts.includeGenerated,
    inlineSuppressions: opts.inlineSuppressions,
    // Command-line directories are looked in first, then the configuration's.
    context: [...cliContext(io.cwd, opts.context ?? []), ...(configured.options.context ?? [])],
    env: io.env ?? process.env,
  };
  let result = await analyze(analyzeOptions);
  const readSource = (p: string): string | undefined => {
    const r = readGoFile(result.absPath(p));
    return r.ok ? r.text : undefined;
  };
  if (opts.dryRun && !opts.fix) throw new UsageError('--dry-run goes with --fix: pinlint --fix --dry-run prints the changes without writing them.');
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
    for (const p of plans) if (p.before !== p.after) writeFixedFile(result.absPath(p.path), p.after);
    io.stderr(`pinlint: applied ${applied} fix${applied === 1 ? '' : 'es'} to ${plans.length} file${plans.length === 1 ? '' : 's'}\n`);
    if (plans.length) result = await analyze(analyzeOptions);
  }
  if (opts.writeBaseline) {
    writeOutput(resolve(io.cwd, opts.writeBaseline), writeBaseline(result.findings, readSource), 'baseline');
    const n = result.findings.filter((f) => !f.suppression).length;
    io.stderr(`pinlint: wrote ${opts.writeBaseline} with ${n} finding${n === 1 ? '' : 's'}\n`);
    return result.notifications.some((x) => x.level === 'error') ? EXIT_ERROR : EXIT_CLEAN;
  }
  if (baseline) {
    const { fresh, baselined } = applyBaseline(result.findings, baseline, readSource);
    result.findings = fresh;
    if (baselined > 0) {
      result.notifications.push({ level: 'note', id: 'baselined', message: `${baselined} finding${baselined === 1 ? '' : 's'} matched the baseline ${opts.baseline} and ${baselined === 1 ? 'is' : 'are'} not shown` });
    }
  }
  const format = opts.format as Format;
  const text = render(format, {
    rules: rules.map((r) => r.meta),
    findings: result.findings,
    notifications: result.notifications,
    readSource,
    toolVersion: VERSION,
  }, {
    sarifCategory: opts.sarifCategory,
    includeSuppressed: !!opts.sarifIncludeSuppressed || !opts.inlineSuppressions,
    color: opts.color ?? (io.isTTY && format === 'text' && opts.output === undefined && !process.env.NO_COLOR),
    fingerprints: opts.fingerprints,
  });
  if (opts.output) {
    writeOutput(resolve(io.cwd, opts.output), text);
    const shown = result.findings.filter((f) => !f.suppression).length;
    io.stderr(`pinlint: wrote ${opts.output} (${shown} finding${shown === 1 ? '' : 's'}, ${result.reported.length} file${result.reported.length === 1 ? '' : 's'})\n`);
  } else {
    io.stdout(text);
  }
  // Notifications also go to stderr for machine formats, so errors are never silent.
  if (format !== 'text' || opts.output) {
    for (const n of result.notifications.filter((x) => x.level === 'error')) io.stderr(`pinlint: ${n.path ? n.path + ': ' : ''}${n.message}\n`);
  }
  return exitCodeFor(result, opts.failOn as Level, !!opts.exitZero);
}

/** Adds `check` (the default command) to the program. */
export function registerCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('check [paths...]', { isDefault: true })
    .description('analyze .go files below the paths (default: .), skipping vendor/, testdata/, and directories and files starting with . or _')
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'lowest level that makes the exit code 1').choices(['error', 'warning', 'note']).default('warning'))
    .option('--exit-zero', 'exit 0 even when there are findings (errors still exit 2)')
    .option('--include-vendor', 'also scan vendor/ directories')
    .option('--include-generated', 'also report findings in generated files ("Code generated ... DO NOT EDIT")')
    .option('--context <dir>', 'also read imported packages from this directory, as context that is never reported (a module directory, or one laid out by import path such as a GOPATH src/; repeatable)', collect, [])
    // One value per option, repeatable, commas allowed (ruff, golangci-lint): a variadic option
    // would swallow the paths after it (`--disable pinner-misuse a.go`).
    .option('--rule <rules>', 'run only these rules (ids or names; repeat or separate with commas)', collect, [])
    .option('--disable <rules>', 'do not run these rules (repeat or separate with commas)', collect, [])
    .option('--sarif-category <id>', 'SARIF runAutomationDetails.id (GitHub code scanning category)')
    .option('--sarif-include-suppressed', 'emit suppressed findings in SARIF with suppressions[]')
    .option('--no-inline-suppressions', 'ignore //pinlint:ignore comments and show what they would hide')
    .option('--no-fingerprints', 'leave partialFingerprints out of SARIF')
    .option('--color', 'force colored text output')
    .option('--config <file>', 'use this configuration file instead of searching for .pinlint.{json,yaml,yml}')
    .option('--print-config', 'print the configuration in effect and exit')
    .option('--baseline <file>', 'report only findings not recorded in this baseline file')
    .option('--write-baseline <file>', 'record the current findings in a baseline file and exit 0')
    .option('--fix', 'apply the mechanical fixes (KeepAlive after the call, conversion moved inline, …Ptr twin), then report what remains')
    .option('--dry-run', 'with --fix: print the changes as a unified diff instead of writing them')
    .action(async (paths: string[], opts: CheckOptions) => {
      setExit(await runCheck(paths, opts, io));
    });
}

/** Accumulates a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
