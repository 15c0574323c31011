// A reload (or a browser that crashed and came back) keeps the visit: the same visit, step and progress, no second
// visit-start. A visit whose idle time ran out while the page was gone ends as timed out; one whose scenario is gone
// ends cleanly; a visit that ended leaves nothing on the device, and the next visitor starts from scratch.
import type { Page } from '@playwright/test';
import { expect, storedRecords, test } from './fixtures.ts';
import { words } from './play/words.ts';
import {
  answerQuiz,
  button,
  caseCard,
  counter,
  endHunt,
  findHazards,
  foundText,
  playDecisions,
  playPath,
  quiz,
  resultAndLeave,
  startFireVisit,
  visitSince,
} from './visit-steps.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

const SAVED = 'ruyi.visit';
const saved = (page: Page) => page.evaluate((key) => window.localStorage.getItem(key), SAVED);
const visitStarts = (visitId: string) => storedRecords('visit_id = ? AND type = ?', visitId, 'visit-start').length;

/** Changes the saved visit before the app reads it on the next load (as if the page had been gone a while). */
async function beforeNextLoad(page: Page, change: 'an hour passed' | 'pack removed') {
  await page.addInitScript(
    ({ key, change }) => {
      const text = window.localStorage.getItem(key);
      if (!text || sessionStorage.getItem('ruyi.test.changed')) return;
      sessionStorage.setItem('ruyi.test.changed', '1');
      const saved = JSON.parse(text);
      if (change === 'an hour passed') saved.visit.lastActivityAt -= 3_600_000;
      else saved.run.packId = 'a-pack-since-removed';
      window.localStorage.setItem(key, JSON.stringify(saved));
    },
    { key: SAVED, change },
  );
}

test('a reload mid-hunt keeps the visit, the step and the hazards found', async ({ page }) => {
  const since = new Date().toISOString();
  await startFireVisit(page);
  await caseCard(page);
  await findHazards(page, 0, 2);
  const visitId = await visitSince(since);
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'hazard-found').length).toBe(2);
  expect(await saved(page)).toContain(visitId);

  await page.reload();
  await expect(page).toHaveURL(playPath);
  await expect(counter(page)).toHaveText(foundText(2));
  await expect(page.locator('.step-indicator')).toContainText(`共 `);
  // Playing on counts from there, in the same visit.
  await findHazards(page, 2, 3);
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'hazard-found').length).toBe(3);
  expect(visitStarts(visitId)).toBe(1);
  expect(storedRecords(`type = 'visit-start' AND at >= ?`, since)).toHaveLength(1);
  expect(storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-start')).toHaveLength(1);
});

test('a reload mid-quiz keeps the answers given; the visit ends once and leaves nothing on the device', async ({ page }) => {
  const since = new Date().toISOString();
  await startFireVisit(page);
  await caseCard(page);
  await findHazards(page, 0, 6);
  await endHunt(page);
  await playDecisions(page);
  await answerQuiz(page, 0, 2);
  const visitId = await visitSince(since);
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'answer').length).toBe(2);

  await page.reload();
  await expect(page.locator('main.quiz h1')).toContainText(words('quiz', 'progress', 'zh-CN', { n: 3, total: quiz.questions.length }));
  await answerQuiz(page, 2, quiz.questions.length);
  await resultAndLeave(page);

  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'visit-end').length).toBe(1);
  const records = storedRecords('visit_id = ?', visitId);
  expect(records.filter((r) => r.type === 'answer')).toHaveLength(quiz.questions.length);
  expect(records.filter((r) => r.type === 'scenario-end')).toHaveLength(1);
  expect(records.filter((r) => r.type === 'visit-start')).toHaveLength(1);
  expect(JSON.parse(records.find((r) => r.type === 'visit-end')!.body).reason).toBe('finished');
  expect(await saved(page)).toBeNull();

  // A reload now is the attract screen of a kiosk with nobody at it.
  await page.reload();
  await expect(button(page, '轻触屏幕开始体验')).toBeVisible();
  expect(storedRecords(`type = 'visit-start' AND at >= ?`, since)).toHaveLength(1);
});

test('a visit whose idle time ran out while the page was gone ends as timed out instead of resuming', async ({ page }) => {
  const since = new Date().toISOString();
  await startFireVisit(page);
  await caseCard(page);
  await findHazards(page, 0, 1);
  const visitId = await visitSince(since);

  await beforeNextLoad(page, 'an hour passed');
  await page.reload();
  await expect(page).toHaveURL(/\/$/);
  await expect(button(page, '轻触屏幕开始体验')).toBeVisible();
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'visit-end').length).toBe(1);
  expect(JSON.parse(storedRecords('visit_id = ? AND type = ?', visitId, 'visit-end')[0]!.body).reason).toBe('timeout');
  expect(await saved(page)).toBeNull();
});

test('a visit whose scenario is gone from the content after the reload ends cleanly', async ({ page }) => {
  const since = new Date().toISOString();
  await startFireVisit(page);
  await caseCard(page);
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  const visitId = await visitSince(since);

  await beforeNextLoad(page, 'pack removed');
  await page.reload();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'visit-end').length).toBe(1);
  expect(JSON.parse(storedRecords('visit_id = ? AND type = ?', visitId, 'visit-end')[0]!.body).reason).toBe('finished');
  expect(await saved(page)).toBeNull();
});

test('two visits in a row: the second starts from nothing of the first', async ({ page }) => {
  const since = new Date().toISOString();
  // The first visitor reads English and the children's version.
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByRole('button', { name: "Children's version: simpler words" }).first().tap();
  await page.getByRole('button', { name: 'Touch the screen to start' }).tap();
  await expect(page).toHaveURL(/\/map$/);
  await page.locator(`a[href="${playPath}"]`).first().tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const first = await visitSince(since);
  await page.reload();
  // Their choices are theirs for the whole visit, across the reload.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: "Children's version: simpler words" }).first()).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Back to the map' }).first().tap();
  await page.getByRole('button', { name: 'End my visit' }).tap();
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', first, 'visit-end').length).toBe(1);

  // The next visitor: Chinese, general texts, a new visit, nothing kept.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await saved(page)).toBeNull();
  await expect(page.getByRole('button', { name: '儿童版：更简单的文字' }).first()).toHaveAttribute('aria-pressed', 'false');
  const secondSince = new Date().toISOString();
  await startFireVisit(page);
  const second = await visitSince(secondSince);
  expect(second).not.toBe(first);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '儿童版：更简单的文字' }).first()).toHaveAttribute('aria-pressed', 'false');
  expect(JSON.parse((await saved(page))!).visit).toMatchObject({ visitId: second, locale: 'zh-CN', audience: 'general', posture: 'standing' });
});
