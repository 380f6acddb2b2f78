// Shared data types of the engine, the rules and the reporters.
//
// Positions: every line is 1-based and every column is a 1-based count of UTF-16 code units,
// which is what the tree-sitter Node binding hands us and what SARIF's
// `columnKind: "utf16CodeUnits"` declares. Nothing in pinlint converts columns elsewhere.

export type Level = 'error' | 'warning' | 'note';
export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/** A span of one file; `endColumn` is exclusive, as in SARIF. */
export interface Span {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A span in a named file. `path` is relative to the repository root, with `/` separators. */
export interface Location extends Span {
  path: string;
}

/** A place a finding links to: where the pointer was converted, stored, forwarded. */
export interface RelatedLocation {
  location: Location;
  message: string;
  /** Where the pointer was converted to uintptr: a suppression on its statement applies too. */
  conversion?: true;
}

export interface Finding {
  ruleId: string;
  ruleName: string;
  level: Level;
  message: string;
  location: Location;
  related: RelatedLocation[];
  /** Conversion → each hop → sink, for SARIF codeFlows. Empty when there is only one step. */
  flow: RelatedLocation[];
  /** Set when an inline `//pinlint:ignore` matched; reporters leave these out by default. */
  suppression?: { justification: string; location: Location };
  /** Mechanical edits that fix the finding (SARIF `fixes`, `pinlint --fix`). */
  fixes?: Fix[];
}

export interface TextEdit {
  /** Byte-free: UTF-16 offsets into the file's decoded text. */
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  description: string;
  path: string;
  edits: TextEdit[];
}

/** A problem with the tool's input or run, not with the analyzed code (SARIF toolExecutionNotifications). */
export interface Notification {
  level: Level;
  /** Stable short id, e.g. `parse-error`, `unreadable`, `binary-file`. */
  id: string;
  message: string;
  path?: string;
  span?: Span;
}

export interface RuleDocs {
  /** What the rule flags. Markdown. */
  what: string;
  /** Why it is a bug, with the Go rule or issue it rests on. Markdown. */
  why: string;
  /** How to fix it. Markdown. */
  fix: string;
  /** When a finding may be a false alarm. Markdown. */
  whenOk?: string;
}

export interface RuleMeta<M extends string = string> {
  /** Stable, never reused: `PL` + three digits. */
  id: string;
  /** Kebab-case slug: the module file, fixture folder and doc page share it. */
  name: string;
  /** One sentence: SARIF shortDescription, `pinlint rules`. */
  summary: string;
  docs: RuleDocs;
  /** Bad and good Go snippets (whole files) shown in the docs and checked by the docs test. */
  examples: { bad: string; good: string };
  /** Message templates with `{name}` placeholders. */
  messages: Record<M, string>;
  level: Level;
  precision: Precision;
  /** 0.0–10.0; makes the rule a security rule in GitHub code scanning. */
  securitySeverity: number;
  tags: string[];
  cwe: string[];
  references: string[];
}
