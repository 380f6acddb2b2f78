// `pinlint rules` and `pinlint explain`: what the rules are, from their metadata.
import type { Command } from 'commander';
import { rules as allRules } from '../../rules/index.js';
import { ruleHelpText } from '../docs/render.js';
import { EXIT_CLEAN, UsageError, findRule, unknownRuleMessage, type CliIO } from './common.js';
import { VERSION } from '../version.js';

/** Adds `rules`, `explain` and `version` to the program. */
export function registerInfo(program: Command, io: CliIO, setExit: (code: number) => void): void {
  // `pinlint version`, as `go version` and `golangci-lint version` say it; `--version` stays.
  program
    .command('version')
    .description('print the version')
    .action(() => {
      io.stdout(`${VERSION}\n`);
      setExit(EXIT_CLEAN);
    });

  program
    .command('rules')
    .description('list the rules')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        io.stdout(JSON.stringify(allRules.map((r) => ({ id: r.meta.id, name: r.meta.name, level: r.meta.level, precision: r.meta.precision, summary: r.meta.summary })), null, 2) + '\n');
      } else {
        const w = Math.max(...allRules.map((r) => r.meta.name.length));
        for (const r of allRules) io.stdout(`${r.meta.id}  ${r.meta.name.padEnd(w)}  ${r.meta.level.padEnd(7)}  ${r.meta.summary}\n`);
      }
      setExit(EXIT_CLEAN);
    });

  program
    .command('explain <rule>')
    .description("print a rule's documentation (by id or name)")
    .action((name: string) => {
      const r = findRule(name);
      if (!r) throw new UsageError(unknownRuleMessage(name));
      io.stdout(ruleHelpText(r.meta) + '\n');
      setExit(EXIT_CLEAN);
    });
}
