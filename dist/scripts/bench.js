// Benchmark over real Go code (not a timed unit test; issue 10). Per corpus, each measured run a
// fresh process (bench-run.js) so its wall time, CPU time and peak RSS are its own: pinlint
// without the cache, with a cold and a warm cache, and, on the same files, the plain read (the
// floor), parsing every file with tree-sitter on one thread (the naive design) and `go vet` on
// the same packages when Go is installed (fresh GOCACHE). Then the scaling at 1×, 2× and 4× the
// corpus (copies in a temporary directory) and the pre-commit case end to end (bench-precommit.js).
//
//   npm run bench                               # Debian's Go sources that are installed
//   npm run bench -- [--runs N] [--only NAME]... [--no-scale] [--no-vet] [--no-precommit]
//   npm run bench -- --quick DIR                # one run of everything on DIR (shape check)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseGo } from '../src/go/parse.js';
import { textForParser } from '../src/go/positions.js';
import { readGoFile } from '../src/engine/read.js';
import { CORPORA, goVet } from './bench-corpora.js';
const HERE = dirname(fileURLToPath(import.meta.url));
const RUN = join(HERE, 'bench-run.js');
const PRECOMMIT = join(HERE, 'bench-precommit.js');
function parseArgs(argv) {
    const o = { runs: 3, only: [], scale: true, vet: true, precommit: true };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--runs')
            o.runs = Number(argv[++i]);
        else if (a === '--only')
            o.only.push(argv[++i] ?? '');
        else if (a === '--no-scale')
            o.scale = false;
        else if (a === '--no-vet')
            o.vet = false;
        else if (a === '--no-precommit')
            o.precommit = false;
        else if (a === '--quick')
            o.quick = resolve(argv[++i] ?? '.');
        else
            throw new Error(`bench: unknown argument ${a}`);
    }
    if (!Number.isInteger(o.runs) || o.runs < 1)
        throw new Error('bench: --runs takes a positive integer');
    if (o.quick)
        Object.assign(o, { runs: 1, vet: false, precommit: false });
    return o;
}
export function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** One fresh process analyzing `paths`; throws with its stderr when it fails. */
function measure(paths, args, cwd, list) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [RUN, ...args, ...(list ? ['--list', list] : []), ...paths], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wall = (performance.now() - t0) / 1000;
    if (r.status !== 0)
        throw new Error(`bench-run failed (${r.status}): ${r.stderr}`);
    const last = r.stdout.trim().split('\n').pop() ?? '{}';
    return { wall, report: JSON.parse(last) };
}
/** `runs` measurements; the median wall and CPU, the largest peak RSS, the last report. */
function repeat(runs, one) {
    const all = Array.from({ length: runs }, (_x, i) => one(i));
    const last = all[all.length - 1].report;
    return {
        wall: median(all.map((m) => m.wall)),
        cpu: median(all.map((m) => m.report.user + m.report.system)),
        rss: Math.max(...all.map((m) => m.report.maxRss)),
        report: last,
    };
}
/** Wall and CPU seconds of `work` in this (single-threaded) process: on a shared machine the CPU
 * time is the figure that compares. */
function timed(work) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    const c = process.cpuUsage(c0);
    return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}
/** The plain read of every file found (the floor), median of `runs`. */
function readFloor(files, runs) {
    const all = Array.from({ length: runs }, () => timed(() => { for (const f of files)
        readGoFile(f); }));
    return { wall: median(all.map((t) => t.wall)), cpu: median(all.map((t) => t.cpu)) };
}
/** Parsing every file found with tree-sitter on one thread: the naive design (one run). */
function naiveParse(files) {
    return timed(() => {
        for (const f of files) {
            const r = readGoFile(f);
            if (r.ok)
                parseGo(textForParser(r.text));
        }
    });
}
function benchCorpus(c, o, tmp) {
    mkdirSync(tmp, { recursive: true });
    const list = join(tmp, 'files.txt');
    const plain = repeat(o.runs, (i) => measure(c.paths, [], c.cwd, i === 0 ? list : undefined));
    const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
    const cold = repeat(o.runs, (i) => measure(c.paths, ['--cache-dir', join(tmp, `cold-${i}`)], c.cwd));
    const warmDir = join(tmp, 'warm');
    measure(c.paths, ['--cache-dir', warmDir], c.cwd);
    const warm = repeat(o.runs, () => measure(c.paths, ['--cache-dir', warmDir], c.cwd));
    const floor = readFloor(files, o.runs);
    const naive = naiveParse(files);
    const vet = o.vet ? goVet(c, tmp) : 'not run';
    return { corpus: c, plain, cold, warm, floor, naive, vet };
}
const mb = (b) => (b / 1e6).toFixed(1);
const s = (x) => x.toFixed(2);
function printHeader() {
    process.stdout.write('\n| corpus | files | MB | MB parsed | wall s (no cache) | MB/s | CPU s | peak RSS MB | read floor s (CPU) | naive parse s (CPU, 1 thread) | cold cache s (CPU) | warm cache s (CPU) | go vet s | findings |\n');
    process.stdout.write('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n');
}
/** One corpus's row, printed as soon as it is measured (a long run that is cut short keeps the
 * rows it finished). */
function printRow(r) {
    {
        const p = r.plain.report;
        process.stdout.write(`| ${r.corpus.name} | ${p.scanned} | ${mb(p.bytesFound)} | ${mb(p.bytesParsed)} | ${s(r.plain.wall)} | ${(p.bytesFound / 1e6 / r.plain.wall).toFixed(1)} | ${s(r.plain.cpu)} | ${(r.plain.rss / 1e6).toFixed(0)} | ${s(r.floor.wall)} (${s(r.floor.cpu)}) | ${s(r.naive.wall)} (${s(r.naive.cpu)}) | ${s(r.cold.wall)} (${s(r.cold.cpu)}) | ${s(r.warm.wall)} (${s(r.warm.cpu)}; ${r.warm.report.cacheHits} hits) | ${r.vet} | ${p.findings} |\n`);
    }
}
/** Runs the corpus as 1, 2 and 4 copies side by side; each copy after the first gets its go.mod
 * module paths suffixed so that the copies are distinct packages, not one package 4× the size. */
function scaling(c, o, tmp) {
    const copies = [];
    for (let j = 0; j < 4; j++) {
        const dest = join(tmp, `scale-${j}`, basename(c.dir));
        cpSync(c.dir, dest, { recursive: true, filter: (src) => !/\/(\.git|testdata)(\/|$)/.test(src) });
        if (j > 0)
            suffixModules(dest, `.copy${j}`);
        copies.push(dest);
    }
    const t = [1, 2, 4].map((k) => repeat(o.runs, () => measure(copies.slice(0, k), ['--no-cache'], tmp)));
    const [one, two, four] = t;
    return `| ${c.name} | ${s(one.wall)} | ${s(two.wall)} | ${s(four.wall)} | ${(four.wall / one.wall).toFixed(2)} | ${s(one.cpu)} / ${s(two.cpu)} / ${s(four.cpu)} | ${(one.rss / 1e6).toFixed(0)} / ${(two.rss / 1e6).toFixed(0)} / ${(four.rss / 1e6).toFixed(0)} |\n`;
}
function suffixModules(dir, suffix) {
    const found = spawnSync('find', [dir, '-name', 'go.mod', '-type', 'f'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    for (const f of found)
        writeFileSync(f, readFileSync(f, 'utf8').replace(/^module\s+(\S+)/m, (_m, p) => `module ${p}${suffix}`));
}
function precommit(o) {
    const r = spawnSync(process.execPath, [PRECOMMIT, '--json', '--runs', String(Math.max(o.runs, 5))], { encoding: 'utf8' });
    if (r.status !== 0)
        return `pre-commit case not measured: ${r.stderr.trim()}\n`;
    const j = JSON.parse(r.stdout);
    const rows = Object.entries(j.subprocess).map(([k, v]) => `| ${k} | ${v.medianMs.toFixed(0)} | ${v.minMs.toFixed(0)} |`).join('\n');
    return `\nPre-commit case, end to end (process start to exit): \`${j.command}\`\n\n| cache | median ms | min ms |\n| --- | --- | --- |\n${rows}\n`;
}
function main() {
    const o = parseArgs(process.argv.slice(2));
    const corpora = o.quick ? [{ name: basename(o.quick), dir: o.quick, cwd: o.quick, paths: [o.quick] }] : CORPORA.filter((c) => !o.only.length || o.only.includes(c.name));
    const present = corpora.filter((c) => {
        if (existsSync(c.dir))
            return true;
        process.stdout.write(`bench: ${c.name} (${c.dir}) not installed, skipped\n`);
        return false;
    });
    const load = loadavg().map((x) => x.toFixed(1)).join(' ');
    process.stdout.write(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}, load average ${load}, ${o.runs} run(s) per median\n`);
    const tmp = mkdtempSync(join(tmpdir(), 'pinlint-bench-'));
    try {
        printHeader();
        present.forEach((c, i) => printRow(benchCorpus(c, o, join(tmp, `c${i}`))));
        if (o.scale) {
            process.stdout.write('\nScaling (no cache; copies side by side):\n\n| corpus | 1× s | 2× s | 4× s | 4× / 1× | CPU s 1× / 2× / 4× | peak RSS MB 1× / 2× / 4× |\n| --- | --- | --- | --- | --- | --- | --- |\n');
            present.forEach((c, i) => {
                process.stdout.write(scaling(c, o, join(tmp, `s${i}`)));
                rmSync(join(tmp, `s${i}`), { recursive: true, force: true });
            });
        }
        if (o.precommit)
            process.stdout.write(precommit(o));
        process.stdout.write(`\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
    }
    finally {
        rmSync(tmp, { recursive: true, force: true });
    }
    return 0;
}
process.exitCode = main();
