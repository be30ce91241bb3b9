// The scrutiny report, made two ways and checked as a reader gets it:
// `cradle report --pdf` on a new store (which it fills with the synthetic
// Leicester and the example plan, as `cradle serve` does) writes the HTML
// and the PDF; the PDF's pages are turned into PNG by pdftoppm and each is
// drawn in Chromium and checked not blank; its text is the report's. Then
// the web app serves the same report: the chooser, the report page (clean,
// under the app's CSP), its body the same as the file's, and the PDF.
//
// Run: CRADLE_BINARY=build/release/src/cli/cradle CRADLE_PSEUDONYM_KEY=/tmp/k/pseudonym.key \
//        node --test tests/browser/report.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ARTIFACTS, expectCleanPage, openBrowser } from './browser_session.mjs';
import { CradleServer } from './server.mjs';

const TITLE = 'Reducing infant mortality in Leicester';
const SECTIONS = ['Summary', 'Context: infant mortality in Leicester',
                  'What child death reviews found: the top modifiable factors',
                  'Late booking for antenatal care', 'CDOP recommendations and their progress',
                  'The action plan: status by theme', 'Equalities', 'Data notes'];

let server;
let session;
let fileHtml;  // the report `cradle report` wrote

function body(html) {
  const match = /<body>([\s\S]*)<\/body>/.exec(html);
  assert.ok(match, 'the report has a <body>');
  return match[1];
}

before(async () => {
  server = new CradleServer('cradle-report-');
  const out = path.join(server.dir, 'report.html');
  const printed = server.run(['report', '--db', server.db, '--area', 'E06000016',
                              '--period', '2022-24', '--out', out, '--pdf']);
  assert.match(printed, /Wrote Reducing infant mortality in Leicester, 2022-24 to .*report\.html and .*report\.pdf/);
  assert.match(printed, /Open Government Licence v3\.0/);
  fileHtml = fs.readFileSync(out, 'utf8');
  session = await openBrowser(await server.start());
});

after(async () => {
  await session?.browser.close();
  server?.dispose();
});

test('cradle report writes the report in the paper\'s structure', () => {
  assert.match(fileHtml, new RegExp(`<h1>${TITLE}</h1>`));
  let at = -1;
  for (const heading of SECTIONS) {
    const found = fileHtml.indexOf(`>${heading}</h2>`);
    assert.ok(found > at, `section "${heading}" in order`);
    at = found;
  }
  assert.match(fileHtml, /significantly higher than England(&apos;|')s/);
  assert.match(fileHtml, /Synthetic data/);
  assert.match(fileHtml, /<style>/, 'a file in one piece: the style sheet inlined');
  assert.ok((fileHtml.match(/<svg/g) ?? []).length >= 8, 'the charts');
});

test('the PDF prints every page, none blank', async () => {
  const pdf = path.join(server.dir, 'report.pdf');
  assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, new RegExp(TITLE));
  assert.match(text.stdout, /Smoking in pregnancy/);
  const pages = path.join(ARTIFACTS, 'report-pages');
  fs.rmSync(pages, { recursive: true, force: true });
  fs.mkdirSync(pages, { recursive: true });
  const made = spawnSync('pdftoppm', ['-png', '-r', '40', pdf, path.join(pages, 'page')],
                         { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const files = fs.readdirSync(pages).filter((name) => name.endsWith('.png')).sort();
  assert.ok(files.length >= 8, `a page or more per section: ${files.length} pages`);
  const { page } = session;
  for (const name of files) {
    const data = fs.readFileSync(path.join(pages, name)).toString('base64');
    // Drawn in the browser: the share of pixels that are not near white.
    const inked = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) dark += 1;
      }
      return { dark, total: pixels.length / 4, width: image.width, height: image.height };
    }, `data:image/png;base64,${data}`);
    assert.ok(inked.height > inked.width, `${name}: a portrait page`);
    assert.ok(inked.dark / inked.total > 0.005,
              `${name} is blank: ${inked.dark} of ${inked.total} pixels inked`);
  }
});

test('the web app serves the same report', async () => {
  const { page } = session;
  await page.goto(session.url('/reports'));
  await expectCleanPage(session, 'report-chooser');
  await page.locator('select[name=period]').selectOption('2022-24');
  await Promise.all([page.waitForURL(/\/report\?area=E06000016&period=2022-24$/),
                     page.getByRole('button', { name: 'Open the report' }).click()]);
  await expectCleanPage(session, 'report-page');
  assert.equal(await page.locator('h1').innerText(), TITLE);
  const served = await (await session.context.request.get(page.url())).text();
  assert.equal(body(served), body(fileHtml), 'the page is the file cradle report wrote');
  const pdf = await session.context.request.get(session.url('/report.pdf?area=E06000016&period=2022-24'));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const bad = await session.context.request.get(session.url('/report?area=Atlantis&period=2022-24'));
  assert.equal(bad.status(), 400);
  assert.match(await bad.text(), /Atlantis/);
});
