// The CDOP register and the action plan in a real browser, on a tablet's
// screen: a CDOP member logs in, enters a child death review (dates,
// category, flags, the panel's judgement, factors scored and marked
// modifiable, a learning point, a recommendation) and finds it in the
// register; an analyst logs in and adds an update to an action, which the
// action's log and the plan then show; the public's factors page shows no
// case. Every page: HTTP 200, nothing reported, no inline style or script,
// controls a finger can hit. Screenshots go to $CRADLE_ARTIFACTS/screenshots.
//
// Run: CRADLE_BINARY=build/release/src/cli/cradle CRADLE_PSEUDONYM_KEY=/tmp/k/pseudonym.key \
//        node --test tests/browser/cdop_plan.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  expectCleanPage, expectTouchTargets, logIn, logOut, openBrowser,
} from './browser_session.mjs';
import { CradleServer } from './server.mjs';

const PASSWORD = 'a long browser-test passphrase';
const CDOP = { username: 'cora', name: 'Cora Panel', role: 'cdop_member', organisation: 'LLR CDOP' };
const ANALYST = { username: 'abe', name: 'Abe Analyst', role: 'analyst', organisation: 'Leicester City Council' };
const REVIEW_ID = 'CDR-BROWSER-1';
const LEARNING = 'Baby slept on a sofa after a night feed; no cot in the home.';
const UPDATE = 'Household referrals fell in the quarter; escalated to the working group.';

let server;  // server.mjs's CradleServer
let session;

before(async () => {
  server = new CradleServer('cradle-cdop-plan-');
  const passwordFile = path.join(server.dir, 'password.txt');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  for (const user of [CDOP, ANALYST]) {
    server.run(['user', 'add', '--db', server.db, '--username', user.username, '--name', user.name,
                '--role', user.role, '--organisation', user.organisation,
                '--password-file', passwordFile]);
  }
  session = await openBrowser(await server.start());
});

after(async () => {
  await session?.browser.close();
  server?.dispose();
});

test('a CDOP member enters a child death review', async () => {
  const { page } = session;
  await logIn(session, CDOP, PASSWORD, '/cdop/reviews');
  await expectCleanPage(session, 'cdop-register');
  // The synthetic register is there, under pseudonymous ids.
  assert.match(await page.locator('#register').innerText(), /SYN1-R20\d\d-\d{3}/);
  await Promise.all([page.waitForURL(/\/cdop\/reviews\/new$/),
                     page.getByRole('link', { name: 'Enter a review' }).click()]);
  await expectCleanPage(session, 'cdop-review-form');
  await expectTouchTargets(session, 'cdop-review-form');
  await page.locator('#review_id').fill(REVIEW_ID);
  await page.locator('#date_of_death').fill('2025-11-02');
  await page.locator('#age_at_death_days').fill('61');
  await page.locator('#notified_on').fill('2025-11-03');
  await page.locator('#cdrm_on').fill('2026-01-20');
  await page.locator('#panel_on').fill('2026-04-15');
  await page.locator('#category_of_death').selectOption('10');
  await page.locator('#sudden_unexpected').selectOption('Y');
  await page.locator('#overseas_ivf').selectOption('N');
  await page.locator('#outcome').selectOption('modifiable_factors');
  await page.locator('#relevance_C\\.SLEEP_ENVIRONMENT').selectOption('2');
  await page.locator('#modifiable_C\\.SLEEP_ENVIRONMENT').check();
  await page.locator('#relevance_B\\.SMOKE_HOUSEHOLD').selectOption('2');
  await page.locator('#modifiable_B\\.SMOKE_HOUSEHOLD').check();
  await page.locator('#learning_points').fill(LEARNING);
  await page.getByLabel('The Safer Sleeping Risk Assessment Tool').check();
  await Promise.all([page.waitForURL(new RegExp(`/cdop/reviews/${REVIEW_ID}\\?saved=1$`)),
                     page.getByRole('button', { name: 'Save the review' }).click()]);
  await expectCleanPage(session, 'cdop-review-saved');
  assert.match(await page.getByRole('status').innerText(), /The review was saved/);
  assert.equal(await page.locator('#learning_points').inputValue(), LEARNING);
  assert.ok(await page.locator('#modifiable_C\\.SLEEP_ENVIRONMENT').isChecked());
  await page.goto(session.url('/cdop/reviews'));
  await expectCleanPage(session, 'cdop-register-after');
  const row = page.locator('#register tbody tr', { hasText: REVIEW_ID });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /10 Sudden unexpected, unexplained death/);
  assert.match(await row.innerText(), /Modifiable factors identified/);
  await logOut(session);
});

test('the public sees what the reviews say, and no case', async () => {
  const { page } = session;
  await page.goto(session.url('/cdop/factors'));
  await expectCleanPage(session, 'cdop-factors-public');
  const top = await page.locator('#factors-all tbody tr th').allInnerTexts();
  assert.deepEqual(top.slice(0, 6), ['Smoking in pregnancy', 'Unhealthy weight in pregnancy',
    'Household exposure to cigarette smoke', 'Poor communication between agencies',
    'Guidelines or policies not followed', 'Missed signs of deterioration']);
  const content = await page.content();
  assert.ok(!content.includes(REVIEW_ID));
  assert.ok(!content.includes(LEARNING));
  assert.match(await page.locator('main').innerText(), /fewer than 5/);
});

test('an analyst adds an update to an action', async () => {
  const { page } = session;
  await logIn(session, ANALYST, PASSWORD, '/plan', /*isPublic=*/true);
  await expectCleanPage(session, 'plan');
  const action = page.locator('#theme-T1 tbody tr', { hasText: 'A2 Smoke-free homes' });
  assert.match(await action.locator('.rag').innerText(), /^A$/);
  await Promise.all([page.waitForURL(/\/plan\/actions\/A2$/),
                     action.getByRole('link').click()]);
  await expectCleanPage(session, 'plan-action');
  await expectTouchTargets(session, 'plan-action');
  await page.locator('#rag').selectOption('R');
  await page.locator('#text').fill(UPDATE);
  await Promise.all([page.waitForURL(/\/plan\/actions\/A2\?updated=1$/),
                     page.getByRole('button', { name: 'Add the update' }).click()]);
  await expectCleanPage(session, 'plan-action-updated');
  assert.match(await page.getByRole('status').innerText(), /The update was added/);
  const log = await page.locator('#updates tbody tr').allInnerTexts();
  assert.equal(log.length, 1);
  assert.match(log[0], /abe/);
  assert.match(log[0], /Household referrals fell in the quarter/);
  await page.goto(session.url('/plan'));
  await expectCleanPage(session, 'plan-after');
  const updated = page.locator('#theme-T1 tbody tr', { hasText: 'A2 Smoke-free homes' });
  assert.match(await updated.locator('.rag').innerText(), /^R$/);
  await logOut(session);
});

test('the server stops on SIGTERM with exit code 0', async () => {
  await server.stop();
});
