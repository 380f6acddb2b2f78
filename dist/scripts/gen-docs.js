// Writes docs/rules/<name>.md for every registered rule plus docs/rules/README.md, all rendered
// from rule metadata by src/docs/render.ts (DESIGN.md §5: the docs are generated and committed).
//
//   npm run docs             rewrite the pages
//   npm run docs -- --check  exit 1 and list the files that are stale, missing or orphaned
//
// Runs compiled (dist/scripts/gen-docs.js) or from source; the repository root is found by walking
// up to pinlint's package.json, so the script does not depend on the working directory.
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';
import { GENERATED_MARK, RULE_DOCS_DIR, renderRuleDocs } from '../src/docs/render.js';
function findRepoRoot(start) {
    for (let dir = start;; dir = dirname(dir)) {
        const pkg = join(dir, 'package.json');
        if (existsSync(pkg)) {
            const name = JSON.parse(readFileSync(pkg, 'utf8')).name;
            if (name === 'pinlint')
                return dir;
        }
        if (dirname(dir) === dir)
            throw new Error(`gen-docs: no pinlint package.json above ${start}`);
    }
}
function plan(root) {
    const files = renderRuleDocs(rules.map((r) => r.meta));
    const stale = [];
    for (const [rel, content] of files) {
        const abs = join(root, rel);
        if (!existsSync(abs) || readFileSync(abs, 'utf8') !== content)
            stale.push(rel);
    }
    const orphans = [];
    const dir = join(root, RULE_DOCS_DIR);
    if (existsSync(dir)) {
        for (const f of readdirSync(dir).sort()) {
            const rel = `${RULE_DOCS_DIR}/${f}`;
            if (!f.endsWith('.md') || files.has(rel))
                continue;
            // Only files carrying our banner are ours to delete; hand-written pages are left alone.
            if (readFileSync(join(dir, f), 'utf8').includes(GENERATED_MARK))
                orphans.push(rel);
        }
    }
    return { stale, orphans, files };
}
function main(argv) {
    const check = argv.includes('--check');
    const unknown = argv.filter((a) => a !== '--check');
    if (unknown.length > 0) {
        process.stderr.write(`gen-docs: unknown argument ${unknown.join(' ')}; the only option is --check\n`);
        return 2;
    }
    const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
    const p = plan(root);
    if (check) {
        if (p.stale.length === 0 && p.orphans.length === 0)
            return 0;
        for (const f of p.stale)
            process.stderr.write(`${existsSync(join(root, f)) ? 'stale' : 'missing'}: ${f}\n`);
        for (const f of p.orphans)
            process.stderr.write(`orphaned: ${f}\n`);
        process.stderr.write('gen-docs: rule docs are out of date; run `npm run docs` and commit the result\n');
        return 1;
    }
    mkdirSync(join(root, RULE_DOCS_DIR), { recursive: true });
    for (const rel of p.stale) {
        writeFileSync(join(root, rel), p.files.get(rel) ?? '');
        process.stdout.write(`wrote ${rel}\n`);
    }
    for (const rel of p.orphans) {
        unlinkSync(join(root, rel));
        process.stdout.write(`removed ${rel}\n`);
    }
    return 0;
}
process.exitCode = main(process.argv.slice(2));
