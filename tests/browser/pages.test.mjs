// Cradle's web pages in a real browser: `cradle serve` on a fresh store, every
// page opened in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, which never downloads a browser of its own). Promises
// checked: each page answers 200 under the Content-Security-Policy with no
// console error, script error, CSP violation, failed or off-site request; has
// a title, one <main id="main">, a skip link and a <nav> linking every page;
// its charts carry data points whose numbers agree with the JSON API; its
// download links give CSV with the table's header row and xlsx workbooks; it
// can be used from the keyboard with a visible focus. A full-page screenshot
// of each page goes to $CRADLE_ARTIFACTS/screenshots (build/artifacts by
// default) for a person to look at. The server must stop on SIGTERM with
// exit code 0.
//
// Run: CRADLE_BINARY=build/release/src/cli/cradle node --test tests/browser/pages.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CradleServer } from './server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CRADLE_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(REPO, process.env.CRADLE_ARTIFACTS ?? 'build/artifacts');

const LEICESTER = 'E06000016';
const PERIOD = '2020-22';
const QUERY = `area=${LEICESTER}&period=${PERIOD}`;

// What each page must show. `query`: the parameters it is opened with (each
// page takes only the ones it uses and answers 400 to others); `charts`: at
// least this many inline SVG charts with data points; `leicester`: a data
// point for Leicester whose value is the API's infant mortality rate for
// 2020-22; `areas`: a map of areas (cradle-area shapes with GSS codes);
// `downloads`: download links.
const PAGES = [
  { name: 'overview', path: '/', query: QUERY, charts: 1, leicester: true, downloads: true },
  { name: 'compare', path: '/compare', query: QUERY, charts: 1, leicester: true, downloads: true },
  { name: 'trends', path: '/trends', query: `area=${LEICESTER}`, charts: 1, downloads: true },
  { name: 'inequalities', path: '/inequalities', query: `period=${PERIOD}`, charts: 1,
    downloads: true },
  { name: 'neighbourhoods', path: '/neighbourhoods', query: '', charts: 1, areas: true,
    downloads: true },
  { name: 'maternity', path: '/maternity', query: '', charts: 1, downloads: true },
  { name: 'data', path: '/data', query: '', charts: 0, downloads: true },
];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server;         // server.mjs's CradleServer
let baseUrl;        // "http://127.0.0.1:PORT/"
let browser;
let context;

function pageUrl(page) {
  return new URL(page.query ? `${page.path}?${page.query}` : page.path, baseUrl).href;
}

// The page's Content-Security-Policy must allow nothing from elsewhere and no
// inline code: default-src 'self' or stricter ('none'), and no directive with
// a wildcard, a scheme or host other than data: for images, or 'unsafe-…'.
function checkCsp(where, csp) {
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter((d) => d !== '')
      .map((d) => { const [name, ...values] = d.split(/\s+/); return [name, values]; }));
  const defaults = directives.get('default-src') ?? [];
  assert.ok(defaults.length === 1 && ["'self'", "'none'"].includes(defaults[0]),
            `${where}: CSP default-src is not 'self' or 'none': "${csp}"`);
  for (const [name, values] of directives) {
    for (const value of values) {
      const allowed = /^'(self|none)'$/.test(value) || (name === 'img-src' && value === 'data:');
      assert.ok(allowed, `${where}: CSP ${name} allows ${value}: "${csp}"`);
    }
  }
}

// Opens a page and records everything that went wrong while it loaded:
// console errors (Chromium reports CSP refusals there too), uncaught script
// errors, CSP violation events, failed requests, 4xx/5xx subresources and any
// request that leaves the server's origin.
async function openPage(url) {
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    // Chromium's "Failed to load resource" names no URL; the location does
    // (a missing /favicon.ico shows up here).
    const where = message.location()?.url ?? '';
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A download started by a click is reported as an aborted navigation.
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith('data:') && new URL(target).origin !== origin) {
      problems.push(`off-site request: ${target}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(() => {
    window.__cradleCsp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cradleCsp.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, response, problems };
}

async function cspViolations(page) {
  return await page.evaluate(() => window.__cradleCsp ?? []);
}

// The infant mortality rate the API gives for Leicester, 2020-22. The field is
// found by name so the test does not depend on where the API nests it.
async function apiLeicesterValue() {
  const response = await context.request.get(
      new URL(`/api/v1/values?indicator=infant-mortality&${QUERY}`, baseUrl).href);
  assert.equal(response.status(), 200, `values API: HTTP ${response.status()}`);
  const json = await response.json();
  const found = [];
  const walk = (node) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      const code = node.area_code ?? node.areaCode ?? node['Area Code'] ?? node.area ?? node.code;
      const value = node.value ?? node.Value;
      if (typeof value === 'number' && (code === undefined || code === LEICESTER ||
                                        code?.code === LEICESTER)) {
        found.push(value);
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(json);
  assert.ok(found.length > 0, `no numeric "value" for ${LEICESTER} in ${JSON.stringify(json)}`);
  return found[0];
}

// Every chart data point on the page, with its attributes.
async function dataPoints(page) {
  return await page.$$eval('main svg .cradle-point, main svg .cradle-bar, main svg .cradle-area',
      (nodes) => nodes.map((node) => ({
        kind: [...node.classList].find((name) => name.startsWith('cradle-')),
        label: node.getAttribute('data-label'),
        value: node.getAttribute('data-value'),
        lower: node.getAttribute('data-lower'),
        upper: node.getAttribute('data-upper'),
        code: node.getAttribute('data-code'),
        name: node.getAttribute('data-name'),
      })));
}

// Number of <svg> elements in <main> that hold at least one data point.
async function chartCount(page) {
  return await page.$$eval('main svg', (svgs) => svgs.filter(
      (svg) => svg.querySelector('.cradle-point, .cradle-bar, .cradle-area')).length);
}

function parseNumber(text) {
  if (text === null || text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : NaN;
}

// Clicks a download link and returns the response's status, type and bytes,
// whether the server sends it as an attachment (a download) or inline (the
// browser navigates to it).
async function clickDownload(page, link) {
  const href = new URL(await link.getAttribute('href'), page.url()).href;
  const responsePromise = page.waitForResponse((r) => r.url() === href, { timeout: 30_000 });
  const downloadPromise = page.waitForEvent('download', { timeout: 30_000 }).catch(() => null);
  await link.click();
  const response = await responsePromise;
  let bytes;
  const download = await Promise.race([downloadPromise,
                                       new Promise((r) => setTimeout(() => r(null), 2_000))]);
  if (download) {
    const file = await download.path();
    bytes = fs.readFileSync(file);
  } else {
    bytes = await response.body();
  }
  return { href, status: response.status(), type: response.headers()['content-type'] ?? '',
           bytes };
}

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-deps.sh`);
  server = new CradleServer('cradle-browser-');
  baseUrl = await server.start();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // launch() gives every run a new temporary profile (user-data-dir).
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  fs.mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.dispose();
});

for (const spec of PAGES) {
  describe(`${spec.name} page`, () => {
    test('loads with HTTP 200 under the CSP, with no errors', async () => {
      const { page, response, problems } = await openPage(pageUrl(spec));
      try {
        // Let late scripts run and report, then keep a picture of the page
        // whatever the assertions below find: it is what a person checks.
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots', `${spec.name}.png`),
                                fullPage: true });
        assert.equal(response.status(), 200, `${spec.path}: HTTP ${response.status()}`);
        assert.match(response.headers()['content-type'] ?? '', /^text\/html/);
        checkCsp(spec.path, response.headers()['content-security-policy'] ?? '');
        const violations = await cspViolations(page);
        assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], [],
                         `${spec.path} reported problems`);
      } finally {
        await page.close();
      }
    });

    test('has a title, one main, a skip link and a nav linking every page', async () => {
      const { page } = await openPage(pageUrl(spec));
      try {
        assert.notEqual((await page.title()).trim(), '', `${spec.path} has no <title>`);
        assert.equal(await page.locator('main#main').count(), 1, 'one <main id="main">');
        assert.equal(await page.locator('main').count(), 1, 'exactly one <main>');
        assert.ok(await page.locator('a[href="#main"]').count() >= 1, 'a skip link to #main');
        const navPaths = await page.$$eval('nav a[href]',
            (links) => links.map((a) => new URL(a.href).pathname));
        for (const other of PAGES) {
          assert.ok(navPaths.includes(other.path),
                    `${spec.path}: the nav has no link to ${other.path} (has ${navPaths.join(' ')})`);
        }
        // Every nav link answers (a link carrying parameters a page refuses
        // would be a 400).
        const navHrefs = await page.$$eval('nav a[href]', (links) => links.map((a) => a.href));
        for (const href of new Set(navHrefs)) {
          const answer = await context.request.get(href);
          assert.equal(answer.status(), 200, `${spec.path}: nav link ${href}: HTTP ${answer.status()}`);
        }
        // The current page is marked for screen readers.
        assert.equal(await page.locator('nav a[aria-current="page"]').count(), 1,
                     `${spec.path}: one nav link with aria-current="page"`);
      } finally {
        await page.close();
      }
    });

    if (spec.charts > 0) {
      test('charts carry labelled data points with consistent numbers', async () => {
        const { page } = await openPage(pageUrl(spec));
        try {
          const charts = await chartCount(page);
          assert.ok(charts >= spec.charts,
                    `${spec.path}: ${charts} charts with data points, expected ${spec.charts}+`);
          const points = await dataPoints(page);
          for (const point of points) {
            const where = `${spec.path} ${point.kind} ${JSON.stringify(point)}`;
            if (point.kind === 'cradle-area') {
              assert.match(point.code ?? '', /^[EWSN]\d{8}$/, `${where}: data-code`);
              assert.ok((point.name ?? '').trim() !== '', `${where}: data-name`);
            } else {
              assert.ok((point.label ?? '').trim() !== '', `${where}: data-label`);
            }
            const value = parseNumber(point.value);
            const lower = parseNumber(point.lower);
            const upper = parseNumber(point.upper);
            // A suppressed value may be absent; a present one is a number.
            assert.ok(!Number.isNaN(value), `${where}: data-value is not a number`);
            assert.ok(!Number.isNaN(lower) && !Number.isNaN(upper), `${where}: CI not numbers`);
            if (value !== null && lower !== null) assert.ok(lower <= value, `${where}: lower > value`);
            if (value !== null && upper !== null) assert.ok(value <= upper, `${where}: value > upper`);
          }
          // Each chart has its data as a table beside it.
          const tables = await page.locator('main table').count();
          assert.ok(tables >= charts, `${spec.path}: ${charts} charts but ${tables} tables`);
          if (spec.areas) {
            const areas = points.filter((p) => p.kind === 'cradle-area');
            assert.ok(areas.length >= 2, `${spec.path}: a map needs cradle-area shapes`);
          }
        } finally {
          await page.close();
        }
      });
    }

    if (spec.leicester) {
      test('Leicester\'s infant mortality rate matches the API', async () => {
        const expected = await apiLeicesterValue();
        const { page } = await openPage(pageUrl(spec));
        try {
          const points = await dataPoints(page);
          const leicester = points.filter((p) => p.code === LEICESTER ||
                                                 /Leicester/.test(p.label ?? ''));
          assert.ok(leicester.length > 0, `${spec.path}: no data point for Leicester`);
          const values = leicester.map((p) => parseNumber(p.value));
          assert.ok(values.some((v) => v !== null && Math.abs(v - expected) <= 1e-9 * Math.abs(expected)),
                    `${spec.path}: Leicester's points show ${values.join(', ')}; the API says ${expected}`);
        } finally {
          await page.close();
        }
      });
    }

    if (spec.downloads) {
      test('download links give CSV with the table header and xlsx workbooks', async () => {
        const { page, problems } = await openPage(pageUrl(spec));
        try {
          // Links may carry the page's parameters (/data/x.csv?area=…).
          const hrefs = await page.$$eval('main a.download',
              (links) => links.map((a) => a.getAttribute('href')));
          const pathOf = (h) => new URL(h, baseUrl).pathname;
          const csv = hrefs.filter((h) => /^\/data\/[^/]+\.csv$/.test(pathOf(h)));
          const xlsx = hrefs.filter((h) => /^\/data\/[^/]+\.xlsx$/.test(pathOf(h)));
          assert.ok(csv.length > 0, `${spec.path}: no <a class="download" href="/data/….csv">`);
          assert.equal(csv.length + xlsx.length, hrefs.length,
                       `${spec.path}: download links outside /data/*.csv|xlsx: ${hrefs.join(' ')}`);
          const xlsxFor = (h) => h.replace(/\.csv(\?|$)/, '.xlsx$1');
          for (const h of csv) assert.ok(xlsx.includes(xlsxFor(h)), `${h} has no .xlsx beside it`);
          // Every link answers; the first pair is clicked as a reader would.
          for (const h of hrefs) {
            const response = await context.request.get(new URL(h, baseUrl).href);
            assert.equal(response.status(), 200, `${h}: HTTP ${response.status()}`);
            const type = response.headers()['content-type'] ?? '';
            if (pathOf(h).endsWith('.csv')) assert.match(type, /^text\/csv/, `${h}: ${type}`);
            else assert.ok(type.startsWith(XLSX_TYPE), `${h}: ${type}`);
          }

          const csvLink = page.locator(`main a.download[href="${csv[0]}"]`).first();
          // The header of the table the link belongs to (its figure or section).
          const tableHeader = await csvLink.evaluate((a) => {
            const box = a.closest('figure, section, article') ?? document.querySelector('main');
            const table = box.querySelector('table');
            if (!table) return null;
            const row = table.tHead?.rows[0] ?? table.rows[0];
            return row ? [...row.cells].map((cell) => cell.textContent.trim()) : null;
          });
          const got = await clickDownload(page, csvLink);
          assert.equal(got.status, 200);
          assert.match(got.type, /^text\/csv/, `${got.href}: content-type ${got.type}`);
          const text = got.bytes.toString('utf8');
          const headerLine = text.split(/\r?\n/)[0];
          assert.ok(headerLine.split(',').length >= 2, `${got.href}: header row "${headerLine}"`);
          assert.ok(tableHeader, `${got.href}: no table in the link's figure or section`);
          {
            const expected = tableHeader.map((h) => (/[",\r\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h));
            assert.ok(headerLine === expected.join(',') ||
                      headerLine.startsWith(expected.join(',') + ','),
                      `${got.href}: header "${headerLine}" is not the table's "${expected.join(',')}"`);
          }
          assert.ok(text.split(/\r?\n/).filter((l) => l !== '').length >= 2,
                    `${got.href}: no data rows`);

          // A download may have navigated away: come back for the xlsx link.
          if (page.url() !== pageUrl(spec)) await page.goto(pageUrl(spec));
          const xlsxLink = page.locator(`main a.download[href="${xlsxFor(csv[0])}"]`).first();
          const book = await clickDownload(page, xlsxLink);
          assert.equal(book.status, 200);
          assert.ok(book.type.startsWith(XLSX_TYPE), `${book.href}: content-type ${book.type}`);
          assert.equal(book.bytes.subarray(0, 2).toString('latin1'), 'PK', `${book.href} is not a zip`);
          assert.deepEqual(problems.filter((p) => !p.startsWith('request failed')), []);
        } finally {
          await page.close();
        }
      });
    }

    test('works from the keyboard with a visible focus', async () => {
      const { page } = await openPage(pageUrl(spec));
      try {
        // Tab from the top of the page: the skip link comes first and shows.
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const el = document.activeElement;
          const box = el.getBoundingClientRect();
          return { tag: el.tagName, href: el.getAttribute('href'), width: box.width,
                   height: box.height, top: box.top, left: box.left };
        });
        assert.equal(first.tag, 'A', `${spec.path}: the first Tab reached a ${first.tag}`);
        assert.equal(first.href, '#main', `${spec.path}: the first Tab reached ${first.href}`);
        assert.ok(first.width > 0 && first.height > 0 && first.top >= 0 && first.left >= 0,
                  `${spec.path}: the focused skip link is not visible (${JSON.stringify(first)})`);
        await page.keyboard.press('Enter');
        const afterSkip = await page.evaluate(() => {
          const main = document.getElementById('main');
          return { inMain: main !== null && main.contains(document.activeElement),
                   active: document.activeElement?.tagName };
        });
        assert.ok(afterSkip.inMain,
                  `${spec.path}: Enter on the skip link left focus on ${afterSkip.active}, not in main`);

        // Every nav link is reached by Tab and shows a focus outline.
        await page.goto(pageUrl(spec));
        const wanted = new Set(PAGES.map((p) => p.path));
        const reached = new Map();  // path -> focus style
        for (let presses = 0; presses < 80 && reached.size < wanted.size; ++presses) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || !el.closest('nav') || el.tagName !== 'A') return null;
            const style = getComputedStyle(el);
            return { path: new URL(el.href).pathname, outlineStyle: style.outlineStyle,
                     outlineWidth: style.outlineWidth, outlineColor: style.outlineColor,
                     boxShadow: style.boxShadow };
          });
          if (focused && wanted.has(focused.path)) reached.set(focused.path, focused);
        }
        for (const p of wanted) {
          assert.ok(reached.has(p), `${spec.path}: Tab never reached the nav link to ${p}`);
          const style = reached.get(p);
          const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 &&
                           !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.outlineColor);
          assert.ok(outlined,
                    `${spec.path}: the focused nav link to ${p} has no visible outline (${JSON.stringify(style)})`);
        }
      } finally {
        await page.close();
      }
    });
  });
}

// The Neighbourhoods page's scan for clusters: the table shows open under the
// map, the most likely cluster's areas are outlined and marked as the
// hotspots API lists them, and the outline is drawn where a reader sees it.
describe('neighbourhoods clusters', () => {
  test('the clusters table and the outlined areas show, as the API gives them', async () => {
    const { page, problems } = await openPage(new URL('/neighbourhoods', baseUrl).href);
    try {
      const api = await context.request.get(new URL('/api/v1/hotspots', baseUrl).href);
      assert.equal(api.status(), 200, `hotspots API: HTTP ${api.status()}`);
      const { clusters } = await api.json();
      assert.ok(clusters.length > 0, 'the hotspots API lists no cluster');

      const section = page.locator('section#neighbourhoods-clusters');
      assert.equal(await section.count(), 1, 'no section#neighbourhoods-clusters');
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: path.join(ARTIFACTS, 'screenshots',
                                                 'neighbourhoods-clusters.png') });
      const table = section.locator('table').first();
      assert.ok(await table.isVisible(), 'the clusters table is not shown');
      const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
      for (const heading of ['Centre', 'Areas', 'Deaths observed', 'Deaths expected',
                             'Observed/expected', 'Relative risk', 'Log likelihood ratio',
                             'p-value']) {
        assert.ok(headers.includes(heading), `no "${heading}" column in ${headers.join(' | ')}`);
      }
      const first = (await table.locator('tbody tr').first().locator('td').allTextContents())
          .map((cell) => cell.trim());
      assert.equal(first[headers.indexOf('Centre code')], clusters[0].centre);
      assert.equal(first[headers.indexOf('Areas')], String(clusters[0].members.length));
      const observed = first[headers.indexOf('Deaths observed')];
      assert.equal(observed, clusters[0].suppressed ? '*'
                                                    : clusters[0].observed.toLocaleString('en-GB'));

      const outline = section.locator('svg path.cradle-outline').first();
      assert.deepEqual((await outline.getAttribute('data-codes')).split(' ').sort(),
                       [...clusters[0].members].sort());
      const box = await outline.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `the outline is not drawn: ${JSON.stringify(box)}`);
      const marked = await section.locator('svg path.cradle-area[data-outline~="1"]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-code')));
      assert.deepEqual(marked.sort(), [...clusters[0].members].sort());

      const violations = await cspViolations(page);
      assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], []);
    } finally {
      await page.close();
    }
  });
});

describe('JSON API', () => {
  test('a bad parameter is a 400 with an error message', async () => {
    for (const query of ['values?indicator=no-such-indicator&area=E06000016&period=2020-22',
                         'values?indicator=infant-mortality&area=%3Cb%3E&period=2020-22',
                         'values?indicator=infant-mortality&area=E06000016&period=20x0',
                         'rankings?indicator=infant-mortality&period=not-a-period',
                         'hotspots?level=msoa']) {
      const response = await context.request.get(new URL(`/api/v1/${query}`, baseUrl).href);
      assert.equal(response.status(), 400, `${query}: HTTP ${response.status()}`);
      assert.match(response.headers()['content-type'] ?? '', /^application\/json/, query);
      const body = await response.json();
      assert.equal(typeof body.error, 'string', `${query}: ${JSON.stringify(body)}`);
      assert.notEqual(body.error, '');
    }
  });
});

test('the server stops on SIGTERM with exit code 0', async () => {
  assert.ok(server, 'the server was not started');
  await server.stop();
});
