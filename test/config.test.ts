// The configuration file as a user meets it: where pinlint finds it, what a valid one turns into,
// and the exact message for each kind of mistake (file, JSON pointer, what was expected, what was
// there), plus how its knowledge, rule settings and excludes apply.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  emptyConfig,
  findConfigFile,
  isExcluded,
  loadConfig,
  mergeKnowledge,
  printConfig,
  resolveConfig,
  ruleSettings,
  type PinlintConfig,
} from '../src/config/index.js';
import { KEEP_ALIVE, OS_ALLOCATORS, SINKS } from '../src/knowledge/index.js';

// A fixed registry, so these tests do not move when rules are added.
const RULES = [
  { id: 'PL001', name: 'hoisted-conversion', level: 'warning' as const },
  { id: 'PL002', name: 'hidden-pointer', level: 'error' as const },
  { id: 'PL003', name: 'pinner-misuse', level: 'warning' as const },
];
const KNOWN = RULES.map(({ id, name }) => ({ id, name }));

const TMP = mkdtempSync(join(tmpdir(), 'pinlint-config-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let seq = 0;
/** Writes `files` (path → content; a trailing `/` makes a directory) under a fresh directory. */
function tree(files: Record<string, string>): string {
  const root = join(TMP, `t${seq++}`);
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    if (rel.endsWith('/')) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
  mkdirSync(root, { recursive: true });
  return root;
}

function configFile(name: string, text: string): string {
  return join(tree({ [name]: text }), name);
}

function catchConfigError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('findConfigFile', () => {
  it('walks up from nested directories and takes the nearest file', () => {
    const root = tree({
      '.git/': '',
      '.pinlint.yaml': 'rules: {}\n',
      'a/.pinlint.json': '{}',
      'a/b/c/x.go': 'package c\n',
      'd/e/': '',
    });
    expect(findConfigFile(join(root, 'a/b/c'))).toBe(join(root, 'a/.pinlint.json'));
    expect(findConfigFile(join(root, 'a'))).toBe(join(root, 'a/.pinlint.json'));
    expect(findConfigFile(join(root, 'd/e'))).toBe(join(root, '.pinlint.yaml'));
    // The repository root itself is searched.
    expect(findConfigFile(root)).toBe(join(root, '.pinlint.yaml'));
  });

  it('starts from the directory of a file target', () => {
    const root = tree({ '.git/': '', 'a/.pinlint.yml': '', 'a/b/x.go': 'package b\n' });
    expect(findConfigFile(join(root, 'a/b/x.go'))).toBe(join(root, 'a/.pinlint.yml'));
  });

  it('stops at the repository root, whether .git is a directory or a worktree file', () => {
    const outer = tree({
      '.pinlint.json': '{}',
      'clone/.git/': '',
      'clone/pkg/x.go': 'package pkg\n',
      'worktree/.git': 'gitdir: /elsewhere\n',
      'worktree/pkg/': '',
    });
    expect(findConfigFile(join(outer, 'clone/pkg'))).toBeNull();
    expect(findConfigFile(join(outer, 'worktree/pkg'))).toBeNull();
    // Outside both repositories the outer file applies.
    expect(findConfigFile(outer)).toBe(join(outer, '.pinlint.json'));
  });

  it('walks to the filesystem root when there is no repository', () => {
    const root = tree({ 'x/y/': '' });
    expect(findConfigFile(join(root, 'x/y'))).toBeNull();
  });

  it('ignores a directory that merely has a config file name', () => {
    const root = tree({ '.git/': '', '.pinlint.json/': '', 'sub/': '' });
    expect(findConfigFile(join(root, 'sub'))).toBeNull();
  });

  it('refuses two config files in one directory', () => {
    const root = tree({ '.git/': '', '.pinlint.json': '{}', '.pinlint.yml': '', 'sub/': '' });
    const err = catchConfigError(() => findConfigFile(join(root, 'sub')));
    expect(err.file).toBe(root);
    expect(err.key).toBe('');
    expect(err.message).toBe(
      `${root}: found .pinlint.json and .pinlint.yml; pinlint reads one configuration file per directory, so keep one`,
    );
  });
});

describe('loadConfig: valid files', () => {
  const expected: PinlintConfig = {
    rules: { PL001: 'off', 'hidden-pointer': 'note', PL003: { level: 'error', enabled: true } },
    sinks: {
      funcs: { 'example.com/app/internal/winapi': ['callProc'] },
      methods: { 'example.com/app/internal/winapi': { Proc: ['Invoke'] } },
    },
    wrappers: { 'example.com/app/internal/winapi': ['Call'] },
    keepAlive: [{ pkg: 'example.com/app/internal/winapi', name: 'KeepAlive' }],
    osAllocators: { 'example.com/app/internal/winapi': ['allocPages'] },
    exclude: ['gen/**', '**/*_test.go'],
    context: [],
  };

  it('reads YAML (1.2: `off` is a string, no quotes needed)', () => {
    const file = configFile(
      '.pinlint.yaml',
      `# in-house shim
rules:
  PL001: off
  hidden-pointer: note
  PL003: {level: error, enabled: true}
sinks:
  funcs:
    example.com/app/internal/winapi: [callProc]
  methods:
    example.com/app/internal/winapi:
      Proc: [Invoke]
wrappers:
  example.com/app/internal/winapi: [Call]
keepAlive:
  - pkg: example.com/app/internal/winapi
    name: KeepAlive
osAllocators:
  example.com/app/internal/winapi: [allocPages]
exclude:
  - gen/**
  - "**/*_test.go"
`,
    );
    expect(loadConfig(file, KNOWN)).toEqual(expected);
  });

  it('reads JSON', () => {
    const file = configFile('.pinlint.json', JSON.stringify(expected, null, 2));
    expect(loadConfig(file, KNOWN)).toEqual(expected);
  });

  it('fills every section of a partial file, and treats an empty YAML file as defaults', () => {
    expect(loadConfig(configFile('.pinlint.json', '{"exclude": ["x"]}'))).toEqual({ ...emptyConfig(), exclude: ['x'] });
    expect(loadConfig(configFile('.pinlint.yaml', '# nothing yet\n'))).toEqual(emptyConfig());
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(loadConfig(configFile('.pinlint.json', '\ufeff{"rules": {"PL001": "off"}}'), KNOWN).rules).toEqual({ PL001: 'off' });
  });

  it('checks rule names only when given the known rules', () => {
    expect(loadConfig(configFile('.pinlint.yaml', 'rules: {PL999: off}\n')).rules).toEqual({ PL999: 'off' });
  });
});

describe('loadConfig: invalid values', () => {
  // Each case: the file's text and the exact problems, one `key: detail` per line of the message.
  const SETTING = 'expected "off", "note", "warning", "error" or {level, enabled}';
  const TOP = '"extends", "rules", "overrides", "sinks", "wrappers", "keepAlive", "osAllocators", "exclude", "context" or "limits"';
  const GLOB =
    'expected a glob relative to the configuration file\'s directory ("*" within a name, "**" across directories; no leading "/", no ".." and no "\\")';
  const cases: Array<{ name: string; file: string; text: string; problems: string[] }> = [
    {
      name: 'a level that does not exist',
      file: '.pinlint.yaml',
      text: 'rules:\n  hoisted-conversion: warn\n',
      problems: [`/rules/hoisted-conversion: ${SETTING}, got "warn"`],
    },
    { name: 'a number as a setting', file: '.pinlint.json', text: '{"rules": {"PL001": 2}}', problems: [`/rules/PL001: ${SETTING}, got 2`] },
    { name: 'true as a setting', file: '.pinlint.yaml', text: 'rules: {PL001: true}\n', problems: [`/rules/PL001: ${SETTING}, got true`] },
    { name: 'a list as a setting', file: '.pinlint.yaml', text: 'rules: {PL001: [off]}\n', problems: [`/rules/PL001: ${SETTING}, got a list`] },
    {
      name: 'a bad level inside the object form',
      file: '.pinlint.yaml',
      text: 'rules:\n  PL001: {level: off}\n',
      problems: ['/rules/PL001/level: expected "note", "warning" or "error", got "off"'],
    },
    {
      name: 'a non-boolean enabled',
      file: '.pinlint.yaml',
      text: 'rules:\n  PL001: {enabled: "no"}\n',
      problems: ['/rules/PL001/enabled: expected true or false, got "no"'],
    },
    {
      name: 'a misspelt key in the object form',
      file: '.pinlint.yaml',
      text: 'rules:\n  PL001: {enabeld: false}\n',
      problems: ['/rules/PL001/enabeld: unknown key "enabeld"; did you mean "enabled"?'],
    },
    {
      name: 'rules that is not an object',
      file: '.pinlint.yaml',
      text: 'rules: [PL001]\n',
      problems: ['/rules: expected an object mapping rule ids or names to "off", a level or {level, enabled}, got a list'],
    },
    { name: 'a misspelt top-level key', file: '.pinlint.yaml', text: 'keepalive: []\n', problems: ['/keepalive: unknown key "keepalive"; did you mean "keepAlive"?'] },
    { name: 'an unrelated top-level key', file: '.pinlint.json', text: '{"severity": "high"}', problems: [`/severity: unknown key "severity"; expected one of ${TOP}`] },
    {
      name: 'a top level that is not an object',
      file: '.pinlint.json',
      text: '["PL001"]',
      problems: [
        'expected an object with the keys "extends", "rules", "overrides", "sinks", "wrappers", "keepAlive", "osAllocators", "exclude", "context" and "limits", got a list',
      ],
    },
    {
      name: 'an explicit null document',
      file: '.pinlint.yaml',
      text: '~\n',
      problems: ['expected an object with the keys "extends", "rules", "overrides", "sinks", "wrappers", "keepAlive", "osAllocators", "exclude", "context" and "limits", got null'],
    },
    {
      name: 'a sink name that is a string, not a list',
      file: '.pinlint.yaml',
      text: 'sinks:\n  funcs:\n    example.com/w: callProc\n',
      problems: ['/sinks/funcs/example.com~1w: expected a list of function names, got "callProc"'],
    },
    {
      name: 'a qualified sink name',
      file: '.pinlint.yaml',
      text: 'sinks:\n  funcs:\n    example.com/w: [winapi.callProc]\n',
      problems: ['/sinks/funcs/example.com~1w/0: expected a Go function name without its package, such as "Syscall", got "winapi.callProc"'],
    },
    {
      name: 'an import path with a space',
      file: '.pinlint.json',
      text: '{"sinks": {"funcs": {"example.com/my pkg": ["f"]}}}',
      problems: ['/sinks/funcs/example.com~1my pkg: invalid key "example.com/my pkg"; expected an import path such as "golang.org/x/sys/windows"'],
    },
    {
      name: 'a pointer receiver as a method table key',
      file: '.pinlint.yaml',
      text: 'sinks:\n  methods:\n    example.com/w:\n      "*Proc": [Call]\n',
      problems: ['/sinks/methods/example.com~1w/*Proc: invalid key "*Proc"; expected a Go type name without its package or "*", such as "LazyProc"'],
    },
    {
      name: 'a method list without its type',
      file: '.pinlint.yaml',
      text: 'sinks:\n  methods:\n    example.com/w: [Call]\n',
      problems: ['/sinks/methods/example.com~1w: expected an object mapping type names to lists of method names, got a list'],
    },
    {
      name: 'an unknown key under sinks',
      file: '.pinlint.yaml',
      text: 'sinks:\n  functions: {}\n',
      problems: ['/sinks/functions: unknown key "functions"; expected "funcs" or "methods"'],
    },
    {
      name: 'wrappers as a list',
      file: '.pinlint.yaml',
      text: 'wrappers: [ioctl]\n',
      problems: ['/wrappers: expected an object mapping import paths to lists of function names, got a list'],
    },
    {
      name: 'a keep-alive entry without a name',
      file: '.pinlint.yaml',
      text: 'keepAlive:\n  - pkg: example.com/w\n',
      problems: ['/keepAlive/0: missing key "name"; expected {"pkg": "<import path>", "name": "<function name>"}'],
    },
    {
      name: 'a keep-alive entry with an extra key and a bad pkg',
      file: '.pinlint.yaml',
      text: 'keepAlive:\n  - {pkg: 7, name: Keep, note: x}\n',
      problems: [
        '/keepAlive/0/pkg: expected an import path such as "golang.org/x/sys/windows", got 7',
        '/keepAlive/0/note: unknown key "note"; expected "pkg" or "name"',
      ],
    },
    {
      name: 'keepAlive written as a map',
      file: '.pinlint.yaml',
      text: 'keepAlive:\n  example.com/w: [Keep]\n',
      problems: ['/keepAlive: expected a list of {pkg, name} objects, got an object'],
    },
    {
      name: 'allocators with a number',
      file: '.pinlint.json',
      text: '{"osAllocators": {"example.com/w": [1]}}',
      problems: ['/osAllocators/example.com~1w/0: expected a Go function name without its package, such as "VirtualAlloc", got 1'],
    },
    {
      name: 'exclude patterns that leave the config directory or are not strings',
      file: '.pinlint.yaml',
      text: 'exclude: ["/abs", "a/../b", "..", "ok/**", 3, "a\\\\b", ""]\n',
      problems: [
        `/exclude/0: ${GLOB}, got "/abs"`,
        `/exclude/1: ${GLOB}, got "a/../b"`,
        `/exclude/2: ${GLOB}, got ".."`,
        `/exclude/4: ${GLOB}, got 3`,
        `/exclude/5: ${GLOB}, got "a\\\\b"`,
        `/exclude/6: ${GLOB}, got ""`,
      ],
    },
    {
      name: 'an exclude that is a single string',
      file: '.pinlint.yaml',
      text: 'exclude: gen/**\n',
      problems: ['/exclude: expected a list of globs, got "gen/**"'],
    },
    {
      name: 'unknown rules, by id and by a misspelt name',
      file: '.pinlint.yaml',
      text: 'rules:\n  PL009: off\n  hoisted-conversoin: off\n  pl002: off\n',
      problems: [
        '/rules/PL009: unknown rule "PL009"; known rules: PL001 (hoisted-conversion), PL002 (hidden-pointer), PL003 (pinner-misuse)',
        '/rules/hoisted-conversoin: unknown rule "hoisted-conversoin"; did you mean "hoisted-conversion"?',
        '/rules/pl002: unknown rule "pl002"; did you mean "PL002"?',
      ],
    },
    {
      name: 'a rule configured by id and by name',
      file: '.pinlint.yaml',
      text: 'rules:\n  PL001: off\n  hoisted-conversion: error\n',
      problems: ['/rules/hoisted-conversion: rule PL001 (hoisted-conversion) is already configured as "PL001"; keep one of the two'],
    },
    {
      name: 'a function that is both a sink and a wrapper',
      file: '.pinlint.yaml',
      text: 'sinks: {funcs: {example.com/w: [callProc]}}\nwrappers: {example.com/w: [Call, callProc]}\n',
      problems: [
        '/wrappers/example.com~1w/1: "callProc" is also listed in /sinks/funcs/example.com~1w; a function is either a protected sink or an unprotected wrapper, not both',
      ],
    },
    {
      name: 'several problems, reported in document order',
      file: '.pinlint.yaml',
      text: 'exclude: [3]\nrules:\n  PL001: warn\n  PL004: off\nsinks: {funcs: {x: "f"}}\n',
      problems: [
        `/exclude/0: ${GLOB}, got 3`,
        `/rules/PL001: ${SETTING}, got "warn"`,
        '/rules/PL004: unknown rule "PL004"; known rules: PL001 (hoisted-conversion), PL002 (hidden-pointer), PL003 (pinner-misuse)',
        '/sinks/funcs/x: expected a list of function names, got "f"',
      ],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const file = configFile(c.file, c.text);
      const err = catchConfigError(() => loadConfig(file, KNOWN));
      expect(err.file).toBe(file);
      const lines = err.message.split('\n');
      expect(lines).toEqual(c.problems.map((p) => `${file}: ${p}`));
      const first = c.problems[0] ?? '';
      expect(err.key).toBe(first.startsWith('/') ? first.slice(0, first.indexOf(': ')) : '');
      expect(err.problems).toHaveLength(c.problems.length);
    });
  }

  it('shows a path under the working directory relative to it', () => {
    const dir = join(process.cwd(), 'test-output', `config-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      const file = join(dir, '.pinlint.yaml');
      writeFileSync(file, 'rules:\n  hoisted-conversion: warn\n');
      const err = catchConfigError(() => loadConfig(file, KNOWN));
      expect(err.message).toBe(
        `${relative(process.cwd(), file)}: /rules/hoisted-conversion: expected "off", "note", "warning", "error" or {level, enabled}, got "warn"`,
      );
      expect(err.file).toBe(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loadConfig: unreadable files and syntax errors', () => {
  const syntax: Array<{ name: string; file: string; text: string; line: number; column: number; detail: string }> = [
    { name: 'YAML duplicate key', file: '.pinlint.yaml', text: 'rules:\n  PL001: off\n  PL001: error\n', line: 3, column: 3, detail: 'invalid YAML: Map keys must be unique' },
    { name: 'YAML tab indentation', file: '.pinlint.yml', text: 'rules:\n\tPL001: off\n', line: 2, column: 1, detail: 'invalid YAML: Tabs are not allowed as indentation' },
    {
      name: 'YAML unclosed flow map',
      file: '.pinlint.yaml',
      text: 'rules: {PL001: off\nexclude: []\n',
      line: 2,
      column: 1,
      detail: 'invalid YAML: Flow map in block collection must be sufficiently indented and end with a }',
    },
    // V8 gives no position for this one; the line and column are still exact.
    { name: 'JSON unexpected token', file: '.pinlint.json', text: '{\n  "rules": {\n    "PL001": }\n}\n', line: 3, column: 14, detail: 'invalid JSON: Unexpected token' },
    { name: 'JSON trailing comma', file: '.pinlint.json', text: '{\n  "rules": {"PL001": "off",}\n}\n', line: 2, column: 28, detail: 'invalid JSON: Expected double-quoted property name' },
    { name: 'JSON cut short', file: '.pinlint.json', text: '{\n  "rules": {', line: 2, column: 13, detail: "invalid JSON: Expected property name or '}'" },
    { name: 'JSON empty file', file: '.pinlint.json', text: '', line: 1, column: 1, detail: 'invalid JSON: Unexpected end of JSON input' },
    { name: 'JSON comment', file: '.pinlint.json', text: '{\n  // off for now\n}', line: 2, column: 3, detail: "invalid JSON: Expected property name or '}'" },
  ];
  for (const c of syntax) {
    it(`reports the position of a ${c.name}`, () => {
      const file = configFile(c.file, c.text);
      const err = catchConfigError(() => loadConfig(file));
      expect(err.message).toBe(`${file}:${c.line}:${c.column}: ${c.detail}`);
      expect([err.key, err.line, err.column]).toEqual(['', c.line, c.column]);
    });
  }

  it('reports a YAML alias to a missing anchor', () => {
    const file = configFile('.pinlint.yaml', 'exclude: *gen\n');
    expect(catchConfigError(() => loadConfig(file)).message).toBe(
      // The alias's name is the file's text, which a message never quotes (docs/security.md).
      `${file}: invalid YAML: Unresolved alias (the anchor must be set before the alias)`,
    );
  });

  it('reports a missing file', () => {
    const file = join(TMP, 'nope', '.pinlint.json');
    expect(catchConfigError(() => loadConfig(file)).message).toBe(`${file}: cannot read the configuration file: no such file`);
  });
});

describe('resolveConfig', () => {
  it('uses the discovered file, an explicit one, or defaults', () => {
    const root = tree({ '.git/': '', '.pinlint.yaml': 'rules: {PL001: off}\n', 'pkg/': '', 'ci/strict.json': '{"rules": {"PL003": "error"}}' });
    expect(resolveConfig(join(root, 'pkg'), { knownRules: KNOWN })).toEqual({
      config: { ...emptyConfig(), rules: { PL001: 'off' } },
      path: join(root, '.pinlint.yaml'),
    });
    // --config wins over discovery; a non-standard name is fine (.json → JSON).
    expect(resolveConfig(join(root, 'pkg'), { explicitPath: join(root, 'ci/strict.json'), knownRules: KNOWN })).toEqual({
      config: { ...emptyConfig(), rules: { PL003: 'error' } },
      path: join(root, 'ci/strict.json'),
    });
    const bare = tree({ '.git/': '', 'pkg/': '' });
    expect(resolveConfig(join(bare, 'pkg'), { knownRules: KNOWN })).toEqual({ config: emptyConfig(), path: null });
  });

  it('resolves --config against the working directory and checks rules', () => {
    const root = tree({ '.git/': '', 'c.yaml': 'rules: {PL042: off}\n' });
    const rel = relative(process.cwd(), join(root, 'c.yaml'));
    const err = catchConfigError(() => resolveConfig(root, { explicitPath: rel, knownRules: KNOWN }));
    expect(err.file).toBe(join(root, 'c.yaml'));
    expect(err.key).toBe('/rules/PL042');
  });

  it('fails on a missing --config file instead of falling back', () => {
    const root = tree({ '.git/': '', '.pinlint.yaml': '' });
    const missing = join(root, 'missing.yaml');
    expect(catchConfigError(() => resolveConfig(root, { explicitPath: missing, knownRules: KNOWN })).message).toBe(
      `${missing}: cannot read the configuration file: no such file`,
    );
  });
});

describe('mergeKnowledge', () => {
  const shim = 'example.com/app/internal/winapi';
  const config: PinlintConfig = {
    ...emptyConfig(),
    sinks: { funcs: { [shim]: ['callProc'], syscall: ['Syscall', 'rawSyscallNoError'] }, methods: { syscall: { Proc: ['CallEx'] }, [shim]: { Proc: ['Invoke'] } } },
    wrappers: { [shim]: ['Call'] },
    keepAlive: [{ pkg: shim, name: 'KeepAlive' }, { pkg: 'runtime', name: 'KeepAlive' }],
    osAllocators: { [shim]: ['allocPages'], syscall: ['Mmap'] },
  };

  it('adds the config entries after the built-in ones, without duplicates', () => {
    const base = {
      sinks: { funcs: { syscall: ['Syscall'] }, methods: { syscall: { Proc: ['Call'], LazyProc: ['Call'] } } },
      keepAlive: [{ pkg: 'runtime', name: 'KeepAlive' }],
      osAllocators: { syscall: ['Mmap'] },
    };
    expect(mergeKnowledge(base, config)).toEqual({
      sinks: {
        funcs: { syscall: ['Syscall', 'rawSyscallNoError'], [shim]: ['callProc'] },
        methods: { syscall: { Proc: ['Call', 'CallEx'], LazyProc: ['Call'] }, [shim]: { Proc: ['Invoke'] } },
      },
      keepAlive: [{ pkg: 'runtime', name: 'KeepAlive' }, { pkg: shim, name: 'KeepAlive' }],
      osAllocators: { syscall: ['Mmap'], [shim]: ['allocPages'] },
      wrappers: { [shim]: ['Call'] },
    });
  });

  it('leaves the knowledge.ts tables and the config untouched, sharing no arrays with them', () => {
    const before = structuredClone({ SINKS, KEEP_ALIVE, OS_ALLOCATORS, config });
    const merged = mergeKnowledge({ sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS }, config);
    expect({ SINKS, KEEP_ALIVE, OS_ALLOCATORS, config }).toEqual(before);
    expect(merged.sinks.funcs.syscall).toEqual([...(SINKS.funcs.syscall ?? []), 'rawSyscallNoError']);
    expect(merged.sinks.funcs.syscall).not.toBe(SINKS.funcs.syscall);
    expect(merged.sinks.methods.syscall?.Proc).not.toBe(SINKS.methods.syscall?.Proc);
    expect(merged.keepAlive[0]).not.toBe(KEEP_ALIVE[0]);
    // Mutating the result does not reach the constants either.
    (merged.sinks.funcs.syscall as string[]).push('Extra');
    (merged.osAllocators.syscall as string[]).push('Extra');
    expect({ SINKS, KEEP_ALIVE, OS_ALLOCATORS, config }).toEqual(before);
  });

  it('keeps an import path named __proto__ as data', () => {
    const c = loadConfig(configFile('.pinlint.json', '{"wrappers": {"__proto__": ["f"]}}'));
    const merged = mergeKnowledge({ sinks: { funcs: {}, methods: {} }, keepAlive: [], osAllocators: {} }, c);
    expect(Object.keys(merged.wrappers)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged.wrappers)).toBe(Object.prototype);
  });
});

describe('ruleSettings', () => {
  it('applies each form of setting, by id or by name, over the rule defaults', () => {
    const config: PinlintConfig = {
      ...emptyConfig(),
      rules: { 'hoisted-conversion': 'off', PL002: { level: 'note' }, 'pinner-misuse': { enabled: false, level: 'error' } },
    };
    expect([...ruleSettings(config, RULES)]).toEqual([
      ['PL001', { enabled: false, level: 'warning' }],
      ['PL002', { enabled: true, level: 'note' }],
      ['PL003', { enabled: false, level: 'error' }],
    ]);
    expect([...ruleSettings({ ...emptyConfig(), rules: { PL001: 'error', PL003: { enabled: true } } }, RULES)]).toEqual([
      ['PL001', { enabled: true, level: 'error' }],
      ['PL002', { enabled: true, level: 'error' }],
      ['PL003', { enabled: true, level: 'warning' }],
    ]);
  });

  it('ignores settings for rules not in the list (filtered out by --rule)', () => {
    const only = RULES.filter((r) => r.id === 'PL002');
    expect([...ruleSettings({ ...emptyConfig(), rules: { PL001: 'off' } }, only)]).toEqual([['PL002', { enabled: true, level: 'error' }]]);
  });
});

describe('isExcluded', () => {
  const dir = join(TMP, 'repo');
  const config: PinlintConfig = {
    ...emptyConfig(),
    exclude: ['gen', 'third_party/**', '**/*_windows.go', 'internal/*/zz_*.go', 'tools/?.go', './scripts/', '**/testdata/**'],
  };
  const cases: Array<[string, boolean]> = [
    ['gen/a.go', true], // a directory pattern excludes everything below it
    ['gen/deep/b.go', true],
    ['generated/a.go', false],
    ['pkg/gen/a.go', false], // anchored at the config directory
    ['third_party/x/y.go', true],
    ['third_party', false], // `dir/**` is what is inside, not the directory itself
    ['sys_windows.go', true], // `**/` matches zero directories too
    ['a/b/c/sys_windows.go', true],
    ['a/b/sys_windows_test.go', false],
    ['internal/winapi/zz_generated.go', true],
    ['internal/winapi/sub/zz_generated.go', false], // `*` stays within one element
    ['tools/a.go', true],
    ['tools/ab.go', false],
    ['scripts/run.go', true],
    ['a/testdata/b/c.go', true],
    ['testdata.go', false],
    ['main.go', false],
  ];
  for (const [rel, want] of cases) {
    it(`${want ? 'excludes' : 'keeps'} ${rel}`, () => {
      expect(isExcluded(config, dir, join(dir, rel))).toBe(want);
    });
  }

  it('never excludes paths outside the config directory or the directory itself', () => {
    const all: PinlintConfig = { ...emptyConfig(), exclude: ['**'] };
    expect(isExcluded(all, dir, join(dir, 'a.go'))).toBe(true);
    expect(isExcluded(all, dir, dir)).toBe(false);
    expect(isExcluded(all, dir, join(TMP, 'other', 'a.go'))).toBe(false);
    expect(isExcluded(all, join(dir, 'sub'), join(dir, 'subpackage', 'a.go'))).toBe(false);
  });

  it('treats regular-expression characters in patterns literally', () => {
    const c: PinlintConfig = { ...emptyConfig(), exclude: ['a+b/(x).go'] };
    expect(isExcluded(c, dir, join(dir, 'a+b/(x).go'))).toBe(true);
    expect(isExcluded(c, dir, join(dir, 'aab/x.go'))).toBe(false);
  });
});

describe('printConfig', () => {
  it('prints the effective config after where it came from', () => {
    const root = tree({ '.git/': '', '.pinlint.yaml': 'exclude: [gen]\nrules: {PL001: off}\n' });
    const resolved = resolveConfig(root, { knownRules: KNOWN });
    expect(printConfig(resolved)).toBe(`// from ${join(root, '.pinlint.yaml')}
{
  "rules": {
    "PL001": "off"
  },
  "sinks": {
    "funcs": {},
    "methods": {}
  },
  "wrappers": {},
  "keepAlive": [],
  "osAllocators": {},
  "exclude": [
    "gen"
  ],
  "context": []
}
`);
  });

  it('says when no file was found, and shows a path under the working directory relative to it', () => {
    expect(printConfig({ config: emptyConfig(), path: null }).split('\n')[0]).toBe('// no config file found; defaults');
    expect(printConfig({ config: emptyConfig(), path: join(process.cwd(), 'sub', '.pinlint.json') }).split('\n')[0]).toBe(
      '// from sub/.pinlint.json',
    );
  });
});

describe('docs/configuration.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'configuration.md'), 'utf8');
  const blocks = (lang: string): string[] => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');

  it('shows an example that loads, the same in YAML and JSON', () => {
    const yaml = blocks('yaml').find((b) => b.startsWith('# .pinlint.yaml at the repository root'));
    const json = blocks('json')[0];
    expect(yaml).toBeDefined();
    expect(json).toBeDefined();
    const shim = 'example.com/corp/app/internal/winapi';
    const want: PinlintConfig = {
      rules: { 'pinner-misuse': 'note', 'hidden-pointer': { level: 'error' } },
      sinks: { funcs: { [shim]: ['callProc'] }, methods: {} },
      wrappers: { [shim]: ['Call'] },
      keepAlive: [{ pkg: shim, name: 'Keep' }],
      osAllocators: { [shim]: ['AllocPages'] },
      exclude: ['internal/winapi/zz_generated_*.go', '**/testdata/**'],
      context: [],
    };
    expect(loadConfig(configFile('.pinlint.yaml', yaml ?? ''), KNOWN)).toEqual(want);
    expect(loadConfig(configFile('.pinlint.json', json ?? ''), KNOWN)).toEqual(want);
  });

  it('shows YAML fragments that load', () => {
    for (const b of blocks('yaml')) expect(() => loadConfig(configFile('.pinlint.yaml', b), KNOWN)).not.toThrow();
  });
});
