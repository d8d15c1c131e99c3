/**
 * The reports in a real browser (Debian's chromium, driven by
 * puppeteer-core): each page loads with every request other than its own
 * file refused and counted (none may be made), logs no console error, shows
 * every chart with its marks, fits the window, and prints on several A4
 * pages. A full-page screenshot of each report goes to test-output/report/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runSipro, scratchFolder } from '../cli/helpers.js';
import { projectFolder, SENSITIVITY, SIMULATE, sweepFolder } from './support.js';

const CHROMIUM = process.env['SIPRO_CHROMIUM'] ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO, 'test-output', 'report');

/** Vega's SVG: a mark of type T is a `g.mark-T` holding one element per item. */
type Mark = 'line' | 'area' | 'rect' | 'symbol' | 'rule' | 'text';

interface Expected {
  /**
   * Chart id → the data marks drawn (axes and legends aside) and how many
   * items (paths, lines, texts) of each: an exact count, or [least, most].
   */
  charts: Record<string, Partial<Record<Mark, number | [number, number]>>>;
}

const EXPECTED: Record<'project' | 'simulate' | 'sweep' | 'sensitivity', Expected> = {
  project: {
    charts: {
      // the line; reference lines at 0 and 1; the first-deficit and depletion rules and their labels
      'reserve-ratio': { line: 1, rule: 4, text: 3 },
      // PAYG rate, contribution income ÷ earnings, GAP, effective rate, scaled premium (§13)
      rates: { line: 5, rule: 2, text: 2 },
      // actives, inactives, the demo's emigrants (§11), three kinds of pensioners
      members: { area: 6 },
      // three groups and the whole scheme
      density: { line: 4 },
      // eight parts of expenditure; contribution income, with and without investment income
      'income-expenditure': { area: 8, line: 2, rule: 2, text: 2 },
      reserve: { line: 1, rule: 3, text: 2 },
      // three groups × two sexes
      'net-transfer': { rect: 6, text: 6, rule: 1 },
      // three groups × two sexes, four entry ages each; the reference line at 1 and its label
      'moneys-worth': { line: 6, symbol: 24, rule: 1, text: 1 },
    },
  },
  simulate: {
    charts: {
      'reserve-ratio-fan': { area: 2, line: 1 },
      ruin: { line: 2 },
      'cost-rate-fan': { area: 2, line: 1, rule: 1, text: 1 },
      'gap-spread': { rect: [5, 30], rule: 1, text: 1 },
    },
  },
  // contributions.rate 0.08, 0.10, 0.12 × compliance 0.6, 0.8: one line per value of the other parameter
  sweep: { charts: { 'sweep-1': { line: 2, symbol: 6 }, 'sweep-2': { line: 3, symbol: 6 } } },
  // six parameters × up and down; each bar labelled, and the base GAP
  sensitivity: { charts: { tornado: { rect: 12, text: 13, rule: 1 } } },
};

let browser: Browser;
const pages = new Map<keyof typeof EXPECTED, string>();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the browser tests need Chromium at ${CHROMIUM}: apt-get install chromium (or set SIPRO_CHROMIUM)`);
  }
  const [demo, sweep] = await Promise.all([projectFolder(), sweepFolder()]);
  const folder = await scratchFolder('sipro-browser-');
  for (const [kind, source] of [['project', demo], ['simulate', SIMULATE], ['sweep', sweep], ['sensitivity', SENSITIVITY]] as const) {
    const page = join(folder, `${kind}.html`);
    const run = await runSipro(['report', source, '--out', page, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    pages.set(kind, page);
  }
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: await mkdtemp(join(tmpdir(), 'sipro-chromium-')),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface ChartState {
  id: string;
  width: number;
  height: number;
  marks: Record<string, number>;
  longestLine: number;
}

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('the %s report in Chromium', (kind) => {
  it('loads offline, logs no error, draws every chart with its marks, fits the window and prints', async () => {
    const path = pages.get(kind)!;
    const own = pathToFileURL(path).href;
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const refused: string[] = [];
    const errors: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === own || request.url().startsWith('data:')) void request.continue();
      else {
        refused.push(request.url());
        void request.abort();
      }
    });
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => { errors.push(String(error)); });
    const response = await page.goto(own, { waitUntil: 'load' });
    expect(response?.ok()).toBe(true);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);

    const charts = await page.$$eval('figure.chart', (figures) => figures.map((figure) => {
      const svg = figure.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const marks: Record<string, number> = {};
      for (const type of ['line', 'area', 'rect', 'symbol', 'rule', 'text']) {
        const items = [...figure.querySelectorAll(`g.mark-${type}.role-mark > path, g.mark-${type}.role-mark > line, g.mark-${type}.role-mark > text`)];
        marks[type] = items.filter((item) => {
          const rect = (item as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return rect.width > 0 || rect.height > 0;
        }).length;
      }
      const lines = [...figure.querySelectorAll('g.mark-line.role-mark > path')].map((item) => (item.getAttribute('d') ?? '').split('L').length);
      return { id: figure.getAttribute('data-chart') ?? '', width: box?.width ?? 0, height: box?.height ?? 0, marks, longestLine: Math.max(0, ...lines) };
    })) as ChartState[];
    const expected = EXPECTED[kind].charts;
    expect(charts.map((chart) => chart.id)).toEqual(Object.keys(expected));
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(300);
      expect(chart.height, chart.id).toBeGreaterThan(100);
      const drawn = Object.fromEntries(Object.entries(chart.marks).filter(([, count]) => count > 0));
      expect(Object.keys(drawn).sort(), `${chart.id}: kinds of mark`).toEqual(Object.keys(expected[chart.id]!).sort());
      for (const [mark, count] of Object.entries(expected[chart.id]!)) {
        if (Array.isArray(count)) {
          expect(drawn[mark], `${chart.id}: ${mark} marks`).toBeGreaterThanOrEqual(count[0]);
          expect(drawn[mark], `${chart.id}: ${mark} marks`).toBeLessThanOrEqual(count[1]);
        } else {
          expect(drawn[mark], `${chart.id}: ${mark} marks`).toBe(count);
        }
      }
    }
    if (kind === 'project') expect(charts.find((chart) => chart.id === 'reserve-ratio')!.longestLine).toBe(75);

    const overflow = await page.evaluate(() => {
      // The page's globals, typed here: the tests compile without the DOM library.
      const view = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return view.document.documentElement.scrollWidth - view.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, `${kind}.png`), fullPage: true });

    await page.emulateMediaType('print');
    const breaks = await page.$$eval('main > section', (sections) => sections.map((section) =>
      (globalThis as unknown as { getComputedStyle(element: unknown): { breakBefore: string } }).getComputedStyle(section).breakBefore));
    expect(new Set(breaks)).toEqual(new Set(['page']));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pageCount = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(breaks.length);
    await page.close();
  }, 60_000);
});

afterAll(async () => {
  for (const page of pages.values()) await rm(page, { force: true });
});
