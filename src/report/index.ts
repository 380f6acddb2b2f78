// The reporter API: the CLI hands over a finished Report and picks a format. Reporters only format;
// ordering, suppression matching and exit codes are the engine's and the CLI's (DESIGN.md §8).
// Every format returns the whole output, ending in a newline (the github format is empty when
// there is nothing to annotate), and is deterministic: same report, same bytes.

import type { Format, Report, ReportOptions } from './report.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderConcise, renderText } from './text.js';

export type { Format, Report, ReportOptions } from './report.js';
export { FORMATS, formatNamed, isFormat } from './report.js';
export { statisticsLines, summarize, summaryLines, type Summary } from './text.js';

export function render(format: Format, report: Report, opts: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, opts);
    case 'concise':
      return renderConcise(report, opts);
    case 'json':
      return renderJson(report, opts);
    case 'sarif':
      return renderSarif(report, opts);
    case 'github':
      return renderGithub(report, opts);
  }
}
