// Applying a loaded configuration: the knowledge tables extended by it, each rule's state and
// level, which paths it excludes, and the effective configuration as `--print-config` shows it.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SinkTable } from '../knowledge/index.js';
import type { Level } from '../model/findings.js';
import { globMatches } from './glob.js';
import { displayPath } from './problems.js';
import type { PinlintConfig, ResolvedConfig, RuleRef, RuleSetting, RuleState } from './types.js';

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
    const s = settingFor(config.rules, r);
    out.set(r.id, applySetting({ enabled: true, level: r.level }, s));
  }
  return out;
}

/** The setting a rule table gives a rule (by id or by name), if any. */
export function settingFor(table: Record<string, RuleSetting>, r: RuleRef): RuleSetting | undefined {
  return Object.hasOwn(table, r.id) ? table[r.id] : Object.hasOwn(table, r.name) ? table[r.name] : undefined;
}

/** A rule's state after a setting: `off` disables it, a level enables it at that level, an object
 * changes what it names and keeps the rest of `state`. */
export function applySetting(state: RuleState, s: RuleSetting | undefined): RuleState {
  if (s === undefined) return state;
  if (s === 'off') return { enabled: false, level: state.level };
  if (typeof s === 'string') return { enabled: true, level: s };
  return { enabled: s.enabled ?? true, level: s.level ?? state.level };
}

/**
 * Reports whether `absPath` is excluded by the config whose file is in `configDir`: a pattern
 * matching the path, or any directory above it, excludes it (so `gen` and `gen/**` both skip a
 * `gen` directory). Paths outside `configDir` are never excluded by it.
 */
export function isExcluded(config: PinlintConfig, configDir: string, absPath: string): boolean {
  return matchesGlobs(config.exclude, configDir, absPath);
}

/** Reports whether one of `globs` (anchored at `dir`, the syntax of `exclude`) matches `absPath`
 * or a directory above it inside `dir`. */
export function matchesGlobs(globs: readonly string[], dir: string, absPath: string): boolean {
  if (globs.length === 0) return false;
  const rel = relative(resolve(dir), resolve(absPath));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
  const parts = rel.split(sep);
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  // Matched element by element in time linear in both lengths (glob.ts), never a backtracking
  // regular expression: the patterns come from files of the tree.
  return globs.some((g) => candidates.some((c) => globMatches(g, c)));
}

/** The effective configuration as pretty JSON, after a `//` line saying where it came from;
 * `show` writes that path for the reader (the CLI escapes a path from the tree for a terminal). */
export function printConfig(resolved: ResolvedConfig, show: (path: string) => string = (p) => p): string {
  const c = resolved.config;
  // Rebuilt in a fixed key order, so the output does not depend on how the object was made.
  const ordered = {
    ...(c.extends !== undefined ? { extends: c.extends } : {}),
    rules: c.rules,
    ...(c.overrides !== undefined ? { overrides: c.overrides } : {}),
    sinks: { funcs: c.sinks.funcs, methods: c.sinks.methods },
    wrappers: c.wrappers,
    keepAlive: c.keepAlive,
    osAllocators: c.osAllocators,
    exclude: c.exclude,
    context: c.context,
    ...(c.limits !== undefined ? { limits: c.limits } : {}),
  };
  const head = resolved.path === null ? '// no config file found; defaults' : `// from ${show(displayPath(resolved.path))}`;
  return `${head}\n${JSON.stringify(ordered, null, 2)}\n`;
}
