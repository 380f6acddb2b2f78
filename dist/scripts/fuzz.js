// Mutation fuzzing of the whole pipeline (issue 12), seeded with the fixtures and, when installed,
// Debian's Go sources. Deterministic for a seed.
//
//   npm run fuzz                                  # 2,000 cases, seed 1
//   npm run fuzz -- --cases 100000 --seed 7 [--gocode 400] [--every 200]
//
// Properties, per case: no exception escapes (exit 2 only with a notification, never a stack
// trace), the per-file time and memory bounds hold, the SARIF is valid against the schemas
// available (the sarif-multitool devDependency's, and ../shared/data's when present). On the
// seeds: CRLF, a BOM, prepended lines and a renamed file give the same findings, shifted as
// expected. Every `--every` cases: the same SARIF with 0, 1 and 2 workers and under two locales
// (subprocesses of the built command). Exits 1 on the first failing property, printing the case.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { main } from '../src/cli/main.js';
import { DEFAULT_LIMITS } from '../src/model/limits.js';
import { makeCase, prng, variants } from './fuzz-mutate.js';
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'pinlint.js');
const GOCODE = '/usr/share/gocode/src';
/** A file may take three time limits (a full parse, the parse by declaration, the analysis),
 * plus reading and reporting. */
const CASE_MS = 3 * DEFAULT_LIMITS.fileTimeMs + 5000;
const RSS_BYTES = 3 * 1024 ** 3;
function validators() {
    const require = createRequire(import.meta.url);
    const out = [];
    const load = (name, file, draft04) => {
        const Ajv = draft04 ? require('ajv-draft-04').default : require('ajv/dist/2020.js').Ajv2020;
        const ajv = new Ajv({ strict: false, strictRequired: false, allErrors: false, validateSchema: !name.includes('codeql'), ...(draft04 ? { unicodeRegExp: false } : {}) });
        require('ajv-formats').default(ajv);
        out.push([name, ajv.compile(JSON.parse(readFileSync(file, 'utf8')))]);
    };
    load('sarif-multitool', require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), false);
    const shared = resolve(ROOT, '..', 'shared', 'data');
    if (existsSync(join(shared, 'sarif-schema-2.1.0.json')))
        load('OASIS', join(shared, 'sarif-schema-2.1.0.json'), true);
    if (existsSync(join(shared, 'sarif-schema-2.1.0.codeql-action.json')))
        load('codeql-action', join(shared, 'sarif-schema-2.1.0.codeql-action.json'), false);
    return out;
}
function goFiles(dir, limit, out = []) {
    let names;
    try {
        names = readdirSync(dir).sort();
    }
    catch {
        return out;
    }
    for (const n of names) {
        if (out.length >= limit)
            break;
        const p = join(dir, n);
        let st;
        try {
            st = statSync(p);
        }
        catch {
            continue;
        }
        if (st.isDirectory())
            goFiles(p, limit, out);
        else if (n.endsWith('.go') && st.size < 200_000)
            out.push(p);
    }
    return out;
}
async function runInProcess(dir) {
    let out = '';
    let err = '';
    const code = await main(['--format', 'sarif', '.'], { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd: dir, isTTY: false, env: {} });
    return { code, out, err };
}
function lines(s, shift) {
    return s.runs[0]?.results.map((r) => `${r.ruleId}:${(r.locations[0]?.physicalLocation.region?.startLine ?? 0) - shift}`).sort() ?? [];
}
class Failure extends Error {
}
async function checkCase(c, dir, valid, file = 'a.go') {
    for (const n of readdirSync(dir))
        if (n.endsWith('.go'))
            rmSync(join(dir, n));
    writeFileSync(join(dir, file), c.text);
    const t = performance.now();
    let run;
    try {
        run = await runInProcess(dir);
    }
    catch (e) {
        throw new Failure(`exception escaped: ${e instanceof Error ? e.stack : String(e)}`);
    }
    const ms = performance.now() - t;
    if (ms > CASE_MS)
        throw new Failure(`took ${ms.toFixed(0)} ms, over the ${CASE_MS} ms bound`);
    if (process.memoryUsage().rss > RSS_BYTES)
        throw new Failure(`resident memory ${process.memoryUsage().rss} over ${RSS_BYTES}`);
    if (/\n\s+at .*:\d+:\d+\)?\n/.test(run.err))
        throw new Failure(`stack trace on stderr:\n${run.err}`);
    if (![0, 1, 2].includes(run.code))
        throw new Failure(`exit code ${run.code}`);
    const sarif = JSON.parse(run.out);
    for (const [name, v] of valid)
        if (!v(sarif))
            throw new Failure(`SARIF invalid against ${name}`);
    return sarif;
}
function viaCommand(dir, env) {
    const r = spawnSync(process.execPath, [BIN, '--format', 'sarif', '.'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 256 * 1024 * 1024 });
    return `${r.status}\n${r.stdout}`;
}
function checkParity(dir) {
    const base = viaCommand(dir, { PINLINT_WORKERS: '0', LC_ALL: 'C' });
    const envs = [{ PINLINT_WORKERS: '1', LC_ALL: 'C' }, { PINLINT_WORKERS: '2', LC_ALL: 'C' }, { PINLINT_WORKERS: '0', LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8' }];
    for (const env of envs) {
        const got = viaCommand(dir, env);
        if (got !== base) {
            // Both outputs are kept: a difference that does not reproduce needs them to be understood.
            writeFileSync(join(tmpdir(), 'pinlint-fuzz-parity-base.txt'), base);
            writeFileSync(join(tmpdir(), 'pinlint-fuzz-parity-other.txt'), got);
            throw new Failure(`output differs with ${JSON.stringify(env)} (both outputs kept in ${tmpdir()}/pinlint-fuzz-parity-*.txt)`);
        }
    }
}
async function run(argv) {
    const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : dflt; };
    const cases = opt('--cases', 2000);
    const seed = opt('--seed', 1);
    const every = opt('--every', 250);
    const seedFiles = [...goFiles(join(ROOT, 'fixtures'), 10_000), ...(existsSync(GOCODE) ? goFiles(GOCODE, opt('--gocode', 300)) : [])];
    const seeds = seedFiles.map((f) => readFileSync(f, 'utf8'));
    const valid = validators();
    const dir = mkdtempSync(join(tmpdir(), 'pinlint-fuzz-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/fuzz\n\ngo 1.21\n');
    execFileSync('git', ['init', '-q', dir]);
    const r = prng(seed);
    const started = performance.now();
    let slowest = 0;
    const counts = { cases: 0, metamorphic: 0, parity: 0, exit: [0, 0, 0] };
    process.stderr.write(`fuzz: seed ${seed}, ${cases} cases, ${seeds.length} seed files, schemas: ${valid.map((v) => v[0]).join(', ')}\n`);
    let current;
    try {
        for (let i = 0; i < cases; i++) {
            current = i % 10 === 0 ? { name: 'metamorphic', text: seeds[Math.floor(r() * seeds.length)] } : makeCase(r, seeds);
            const t = performance.now();
            const base = await checkCase(current, dir, valid);
            slowest = Math.max(slowest, performance.now() - t);
            counts.cases++;
            if (current.name === 'metamorphic') {
                for (const v of variants(current.text)) {
                    const got = await checkCase({ name: v.name, text: v.text }, dir, valid, v.file);
                    if (lines(got, v.lineShift).join() !== lines(base, 0).join())
                        throw new Failure(`${v.name} changed the findings: ${lines(base, 0).join()} → ${lines(got, v.lineShift).join()}`);
                }
                counts.metamorphic++;
            }
            if (every > 0 && i % every === every - 1) {
                writeFileSync(join(dir, 'a.go'), current.text);
                checkParity(dir);
                counts.parity++;
            }
            if (i % 500 === 499)
                process.stderr.write(`fuzz: ${i + 1} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        }
    }
    catch (e) {
        if (!(e instanceof Failure))
            throw e;
        const keep = join(tmpdir(), `pinlint-fuzz-failure-${seed}.go`);
        writeFileSync(keep, current?.text ?? '');
        process.stderr.write(`fuzz: FAILED at case ${counts.cases} (${current?.name}): ${e.message}\nfuzz: the input is in ${keep}\n`);
        return 1;
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
    const s = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`fuzz: ${counts.cases} cases passed (seed ${seed}; ${counts.metamorphic} metamorphic seeds x 4 variants; ${counts.parity} worker/locale parity checks) in ${s} s; slowest case ${slowest.toFixed(0)} ms\n`);
    return 0;
}
run(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`fuzz: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 2; });
