// Which configuration governs which file. As in ruff and ESLint, the `.pinlint.*` nearest to a
// file governs it (issue 11: the first path given used to decide for the whole run, so a
// pre-commit run depended on which file was staged first). A file may build on another with
// `extends`; its rule settings then apply over the other's, and `overrides` set rules for the
// files matching globs. `--config FILE` names one file for every path.
//
// Rule states and excludes are per file. The knowledge tables (sinks, wrappers, keep-alive
// helpers, allocators) and context directories describe packages, not files, so a run uses the
// union of those of every configuration that governs one of its files.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Level } from '../model/findings.js';
import type { LimitSettings } from '../model/limits.js';
import type { Confinement } from '../model/confine.js';
import { applySetting, matchesGlobs, mergeKnowledge, printConfig, settingFor, type KnowledgeTables, type MergedKnowledge } from './apply.js';
import { emptyConfig, findConfigFile, loadConfig } from './load.js';
import { ConfigError, displayPath } from './problems.js';
import type { PinlintConfig, RuleRef, RuleState } from './types.js';

/** One configuration file of a chain. */
export interface ConfigLayer {
  /** Absolute path of the file. */
  path: string;
  /** Its directory: the anchor of its globs and context directories. */
  dir: string;
  config: PinlintConfig;
}

export class ConfigSet {
  private readonly loaded = new Map<string, PinlintConfig>();
  private readonly chains = new Map<string, ConfigLayer[]>();
  private readonly nearestByDir = new Map<string, string | null>();

  /**
   * `explicitPath` (absolute, from --config) governs every file when given. `confinement` is the
   * trust boundary (docs/security.md): a configuration file placed inside the root is the tree's,
   * so it must really be there (not a link leading out) and may name only paths inside the root;
   * a file outside it (the user's own, named by --config) is trusted. Without one, every file is
   * trusted (library callers that load a single known file).
   */
  constructor(
    private readonly knownRules: readonly RuleRef[],
    private readonly explicitPath?: string,
    private readonly confinement?: Confinement,
  ) {}

  /** Reports whether a configuration file is the scanned tree's (it sits inside the root), so
   * what it names must stay inside the root. */
  isTreeFile(file: string): boolean {
    return this.confinement?.placesInRoot(file) ?? false;
  }

  /** The directories of a layer's `context`, absolute; a tree file's must lie inside the root. A
   * path that is not a directory is a ConfigError naming the file and the key. */
  contextOf(layer: ConfigLayer): string[] {
    const inTree = this.isTreeFile(layer.path);
    const problems = layer.config.context.flatMap((d, i) => {
      const abs = resolve(layer.dir, d);
      if (inTree && !this.confinement?.holds(abs)) return [{ key: `/context/${i}`, detail: outsideRoot('context directory') }];
      return isDirectory(abs) ? [] : [{ key: `/context/${i}`, detail: `${quoteShort(d)} is not a directory (paths are relative to the configuration file's directory)` }];
    });
    if (problems.length) throw new ConfigError(layer.path, problems);
    return layer.config.context.map((d) => resolve(layer.dir, d));
  }

  /** The chain governing a file or directory, the base first; empty when defaults apply. */
  chainFor(absPath: string): ConfigLayer[] {
    const file = this.explicitPath ?? this.nearest(absPath);
    return file === null ? [] : this.chainOf(file, []);
  }

  /** Every layer loaded so far (each file once), in the order first loaded. */
  layers(): ConfigLayer[] {
    const seen = new Map<string, ConfigLayer>();
    for (const chain of this.chains.values()) for (const l of chain) if (!seen.has(l.path)) seen.set(l.path, l);
    return [...seen.values()];
  }

  /** Each rule's state for the file at `absPath`: the rule's default, then each layer's `rules`
   * from the base to the nearest file, then each layer's matching `overrides`, in order. */
  ruleStates(absPath: string, rules: ReadonlyArray<RuleRef & { level: Level }>): Map<string, RuleState> {
    const chain = this.chainFor(absPath);
    const out = new Map<string, RuleState>();
    for (const r of rules) {
      let state: RuleState = { enabled: true, level: r.level };
      for (const l of chain) state = applySetting(state, settingFor(l.config.rules, r));
      for (const l of chain) {
        for (const o of l.config.overrides ?? []) if (matchesGlobs(o.files, l.dir, absPath)) state = applySetting(state, settingFor(o.rules, r));
      }
      out.set(r.id, state);
    }
    return out;
  }

  /** Reports whether a layer of the file's chain excludes it (each layer's globs anchored at
   * its own directory). */
  isExcluded(absPath: string): boolean {
    return this.chainFor(absPath).some((l) => matchesGlobs(l.config.exclude, l.dir, absPath));
  }

  /** The limits settings of the file's chain, the nearest layer winning key by key (limits are
   * not part of `overrides`). */
  limitSettings(absPath: string): LimitSettings[] {
    return this.chainFor(absPath).flatMap((l) => (l.config.limits ? [l.config.limits] : []));
  }

  /** The built-in tables extended by every layer loaded so far. */
  knowledge(base: KnowledgeTables): MergedKnowledge {
    let merged: KnowledgeTables = base;
    for (const l of this.layers()) merged = mergeKnowledge(merged, l.config);
    return mergeKnowledge(merged, emptyConfig());
  }

  /** `--print-config`: the chain governing `absPath`, each file after a line saying which it is,
   * the base first; defaults when there is none. `show` writes each file's path (printConfig). */
  print(absPath: string, show?: (path: string) => string): string {
    const chain = this.chainFor(absPath);
    if (chain.length === 0) return printConfig({ config: emptyConfig(), path: null });
    return chain.map((l) => printConfig({ config: l.config, path: l.path }, show)).join('');
  }

  private nearest(absPath: string): string | null {
    let dir = resolve(absPath);
    if (!isDirectory(dir)) dir = dirname(dir);
    let found = this.nearestByDir.get(dir);
    if (found === undefined) {
      found = findConfigFile(dir);
      this.nearestByDir.set(dir, found);
    }
    return found;
  }

  private chainOf(file: string, below: string[]): ConfigLayer[] {
    const cached = this.chains.get(file);
    if (cached) return cached;
    if (below.includes(file)) {
      const cycle = [...below.slice(below.indexOf(file)), file].map(displayPath).join(' → ');
      throw new ConfigError(below[below.length - 1] ?? file, [{ key: '/extends', detail: `the files extend each other in a cycle: ${cycle}` }]);
    }
    let config = this.loaded.get(file);
    if (!config) {
      // Checked before the file is opened: a link in the tree to a secret outside it is never read,
      // so nothing of it can reach a message.
      if (this.isTreeFile(file) && !this.confinement?.holds(file)) {
        throw new ConfigError(file, [{ key: '', detail: `${outsideRoot('configuration file')}; pinlint does not read it` }]);
      }
      config = loadConfig(file, this.knownRules);
      this.loaded.set(file, config);
    }
    const dir = dirname(file);
    const base = config.extends === undefined ? [] : this.chainOf(this.extendsTarget(file, dir, config.extends), [...below, file]);
    const chain = [...base, { path: file, dir, config }];
    this.chains.set(file, chain);
    return chain;
  }

  private extendsTarget(file: string, dir: string, target: string): string {
    const abs = resolve(dir, target);
    // Before asking whether it exists: a tree's file must not learn, or make pinlint say, what
    // lies outside the root.
    if (this.isTreeFile(file) && !this.confinement?.holds(abs)) {
      throw new ConfigError(file, [{ key: '/extends', detail: `${outsideRoot('file to extend')}; a configuration file in the tree may extend only files inside it` }]);
    }
    if (!exists(abs)) throw new ConfigError(file, [{ key: '/extends', detail: `${quoteShort(target)} does not exist (the path is relative to this file's directory)` }]);
    // A directory means its configuration file, as discovery would find it there.
    if (isDirectory(abs)) {
      const inDir = findConfigFile(abs);
      if (inDir === null || dirname(inDir) !== abs) {
        throw new ConfigError(file, [{ key: '/extends', detail: `${quoteShort(target)} is a directory without a .pinlint.{json,yaml,yml}` }]);
      }
      return inDir;
    }
    return abs;
  }
}

/** The message for a path of the tree that leads outside the root: it names neither the path
 * nor what is there, since both come from the tree or from outside it. */
function outsideRoot(what: string): string {
  return `the ${what} is outside the repository root (or reached through a symbolic link that leads out of it)`;
}

/** A path from a configuration file, quoted with JSON's escapes and cut short for a message. */
function quoteShort(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Reports whether `p` is a directory (false when it cannot be read). */
export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
