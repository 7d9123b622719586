/*
 * Web app benchmark: `npm run bench:web` (a benchmark, not a test). It builds everything in
 * production mode, starts the api (NODE_ENV=production, a fresh database) serving dist/web, then:
 * - loads the landing (/) and the catalogue (/servizi) in Debian's Chromium and sums the JS and CSS
 *   each needs before it is usable (the files the page fetched), gzip-compressed as we would serve
 *   them: targets initial JS <= 150 KB gzip on both;
 * - runs Lighthouse (mobile profile: emulated phone, slow 4G, 4x CPU slowdown) on both pages:
 *   targets performance >= 90, accessibility 100;
 * - prints the load average, since two shared cores make the performance score move.
 * Knobs: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_WEB_RUNS (Lighthouse runs per page, the
 * median is reported; default 3), BENCH_WEB_REPORTS=1 (keep each run's whole Lighthouse report, to read
 * its opportunities and diagnostics). Results also go to bench/results/web-<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createBenchDatabase, databaseUrlFor, dropDatabase, migrate } from '../support/postgres';
import { freePort } from '../support/ports';
import { spawnBuiltApi, waitUntilApiReady } from '../support/api-process';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium';
import { generateSecrets } from '../api/seed';

const ROOT = resolve(__dirname, '../../..');
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const KEEP_REPORTS = process.env.BENCH_WEB_REPORTS === '1';
const STARTED = new Date().toISOString().replace(/[:.]/g, '-');
const RESULTS = join(ROOT, 'bench/results');
const ROUTES = [
  { name: 'landing', path: '/' },
  { name: 'catalogue', path: '/servizi' },
];

const cleanups: (() => Promise<unknown> | unknown)[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function startApi(databaseUrl: string, port: number): Promise<void> {
  const child = spawnBuiltApi({ root: ROOT, name: 'web', port, databaseUrl, env: { ...generateSecrets() } });
  cleanups.push(() => child.kill('SIGTERM'));
  await waitUntilApiReady(child, port, 60_000);
}

interface Weight {
  js: number;
  jsGzip: number;
  css: number;
  cssGzip: number;
  files: string[];
}

/** What a first visit downloads before the page is usable: scripts and styles, gzip-compressed. */
async function measureWeights(baseUrl: string): Promise<Record<string, Weight>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  try {
    const weights: Record<string, Weight> = {};
    for (const route of ROUTES) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const bodies: Promise<void>[] = [];
      const weight: Weight = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, files: [] };
      page.on('response', (response) => {
        const type = response.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        bodies.push(
          response.body().then((body) => {
            const gzip = gzipSync(body, { level: 9 }).length;
            weight.files.push(new URL(response.url()).pathname);
            if (type === 'script') {
              weight.js += body.length;
              weight.jsGzip += gzip;
            } else {
              weight.css += body.length;
              weight.cssGzip += gzip;
            }
          }),
        );
      });
      await page.goto(`${baseUrl}${route.path}`, { waitUntil: 'networkidle' });
      await page.locator('h1').waitFor();
      await Promise.all(bodies);
      weights[route.name] = weight;
      await context.close();
    }
    return weights;
  } finally {
    await browser.close();
  }
}

interface Scores {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
}

/** A run Lighthouse itself fails (e.g. NO_NAVSTART: its trace broke) scores 0 and says nothing of the page. */
const RETRIES = 3;

async function lighthouseScores(
  baseUrl: string,
): Promise<{ scores: Record<string, Scores[]>; failures: string[] }> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  cleanups.push(() => chrome.kill());
  const scores: Record<string, Scores[]> = {};
  const failures: string[] = [];
  try {
    for (const route of ROUTES) {
      scores[route.name] = [];
      for (let attempt = 1; scores[route.name].length < RUNS; attempt += 1) {
        if (attempt > RUNS + RETRIES)
          throw new Error(`Lighthouse failed ${RETRIES + 1} runs of ${route.name}`);
        // The default config is the mobile profile (Moto G Power, slow 4G, 4x CPU slowdown).
        const result = await lighthouse(`${baseUrl}${route.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        if (!result) throw new Error('Lighthouse gave no result');
        const { categories, audits, runtimeError } = result.lhr;
        if (KEEP_REPORTS) {
          writeFileSync(
            join(RESULTS, `web-${STARTED}-${route.name}-${attempt}.json`),
            JSON.stringify(result.lhr),
          );
        }
        if (runtimeError) {
          failures.push(`${route.name} run ${attempt}: ${runtimeError.code}`);
          continue;
        }
        scores[route.name].push({
          performance: Math.round((categories.performance.score ?? 0) * 100),
          accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
          lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
          tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
        });
      }
    }
  } finally {
    await chrome.kill();
  }
  return { scores, failures };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const database = await createBenchDatabase('web');
  cleanups.push(() => dropDatabase(database));
  const databaseUrl = databaseUrlFor(database);
  await migrate(ROOT, databaseUrl);

  mkdirSync(RESULTS, { recursive: true });
  const port = await freePort();
  await startApi(databaseUrl, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const loadBefore = loadavg();

  const weights = await measureWeights(baseUrl);
  console.log('\nInitial JS and CSS (what a first visit downloads; gzip level 9):');
  console.log('route       JS        JS gzip   CSS       CSS gzip  target JS gzip <= 150 KB');
  for (const route of ROUTES) {
    const weight = weights[route.name];
    console.log(
      `${route.name.padEnd(11)} ${kb(weight.js).padEnd(9)} ${kb(weight.jsGzip).padEnd(9)} ${kb(weight.css).padEnd(9)} ${kb(weight.cssGzip).padEnd(9)} ${weight.jsGzip <= 150 * 1024 ? 'ok' : 'OVER'}`,
    );
  }

  const { scores, failures } = await lighthouseScores(baseUrl);
  const loadAfter = loadavg();
  console.log(
    `\nLighthouse 12, mobile profile, median of ${RUNS} runs (performance >= 90, accessibility 100):`,
  );
  console.log('route       performance  accessibility  LCP ms   TBT ms   all runs (performance)');
  for (const route of ROUTES) {
    const runs = scores[route.name];
    console.log(
      `${route.name.padEnd(11)} ${String(median(runs.map((run) => run.performance))).padEnd(12)} ${String(median(runs.map((run) => run.accessibility))).padEnd(14)} ${String(median(runs.map((run) => run.lcpMs))).padEnd(8)} ${String(median(runs.map((run) => run.tbtMs))).padEnd(8)} ${runs.map((run) => run.performance).join(', ')}`,
    );
  }
  if (failures.length) console.log(`Failed in Lighthouse itself, run again: ${failures.join('; ')}`);
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  console.log(`\nLoad average (1, 5, 15 min): before ${load(loadBefore)}, after ${load(loadAfter)}`);

  const file = join(RESULTS, `web-${STARTED}.json`);
  writeFileSync(file, JSON.stringify({ weights, scores, failures, loadBefore, loadAfter }, null, 2));
  console.log(`Results: ${file}`);
}

main()
  .catch((error: unknown) => {
    console.error('bench:web failed:', error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  });
