// The HTML audit report as its reader uses it (issue 11): opened from file:// in a real browser
// (Debian's chromium driven by playwright-core), no network. The summary comes first; the module
// table is ranked by risk with clean modules collapsed and a sticky header; every count links to
// an element of the page that lists what it counts; findings show their code once, link to their
// rule's documentation and say what to do; the wrappers are split by whether a caller in the tree
// passes them a pointer. Screenshots are kept under test-output/ (git-ignored: a test artifact,
// rewritten by every run) for a human to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { auditTree, type AuditRun } from '../src/cli/audit.js';
import { renderAudit } from '../src/audit/render.js';
import { docHtml } from '../src/audit/html-assets.js';
import { rules } from '../rules/index.js';
import { writeSyntheticTree } from './audit/synthetic.js';
import { addRichFiles } from './audit/rich.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(import.meta.dirname, '..', 'test-output');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`audit-html: skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

describe('HTML audit report', () => {
  let html = '';
  let file = '';
  let tree = '';
  let run: AuditRun;
  beforeAll(async () => {
    tree = writeSyntheticTree();
    addRichFiles(tree);
    run = await auditTree(tree);
    html = renderAudit('html', run.data, { readSource: run.readSource });
    mkdirSync(OUT, { recursive: true });
    file = join(OUT, 'audit-report.html');
    writeFileSync(file, html);
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('is one self-contained file: inline CSS and JS, a CSP without network, escaped source', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|<script[^>]+src=|<img\b|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
    // Go source in excerpts is escaped: `&buf[0]` from the hoisted conversion.
    expect(html).toContain('unsafe.Pointer(&amp;buf[0])');
    expect(html).not.toContain('unsafe.Pointer(&buf[0])');
    // Deterministic.
    expect(renderAudit('html', run.data, { readSource: run.readSource })).toBe(html);
  });

  it("renders every rule's documentation: paragraphs and code, no stray Markdown", () => {
    for (const r of rules) {
      for (const text of [r.meta.docs.what, r.meta.docs.fix]) {
        const out = docHtml(text);
        expect(out.startsWith('<p>'), r.meta.name).toBe(true);
        expect(out.replace(/<code>[^<]*<\/code>/g, ''), r.meta.name).not.toContain('`');
      }
    }
    expect(docHtml('Use `a<b>` here.\n\nThen *more*.')).toBe('<p>Use <code>a&lt;b&gt;</code> here.</p>\n<p>Then *more*.</p>');
  });

  describe.skipIf(!hasChromium)('in headless Chromium', () => {
    let context: BrowserContext;
    let page: Page;
    const requests: string[] = [];
    const errors: string[] = [];
    let profile = '';
    beforeAll(async () => {
      profile = mkdtempSync(join(tmpdir(), 'pinlint-chromium-'));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 900 },
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(pathToFileURL(file).href);
    }, 60_000);
    afterAll(async () => {
      await context?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    const visibleModules = (): Promise<string[]> =>
      page.$$eval('#modules tbody tr[data-module]', (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.getAttribute('data-module') ?? ''));
    const column = async (col: string, rows = '#modules tbody.rows tr'): Promise<string[]> => {
      const index = await page.$$eval('#modules thead th', (ths, c) => ths.findIndex((th) => th.getAttribute('data-col') === c), col);
      expect(index, col).toBeGreaterThanOrEqual(0);
      return page.$$eval(rows, (trs, i) => trs.map((r) => (r as HTMLTableRowElement).cells[i]?.textContent ?? ''), index);
    };

    it('loads from file:// with no other request and no script error', () => {
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('opens with the summary: findings by rule and level, modules with findings, wrappers called with pointers', async () => {
      const first = await page.$eval('body', (b) => [...b.children].slice(0, 3).map((e) => e.tagName + (e.id ? `#${e.id}` : '')));
      expect(first).toEqual(['H1', 'P', 'SECTION#summary']);
      const cards = await page.locator('#summary .card').allTextContents();
      expect(cards[0]).toMatch(/^4findings4 errors · 0 warnings · 0 notes · 1 suppressed$/);
      expect(cards[1]).toContain('2of 5 modules with findings');
      expect(cards[2]).toMatch(/^1wrappers called with pointersof 3 unprotected wrappers \(2 exported\)$/);
      expect(cards[3]).toContain('2findings in generated files');
      const byRule = await page.$$eval('#by-rule tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
      expect(byRule).toEqual([['PL001 hoisted-conversion', '3', '0', '0', '3'], ['PL004 wrapper-conversion', '1', '0', '0', '1']]);
    });

    it('ranks the modules by risk and collapses the clean ones behind a button', async () => {
      expect(await visibleModules()).toEqual(['example.com/caller', 'example.com/shim']);
      expect(await column('#', '#modules tbody#active-rows tr')).toEqual(['1', '2']);
      expect(await column('Findings', '#modules tbody#active-rows tr')).toEqual(['3', '1']);
      expect(await column('Generated', '#modules tbody#active-rows tr')).toEqual(['2', '0']);
      expect(await column('Ptr-fed', '#modules tbody#active-rows tr')).toEqual(['0', '1']);
      const toggle = page.locator('#clean-toggle');
      expect(await toggle.textContent()).toBe('Show 3 clean modules (no findings, no unprotected wrappers)');
      await toggle.click();
      expect(await visibleModules()).toEqual(['example.com/caller', 'example.com/shim', 'example.com/clean', 'example.com/local', 'github.com/stray/pkg']);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await toggle.click();
      expect(await visibleModules()).toEqual(['example.com/caller', 'example.com/shim']);
    });

    it('names the rules in the headers, shows only rules with findings, and totals every column', async () => {
      expect(await page.textContent('#modules th[data-col="PL001"]')).toBe('PL001hoisted-conversion');
      expect(await page.textContent('#modules th[data-col="PL004"]')).toBe('PL004wrapper-conversion');
      expect(await page.locator('#modules th[data-col="PL003"]').count()).toBe(0);
      expect(await page.textContent('#modules tfoot')).toContain('Total (5 modules)');
    });

    it('links every count to its findings, and every link on the page to an element', async () => {
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(20);
      for (const h of hrefs) {
        expect(h.startsWith('#'), h).toBe(true);
        expect(await page.locator(`[id="${h.slice(1)}"]`).count(), h).toBe(1);
      }
      // Each non-zero finding or wrapper count is a link; the context numbers are not.
      const cells = await page.$$eval('#modules tbody tr[data-module] td.num', (tds) => tds.map((td) => ({
        col: (td.closest('table') as HTMLTableElement).tHead?.rows[0]?.cells[(td as HTMLTableCellElement).cellIndex]?.getAttribute('data-col') ?? '',
        module: td.parentElement?.getAttribute('data-module') ?? '', n: Number(td.textContent), href: td.querySelector('a')?.getAttribute('href') ?? null,
      })));
      for (const c of cells) {
        const linked = c.n > 0 && !['#', 'Files', 'Sink calls', 'Inline'].includes(c.col);
        expect(c.href !== null, `${c.module} ${c.col}`).toBe(linked);
      }
      // A rule count lands on that module's findings of that rule, as many as it says.
      const pl001 = cells.find((c) => c.module === 'example.com/caller' && c.col === 'PL001');
      const group = page.locator(pl001?.href as string);
      expect(await group.getAttribute('data-rule')).toBe('PL001');
      expect(await group.evaluate((e) => e.closest('section')?.getAttribute('data-module'))).toBe('example.com/caller');
      expect(await group.locator('article.finding').count()).toBe(pl001?.n);
      // The pointer-fed wrapper count lands on the wrapper's row group.
      const fed = cells.find((c) => c.module === 'example.com/shim' && c.col === 'Ptr-fed');
      expect(await page.locator(fed?.href as string).textContent()).toContain('example.com/shim');
    });

    it('keeps the header row on screen while the table scrolls', async () => {
      await page.evaluate(() => window.scrollTo(0, (document.querySelector('#modules tfoot') as HTMLElement).getBoundingClientRect().top + window.scrollY - 40));
      const top = await page.$eval('#modules thead th', (th) => th.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(1);
      await page.evaluate(() => window.scrollTo(0, 0));
    });

    it('shows each finding with its code once, a link to its rule and what to do', async () => {
      const finding = page.locator('article.finding[data-rule="PL001"]', { hasText: 'ioctl_linux.go:41:64' });
      expect(await finding.count()).toBe(1);
      // One excerpt for the call and the conversion a line above, both marked.
      const lines = await finding.locator('pre.code .ln').allTextContents();
      expect(lines.map((s) => s.trim())).toEqual(['39', '40', '41', '42', '43']);
      expect(await finding.locator('pre.code mark:not(.rel)').allTextContents()).toEqual(['p']);
      expect(await finding.locator('pre.code mark.rel').allTextContents()).toEqual(['p', 'uintptr(unsafe.Pointer(&buf[0]))']);
      expect(await finding.locator('pre.code sup.label').allTextContents()).toEqual(['2', '1']);
      expect(await finding.locator('ul.related li').allTextContents()).toEqual([
        '1 buf converted to uintptr here at vendor/example.com/shim/ioctl/ioctl_linux.go:40:7',
        '2 stored in p here at vendor/example.com/shim/ioctl/ioctl_linux.go:40:2',
      ]);
      const fix = (await finding.locator('p.fix').textContent()) ?? '';
      expect(fix).toContain('pinlint --fix');
      expect(await finding.locator('p.fix a').getAttribute('href')).toBe('#rule-PL001');
      expect(await page.locator('#rule-PL001').textContent()).toContain('How to fix');

      // Two findings on one line of a generated file: the second links to the first's excerpt.
      const gen = page.locator('article.finding', { hasText: 'zsys_linux.go:13' });
      expect(await gen.count()).toBe(2);
      expect(await gen.first().locator('.badge.gen').textContent()).toBe('generated');
      const shown = await gen.evaluateAll((as) => as.map((a) => [...a.querySelectorAll('pre.code .ln')].filter((l) => l.textContent?.trim() === '13').length));
      expect(shown).toEqual([1, 0]);
      const firstId = await gen.first().getAttribute('id');
      expect(await gen.nth(1).locator('p.same a').getAttribute('href')).toBe(`#${firstId}`);
    });

    it('splits the wrappers by whether a caller in the tree passes a pointer (descriptors and flags are integers)', async () => {
      const fed = await page.locator('#wrappers-ptr tbody tr:not(.group)').allTextContents();
      expect(fed).toHaveLength(1);
      expect(fed[0]).toContain('example.com/shim/ioctl.Ioctl');
      expect(fed[0]).toContain('uintptr(unsafe.Pointer(&ws)) at vendor/example.com/caller/term/term.go:18');
      expect(fed[0]).not.toContain('uintptr(on)');
      const ints = await page.$$eval('#wrappers-int tbody tr:not(.group) td:first-child', (tds) => tds.map((t) => t.textContent));
      expect(ints).toEqual(['example.com/caller/term.Fcntl', 'example.com/shim/ioctl.ioctlRaw']);
      // A link into the collapsed list opens it.
      expect(await page.$eval('#wrappers-int-details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      await page.click('#modules tr[data-module="example.com/caller"] td[data-value="1"] a[href$="-wrappers-int"]');
      expect(await page.$eval('#wrappers-int-details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
    });

    it('sorts a column when its header is clicked, within the rows shown and the collapsed ones', async () => {
      await page.click('#modules thead th[data-col="Files"]');
      expect(await column('Files', '#modules tbody#clean-rows tr')).toEqual(['12', '1', '1']);
      expect(await page.getAttribute('#modules thead th[data-col="Files"]', 'aria-sort')).toBe('descending');
      await page.click('#modules thead th[data-col="Module"]');
      expect(await column('Module', '#modules tbody#active-rows tr')).toEqual(['example.com/caller', 'example.com/shim']);
      await page.click('#modules thead th[data-col="#"]');
      expect(await column('#', '#modules tbody#active-rows tr')).toEqual(['1', '2']);
    });

    it('saves screenshots to test-output/ (the first screen and the whole page)', async () => {
      await page.goto(pathToFileURL(file).href);
      const first = join(OUT, 'audit-report.png');
      const full = join(OUT, 'audit-report-full.png');
      await page.screenshot({ path: first });
      await page.screenshot({ path: full, fullPage: true });
      for (const png of [first, full]) expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      console.log(`audit-html: screenshots at ${first} and ${full}`);
    });
  });
});
