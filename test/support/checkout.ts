// Helpers for the tests that install pinlint the way its users do (pre-commit, the GitHub Action):
// a committed snapshot of this checkout, and a child-process environment that looks like a
// user's shell rather than a test runner's.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of this checkout (the directory holding package.json). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Directories a clone would not have: build output and installed packages. */
const NOT_IN_A_CLONE = new Set(['.git', 'node_modules', 'dist', 'test-output']);

export interface RunResult {
  status: number | null;
  /** stdout and stderr together, in the order a terminal would not guarantee but good enough to grep. */
  output: string;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and returns its exit status and output (never throws on failure). */
export function run(cmd: string, args: string[], opts: SpawnSyncOptions & { cwd: string }): RunResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  return { status: r.status, output: stdout + stderr, stdout, stderr };
}

/** Reports whether `cmd --version` runs, for skipping tests when a tool is absent. */
export function hasCommand(cmd: string): boolean {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/**
 * The environment of a user's shell: the runner's variables minus what `npm test` and vitest add
 * (npm_config_* would point npm inside pre-commit at this checkout's project config; a user has
 * neither), with git isolated from the machine's global and system configuration (a global
 * core.hooksPath makes `pre-commit install` refuse; commit.gpgsign would prompt).
 */
export function userEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|NPM_CONFIG_|VITEST|PRE_COMMIT)/i.test(k) || ['NODE_OPTIONS', 'INIT_CWD', 'SKIP', 'NODE_ENV', 'TEST'].includes(k)) continue;
    env[k] = v;
  }
  const gitconfig = join(home, 'gitconfig');
  if (!existsSync(gitconfig)) {
    mkdirSync(home, { recursive: true });
    writeFileSync(gitconfig, '[user]\n\tname = pinlint test\n\temail = test@pinlint.invalid\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n');
  }
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: gitconfig, NO_COLOR: '1', ...extra };
}

/** Lists the files of this checkout a fresh clone would have, plus uncommitted and new ones. */
function checkoutFiles(): string[] {
  if (existsSync(join(REPO_ROOT, '.git')) && hasCommand('git')) {
    // Read-only: lists tracked files and untracked files that .gitignore does not exclude.
    const r = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT });
    if (r.status === 0) return r.stdout.split('\0').filter((p) => p && existsSync(join(REPO_ROOT, p)));
  }
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (dir === REPO_ROOT && NOT_IN_A_CLONE.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(REPO_ROOT, p));
    }
  };
  walk(REPO_ROOT);
  return out;
}

/**
 * Copies this checkout's files (working-tree content, including changes not yet committed and new
 * files) into `dest` and commits them there, so the result is what a user's tool clones from
 * `repo:`/`rev:`. `pre-commit try-repo <this checkout>` alone would miss untracked files (it
 * commits only staged and tracked changes into its shadow repository), and installing from the
 * checkout in place would reuse its node_modules and dist/ instead of proving a clean install.
 */
export function snapshotCheckout(dest: string, env: NodeJS.ProcessEnv): { dir: string; rev: string } {
  mkdirSync(dest, { recursive: true });
  for (const rel of checkoutFiles()) {
    const from = join(REPO_ROOT, rel);
    const to = join(dest, rel);
    mkdirSync(dirname(to), { recursive: true });
    if (lstatSync(from).isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else copyFileSync(from, to);
  }
  const git = (...args: string[]): RunResult => {
    const r = run('git', args, { cwd: dest, env });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dest}:\n${r.output}`);
    return r;
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'snapshot of the pinlint checkout under test');
  return { dir: dest, rev: git('rev-parse', 'HEAD').stdout.trim() };
}
