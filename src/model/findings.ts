// Shared data types of the engine, the rules and the reporters.
//
// Positions: every line is 1-based and every column is a 1-based count of UTF-16 code units,
// which is what the tree-sitter Node binding hands us and what SARIF's
// `columnKind: "utf16CodeUnits"` declares. Nothing in pinlint converts columns elsewhere.

export type Level = 'error' | 'warning' | 'note';
export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/**
 * What the evidence says about a finding (DESIGN.md §1c, issue 9): a `bug` when nothing visible
 * keeps the object alive and in place during the call; a `rule-violation` when the function
 * visibly keeps a heap object alive (a later use, a store in a package-level variable), so the
 * collector keeps it today but the code still breaks the unsafe.Pointer rules.
 */
export type Severity = 'bug' | 'rule-violation';

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
  /** Bug or rule violation, for the rules that judge it (SARIF `properties`). */
  severity?: Severity;
  /** The sentence saying why (`buf is used again at line 52, …`), also ending `message`. */
  evidence?: string;
  /** The line of the use or store a rule violation's evidence names, in the finding's file. */
  evidenceLine?: number;
  /** The Go object the finding is about, as its message names it: the engine keeps one finding
   * per rule, argument and object. Not part of any output format. */
  object?: string;
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
  /** How the rule chooses each finding's level, one entry per level it uses, each with an
   * example file the docs test analyzes (it must report exactly one finding, at that level). */
  levels: LevelDoc[];
}

export interface LevelDoc {
  level: Level;
  /** `bug`, `rule violation`, or what else the rule reports at this level. */
  title: string;
  /** When a finding gets this level. Markdown. */
  when: string;
  /** A whole Go file with one finding at this level. */
  example: string;
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
