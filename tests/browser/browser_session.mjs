// What the browser tests of users' flows share (the server is server.mjs's):
// a headless Debian Chromium whose page reports every console error, script
// error, failed or off-site request and HTTP error, the checks every page of
// a flow must pass (no problem, no CSP violation, one <main>, no inline
// style or script, controls a finger can hit), and logging in and out.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CRADLE_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(REPO, process.env.CRADLE_ARTIFACTS ?? 'build/artifacts');
export const MIN_TARGET_PX = 44;  // WCAG 2.5.5 target size

// A browser and one page on `baseUrl` with every problem collected.
export async function openBrowser(baseUrl, viewport = { width: 768, height: 1024 }) {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-deps.sh`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The favicon's request is cut off when a click leaves the page first.
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (!(aborted && request.url().endsWith('/static/favicon.svg'))) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
    }
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
  fs.mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
  return { browser, context, page, problems, url: (target) => new URL(target, baseUrl).href };
}

// The page just loaded reported nothing and is served as Cradle serves every page.
export async function expectCleanPage(session, name) {
  const { page, context, problems } = session;
  await page.waitForLoadState('load');
  const violations = await page.evaluate(() => window.__cradleCsp ?? []);
  await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots', `${name}.png`), fullPage: true });
  assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], [],
                   `${name} (${page.url()}) reported problems`);
  assert.equal(await page.locator('main#main').count(), 1, `${name}: one <main id="main">`);
  const served = await (await context.request.get(page.url())).text();
  assert.doesNotMatch(served, /\sstyle=/, `${name}: a style attribute`);
  assert.doesNotMatch(served, /<style|<script(?![^>]*\bsrc=)/, `${name}: inline style or script`);
}

// Every visible control in <main> is at least MIN_TARGET_PX tall.
export async function expectTouchTargets(session, name) {
  const small = await session.page.$$eval(
      'main .touch-choice, main select, main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), ' +
      'main button, main .button-link',
      (nodes, min) => nodes.filter((node) => node.offsetParent !== null)
          .map((node) => ({ what: node.outerHTML.slice(0, 80), height: node.getBoundingClientRect().height }))
          .filter((target) => target.height < min),
      MIN_TARGET_PX);
  assert.deepEqual(small, [], `${name}: controls under ${MIN_TARGET_PX} px tall`);
}

// Asks for `next`, is sent to the login form, logs in and comes back. A
// public page (`isPublic`) is reached through /login?next=, as the header's link does.
export async function logIn(session, user, password, next, isPublic = false) {
  const { page } = session;
  await page.goto(session.url(isPublic ? `/login?next=${encodeURIComponent(next)}` : next));
  assert.match(page.url(), /\/login\?next=/, `${next} should ask the public to log in`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname === next),
                     page.getByRole('button', { name: 'Log in' }).click()]);
  await expectCleanPage(session, `${user.username}-after-login`);
  await page.getByText(`Logged in as ${user.name}`).waitFor();
}

export async function logOut(session) {
  const { page } = session;
  await Promise.all([page.waitForURL(session.url('/')),
                     page.getByRole('button', { name: 'Log out' }).click()]);
}
