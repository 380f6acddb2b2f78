// What every reporter receives: the finished report and the options that shape its output. The
// reporters import this module and the format switch in index.ts imports the reporters, so the
// shared types live below both.
import type { Finding, Notification, RuleMeta } from '../model/findings.js';

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
  /** Files the run looked at: `.go` files found for reporting, and those of them parsed and
   * analyzed (a prefilter may skip a file that cannot matter unparsed). Every format reports the
   * same numbers (text summary, JSON summary, SARIF run properties). */
  counts?: { scanned: number; parsed: number };
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
  /** How the text and concise formats show a repository-relative path (the CLI: relative to the
   * working directory, as go vet and ruff print them); default as it is. */
  displayPath?: (path: string) => string;
  /** Text and concise formats: a count of findings per rule after the findings. */
  statistics?: boolean;
}

export type Format = 'text' | 'concise' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly Format[] = ['text', 'concise', 'json', 'sarif', 'github'];

/** The format `s` names, in any letter case (`SARIF`, `Json`), or undefined. */
export function formatNamed(s: string): Format | undefined {
  const lower = s.trim().toLowerCase();
  return FORMATS.find((f) => f === lower);
}

/** Reports whether `s` names an output format. */
export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}
