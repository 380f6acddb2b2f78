// What the go command would read to find a package outside the tree, read the same way without
// running it: go.mod (module path, go version, requirements, replacements), the module cache's
// layout and location, and the go environment (variables, then the `go env -w` file). Pure data
// and file reads; no network, no Go toolchain.
import { readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
/** Parses go.mod text (the directives this needs; comments and unknown lines are skipped). */
export function parseGoMod(dir, text) {
    const mod = { dir, module: '', go: null, require: new Map(), replace: new Map() };
    let block = null;
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (!line)
            continue;
        if (block) {
            if (line === ')')
                block = null;
            else
                directive(mod, block, line);
            continue;
        }
        const open = /^(\w+)\s*\($/.exec(line);
        if (open)
            block = open[1];
        else {
            const m = /^(\w+)\s+(.*)$/.exec(line);
            if (m)
                directive(mod, m[1], m[2]);
        }
    }
    return mod.module ? mod : null;
}
function directive(mod, verb, rest) {
    const words = rest.split(/\s+/).map(unquote);
    if (verb === 'module' && words[0])
        mod.module = words[0];
    else if (verb === 'go' && words[0])
        mod.go = /^\d+\.\d+/.exec(words[0])?.[0] ?? null;
    else if (verb === 'require' && words[0] && words[1])
        mod.require.set(words[0], words[1]);
    else if (verb === 'replace') {
        // `old [v] => new [v]`: a replacement without a version is a directory (cmd/go modfile).
        const arrow = words.indexOf('=>');
        const old = words[0];
        const target = words.slice(arrow + 1);
        if (arrow < 1 || !old || !target[0])
            return;
        mod.replace.set(old, target[1] ? { module: target[0], version: target[1] } : { dir: resolve(mod.dir, target[0]) });
    }
}
function unquote(w) {
    return /^".*"$|^`.*`$/.test(w) ? w.slice(1, -1) : w;
}
/** Reads and parses `dir/go.mod`, or null when there is none or it names no module. */
export function readGoMod(dir) {
    try {
        return parseGoMod(dir, readFileSync(join(dir, 'go.mod'), 'utf8'));
    }
    catch {
        return null;
    }
}
/**
 * A module path or version as the module cache spells it: each capital letter becomes `!` and the
 * letter in lower case, so paths differing only in case stay apart on case-insensitive file
 * systems (golang.org/x/mod/module.EscapePath).
 */
export function escapeModulePath(p) {
    return p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}
/** The module a go.mod's build list takes `importPath` from: the longest required (or replaced)
 * module path that is the import path or a prefix of it at an element boundary. */
export function requiredModuleOf(mod, importPath) {
    let best = null;
    for (const m of [...mod.require.keys(), ...mod.replace.keys()]) {
        if ((importPath === m || importPath.startsWith(m + '/')) && (!best || m.length > best.length))
            best = m;
    }
    return best;
}
/** The directory of module `path` at `version` in a module cache (`<cache>/<path>@<version>`). */
export function moduleCacheDir(cache, path, version) {
    return join(cache, `${escapeModulePath(path)}@${escapeModulePath(version)}`);
}
export function goEnv(env) {
    const file = goEnvFile(env);
    const get = (k) => (env[k] !== undefined && env[k] !== '' ? env[k] : file.get(k));
    const home = env.HOME || env.USERPROFILE || env.home;
    // GOPATH defaults to $HOME/go (cmd/go/internal/cfg); the module cache to GOPATH[0]/pkg/mod.
    const gopath = (get('GOPATH') ?? (home ? join(home, 'go') : '')).split(delimiter).filter((p) => p && isAbsolute(p));
    const cache = get('GOMODCACHE') ?? (gopath[0] ? join(gopath[0], 'pkg', 'mod') : undefined);
    const modFlag = /(?:^|\s)--?mod=(\S+)/.exec(get('GOFLAGS') ?? '')?.[1] ?? null;
    return { modCache: cache && isAbsolute(cache) ? cache : null, gopath, modFlag, modulesOff: get('GO111MODULE') === 'off' };
}
/** The KEY=VALUE lines of the go env file (`go env -w`), or nothing. */
function goEnvFile(env) {
    const out = new Map();
    const configHome = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, '.config') : env.APPDATA);
    const path = env.GOENV !== undefined && env.GOENV !== '' ? env.GOENV : configHome ? join(configHome, 'go', 'env') : null;
    if (!path || path === 'off')
        return out;
    try {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
            const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
            if (m)
                out.set(m[1], m[2].trim());
        }
    }
    catch {
        // No file: the defaults apply.
    }
    return out;
}
