// The runner: find Go files, extract per-file facts (one parse each, no tree kept), build the
// tree index, run the rules over the files to report on, apply suppressions, sort.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { extractAll } from './extract-pool.js';
import type { ExtractTask } from './extract.js';
import type { FileFacts, Mitigation, ObjFact } from '../model/facts.js';
import { describeError, readGoFile } from './read.js';
import { TreeIndex } from '../index/tree-index.js';
import { ModuleResolver } from '../index/modules.js';
import type { Finding, Level, Notification, Span } from '../model/findings.js';
import type { Report, Rule, ReportInput } from '../rule-api.js';
import { applySuppressions } from './suppressions.js';
import { AFTER_FORK_FUNCS, KEEP_ALIVE, OS_ALLOCATORS, RUNTIME_MANAGED_PACKAGES, SINKS, isUnderPackage } from '../knowledge/index.js';
import type { MergedKnowledge } from '../config/config.js';
import { rules as registry } from '../../rules/index.js';

// audit/stats.ts takes the resolver from the runner.
export { ModuleResolver } from '../index/modules.js';

const DEFAULT_MERGED: MergedKnowledge = { sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS, wrappers: {} };
const allRuleNames = registry.flatMap((r) => [r.meta.id, r.meta.name]);

export interface AnalyzeOptions {
  /** Files or directories to scan; directories are walked like `./...`. */
  paths: string[];
  cwd: string;
  rules: readonly Rule[];
  /** Walk into vendor/ too (audits). */
  includeVendor?: boolean;
  /** Report findings in generated files ("Code generated ... DO NOT EDIT"): off by default,
   * since the fix belongs in the generator's input, not the output. */
  includeGenerated?: boolean;
  /** Honour inline `//pinlint:ignore` comments (default true). */
  inlineSuppressions?: boolean;
  /** Called every so often while scanning large trees. */
  onProgress?: (done: number, total: number) => void;
  /** Domain tables extended by configuration (default: the built-in ones). */
  knowledge?: MergedKnowledge;
  /** Per-rule level overrides from configuration, by rule id. */
  levels?: Map<string, Level>;
  /** Paths (absolute) to leave out, from configuration. */
  exclude?: (absPath: string) => boolean;
}

export interface AnalysisResult {
  /** Repository root: paths in findings are relative to it. */
  root: string;
  findings: Finding[];
  notifications: Notification[];
  /** Files analyzed and reported on. */
  reported: string[];
  /** Every .go file found for reporting, including those the prefilter skipped unparsed. */
  scanned: string[];
  /** Every file parsed, including sibling files loaded for context. */
  files: FileFacts[];
  index: TreeIndex;
  /** The absolute path of a repository-relative path. */
  absPath(rel: string): string;
}

/** Directories `go` skips in `./...` patterns (cmd/go: testdata, vendor, names starting with . or _). */
function isSkippedDir(name: string, includeVendor: boolean): boolean {
  if (name === 'vendor') return !includeVendor;
  return name === 'testdata' || name.startsWith('.') || name.startsWith('_') || name === 'node_modules';
}

/** Finds the repository root: the nearest ancestor with `.git`, or null outside a repository. */
export function findRoot(start: string): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The deepest directory containing all the given directories. */
function commonAncestor(dirs: string[]): string {
  let parts = (dirs[0] ?? sep).split(sep);
  for (const d of dirs.slice(1)) {
    const q = d.split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}


export async function analyze(opts: AnalyzeOptions): Promise<AnalysisResult> {
  const notifications: Notification[] = [];
  // Go's `./...` pattern means "this directory and below", which is what a directory means here.
  const targets = (opts.paths.length ? opts.paths : ['.']).map((p) => resolve(opts.cwd, p === '...' ? '.' : p.replace(/[/\\]\.\.\.$/, '') || '.'));
  // Paths are relative to the repository root (GitHub resolves SARIF URIs against it); outside a
  // repository, to the deepest directory holding every target.
  const targetDirs = targets.filter((t) => existsSync(t)).map((t) => realpathOr(safeIsDir(t) ? t : dirname(t)));
  const firstDir = targetDirs[0] ?? opts.cwd;
  const root = findRoot(firstDir) ?? commonAncestor(targetDirs.length ? targetDirs : [opts.cwd]);
  const rel = (abs: string): string => {
    const r = relative(root, abs);
    return (r === '' ? '.' : r).split(sep).join('/');
  };

  // 1. Discover: reported files, plus sibling files of named files for context (pre-commit
  // passes single files; their package's other files define procs and wrappers).
  const reported = new Map<string, string>(); // real abs → display abs
  const context = new Map<string, string>();
  const seenDirs = new Set<string>();
  for (const t of targets) {
    let st;
    try {
      st = statSync(t);
    } catch (err) {
      notifications.push({ level: 'error', id: 'unreadable', message: `cannot read ${t === opts.cwd ? '.' : relOrAbs(opts.cwd, t)}: ${describeError(err)}`, path: relOrAbs(opts.cwd, t) });
      continue;
    }
    if (st.isDirectory()) walk(t, reported, seenDirs, !!opts.includeVendor, notifications, rel);
    else if (st.isFile()) {
      if (!t.endsWith('.go')) {
        notifications.push({ level: 'warning', id: 'not-go', message: `skipped ${rel(t)}: not a .go file`, path: rel(t) });
        continue;
      }
      reported.set(realpathOr(t), t);
      for (const sib of goFilesIn(dirname(t))) context.set(realpathOr(sib), sib);
    }
  }
  for (const k of reported.keys()) context.delete(k);
  if (opts.exclude) {
    // Excluded files are not reported, but still define procs and wrappers for the others.
    for (const [real, shown] of reported) {
      if (opts.exclude(shown) || opts.exclude(real)) {
        reported.delete(real);
        context.set(real, shown);
      }
    }
  }

  // 2. Extract facts (one parse per file, no tree kept; in worker threads for large trees), in
  // rounds: after each, the repository's own packages that the round's files import are loaded
  // as context (wrappers defined there), up to three levels of imports deep.
  const knowledge = opts.knowledge ?? DEFAULT_MERGED;
  const files: FileFacts[] = [];
  const reportedFacts = new Set<FileFacts>();
  const modules = new ModuleResolver(root);
  const toTask = (real: string, report: boolean): ExtractTask => ({ real, path: rel(real), dir: rel(dirname(real)), report });
  let batch: ExtractTask[] = [...[...reported.keys()].map((r) => toTask(r, true)), ...[...context.keys()].map((r) => toTask(r, false))];
  const loaded = new Set(batch.map((t) => t.real));
  const loadedDirs = new Set(batch.map((t) => dirname(t.real)));
  for (let round = 0; batch.length > 0; round++) {
    const outcomes = await extractAll(batch, knowledge, opts.onProgress);
    const fresh: FileFacts[] = [];
    outcomes.forEach((o, i) => {
      const task = batch[i] as ExtractTask;
      if (o.kind === 'problem') {
        // Problems with context files are not the user's concern, except internal errors.
        if (task.report || o.notification.id === 'internal-error') notifications.push(o.notification);
      } else if (o.kind === 'facts') {
        files.push(o.facts);
        fresh.push(o.facts);
        if (task.report) {
          reportedFacts.add(o.facts);
          notifications.push(...o.facts.notifications);
        }
      }
    });
    if (round >= 3) break;
    const next: ExtractTask[] = [];
    for (const f of fresh) {
      for (const imp of f.imports) {
        const dir = modules.dirOf(imp.path, join(root, f.dir));
        if (!dir || loadedDirs.has(dir)) continue;
        loadedDirs.add(dir);
        for (const g of goFilesIn(dir)) {
          const real = realpathOr(g);
          if (loaded.has(real)) continue;
          loaded.add(real);
          next.push(toTask(real, false));
        }
      }
    }
    batch = next;
  }
  opts.onProgress?.(loaded.size, loaded.size);

  // 3. Index and summaries.
  const index = new TreeIndex(files, (dir) => modules.importPathOf(dir), knowledge.sinks, knowledge.wrappers);

  // 4. Rules.
  const findings: Finding[] = [];
  for (const file of reportedFacts) {
    const pkg = index.packageOf(file);
    const importPath = pkg?.importPath ?? null;
    const goVersion = modules.goVersionOf(file.dir);
    let text: string | undefined | null = null;
    const fileText = (): string | undefined => {
      if (text === null) {
        const r = readGoFile(join(root, file.path));
        text = r.ok ? r.text : undefined;
      }
      return text;
    };
    const isMitigated = (mit: Mitigation): boolean => {
      if (mit.pin === 'covered') return true;
      if (mit.keepAlive === undefined) return false;
      if (!mit.keepAliveVia) return true;
      // The legacy use(p) idiom keeps p alive only when the compiler cannot see through `use`
      // (bodyless) or `use` stores p where the collector finds it (DESIGN.md §3).
      const refs = pkg?.funcs.get(mit.keepAliveVia) ?? [];
      return refs.some((r) => !r.fn.hasBody || r.fn.storesParam);
    };
    if (isUnderPackage(importPath, RUNTIME_MANAGED_PACKAGES)) continue;
    const afterFork = AFTER_FORK_FUNCS[importPath ?? ''] ?? [];
    const isGoMemory = (obj: ObjFact): boolean =>
      obj.kind !== 'global' && obj.kind !== 'os' && !(obj.from && index.returnsForeign(file, obj.from));
    for (const fn of file.funcs) {
      if (afterFork.includes(fn.name)) continue;
      const view = { file, fn, index, goVersion, isMitigated, isGoMemory, fileText };
      // Each call is resolved once, whatever the number of rules that judge it.
      const calls = fn.calls.map((call) => ({ ...view, call, target: index.resolve(file, call.callee) }));
      for (const rule of opts.rules) {
        const report = reporterFor(rule, file.path, findings, opts.levels);
        try {
          if (rule.checkFunction) rule.checkFunction(view, report);
          if (rule.checkCall) for (const callView of calls) rule.checkCall(callView, report);
        } catch (err) {
          notifications.push({ level: 'error', id: 'rule-error', message: `rule ${rule.meta.name} failed in ${fn.name}: ${describeError(err)}`, path: file.path });
        }
      }
    }
  }

  // 5. Generated files, suppressions, then a stable order.
  const generated = new Set([...reportedFacts].filter((f) => f.generated).map((f) => f.path));
  let kept = findings;
  if (!opts.includeGenerated && generated.size > 0) {
    kept = findings.filter((f) => !generated.has(f.location.path));
    const hidden = dedupe(findings).length - dedupe(kept).length;
    if (hidden > 0) {
      notifications.push({
        level: 'note',
        id: 'generated-findings',
        message: `${hidden} finding${hidden === 1 ? '' : 's'} in generated files not shown; fix the generator's input, or pass --include-generated to list them`,
      });
    }
  }
  const known = new Set(allRuleNames);
  const enabled = new Set(opts.rules.flatMap((r) => [r.meta.id, r.meta.name]));
  const { findings: final, uses } = applySuppressions(kept, [...reportedFacts], known, enabled, opts.inlineSuppressions !== false);
  for (const rule of opts.rules) {
    if (!rule.checkSuppressions) continue;
    const own: Finding[] = [];
    rule.checkSuppressions(uses, reporterFor(rule, '', own, opts.levels));
    final.push(...own);
  }
  final.sort(compareFindings);
  notifications.sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || (a.span?.startLine ?? 0) - (b.span?.startLine ?? 0) || a.message.localeCompare(b.message));
  return {
    root,
    findings: dedupe(final),
    notifications,
    reported: [...reportedFacts].map((f) => f.path).sort(),
    scanned: [...reported.keys()].map(rel).sort(),
    files,
    index,
    absPath: (p) => (isAbsolute(p) ? p : join(root, p)),
  };
}

function reporterFor(rule: Rule, path: string, out: Finding[], levels?: Map<string, Level>): Report<string> {
  return (r: ReportInput<string>) => {
    const template = (rule.meta.messages as Record<string, string>)[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.name} reported unknown messageId ${r.messageId}`);
    const loc = (span: Span, p?: string) => ({ path: p ?? r.path ?? path, ...span });
    out.push({
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      level: r.level ?? levels?.get(rule.meta.id) ?? (rule.meta.level as Level),
      message: fill(template, r.data),
      location: loc(r.span),
      related: (r.related ?? []).map((x) => ({ location: loc(x.span, x.path), message: x.message })),
      flow: (r.flow ?? []).map((x) => ({ location: loc(x.span, x.path), message: x.message })),
      ...(r.fixes?.length ? { fixes: r.fixes } : {}),
    });
  };
}

/** Fills `{name}` placeholders; a missing value is a programming error in the rule. */
export function fill(template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = data[k];
    if (v === undefined) throw new Error(`message placeholder {${k}} has no value`);
    return v;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.location.path.localeCompare(b.location.path) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message);
}

/** One finding per rule, place and message (a value reachable along two paths is one bug). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}|${f.location.path}|${f.location.startLine}|${f.location.startColumn}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function walk(dir: string, out: Map<string, string>, seen: Set<string>, includeVendor: boolean, notes: Notification[], rel: (p: string) => string): void {
  const real = realpathOr(dir);
  if (seen.has(real)) {
    return; // a symlink loop or a second route to the same directory
  }
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    notes.push({ level: 'error', id: 'unreadable', message: `cannot read directory: ${describeError(err)}`, path: rel(dir) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        notes.push({ level: 'warning', id: 'unreadable', message: 'skipped a broken symbolic link', path: rel(p) });
        continue;
      }
    }
    if (isDir) {
      if (!isSkippedDir(e.name, includeVendor)) walk(p, out, seen, includeVendor, notes, rel);
    } else if (isFile && e.name.endsWith('.go')) {
      const r = realpathOr(p);
      if (!out.has(r)) out.set(r, p);
    }
  }
}

function goFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.go')).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function relOrAbs(cwd: string, p: string): string {
  const r = relative(cwd, p);
  return r.startsWith('..') || isAbsolute(r) ? p : r.split(sep).join('/');
}
