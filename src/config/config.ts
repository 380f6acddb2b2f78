// The configuration file: where it is found, what it may say, and how a mistake in it is
// explained. The shape is a JSON Schema checked by ajv, so the schema is the single statement of
// what is allowed; this module only turns ajv's findings into sentences a user can act on
// (file, JSON pointer, what was expected, what was there) and adds the checks a schema cannot
// express (rule names known only at run time, contradictions between sections).
//
// Nothing here prints or exits: errors are thrown as ConfigError and the CLI maps them to exit 2.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import type { SinkTable } from '../knowledge/index.js';
import type { Level } from '../model/findings.js';

/** Names looked for in each directory, in this order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.pinlint.json', '.pinlint.yaml', '.pinlint.yml'];

export type RuleSetting = 'off' | Level | { level?: Level; enabled?: boolean };

/** A loaded configuration with every section present (empty when the file leaves it out). */
export interface PinlintConfig {
  /** Rule id (`PL001`) or name (`hoisted-conversion`) → setting, keyed as written in the file. */
  rules: Record<string, RuleSetting>;
  /** Extra protected sinks, in the shape of knowledge.ts `SINKS`. */
  sinks: { funcs: Record<string, string[]>; methods: Record<string, Record<string, string[]>> };
  /** import path → functions to treat as unprotected uintptr wrappers (bodies pinlint cannot see). */
  wrappers: Record<string, string[]>;
  /** Extra calls that keep their argument alive, like `runtime.KeepAlive`. */
  keepAlive: Array<{ pkg: string; name: string }>;
  /** import path → functions whose results are memory the Go collector does not manage. */
  osAllocators: Record<string, string[]>;
  /** Globs of paths to skip, relative to the configuration file's directory. */
  exclude: string[];
}

export interface ResolvedConfig {
  config: PinlintConfig;
  /** Absolute path of the file read, or null when none was found and defaults apply. */
  path: string | null;
}

export interface RuleRef {
  id: string;
  name: string;
}

export interface RuleState {
  enabled: boolean;
  level: Level;
}

/** One thing wrong with a file. `key` is a JSON pointer (`/rules/PL009`); '' means the file as a whole. */
export interface ConfigProblem {
  key: string;
  detail: string;
  line?: number;
  column?: number;
}

/**
 * A configuration file that cannot be used. The message names the file, the key and what was
 * expected, one line per problem, e.g.
 * `.pinlint.yaml: /rules/hoisted-conversion: expected "off", "note", "warning", "error" or {level, enabled}, got "warn"`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Absolute path of the file (of the directory, for two files in one directory). */
  readonly file: string;
  /** JSON pointer of the first problem; '' for problems with the file as a whole. */
  readonly key: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(problems.map((p) => formatProblem(file, p)).join('\n'));
    const first = problems[0] ?? { key: '', detail: 'invalid configuration' };
    this.file = file;
    this.key = first.key;
    this.line = first.line;
    this.column = first.column;
    this.problems = problems;
  }
}

function formatProblem(file: string, p: ConfigProblem): string {
  const pos = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : '';
  return `${displayPath(file)}${pos}: ${p.key ? `${p.key}: ` : ''}${p.detail}`;
}

/** A path as a user wants to read it: relative to the working directory when inside it. Messages
 * only; the API always hands out absolute paths. */
export function displayPath(abs: string): string {
  const r = relative(process.cwd(), abs);
  if (r === '') return '.';
  if (r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) return abs;
  return r.split(sep).join('/');
}

// ---------------------------------------------------------------------------------------------
// Schema. Every node carries a `description` phrased to follow "expected": the error explainer
// below reads it, so the wording of an error lives next to the rule it explains.

const LEVELS: readonly Level[] = ['note', 'warning', 'error'];

// Go import paths: slash-separated elements with no spaces, quotes or backslashes (a Windows
// path or a quoted import pasted from source is the mistake this catches).
const IMPORT_PATH: SchemaObject = {
  type: 'string',
  pattern: String.raw`^[^\s/"'` + '`' + String.raw`\\]+(?:/[^\s/"'` + '`' + String.raw`\\]+)*$`,
  description: 'an import path such as "golang.org/x/sys/windows"',
};

// A bare Go identifier: `syscall.Syscall` or `*LazyProc` in a name list is the common mistake.
function identifier(description: string): SchemaObject {
  return { type: 'string', pattern: String.raw`^[\p{L}_][\p{L}\p{Nd}_]*$`, description };
}

function nameList(what: string, example: string): SchemaObject {
  return {
    type: 'array',
    items: identifier(`a Go ${what} name without its package, such as "${example}"`),
    description: `a list of ${what} names`,
  };
}

function packageMap(what: string, example: string): SchemaObject {
  return {
    type: 'object',
    propertyNames: IMPORT_PATH,
    additionalProperties: nameList(what, example),
    description: `an object mapping import paths to lists of ${what} names`,
  };
}

const RULE_SETTING: SchemaObject = {
  description: '"off", "note", "warning", "error" or {level, enabled}',
  if: { type: 'string' },
  then: { enum: ['off', ...LEVELS] },
  else: {
    type: 'object',
    additionalProperties: false,
    properties: {
      level: { enum: [...LEVELS], description: '"note", "warning" or "error"' },
      enabled: { type: 'boolean', description: 'true or false' },
    },
  },
};

// Patterns are anchored at the config file's directory; "/", ".." and "\" would point outside it
// or depend on the OS, so they are refused rather than silently never matching.
const EXCLUDE_GLOB: SchemaObject = {
  type: 'string',
  minLength: 1,
  pattern: String.raw`^(?!/)(?!(?:.*/)?\.\.(?:/|$))[^\\]*$`,
  description: `a glob relative to the configuration file's directory ("*" within a name, "**" across directories; no leading "/", no ".." and no "\\")`,
};

const TOP_KEYS = ['rules', 'sinks', 'wrappers', 'keepAlive', 'osAllocators', 'exclude'] as const;

/** The configuration file's JSON Schema (draft-07, as ajv's default). */
export const CONFIG_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  description: `an object with the keys ${listAnd(TOP_KEYS.map(quote))}`,
  properties: {
    rules: {
      type: 'object',
      additionalProperties: RULE_SETTING,
      description: 'an object mapping rule ids or names to "off", a level or {level, enabled}',
    },
    sinks: {
      type: 'object',
      additionalProperties: false,
      description: 'an object with the keys "funcs" and "methods"',
      properties: {
        funcs: packageMap('function', 'Syscall'),
        methods: {
          type: 'object',
          propertyNames: IMPORT_PATH,
          additionalProperties: {
            type: 'object',
            propertyNames: identifier('a Go type name without its package or "*", such as "LazyProc"'),
            additionalProperties: nameList('method', 'Call'),
            description: 'an object mapping type names to lists of method names',
          },
          description: 'an object mapping import paths to {"Type": ["Method", ...]}',
        },
      },
    },
    wrappers: packageMap('function', 'ioctl'),
    keepAlive: {
      type: 'array',
      description: 'a list of {pkg, name} objects',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pkg', 'name'],
        description: '{"pkg": "<import path>", "name": "<function name>"}',
        properties: {
          pkg: IMPORT_PATH,
          name: identifier('a Go function name without its package, such as "KeepAlive"'),
        },
      },
    },
    osAllocators: packageMap('function', 'VirtualAlloc'),
    exclude: { type: 'array', items: EXCLUDE_GLOB, description: 'a list of globs' },
  },
};

let compiled: ValidateFunction | undefined;

// Compiled on first use: a run without a config file never pays for ajv's code generation.
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(CONFIG_SCHEMA);
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Explaining schema errors (shared with baseline.ts so both files speak the same way).

/**
 * Turns ajv errors (from a validator compiled with `allErrors` and `verbose`) into one problem
 * per JSON pointer, in the order the keys appear in `value`. The text after "expected" is the
 * `description` of the outermost schema node at that pointer.
 */
export function explainSchemaErrors(errors: readonly ErrorObject[], schema: SchemaObject, value: unknown): ConfigProblem[] {
  const byKey = new Map<string, string>();
  for (const e of errors) {
    const p = explainError(e, schema);
    if (p && !byKey.has(p.key)) byKey.set(p.key, p.detail);
  }
  return inDocumentOrder([...byKey].map(([key, detail]) => ({ key, detail })), value);
}

/** Problems sorted by where their key appears in `value` (pre-order), so they read top to bottom. */
function inDocumentOrder(problems: ConfigProblem[], value: unknown): ConfigProblem[] {
  const order = documentOrder(value);
  const rank = (k: string): number => order.get(k) ?? Number.MAX_SAFE_INTEGER;
  return problems.sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function explainError(e: ErrorObject, root: SchemaObject): ConfigProblem | null {
  const parent = (e.parentSchema ?? {}) as SchemaObject;
  switch (e.keyword) {
    // Wrappers around errors that ajv also reports on their own, more precisely.
    case 'if':
    case 'propertyNames':
      return null;
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as object);
      const hint = closest(extra, allowed);
      return {
        key: `${e.instancePath}/${escapePointer(extra)}`,
        detail: `unknown key ${quote(extra)}; ${hint ? `did you mean ${quote(hint)}?` : `expected ${allowed.length > 2 ? 'one of ' : ''}${listOr(allowed.map(quote))}`}`,
      };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const desc = describeAt(root, e.instancePath) ?? parent.description;
      return { key: e.instancePath, detail: `missing key ${quote(missing)}${desc ? `; expected ${desc}` : ''}` };
    }
  }
  if (e.propertyName !== undefined) {
    // An error in `propertyNames`: the offending thing is a key, and its schema is `parent`.
    return {
      key: `${e.instancePath}/${escapePointer(e.propertyName)}`,
      detail: `invalid key ${quote(e.propertyName)}; expected ${String(parent.description ?? e.message)}`,
    };
  }
  const desc = describeAt(root, e.instancePath) ?? (parent.description as string | undefined) ?? e.message ?? 'a valid value';
  return { key: e.instancePath, detail: `expected ${desc}, got ${describeValue(e.data)}` };
}

/** The description of the outermost schema node that describes the value at `pointer`. */
function describeAt(root: SchemaObject, pointer: string): string | undefined {
  let node: SchemaObject | undefined = root;
  for (const seg of pointerSegments(pointer)) {
    node = node ? childSchema(node, seg) : undefined;
  }
  return node?.description as string | undefined;
}

function childSchema(node: SchemaObject, key: string): SchemaObject | undefined {
  // Look through if/then/else too: a rule setting's object form lives in `else`.
  for (const n of [node, node.then, node.else] as unknown[]) {
    if (!isRecord(n)) continue;
    const props = n.properties;
    if (isRecord(props) && Object.hasOwn(props, key) && isRecord(props[key])) return props[key];
    if (isRecord(n.additionalProperties)) return n.additionalProperties;
    if (isRecord(n.items)) return n.items;
  }
  return undefined;
}

/** Pre-order position of every JSON pointer in `value`, so problems read top to bottom. */
function documentOrder(value: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (v: unknown, ptr: string): void => {
    order.set(ptr, order.size);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(x, `${ptr}/${escapePointer(k)}`);
  };
  walk(value, '');
  return order;
}

/** Shows a value the way the user wrote it, or what kind of thing it is. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === undefined) return 'nothing';
  return String(v);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function quote(s: string): string {
  return JSON.stringify(s);
}

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The candidate a typo most likely meant: case-insensitive edit distance within a third of its length. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDist = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Parsing.

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

/**
 * JSON.parse with a line and column for errors. V8 gives "at position N" for most errors but not
 * for an unexpected token (`Unexpected token '}', "..." is not valid JSON`), so the position is
 * found as the longest prefix V8 still reads as an unfinished document: the next character is
 * the one that cannot continue it. Being a prefix property, it is monotonic and binary-searchable.
 */
export function parseJsonWithPosition(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const message = raw.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    return { ok: false, message, line, column };
  }
}

function jsonErrorOffset(text: string): number {
  const unfinished = (prefix: string): boolean => {
    try {
      JSON.parse(prefix);
      return true;
    } catch (err) {
      const msg = err instanceof Error ? err.message : '';
      if (msg.startsWith('Unexpected end of JSON input')) return true;
      const m = / at position (\d+)/.exec(msg);
      return m !== null && Number(m[1]) >= prefix.length;
    }
  };
  if (unfinished(text)) return text.length;
  let lo = 0; // unfinished('') always holds
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (unfinished(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses a config file's text: `.json` as strict JSON, anything else as YAML 1.2. */
function parseConfigText(file: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (extname(file).toLowerCase() === '.json') {
    const r = parseJsonWithPosition(body);
    if (!r.ok) throw new ConfigError(file, [{ key: '', detail: `invalid JSON: ${r.message}`, line: r.line, column: r.column }]);
    return r.value;
  }
  const lineCounter = new LineCounter();
  // uniqueKeys: a rule set twice in one map is a mistake, not "last one wins".
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const err = doc.errors[0];
  if (err) {
    const pos = lineCounter.linePos(err.pos[0]);
    throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${err.message}`, line: pos.line, column: pos.col }]);
  }
  // An empty (or comments-only) file is a valid config with nothing in it.
  if (doc.contents === null) return {};
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    // Unresolved or exploding aliases surface only when the document is converted.
    throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }]);
  }
}

// ---------------------------------------------------------------------------------------------
// Loading and discovery.

/** A configuration with nothing in it: every rule at its default, no extra knowledge. */
export function emptyConfig(): PinlintConfig {
  return { rules: {}, sinks: { funcs: {}, methods: {} }, wrappers: {}, keepAlive: [], osAllocators: {}, exclude: [] };
}

/**
 * Reads and validates a configuration file (`.json` strict JSON, otherwise YAML). With
 * `knownRules`, rule keys must name one of them by id or name, once.
 * Throws ConfigError listing every problem found.
 */
export function loadConfig(path: string, knownRules?: readonly RuleRef[]): PinlintConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [{ key: '', detail: `cannot read the configuration file: ${describeFsError(err)}` }]);
  }
  const raw = parseConfigText(file, text);
  const validate = validator();
  const problems = validate(raw) ? semanticProblems(raw as PinlintInput) : explainSchemaErrors(validate.errors ?? [], CONFIG_SCHEMA, raw);
  if (knownRules) problems.push(...ruleProblems(raw, knownRules));
  if (problems.length > 0) throw new ConfigError(file, inDocumentOrder(problems, raw));
  return normalize(raw as PinlintInput);
}

type PinlintInput = Partial<Omit<PinlintConfig, 'sinks'>> & { sinks?: Partial<PinlintConfig['sinks']> };

/** Rule keys must name a known rule, and a rule may be configured only once (by id or by name). */
function ruleProblems(raw: unknown, knownRules: readonly RuleRef[]): ConfigProblem[] {
  if (!isRecord(raw) || !isRecord(raw.rules)) return [];
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, string>(); // rule id → key it was configured under
  for (const key of Object.keys(raw.rules)) {
    const pointer = `/rules/${escapePointer(key)}`;
    const rule = knownRules.find((r) => r.id === key || r.name === key);
    if (!rule) {
      // Ids differ by a digit, so a near id is no evidence of a typo (PL009 may be a newer
      // pinlint's rule): suggest an id only for a case slip, and a name by edit distance.
      const hint = knownRules.find((r) => r.id.toLowerCase() === key.toLowerCase())?.id ?? closest(key, knownRules.map((r) => r.name));
      const known = knownRules.map((r) => `${r.id} (${r.name})`).join(', ');
      problems.push({ key: pointer, detail: `unknown rule ${quote(key)}; ${hint ? `did you mean ${quote(hint)}?` : `known rules: ${known}`}` });
      continue;
    }
    const earlier = seen.get(rule.id);
    if (earlier !== undefined) {
      problems.push({ key: pointer, detail: `rule ${rule.id} (${rule.name}) is already configured as ${quote(earlier)}; keep one of the two` });
    } else seen.set(rule.id, key);
  }
  return problems;
}

/** Contradictions the schema cannot see: a function listed both as a protected sink and as an
 * unprotected wrapper would make the same call both safe and a finding. */
function semanticProblems(raw: PinlintInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const sinkFuncs = raw.sinks?.funcs ?? {};
  for (const [pkg, names] of Object.entries(raw.wrappers ?? {})) {
    names.forEach((name, i) => {
      if (Object.hasOwn(sinkFuncs, pkg) && sinkFuncs[pkg]?.includes(name)) {
        problems.push({
          key: `/wrappers/${escapePointer(pkg)}/${i}`,
          detail: `${quote(name)} is also listed in /sinks/funcs/${escapePointer(pkg)}; a function is either a protected sink or an unprotected wrapper, not both`,
        });
      }
    });
  }
  return problems;
}

// structuredClone keeps keys such as "__proto__" as plain own properties, as JSON.parse made them.
function normalize(raw: PinlintInput): PinlintConfig {
  const c = structuredClone(raw);
  return {
    rules: c.rules ?? {},
    sinks: { funcs: c.sinks?.funcs ?? {}, methods: c.sinks?.methods ?? {} },
    wrappers: c.wrappers ?? {},
    keepAlive: c.keepAlive ?? [],
    osAllocators: c.osAllocators ?? {},
    exclude: c.exclude ?? [],
  };
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The configuration file that applies to `startDir` (a file's own directory when given a file):
 * the first `.pinlint.{json,yaml,yml}` found walking up to the repository root (the first
 * directory with a `.git` entry, inclusive) or, outside a repository, to the filesystem root.
 * Two names in one directory is a ConfigError, since silently preferring one hides the other.
 */
export function findConfigFile(startDir: string): string | null {
  let dir = resolve(startDir);
  if (isFile(dir)) dir = dirname(dir);
  for (;;) {
    const found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).filter(isFile);
    if (found.length > 1) {
      throw new ConfigError(dir, [
        {
          key: '',
          detail: `found ${listAnd(found.map((f) => basename(f)))}; pinlint reads one configuration file per directory, so keep one`,
        },
      ]);
    }
    if (found[0] !== undefined) return found[0];
    // `.git` is a directory in a clone and a file in a worktree or submodule: both end the search.
    if (statSync(join(dir, '.git'), { throwIfNoEntry: false })) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The configuration for a run from `startDir`: `explicitPath` (from `--config`, relative to the
 * working directory) when given, else the discovered file, else defaults with `path: null`.
 */
export function resolveConfig(startDir: string, opts: { explicitPath?: string; knownRules: readonly RuleRef[] }): ResolvedConfig {
  const path = opts.explicitPath !== undefined ? resolve(opts.explicitPath) : findConfigFile(startDir);
  if (path === null) return { config: emptyConfig(), path: null };
  return { config: loadConfig(path, opts.knownRules), path };
}

// ---------------------------------------------------------------------------------------------
// Applying a configuration.

export interface KnowledgeTables {
  sinks: SinkTable;
  keepAlive: readonly { pkg: string; name: string }[];
  osAllocators: Record<string, readonly string[]>;
  /** import path → functions known to be unprotected uintptr wrappers. */
  wrappers?: Record<string, readonly string[]>;
}

export type MergedKnowledge = Required<KnowledgeTables>;

/**
 * The domain tables extended by the configuration: built-in entries first, then the config's,
 * without duplicates. Returns new objects and arrays; `base` (knowledge.ts constants) is not touched.
 */
export function mergeKnowledge(base: KnowledgeTables, config: PinlintConfig): MergedKnowledge {
  const methods = new Map<string, Record<string, readonly string[]>>();
  for (const pkg of new Set([...Object.keys(base.sinks.methods), ...Object.keys(config.sinks.methods)])) {
    methods.set(pkg, mergeNameTables(base.sinks.methods[pkg] ?? {}, config.sinks.methods[pkg] ?? {}));
  }
  const keepAlive: { pkg: string; name: string }[] = [];
  for (const k of [...base.keepAlive, ...config.keepAlive]) {
    if (!keepAlive.some((x) => x.pkg === k.pkg && x.name === k.name)) keepAlive.push({ pkg: k.pkg, name: k.name });
  }
  return {
    sinks: { funcs: mergeNameTables(base.sinks.funcs, config.sinks.funcs), methods: Object.fromEntries(methods) },
    keepAlive,
    osAllocators: mergeNameTables(base.osAllocators, config.osAllocators),
    wrappers: mergeNameTables(base.wrappers ?? {}, config.wrappers),
  };
}

// Object.fromEntries defines own properties, so an import path such as "__proto__" stays data.
function mergeNameTables(a: Record<string, readonly string[]>, b: Record<string, readonly string[]>): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const table of [a, b]) {
    for (const [key, names] of Object.entries(table)) {
      const list = out.get(key) ?? [];
      for (const n of names) if (!list.includes(n)) list.push(n);
      out.set(key, list);
    }
  }
  return Object.fromEntries(out);
}

/**
 * Whether each rule runs and at which level, keyed by rule id. A rule the config does not name
 * keeps its default; config keys naming rules not in `rules` (e.g. filtered out by `--rule`) are
 * ignored here, since loadConfig already rejected unknown ones.
 */
export function ruleSettings(config: PinlintConfig, rules: ReadonlyArray<RuleRef & { level: Level }>): Map<string, RuleState> {
  const out = new Map<string, RuleState>();
  for (const r of rules) {
    const s = Object.hasOwn(config.rules, r.id) ? config.rules[r.id] : Object.hasOwn(config.rules, r.name) ? config.rules[r.name] : undefined;
    let state: RuleState = { enabled: true, level: r.level };
    if (s === 'off') state = { enabled: false, level: r.level };
    else if (typeof s === 'string') state = { enabled: true, level: s };
    else if (s) state = { enabled: s.enabled ?? true, level: s.level ?? r.level };
    out.set(r.id, state);
  }
  return out;
}

const globCache = new Map<string, RegExp>();

/**
 * Compiles an exclude glob, anchored at the config directory: `*` and `?` stay within one path
 * element, a `**` element spans any number of elements (zero included), a trailing `/` is ignored.
 */
function globRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (re) return re;
  const segs = glob.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '').split(/\/+/);
  let src = '^';
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') src += last ? '.+' : '(?:[^/]+/)*';
    else {
      src += seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '[^/]*').replace(/\?/g, '[^/]');
      if (!last) src += '/';
    }
  });
  re = new RegExp(`${src}$`, 'u');
  globCache.set(glob, re);
  return re;
}

/**
 * Reports whether `absPath` is excluded by the config whose file is in `configDir`: a pattern
 * matching the path, or any directory above it, excludes it (so `gen` and `gen/**` both skip a
 * `gen` directory). Paths outside `configDir` are never excluded by it.
 */
export function isExcluded(config: PinlintConfig, configDir: string, absPath: string): boolean {
  if (config.exclude.length === 0) return false;
  const rel = relative(resolve(configDir), resolve(absPath));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
  const parts = rel.split(sep);
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  return config.exclude.some((g) => {
    const re = globRegExp(g);
    return candidates.some((c) => re.test(c));
  });
}

/** The effective configuration as pretty JSON, after a `//` line saying where it came from. */
export function printConfig(resolved: ResolvedConfig): string {
  const c = resolved.config;
  // Rebuilt in a fixed key order, so the output does not depend on how the object was made.
  const ordered = {
    rules: c.rules,
    sinks: { funcs: c.sinks.funcs, methods: c.sinks.methods },
    wrappers: c.wrappers,
    keepAlive: c.keepAlive,
    osAllocators: c.osAllocators,
    exclude: c.exclude,
  };
  const head = resolved.path === null ? '// no config file found; defaults' : `// from ${displayPath(resolved.path)}`;
  return `${head}\n${JSON.stringify(ordered, null, 2)}\n`;
}
