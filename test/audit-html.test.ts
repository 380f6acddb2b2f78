// The HTML audit report as its reader uses it: opened from file:// in a real browser (Debian's
// chromium driven by playwright-core), no network, rows present, a click sorts a numeric column
// numerically, and a screenshot is kept under test-output/ for a human to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { auditTree } from '../src/cli/audit.js';
import { renderAudit } from '../src/audit/render.js';
import { writeSyntheticTree } from './audit/synthetic.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(import.meta.dirname, '..', 'test-output');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`audit-html: skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

describe('HTML audit report', () => {
  let html = '';
  let file = '';
  let tree = '';
  beforeAll(async () => {
    tree = writeSyntheticTree();
    const run = await auditTree(tree);
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
    expect(readFileSync(file, 'utf8')).toBe(html);
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

    const modulesInOrder = (): Promise<string[]> =>
      page.$$eval('#modules tbody tr', (rows) => rows.map((r) => r.getAttribute('data-module') ?? ''));
    const column = async (title: string): Promise<string[]> => {
      const index = await page.$$eval('#modules thead th', (ths, t) => ths.findIndex((th) => th.textContent === t), title);
      return page.$$eval('#modules tbody tr', (rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]?.textContent ?? ''), index);
    };

    it('loads from file:// with no other request and no script error', () => {
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('shows one row per module, in module order, with the numbers', async () => {
      expect(await modulesInOrder()).toEqual(['example.com/clean', 'example.com/local', 'example.com/shim', 'github.com/stray/pkg']);
      expect(await column('Files')).toEqual(['12', '1', '2', '1']);
      expect(await column('Sink calls')).toEqual(['0', '1', '5', '1']);
      expect(await column('PL001')).toEqual(['0', '0', '1', '0']);
      expect(await page.textContent('#modules tfoot')).toContain('Total (4 modules)');
    });

    it('sorts a numeric column numerically when its header is clicked, largest first, and reverses on a second click', async () => {
      await page.click('#modules thead th:has-text("Files")');
      // Numerically 12 > 2 > 1 = 1 (a textual sort would put "2" before "12"); ties keep module order.
      expect(await column('Files')).toEqual(['12', '2', '1', '1']);
      expect(await modulesInOrder()).toEqual(['example.com/clean', 'example.com/shim', 'example.com/local', 'github.com/stray/pkg']);
      expect(await page.getAttribute('#modules thead th:has-text("Files")', 'aria-sort')).toBe('descending');

      await page.click('#modules thead th:has-text("Files")');
      expect(await column('Files')).toEqual(['1', '1', '2', '12']);
      expect(await page.getAttribute('#modules thead th:has-text("Files")', 'aria-sort')).toBe('ascending');

      await page.click('#modules thead th:has-text("Sink calls")');
      expect(await modulesInOrder()).toEqual(['example.com/shim', 'example.com/local', 'github.com/stray/pkg', 'example.com/clean']);
      expect(await page.getAttribute('#modules thead th:has-text("Files")', 'aria-sort')).toBeNull();
    });

    it('sorts the module column alphabetically', async () => {
      await page.click('#modules thead th:has-text("Module")');
      expect(await modulesInOrder()).toEqual(['example.com/clean', 'example.com/local', 'example.com/shim', 'github.com/stray/pkg']);
      await page.click('#modules thead th:has-text("Module")');
      expect(await modulesInOrder()).toEqual(['github.com/stray/pkg', 'example.com/shim', 'example.com/local', 'example.com/clean']);
    });

    it('lists each finding with its code excerpt and related locations', async () => {
      const finding = page.locator('section[data-module="example.com/shim"] article.finding');
      expect(await finding.count()).toBe(1);
      const text = (await finding.textContent()) ?? '';
      expect(text).toContain('PL001');
      expect(text).toContain('vendor/example.com/shim/ioctl/ioctl_linux.go:41:64');
      // Two lines of context either side of line 41, the argument marked.
      const lines = await finding.locator('pre.code').first().locator('.ln').allTextContents();
      expect(lines.map((s) => s.trim())).toEqual(['39', '40', '41', '42', '43']);
      expect(await finding.locator('pre.code').first().locator('mark').textContent()).toBe('p');
      const related = await finding.locator('ul.related > li').allTextContents();
      expect(related).toHaveLength(2);
      expect(related[0]).toContain('buf converted to uintptr here at vendor/example.com/shim/ioctl/ioctl_linux.go:40:7');
      expect(related[0]).toContain('p := uintptr(unsafe.Pointer(&buf[0]))');
      // The module link in the table jumps to the section.
      expect(await page.getAttribute('#modules tr[data-module="example.com/shim"] a', 'href')).toBe(
        `#${await page.getAttribute('section[data-module="example.com/shim"]', 'id')}`,
      );
    });

    it('saves a screenshot to test-output/audit-report.png', async () => {
      await page.click('#modules thead th:has-text("PL001")');
      const png = join(OUT, 'audit-report.png');
      await page.screenshot({ path: png, fullPage: true });
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      console.log(`audit-html: screenshot at ${png}`);
    });
  });
});
