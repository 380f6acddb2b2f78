// The GitHub Action (action.yml): its structure as GitHub reads it, and its shell steps run here
// the way a runner runs them (`bash --noprofile --norc -eo pipefail`), with the `${{ }}`
// expressions replaced by real values: the install step on a clean snapshot of this checkout (as
// the runner's copy of the action is), the scan step on a sample repository. The upload step
// needs GitHub and is not run; the SARIF it would upload is validated against the SARIF 2.1.0
// schema and checked for what code scanning requires.
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasCommand, run, snapshotCheckout, userEnv } from './support/checkout.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;
const runSteps = steps.filter((s) => s.run !== undefined);
const uploadStep = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));

/**
 * Evaluates the upload step's `if:` for given inputs and scan-step outputs. Handles the subset
 * of GitHub's expression syntax the step uses (always(), ==, !=, &&, ||, parentheses, '…').
 */
function wouldUpload(inputs: Record<string, string>, outputs: Record<string, string>): boolean {
  const expr = /^\$\{\{\s*([\s\S]*?)\s*\}\}$/.exec(uploadStep?.if ?? '')?.[1];
  if (!expr) throw new Error(`cannot read the upload step's if: ${uploadStep?.if}`);
  const js = expr
    .replace(/\balways\(\)/g, 'true')
    .replace(/\binputs\.([\w-]+)/g, (_, n: string) => JSON.stringify(inputs[n] ?? action.inputs[n]?.default ?? ''))
    .replace(/\bsteps\.scan\.outputs\.([\w-]+)/g, (_, n: string) => JSON.stringify(outputs[n] ?? ''))
    .replace(/([=!])=/g, '$1==');
  if (/[^\s\w'"()|&!=.\-/]/.test(js) || /\b(?!true\b)[a-z_]\w*\s*\(/i.test(js)) throw new Error(`unexpected expression: ${js}`);
  return Boolean(new Function(`return (${js});`)());
}

describe('action.yml structure', () => {
  it('is a composite action with the documented inputs and output', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.name).toBe('pinlint');
    expect(action.description.length).toBeGreaterThan(0);
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'fail-on', 'paths', 'sarif-category', 'sarif-file', 'upload'].sort());
    expect(action.inputs.paths?.default).toBe('.');
    expect(action.inputs['fail-on']?.default).toBe('');
    expect(action.inputs.upload?.default).toBe('true');
    expect(action.inputs['sarif-file']?.default).toMatch(/\.sarif$/);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(input.required ?? false, name).toBe(false);
    }
    expect(action.outputs['sarif-file']?.value).toBe('${{ steps.scan.outputs.sarif-file }}');
    expect(action.outputs['exit-code']?.value).toBe('${{ steps.scan.outputs.exit-code }}');
  });

  it('runs the CLI from its own checkout, never through npx', () => {
    expect(runSteps.length).toBe(2);
    for (const s of runSteps) expect(s.shell, s.name).toBe('bash');
    expect(runSteps[0]?.run).toContain('npm ci');
    expect(runSteps[0]?.env?.PINLINT_ACTION_PATH).toBe('${{ github.action_path }}');
    expect(runSteps[1]?.id).toBe('scan');
    expect(runSteps[1]?.run).toContain('node "$PINLINT_ACTION_PATH/bin/pinlint.js"');
    // npx would resolve pinlint from the registry at scan time, not the pinned ref.
    for (const s of runSteps) expect(s.run, s.name).not.toMatch(/\bnpx\b/);
  });

  it('passes inputs through env only, so no expression is spliced into a script', () => {
    // Template injection: `${{ inputs.x }}` inside `run:` would be pasted into the script text.
    for (const s of runSteps) expect(s.run, s.name).not.toContain('${{');
  });

  it('uploads with upload-sarif@v4 even when the scan step failed', () => {
    expect(uploadStep).toBeDefined();
    expect(uploadStep?.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(uploadStep?.if).toContain('always()');
    expect(uploadStep?.if).toContain("inputs.upload == 'true'");
    // Findings (exit 1 under fail-on) are uploaded; a run that could not read the code (exit 2) or
    // never started (install failed: no outputs) is not, since it would close open alerts.
    expect(wouldUpload({}, { 'exit-code': '0' })).toBe(true);
    expect(wouldUpload({}, { 'exit-code': '1' })).toBe(true);
    expect(wouldUpload({}, { 'exit-code': '2' })).toBe(false);
    expect(wouldUpload({}, {})).toBe(false);
    expect(wouldUpload({ upload: 'false' }, { 'exit-code': '0' })).toBe(false);
    expect(uploadStep?.with?.sarif_file).toBe('${{ steps.scan.outputs.sarif-file }}');
    expect(uploadStep?.with?.category).toBe('${{ inputs.sarif-category }}');
    expect(steps.indexOf(uploadStep as Step)).toBe(steps.length - 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Running the shell steps.

const haveTools = hasCommand('bash') && hasCommand('git') && hasCommand('npm');
const why = haveTools ? '' : ' (skipped: bash, git or npm is not on PATH)';

/** Replaces the expressions a step's env uses; any other expression is a test to update. */
function substitute(text: string, actionPath: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (whole, expr: string) => {
    if (expr === 'github.action_path') return actionPath;
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    if (m?.[1] !== undefined && m[1] in action.inputs) return inputs[m[1]] ?? action.inputs[m[1]]?.default ?? '';
    throw new Error(`action.test.ts does not know how to evaluate ${whole}`);
  });
}

interface StepRun {
  status: number | null;
  output: string;
  githubOutput: Record<string, string>;
}

/** Runs one `run:` step like the runner: its env evaluated, GITHUB_OUTPUT a file, cwd the workspace. */
function runStep(step: Step, ctx: { actionPath: string; workspace: string; env: NodeJS.ProcessEnv; tmp: string }, inputs: Record<string, string> = {}): StepRun {
  const script = join(ctx.tmp, `step-${Math.random().toString(36).slice(2)}.sh`);
  const outFile = `${script}.output`;
  writeFileSync(script, step.run as string);
  writeFileSync(outFile, '');
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v, ctx.actionPath, inputs)]));
  const r = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: ctx.workspace,
    env: { ...ctx.env, ...stepEnv, GITHUB_OUTPUT: outFile, GITHUB_WORKSPACE: ctx.workspace, GITHUB_ACTION_PATH: ctx.actionPath },
  });
  const githubOutput = Object.fromEntries(readFileSync(outFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { status: r.status, output: r.output, githubOutput };
}

// SARIF 2.1.0 schema from the devDependency, compiled as test/sarif.test.ts does.
const require = createRequire(import.meta.url);
const addFormats = ajvFormats.default;
function sarifSchemaErrors(data: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, strictRequired: false, allErrors: true });
  addFormats(ajv);
  const v = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8')) as object);
  return v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

interface Sarif {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string }> } };
    automationDetails?: { id: string };
    columnKind?: string;
    results: Array<{
      ruleId: string;
      level: string;
      partialFingerprints?: Record<string, string>;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }>;
    }>;
  }>;
}

describe.skipIf(!haveTools)(`action.yml shell steps, run locally${why}`, () => {
  let tmp: string;
  let ctx: { actionPath: string; workspace: string; env: NodeJS.ProcessEnv; tmp: string };
  let install: StepRun;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'pinlint-action-'));
    const env = userEnv(join(tmp, 'home'));
    // The runner's copy of the action is a clean checkout of the pinned ref: no node_modules, no
    // dist/. The install step must turn it into a working CLI.
    const actionPath = snapshotCheckout(join(tmp, 'action'), env).dir;
    // The workspace: a small Go module with shims pinlint flags, in a git repository (the SARIF
    // paths are relative to its top level).
    const workspace = join(tmp, 'workspace');
    cpSync(join(REPO_ROOT, 'fixtures', '_example'), workspace, { recursive: true });
    expect(run('git', ['init', '-q'], { cwd: workspace, env }).status).toBe(0);
    ctx = { actionPath, workspace, env, tmp };
    install = runStep(runSteps[0] as Step, ctx);
  }, 900_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('installs pinlint in the action checkout with npm ci (runtime dependencies; dist/ is committed)', () => {
    expect(install.status, install.output).toBe(0);
    expect(existsSync(join(ctx.actionPath, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
    expect(install.output).toMatch(/^\d+\.\d+\.\d+/m); // pinlint --version
    expect(install.output).toMatch(/added \d+ packages/);
    // A second use of the action in the same job finds it installed.
    const again = runStep(runSteps[0] as Step, ctx);
    expect(again.status, again.output).toBe(0);
    expect(again.output).not.toMatch(/added \d+ packages/);
  });

  it('with the defaults, writes a schema-valid SARIF with results and exits 0 (--exit-zero)', () => {
    const scan = runStep(runSteps[1] as Step, ctx, { 'sarif-category': 'pinlint' });
    expect(scan.status, scan.output).toBe(0);
    expect(scan.githubOutput['exit-code']).toBe('0');
    expect(wouldUpload({}, scan.githubOutput)).toBe(true);
    const path = scan.githubOutput['sarif-file'] as string;
    expect(path).toBe(join(ctx.workspace, 'pinlint.sarif'));
    const sarif = JSON.parse(readFileSync(path, 'utf8')) as Sarif;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const runObj = sarif.runs[0] as Sarif['runs'][number];
    expect(runObj.tool.driver.name).toBe('pinlint');
    expect(runObj.automationDetails?.id).toMatch(/^pinlint\/?$/);
    expect(runObj.columnKind).toBe('utf16CodeUnits');
    expect(runObj.results.length).toBeGreaterThan(0);
    const ruleIds = new Set(runObj.tool.driver.rules.map((r) => r.id));
    for (const res of runObj.results) {
      expect(ruleIds.has(res.ruleId)).toBe(true);
      expect(res.locations).toHaveLength(1);
      const loc = res.locations[0]?.physicalLocation;
      // Relative to the repository root, so code scanning can link the file.
      expect(loc?.artifactLocation.uri).toMatch(/^shim\/[\w.]+\.go$/);
      expect(loc?.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(res.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/);
    }
  });

  it('with fail-on, fails the step on findings but still writes the SARIF for the upload', () => {
    const scan = runStep(runSteps[1] as Step, ctx, { 'fail-on': 'error', 'sarif-file': 'reports/pinlint.sarif', paths: 'shim\n' });
    expect(scan.status, scan.output).toBe(1);
    expect(scan.githubOutput['exit-code']).toBe('1');
    expect(wouldUpload({ 'fail-on': 'error' }, scan.githubOutput)).toBe(true);
    const path = scan.githubOutput['sarif-file'] as string;
    expect(path).toBe(join(ctx.workspace, 'reports', 'pinlint.sarif'));
    const sarif = JSON.parse(readFileSync(path, 'utf8')) as Sarif;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    expect(sarif.runs[0]?.automationDetails).toBeUndefined();
  });

  it('passes the args input and keeps exit code 2 for errors under --exit-zero', () => {
    const narrowed = runStep(runSteps[1] as Step, ctx, { args: '--rule hoisted-conversion', 'sarif-file': 'narrow.sarif' });
    expect(narrowed.status, narrowed.output).toBe(0);
    const sarif = JSON.parse(readFileSync(join(ctx.workspace, 'narrow.sarif'), 'utf8')) as Sarif;
    expect(new Set(sarif.runs[0]?.results.map((r) => r.ruleId))).toEqual(new Set(['PL001']));

    // A path that does not exist is an error, not a clean scan: `|| true` would have hidden it.
    const broken = runStep(runSteps[1] as Step, ctx, { paths: 'no/such/dir', 'sarif-file': 'broken.sarif' });
    expect(broken.status, broken.output).toBe(2);
    expect(broken.output).toContain('no/such/dir');
    expect(broken.githubOutput['exit-code']).toBe('2');
    expect(wouldUpload({}, broken.githubOutput)).toBe(false);
  });
});
