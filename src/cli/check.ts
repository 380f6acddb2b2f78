// `pinlint check` (the default command): its options. The run itself is check-run.ts.
import { Command, Option } from 'commander';
import { FORMATS } from '../report/index.js';
import { cacheOptions, limitOptions, type CliIO } from './common.js';
import { runCheck, type CheckOptions } from './check-run.js';

/** Adds `check` (the default command) to the program. */
export function registerCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = program
    .command('check [paths...]', { isDefault: true })
    .description('analyze .go files below the paths (default: .), skipping vendor/, testdata/, and directories and files starting with . or _')
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (any letter case)`).default('text'))
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
    .option('--color [when]', 'color the text output: always, never or auto (default: auto, a terminal without NO_COLOR; bare --color is always)')
    .option('--no-color', 'never color the output (same as --color never)')
    .option('--statistics', 'also print the number of findings per rule (on stderr for machine formats)')
    .option('--strict', 'a syntax error in a reported file fails the run (exit 2) instead of being a warning')
    .option('--no-progress', 'never print progress on stderr (it is shown only on a terminal, never in CI)')
    .option('--config <file>', 'use this configuration file instead of searching for .pinlint.{json,yaml,yml}')
    .option('--print-config', 'print the configuration in effect and exit')
    .option('--baseline <file>', 'report only findings not recorded in this baseline file')
    .option('--write-baseline <file>', 'record the current findings in a baseline file and exit 0')
    .option('--fix', 'apply the mechanical fixes (KeepAlive after the call, conversion moved inline, …Ptr twin), then report what remains')
    .option('--dry-run', 'with --fix: print the changes as a unified diff instead of writing them');
  cacheOptions(limitOptions(cmd))
    .action(async (paths: string[], opts: CheckOptions) => {
      setExit(await runCheck(paths, opts, io));
    });
}

/** Accumulates a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
