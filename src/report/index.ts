// The reporter API: the CLI hands over a finished Report and picks a format. Reporters only format;
// ordering, suppression matching and exit codes are the engine's and the CLI's (DESIGN.md §8).
// Every format returns the whole output, ending in a newline (the github format is empty when
// there is nothing to annotate), and is deterministic: same report, same bytes.

import type { Finding, Notification, RuleMeta } from '../types.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export interface Report {
  /** Every enabled rule, in registry order (SARIF tool.driver.rules). */
  rules: RuleMeta[];
  /** Sorted by the engine; includes suppressed findings (`finding.suppression` set). */
  findings: Finding[];
  notifications: Notification[];
  /** Decoded text of a repository-relative path (BOM kept), for excerpts and fingerprints. */
  readSource(path: string): string | undefined;
  /** pinlint's version, e.g. "0.1.0". */
  toolVersion: string;
}

export interface ReportOptions {
  /** SARIF `runAutomationDetails.id`; a trailing `/` is added when missing. */
  sarifCategory?: string;
  /** Show suppressed findings too (SARIF: with `suppressions`). Off by default in every format. */
  includeSuppressed?: boolean;
  /** ANSI colours in the text format. */
  color?: boolean;
  /** SARIF `partialFingerprints.primaryLocationLineHash`; default true. */
  fingerprints?: boolean;
}

export type Format = 'text' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

/** Reports whether `s` names an output format. */
export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export function render(format: Format, report: Report, opts: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, opts);
    case 'json':
      return renderJson(report, opts);
    case 'sarif':
      return renderSarif(report, opts);
    case 'github':
      return renderGithub(report, opts);
  }
}
