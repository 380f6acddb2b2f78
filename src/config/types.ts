// The shape of a loaded configuration, shared by the modules that load it (load.ts) and apply it
// (apply.ts). Types only: what the file may say is stated once, in the JSON Schema (schema.ts).
import type { Level } from '../model/findings.js';
import type { LimitSettings } from '../model/limits.js';

export type RuleSetting = 'off' | Level | { level?: Level; enabled?: boolean };

/** A loaded configuration with every section present (empty when the file leaves it out). */
export interface PinlintConfig {
  /** Another configuration file this one builds on, relative to this file's directory. */
  extends?: string;
  /** Rule id (`PL001`) or name (`hoisted-conversion`) → setting, keyed as written in the file. */
  rules: Record<string, RuleSetting>;
  /** Rule settings for the files matching globs (relative to this file's directory); later
   * entries win. Present only when the file has them. */
  overrides?: RuleOverride[];
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
  /** Directories to read imported packages from as context (never reported), relative to the
   * configuration file's directory: a module's directory or one laid out by import path. */
  context: string[];
  /** Per-file limits (docs/robustness.md), keyed like the command-line options; present only
   * when the file sets some. */
  limits?: LimitSettings;
}

export interface RuleOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
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
