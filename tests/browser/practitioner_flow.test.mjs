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
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import * as browserSession from './browser_session.mjs';
import { CradleServer } from './server.mjs';


const PASSWORD = 'a long browser-test passphrase';
const REFERRER = { username: 'hana', name: 'Hana Visitor', organisation: 'Leicester Health Visiting' };
const RECEIVER = { username: 'bea', name: 'Bea Basics', organisation: 'Baby Basics Leicester' };
const BABY_BASICS = 'Baby Basics: a safe sleep space for every baby referred';
const NHS_NUMBER = '943 476 5919';  // a valid synthetic NHS number

let server;  // server.mjs's CradleServer
let baseUrl;
let context;
let page;

let session;  // browser_session.mjs: the browser, its page and what went wrong on it

function url(target) {
  return session.url(target);
}

// Every document the flow lands on is a clean page (browser_session.mjs).
async function expectCleanPage(name) {
  await browserSession.expectCleanPage(session, `practitioner-${name}`);
}

async function expectTouchTargets(name) {
  await browserSession.expectTouchTargets(session, name);
}

// A page behind the login sends the public to the login form and back.
async function logIn(user, next) {
  await browserSession.logIn(session, user, PASSWORD, next);
}

async function logOut() {
  await browserSession.logOut(session);
}

before(async () => {
  server = new CradleServer('cradle-practitioner-');
  const passwordFile = path.join(server.dir, 'password.txt');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  for (const user of [REFERRER, RECEIVER]) {
    server.run(['user', 'add', '--db', server.db, '--username', user.username,
                '--name', user.name, '--role', 'practitioner',
                '--organisation', user.organisation, '--password-file', passwordFile]);
  }
  baseUrl = await server.start();
  session = await browserSession.openBrowser(baseUrl);
  ({ page, context } = session);
});

after(async () => {
  await session?.browser.close();
  server?.dispose();
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
  assert.ok(server, 'the server was not started');
  await server.stop();
});
