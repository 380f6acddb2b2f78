// Rule documentation, rendered from RuleMeta only (DESIGN.md §5: one source of truth feeds the doc
// page, the SARIF reportingDescriptor and `pinlint explain`). Pure functions: no I/O, so the docs
// generator, the SARIF reporter and the drift test all get byte-identical text.

import type { RuleMeta } from '../model/findings.js';

export const INFORMATION_URI = 'https://github.com/pinlint/pinlint';
/** Where the generated pages live on GitHub; a rule's page is `<base><name>.md`. */
export const RULE_DOCS_BASE_URL = 'https://github.com/pinlint/pinlint/blob/main/docs/rules/';
/** Where docs/configuration.md explains how a configured level combines with bug and violation. */
const CONFIG_LEVELS = 'configuration.md#levels-bugs-and-rule-violations';
/** Repository-relative folder the generator writes to. */
export const RULE_DOCS_DIR = 'docs/rules';

/** GitHub keeps at most 20 tags per rule (code scanning limits table, ecosystem.md §1.7). */
const MAX_TAGS = 20;

export function ruleHelpUri(meta: RuleMeta): string {
  return `${RULE_DOCS_BASE_URL}${meta.name}.md`;
}

/** The banner that marks a file as generated; gen-docs only ever deletes files that carry it. */
export function generatedBanner(source: string): string {
  return `<!-- generated from ${source} by \`npm run docs\` — do not edit -->`;
}

export const GENERATED_MARK = 'by `npm run docs` — do not edit -->';

/**
 * Returns the CWE numbers of a rule without leading zeros ("CWE-416", "cwe-416" and "416" all give
 * "416"). Throws on an entry with no number: rule metadata is programmer input (DESIGN.md §8).
 */
export function cweNumbers(meta: RuleMeta): string[] {
  const out: string[] = [];
  for (const c of meta.cwe) {
    const m = /^(?:cwe-?)?0*(\d+)$/i.exec(c.trim());
    if (!m?.[1]) throw new Error(`rule ${meta.id}: malformed CWE "${c}" (expected e.g. "CWE-416")`);
    if (!out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/**
 * The SARIF `properties.tags` of a rule: its own tags, then `security` (GitHub filters on it, and
 * every pinlint rule is a security rule), then one `external/cwe/cwe-NNN` per CWE, zero-padded to
 * three digits as CodeQL writes them. Deduplicated, at most 20.
 */
export function ruleTags(meta: RuleMeta): string[] {
  const tags: string[] = [];
  const add = (t: string): void => {
    if (t !== '' && !tags.includes(t)) tags.push(t);
  };
  for (const t of meta.tags) add(t.trim());
  add('security');
  for (const n of cweNumbers(meta)) add(`external/cwe/cwe-${n.padStart(3, '0')}`);
  if (tags.length > MAX_TAGS) {
    // Keep `security` and the CWE tags: they drive GitHub's severity and CWE views.
    const required = tags.filter((t) => t === 'security' || t.startsWith('external/cwe/'));
    const rest = tags.filter((t) => !required.includes(t)).slice(0, Math.max(0, MAX_TAGS - required.length));
    return [...rest, ...required].slice(0, MAX_TAGS);
  }
  return tags;
}

/**
 * The security severity as GitHub wants it: a numeric string in (0, 10] with at least one decimal
 * ("7.5", "8.0"). Throws on anything else, since GitHub rejects the whole upload for a non-numeric
 * value ("invalid security severity value, is not a number", codeql-action upload-lib.ts).
 */
export function securitySeverityString(meta: RuleMeta): string {
  const s = meta.securitySeverity;
  if (!Number.isFinite(s) || s <= 0 || s > 10) {
    throw new Error(`rule ${meta.id}: securitySeverity must be in (0, 10], got ${String(s)}`);
  }
  return Number.isInteger(s) ? s.toFixed(1) : String(s);
}

// ---------------------------------------------------------------------------------------------
// Markdown helpers

/**
 * Joins the lines of each paragraph and list item into one line. GitHub renders SARIF
 * `help.markdown` with single line breaks as hard breaks (staticcheck reflows for the same reason,
 * go-tools lintcmd/sarif.go), so metadata wrapped at 100 columns in source would show ragged.
 * Fenced code, headings, tables, block quotes and blank lines are kept as written.
 */
export function reflowMarkdown(md: string): string {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string | undefined;
  let fence: string | undefined;
  const flush = (): void => {
    if (para !== undefined) out.push(para);
    para = undefined;
  };
  for (const line of lines) {
    if (fence !== undefined) {
      out.push(line);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    const trimmed = line.trim();
    const open = /^(`{3,}|~{3,})/.exec(trimmed);
    if (open?.[1]) {
      flush();
      out.push(line.trimEnd());
      fence = open[1];
      continue;
    }
    if (trimmed === '') {
      flush();
      out.push('');
      continue;
    }
    if (/^(#{1,6}\s|\||>)/.test(trimmed)) {
      flush();
      out.push(line.trimEnd());
      continue;
    }
    // An indented code block can only start after a blank line or another block.
    if (para === undefined && /^( {4}|\t)/.test(line)) {
      out.push(line.trimEnd());
      continue;
    }
    if (/^([-*+]|\d+[.)])\s+/.test(trimmed)) {
      flush();
      para = line.trimEnd();
      continue;
    }
    para = para === undefined ? line.trimEnd() : `${para} ${trimmed}`;
  }
  flush();
  return collapseBlankLines(out.join('\n'));
}

function collapseBlankLines(s: string): string {
  return s.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\s+$/, '');
}

/**
 * Markdown to plain text for SARIF `help.text`, `fullDescription` and `pinlint explain`: reflowed,
 * links shown as "text (url)", fenced code indented by four spaces (the plain-text convention).
 * Inline code backticks stay: they read fine in a terminal and keep `*T` from looking like emphasis.
 */
export function markdownToText(md: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of reflowMarkdown(md).split('\n')) {
    const t = line.trim();
    if (fence === undefined) {
      const open = /^(`{3,}|~{3,})/.exec(t);
      if (open?.[1]) fence = open[1];
      else out.push(plainLinks(line));
    } else if (t.startsWith(fence) && t.replace(/[`~]/g, '') === '') {
      fence = undefined;
    } else {
      // Code is kept verbatim: `fns[0](x)` is Go, not a link.
      out.push(line === '' ? '' : `    ${line}`);
    }
  }
  return out.join('\n');
}

function plainLinks(line: string): string {
  return line
    .replace(/!?\[([^\]\n]*)\]\(([^)\s]+)\)/g, (_m, text: string, url: string) =>
      text === '' || text === url ? url : `${text} (${url})`,
    )
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
}

/** A fence that no run of backticks inside `code` can close early. */
function fenced(code: string, lang: string): string {
  const body = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

function indentBlock(code: string, indent: string): string {
  return code
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l === '' ? '' : indent + l))
    .join('\n');
}

/** Escapes a value for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * A reference as a list item: a URL, optionally followed by a note ("https://… (rule 4)"), becomes
 * an autolink plus the note; anything else is taken as Markdown already.
 */
function referenceItem(ref: string): string {
  const r = ref.trim();
  const m = /^(https?:\/\/\S+)(\s+.*)?$/.exec(r);
  return m?.[1] ? `- <${m[1]}>${m[2] ?? ''}` : `- ${r}`;
}

function cweLink(n: string): string {
  return `[CWE-${n}](https://cwe.mitre.org/data/definitions/${n}.html)`;
}

interface Section {
  title: string;
  body: string;
}

function docSections(meta: RuleMeta): Section[] {
  const s: Section[] = [
    { title: 'What it flags', body: meta.docs.what },
    { title: 'Why it is a bug', body: meta.docs.why },
    { title: 'How to fix', body: meta.docs.fix },
  ];
  if (meta.docs.whenOk !== undefined && meta.docs.whenOk.trim() !== '') {
    s.push({ title: 'When it is safe', body: meta.docs.whenOk });
  }
  return s;
}

/** The level labels of a rule: `error (bug), warning (rule violation)`. */
function levelSummary(meta: RuleMeta): string {
  return meta.docs.levels.length ? meta.docs.levels.map((l) => `${l.level} (${l.title})`).join(', ') : meta.level;
}

/** The "Levels" section: how the rule picks a finding's level, each level with an example. */
function levelsMarkdown(meta: RuleMeta, configLink = `../${CONFIG_LEVELS}`): string {
  const parts: string[] = [
    reflowMarkdown(`Each finding's level says how likely it is to corrupt memory today: a bug is at the rule's level, a rule violation one step below, and \`--fail-on error\` fails on bugs only. A level set in the configuration moves all of a rule's findings by the same number of steps ([configuration](${configLink})).`),
  ];
  for (const l of meta.docs.levels) {
    parts.push('', `### ${l.level}: ${l.title}`, '', reflowMarkdown(l.when), '', fenced(l.example, 'go'));
  }
  return parts.join('\n');
}

function examplesMarkdown(meta: RuleMeta): string {
  return [
    'Flagged:',
    '',
    fenced(meta.examples.bad, 'go'),
    '',
    'Fixed:',
    '',
    fenced(meta.examples.good, 'go'),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Pages

/** The page written to docs/rules/<name>.md. */
export function renderRulePage(meta: RuleMeta): string {
  const cwes = cweNumbers(meta);
  const tags = ruleTags(meta).filter((t) => !t.startsWith('external/cwe/'));
  const parts: string[] = [
    generatedBanner(`rules/${meta.name}.ts`),
    '',
    `# ${meta.name} (${meta.id})`,
    '',
    reflowMarkdown(meta.summary),
    '',
    '| Property | Value |',
    '| --- | --- |',
    `| ID | \`${meta.id}\` |`,
    `| Default level | ${meta.level} |`,
    `| Levels | ${cell(levelSummary(meta))} |`,
    `| Precision | ${meta.precision} |`,
    `| Security severity | ${securitySeverityString(meta)} |`,
    `| Tags | ${cell(tags.map((t) => `\`${t}\``).join(', '))} |`,
    `| CWE | ${cwes.length > 0 ? cwes.map(cweLink).join(', ') : '—'} |`,
  ];
  for (const s of docSections(meta)) parts.push('', `## ${s.title}`, '', reflowMarkdown(s.body));
  parts.push('', '## Levels', '', levelsMarkdown(meta));
  parts.push('', '## Examples', '', examplesMarkdown(meta));
  if (meta.references.length > 0) {
    parts.push('', '## References', '', ...meta.references.map(referenceItem));
  }
  return `${parts.join('\n')}\n`;
}

/** docs/rules/README.md: one row per rule, in registry order. */
export function renderRuleIndex(metas: readonly RuleMeta[]): string {
  const parts: string[] = [
    generatedBanner('rules/index.ts'),
    '',
    '# Rules',
    '',
    'Every rule pinlint ships, in registry order. Each page explains what the rule flags, why it is',
    'a bug, how to fix it, and shows a flagged and a fixed example.',
    '',
    '| ID | Rule | Summary | Levels | Precision | Security severity |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const m of metas) {
    parts.push(
      `| ${m.id} | [${m.name}](${m.name}.md) | ${cell(reflowMarkdown(m.summary))} | ${cell(levelSummary(m))} | ${m.precision} | ${securitySeverityString(m)} |`,
    );
  }
  return `${parts.join('\n')}\n`;
}

/** Every generated file under docs/rules/, as repository-relative paths (`/` separators). */
export function renderRuleDocs(metas: readonly RuleMeta[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of metas) files.set(`${RULE_DOCS_DIR}/${m.name}.md`, renderRulePage(m));
  files.set(`${RULE_DOCS_DIR}/README.md`, renderRuleIndex(metas));
  return files;
}

/** SARIF `help.markdown`: the doc page without the banner and metadata table, reflowed. */
export function ruleHelpMarkdown(meta: RuleMeta): string {
  const parts: string[] = [`# ${meta.name} (${meta.id})`, '', reflowMarkdown(meta.summary)];
  for (const s of docSections(meta)) parts.push('', `## ${s.title}`, '', reflowMarkdown(s.body));
  parts.push('', '## Levels', '', levelsMarkdown(meta, RULE_DOCS_BASE_URL.replace(/rules\/$/, CONFIG_LEVELS)));
  parts.push('', '## Examples', '', examplesMarkdown(meta));
  if (meta.references.length > 0) {
    parts.push('', '## References', '', ...meta.references.map(referenceItem));
  }
  parts.push('', `[Full documentation](${ruleHelpUri(meta)})`);
  return parts.join('\n');
}

/** SARIF `help.text` and `pinlint explain`: the same content as plain text. */
export function ruleHelpText(meta: RuleMeta): string {
  const parts: string[] = [`${meta.name} (${meta.id}): ${markdownToText(meta.summary)}`];
  for (const s of docSections(meta)) parts.push('', `${s.title}:`, markdownToText(s.body));
  parts.push('', 'Levels:');
  for (const l of meta.docs.levels) parts.push(`- ${l.level} (${l.title}): ${markdownToText(l.when)}`);
  parts.push('', 'Flagged:', indentBlock(meta.examples.bad, '    '));
  parts.push('', 'Fixed:', indentBlock(meta.examples.good, '    '));
  if (meta.references.length > 0) {
    parts.push('', 'References:', ...meta.references.map((r) => markdownToText(referenceItem(r))));
  }
  parts.push('', `Documentation: ${ruleHelpUri(meta)}`);
  return parts.join('\n');
}

/**
 * Shortens `text` to at most `max` UTF-16 units (GitHub's 1024-character limit on descriptions),
 * cutting at a word boundary and ending with an ellipsis.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  if (space > max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.]+$/, '')}…`;
}

/** SARIF `fullDescription.text`: the "What it flags" section as plain text, ≤ 1024 characters. */
export function ruleFullDescription(meta: RuleMeta): string {
  return truncateText(markdownToText(meta.docs.what), 1024);
}

/** SARIF `shortDescription.text`. */
export function ruleShortDescription(meta: RuleMeta): string {
  return truncateText(markdownToText(meta.summary), 1024);
}
