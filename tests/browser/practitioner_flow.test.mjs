// The practitioners' casework pages in a real browser, on a tablet's screen
// (768 × 1024, touch): `cradle serve` on a fresh store with two
// practitioners added by `cradle user add`, one at a health visiting team
// (who refers) and one at Baby Basics Leicester (who receives: the directory
// organisation that runs Baby Basics in data/directory/seed.json, matched by
// name). The health visitor logs in, records a safer-sleep assessment whose
// answers make it high risk, reads its reasons, follows the Baby Basics
// referral link, records consent and sends the referral, and logs out; the
// Baby Basics worker logs in, finds it received, accepts it and completes it;
// the time-to-completion page then lists the service with its counts hidden
// as small (one referral; the small-number rule hides 1 to 4). Promises
// checked on every page: HTTP 200, no console error, script error, CSP
// violation, failed or off-site request; controls a finger can hit (44 px).
// Screenshots go to $CRADLE_ARTIFACTS/screenshots. The server must stop on
// SIGTERM with exit code 0.
//
// Run: CRADLE_BINARY=build/release/src/cli/cradle CRADLE_PSEUDONYM_KEY=/tmp/k/pseudonym.key \
//        node --test tests/browser/practitioner_flow.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BINARY = process.env.CRADLE_BINARY;
const CHROMIUM = process.env.CRADLE_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(REPO, process.env.CRADLE_ARTIFACTS ?? 'build/artifacts');
const STARTUP_MS = Number(process.env.CRADLE_STARTUP_TIMEOUT_MS ?? 300_000);

const PASSWORD = 'a long browser-test passphrase';
const REFERRER = { username: 'hana', name: 'Hana Visitor', organisation: 'Leicester Health Visiting' };
const RECEIVER = { username: 'bea', name: 'Bea Basics', organisation: 'Baby Basics Leicester' };
const BABY_BASICS = 'Baby Basics: a safe sleep space for every baby referred';
const NHS_NUMBER = '943 476 5919';  // a valid synthetic NHS number
const MIN_TARGET_PX = 44;           // WCAG 2.5.5 target size

let server;
let serverExit;
let serverStderr = '';
let baseUrl;
let storeDir;
let browser;
let context;
let page;
const problems = [];  // everything that went wrong on any page of the flow

function fail(message) {
  throw new Error(message);
}

function cradle(args) {
  const result = spawnSync(BINARY, args, { encoding: 'utf8' });
  assert.equal(result.status, 0, `cradle ${args.join(' ')}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

async function startServer(db) {
  server = spawn(BINARY, ['serve', '--db', db, '--port', '0', '--address', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverExit = new Promise((resolve) => {
    server.on('exit', (code, signal) => resolve({ code, signal }));
  });
  server.stderr.on('data', (chunk) => {
    serverStderr += chunk;
  });
  const lines = readline.createInterface({ input: server.stdout });
  const stdoutLines = [];
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`cradle serve printed no URL within ${STARTUP_MS / 1000} s; ` +
                       `stdout: ${stdoutLines.join('\n')}\nstderr: ${serverStderr}`));
    }, STARTUP_MS);
    lines.on('line', (line) => {
      stdoutLines.push(line);
      const match = /^Cradle is serving (http:\/\/[^\s]+\/)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    serverExit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`cradle serve exited (code ${code}, signal ${signal}) before serving; ` +
                       `stderr: ${serverStderr}`));
    });
  });
}

function url(target) {
  return new URL(target, baseUrl).href;
}

// Every document the flow lands on must be a 200 with nothing reported.
async function expectCleanPage(name) {
  await page.waitForLoadState('load');
  const violations = await page.evaluate(() => window.__cradleCsp ?? []);
  await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots', `practitioner-${name}.png`),
                          fullPage: true });
  assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], [],
                   `${name} (${page.url()}) reported problems`);
  assert.equal(await page.locator('main#main').count(), 1, `${name}: one <main id="main">`);
  // The markup as served (the DOM would show what Chromium adds itself, such
  // as an empty style on required radios): no inline style or script.
  const served = await (await context.request.get(page.url())).text();
  assert.doesNotMatch(served, /\sstyle=/, `${name}: a style attribute`);
  assert.doesNotMatch(served, /<style|<script(?![^>]*\bsrc=)/, `${name}: inline style or script`);
}

// Every visible control in <main> (inputs, selects, buttons, button links and
// the labels wrapping radios) is at least MIN_TARGET_PX tall.
async function expectTouchTargets(name) {
  const small = await page.$$eval(
      'main .touch-choice, main select, main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), ' +
      'main button, main .button-link',
      (nodes, min) => nodes.filter((node) => node.offsetParent !== null)
          .map((node) => ({ what: node.outerHTML.slice(0, 80), height: node.getBoundingClientRect().height }))
          .filter((target) => target.height < min),
      MIN_TARGET_PX);
  assert.deepEqual(small, [], `${name}: controls under ${MIN_TARGET_PX} px tall`);
}

async function logIn(user, next) {
  await page.goto(url(next));
  // A page behind the login sends the public to the login form and back.
  assert.match(page.url(), /\/login\?next=/, `${next} should ask the public to log in`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname === next), page.getByRole('button', { name: 'Log in' }).click()]);
  await expectCleanPage(`${user.username}-after-login`);
  await assert.doesNotReject(page.getByText(`Logged in as ${user.name}`).waitFor());
}

async function logOut() {
  await Promise.all([page.waitForURL(url('/')), page.getByRole('button', { name: 'Log out' }).click()]);
}

before(async () => {
  if (!BINARY) fail('CRADLE_BINARY is not set: point it at a release build of cradle');
  if (!fs.existsSync(BINARY)) fail(`CRADLE_BINARY ${BINARY} does not exist`);
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-deps.sh`);
  storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cradle-practitioner-'));
  const db = path.join(storeDir, 'cradle.db');
  const passwordFile = path.join(storeDir, 'password.txt');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  for (const user of [REFERRER, RECEIVER]) {
    cradle(['user', 'add', '--db', db, '--username', user.username, '--name', user.name,
            '--role', 'practitioner', '--organisation', user.organisation,
            '--password-file', passwordFile]);
  }
  baseUrl = await startServer(db);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()} (${message.location()?.url ?? ''})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
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
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
});

let assessmentPath;
let referralPath;

test('a health visitor records a high-risk assessment and sees why', async () => {
  await logIn(REFERRER, '/assessments');
  assert.match(await page.locator('main').innerText(), /has recorded no safer-sleep assessments/);
  await Promise.all([page.waitForURL(/\/assessments\/new$/),
                     page.getByRole('link', { name: 'New assessment' }).click()]);
  await expectCleanPage('touchpoint');
  await expectTouchTargets('touchpoint');
  await page.getByLabel('New birth visit').check();
  await Promise.all([page.waitForURL(/touchpoint=new_birth_visit/),
                     page.getByRole('button', { name: 'Continue' }).click()]);
  await expectCleanPage('assessment-form');
  await expectTouchTargets('assessment-form');

  await page.locator('#nhs_number').fill(NHS_NUMBER);
  await page.locator('select[name="a.sleep_place_night"]').selectOption('adult_bed');
  await page.locator('input[name="a.bed_sharing"][value="planned"]').check();
  await page.locator('input[name="a.has_safe_sleep_space"][value="no"]').check();
  await page.locator('input[name="a.smoker_mother"][value="yes"]').check();
  await page.locator('input[name="a.birth_weight"]').fill('3100');
  await Promise.all([page.waitForURL(/\/assessments\/\d+$/),
                     page.getByRole('button', { name: 'Save and see the outcome' }).click()]);
  assessmentPath = new URL(page.url()).pathname;
  await expectCleanPage('outcome');
  await expectTouchTargets('outcome');
  // The level in words and a shape, not colour alone.
  const level = page.locator('.outcome-level');
  assert.match(await level.innerText(), /High\s+level of risk/);
  assert.match(await level.locator('.level-shape').innerText(), /▲/);
  const reasons = await page.locator('#reasons').innerText();
  assert.match(reasons, /shares a bed and a parent smokes/);
  assert.match(reasons, /Does the mother smoke\? yes/);
  assert.match(reasons, /no safe sleep space/i);
  const actions = await page.locator('#actions ol > li').allInnerTexts();
  assert.ok(actions.some((text) => /Baby Basics/.test(text)), `actions: ${actions.join(' | ')}`);
  // The NHS number is never shown again.
  assert.ok(!(await page.content()).includes('9434765919'));
  assert.ok(!(await page.content()).includes(NHS_NUMBER));
});

test('they refer the family to Baby Basics with consent', async () => {
  assert.ok(assessmentPath, 'the assessment was recorded');
  await Promise.all([page.waitForURL(/\/referrals\/new\?/),
                     page.getByRole('link', { name: `Refer to ${BABY_BASICS}` }).click()]);
  await expectCleanPage('referral-form');
  await expectTouchTargets('referral-form');
  assert.match(await page.locator('#service option:checked').innerText(), /Baby Basics/);
  assert.match(await page.getByLabel(/^Reason/).inputValue(), /shares a bed/);
  await page.locator('#nhs_number').fill(NHS_NUMBER);
  await page.getByLabel('The family agreed to this referral').check();
  await page.getByLabel('Verbal consent').check();
  await Promise.all([page.waitForURL(/\/referrals\/\d+$/),
                     page.getByRole('button', { name: 'Send the referral' }).click()]);
  referralPath = new URL(page.url()).pathname;
  await expectCleanPage('referral-sent');
  assert.match(await page.locator('.referral-status').innerText(), /Status: Sent/);
  // The sender cannot answer its own referral.
  assert.equal(await page.locator('button[name="to"]').count(), 0);
  await page.goto(url('/referrals'));
  await expectCleanPage('referrals-sent');
  assert.match(await page.locator('#sent').innerText(), /Baby Basics Leicester/);
  await logOut();
});

test('Baby Basics receives it, accepts it and completes it', async () => {
  assert.ok(referralPath, 'the referral was sent');
  await logIn(RECEIVER, '/referrals');
  const received = page.locator('#received');
  assert.match(await received.innerText(), /Leicester Health Visiting/);
  assert.match(await received.innerText(), /Sent/);
  await Promise.all([page.waitForURL(url(referralPath)),
                     received.getByRole('link', { name: /^Referral \d+$/ }).click()]);
  await expectCleanPage('referral-received');
  await expectTouchTargets('referral-received');
  // Only the moves allowed from "sent" are offered.
  const moves = await page.locator('button[name="to"]').allInnerTexts();
  assert.deepEqual(moves, ['Accept', 'Decline', 'Could not contact the family']);
  // The receiver is not shown the referrer's assessment.
  assert.equal(await page.locator(`a[href="${assessmentPath}"]`).count(), 0);
  await page.getByLabel(/^Note/).fill('Cot to be delivered on Tuesday');
  await Promise.all([page.waitForURL(/done=accepted/),
                     page.getByRole('button', { name: 'Accept' }).click()]);
  await expectCleanPage('referral-accepted');
  assert.match(await page.getByRole('status').innerText(), /Marked accepted/);
  await Promise.all([page.waitForURL(/done=completed/),
                     page.getByRole('button', { name: 'Mark completed' }).click()]);
  await expectCleanPage('referral-completed');
  assert.match(await page.locator('.referral-status').innerText(), /Status: Completed/);
  assert.equal(await page.locator('button[name="to"]').count(), 0, 'completed is final');
  const history = await page.locator('#history tbody tr').allInnerTexts();
  assert.equal(history.length, 3, history.join(' | '));
  assert.match(history[1], /Accepted.*bea.*Cot to be delivered on Tuesday/s);
});

test('the time to completion lists Baby Basics with its small counts hidden', async () => {
  await page.goto(url('/referrals/timing'));
  await expectCleanPage('timing');
  const row = page.locator('main table tbody tr', { hasText: BABY_BASICS });
  assert.equal(await row.count(), 1);
  const cells = await row.locator('td').allInnerTexts();
  // Run by; then referred, completed, declined, not contactable, open, median,
  // 90th centile, share within 7 days: one referral, so every count of the
  // family is hidden together, and the days with them.
  assert.equal(cells[0], 'Baby Basics Leicester');
  assert.deepEqual(cells.slice(1), Array(8).fill('hidden'));
});

test('the server stops on SIGTERM with exit code 0', async () => {
  server.kill('SIGTERM');
  const { code, signal } = await serverExit;
  assert.equal(signal, null, `stopped by signal ${signal}; stderr: ${serverStderr}`);
  assert.equal(code, 0, `exit code ${code}; stderr: ${serverStderr}`);
});
