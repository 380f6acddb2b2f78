// What the go command would read to find a package outside the tree, read the same way without
// running it: go.mod (module path, go version, requirements, replacements), the module cache's
// layout and location, and the go environment (variables, then the `go env -w` file). Pure data
// and file reads; no network, no Go toolchain.
import { readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** The parts of a go.mod that decide where an imported package's source is. */
export interface GoMod {
  /** Directory holding the go.mod. */
  dir: string;
  module: string;
  /** The `go` directive ("1.21"), or null. */
  go: string | null;
  /** Required module path → version. */
  require: Map<string, string>;
  /** Replaced module path → what replaces it (a directory, or a module at a version). */
  replace: Map<string, { dir: string } | { module: string; version: string }>;
}

/** Parses go.mod text (the directives this needs; comments and unknown lines are skipped). */
export function parseGoMod(dir: string, text: string): GoMod | null {
  const mod: GoMod = { dir, module: '', go: null, require: new Map(), replace: new Map() };
  let block: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') block = null;
      else directive(mod, block, line);
      continue;
    }
    const open = /^(\w+)\s*\($/.exec(line);
    if (open) block = open[1] as string;
    else {
      const m = /^(\w+)\s+(.*)$/.exec(line);
      if (m) directive(mod, m[1] as string, m[2] as string);
    }
  }
  return mod.module ? mod : null;
}

function directive(mod: GoMod, verb: string, rest: string): void {
  const words = rest.split(/\s+/).map(unquote);
  if (verb === 'module' && words[0]) mod.module = words[0];
  else if (verb === 'go' && words[0]) mod.go = /^\d+\.\d+/.exec(words[0])?.[0] ?? null;
  else if (verb === 'require' && words[0] && words[1]) mod.require.set(words[0], words[1]);
  else if (verb === 'replace') {
    // `old [v] => new [v]`: a replacement without a version is a directory (cmd/go modfile).
    const arrow = words.indexOf('=>');
    const old = words[0];
    const target = words.slice(arrow + 1);
    if (arrow < 1 || !old || !target[0]) return;
    mod.replace.set(old, target[1] ? { module: target[0], version: target[1] } : { dir: resolve(mod.dir, target[0]) });
  }
}

function unquote(w: string): string {
  return /^".*"$|^`.*`$/.test(w) ? w.slice(1, -1) : w;
}

/** Reads and parses `dir/go.mod`, or null when there is none or it names no module. */
export function readGoMod(dir: string): GoMod | null {
  try {
    return parseGoMod(dir, readFileSync(join(dir, 'go.mod'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * A module path or version as the module cache spells it: each capital letter becomes `!` and the
 * letter in lower case, so paths differing only in case stay apart on case-insensitive file
 * systems (golang.org/x/mod/module.EscapePath).
 */
export function escapeModulePath(p: string): string {
  return p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/** The module a go.mod's build list takes `importPath` from: the longest required (or replaced)
 * module path that is the import path or a prefix of it at an element boundary. */
export function requiredModuleOf(mod: GoMod, importPath: string): string | null {
  let best: string | null = null;
  for (const m of [...mod.require.keys(), ...mod.replace.keys()]) {
    if ((importPath === m || importPath.startsWith(m + '/')) && (!best || m.length > best.length)) best = m;
  }
  return best;
}

/** The directory of module `path` at `version` in a module cache (`<cache>/<path>@<version>`). */
export function moduleCacheDir(cache: string, path: string, version: string): string {
  return join(cache, `${escapeModulePath(path)}@${escapeModulePath(version)}`);
}

/** The go settings that decide where packages are found, from the environment first and then the
 * file `go env -w` writes (GOENV, else the user config directory's go/env), as cmd/go reads them. */
export interface GoEnv {
  /** The module cache directory, or null when none can be named. */
  modCache: string | null;
  /** GOPATH entries (for GOPATH-mode trees: `<entry>/src/<import path>`). */
  gopath: string[];
  /** The `-mod=` value of GOFLAGS ("vendor", "mod", "readonly"), or null. */
  modFlag: string | null;
  /** GO111MODULE=off: GOPATH mode even where a go.mod exists. */
  modulesOff: boolean;
}

export function goEnv(env: Record<string, string | undefined>): GoEnv {
  const file = goEnvFile(env);
  const get = (k: string): string | undefined => (env[k] !== undefined && env[k] !== '' ? env[k] : file.get(k));
  const home = env.HOME || env.USERPROFILE || env.home;
  // GOPATH defaults to $HOME/go (cmd/go/internal/cfg); the module cache to GOPATH[0]/pkg/mod.
  const gopath = (get('GOPATH') ?? (home ? join(home, 'go') : '')).split(delimiter).filter((p) => p && isAbsolute(p));
  const cache = get('GOMODCACHE') ?? (gopath[0] ? join(gopath[0], 'pkg', 'mod') : undefined);
  const modFlag = /(?:^|\s)--?mod=(\S+)/.exec(get('GOFLAGS') ?? '')?.[1] ?? null;
  return { modCache: cache && isAbsolute(cache) ? cache : null, gopath, modFlag, modulesOff: get('GO111MODULE') === 'off' };
}

/** The KEY=VALUE lines of the go env file (`go env -w`), or nothing. */
function goEnvFile(env: Record<string, string | undefined>): Map<string, string> {
  const out = new Map<string, string>();
  const configHome = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, '.config') : env.APPDATA);
  const path = env.GOENV !== undefined && env.GOENV !== '' ? env.GOENV : configHome ? join(configHome, 'go', 'env') : null;
  if (!path || path === 'off') return out;
  try {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
      if (m) out.set(m[1] as string, (m[2] as string).trim());
    }
  } catch {
    // No file: the defaults apply.
  }
  return out;
}
