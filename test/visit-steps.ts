// The fire visit in parts, by touch, for the specs that interrupt it (a reload) or press every button twice: each part
// waits for its screen, presses through `press`, and leaves the page on the next screen.
import type { Locator, Page } from '@playwright/test';
import { localize, type LocalizedText, type Pack, type Scenario } from '@ruyi/pack-schema';
import { expect, loadFirePack, storedRecords } from './fixtures.ts';
import { screenSettled, words } from './play/words.ts';
import { stepOf } from './steps.ts';

export const pack: Pack = loadFirePack();
export const scenario: Scenario = pack.scenarios[0]!;
export const playPath = `/play/${pack.id}/${scenario.id}`;
export const hunt = stepOf(scenario, 'hazard-hunt');
export const decisions = stepOf(scenario, 'decisions');
export const quiz = stepOf(scenario, 'quiz');

const zh = (text: LocalizedText) => localize(text, 'zh-CN');
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * How a part presses a control (or the point `at` of it, for a prop in the 3D scene): a plain tap, or a double tap and
 * the checks around it (double-tap.spec.ts).
 */
export type Press = (page: Page, control: Locator, at?: { x: number; y: number }) => Promise<void>;

export const tap: Press = async (page, control, at) => {
  if (at) await page.touchscreen.tap(at.x, at.y);
  else await control.tap();
};

/** A touch on the 3D scene where it hits the prop, through `press` (a point, not a control: the page says where). */
export async function pressProp(page: Page, propId: string, press: Press) {
  await screenSettled(page);
  await expect.poll(() => page.evaluate((id) => window.__ruyiScene?.propScreenPoint(id) ?? null, propId)).not.toBeNull();
  const point = (await page.evaluate((id) => window.__ruyiScene!.propScreenPoint(id)!, propId)) as { x: number; y: number };
  await press(page, page.locator('canvas').first(), point);
}

/** The attract screen's start, then the fire scenario from the map. */
export async function startFireVisit(page: Page, press: Press = tap) {
  await page.goto('/');
  await press(page, button(page, '轻触屏幕开始体验'));
  await expect(page).toHaveURL(/\/map$/);
  await press(page, page.locator(`a[href="${playPath}"]`).first());
  await expect(page).toHaveURL(playPath);
}

export async function caseCard(page: Page, press: Press = tap) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh(stepOf(scenario, 'case-card').title));
  await press(page, button(page, words('case-card', 'begin', 'zh-CN')));
}

export const counter = (page: Page) => page.locator('main.hazard-hunt .counter');
export const foundText = (found: number) => words('hazard-hunt', 'found', 'zh-CN', { found, total: hunt.hazards.length });

/** Finds hazards `from` to `to` (exclusive) in the pack's order. */
export async function findHazards(page: Page, from: number, to: number, press: Press = tap) {
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  for (let i = from; i < to; i++) {
    const hazard = hunt.hazards[i]!;
    await pressProp(page, hazard.prop, press);
    await expect(page.locator('main.hazard-hunt .feedback')).toContainText(zh(hazard.name));
    await expect(counter(page)).toHaveText(foundText(i + 1));
  }
}

export async function endHunt(page: Page, press: Press = tap) {
  await press(page, button(page, words('hazard-hunt', 'done', 'zh-CN')));
  await expect(page.locator('.review-list li')).toHaveCount(hunt.hazards.length);
  await press(page, button(page, words('hazard-hunt', 'reviewContinue', 'zh-CN')));
}

/** The safe choice at every situation, along the path it leads. */
export async function playDecisions(page: Page, press: Press = tap) {
  let node = decisions.nodes.find((n) => n.id === decisions.start);
  while (node) {
    await expect(page.locator('main.decisions .prompt')).toHaveText(zh(node.prompt));
    const choice = node.choices.find((c) => c.safe)!;
    await press(page, button(page, zh(choice.label)));
    await expect(page.locator('main.decisions .consequence')).toContainText(zh(choice.consequence));
    await press(page, button(page, words('decisions', 'continue', 'zh-CN')));
    const next = choice.next;
    node = next ? decisions.nodes.find((n) => n.id === next) : undefined;
  }
}

/**
 * Answers questions `from` to `to` (exclusive) rightly. A check box is ticked by one tap (a second would untick it:
 * that is the visitor's own choice, not a ghost); a radio button, like every button, goes through `press`.
 */
export async function answerQuiz(page: Page, from: number, to: number, press: Press = tap) {
  const total = quiz.questions.length;
  for (let i = from; i < to; i++) {
    const q = quiz.questions[i]!;
    await expect(page.locator('main.quiz .prompt')).toHaveText(zh(q.prompt));
    await expect(page.locator('main.quiz h1')).toContainText(words('quiz', 'progress', 'zh-CN', { n: i + 1, total }));
    for (const id of q.answer) {
      const choice = q.choices.find((c) => c.id === id)!;
      const box = page.locator('main.quiz').getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: zh(choice.label), exact: true });
      if (q.kind === 'single') await press(page, box);
      else await box.tap();
      await expect(box).toBeChecked();
    }
    await press(page, button(page, words('quiz', 'submit', 'zh-CN')));
    await expect(page.locator('main.quiz .explanation .verdict')).toContainText(words('quiz', 'correct', 'zh-CN'));
    await press(page, button(page, words('quiz', i === total - 1 ? 'finish' : 'next', 'zh-CN')));
  }
}

/** The full score of the fire scenario played rightly along the safe path. */
export function fullScore(): { raw: number; max: number } {
  let decided = 0;
  for (let node = decisions.nodes.find((n) => n.id === decisions.start); node; ) {
    decided++;
    const next = node.choices.find((c) => c.safe)!.next;
    node = next ? decisions.nodes.find((n) => n.id === next) : undefined;
  }
  const raw = hunt.hazards.length * hunt.pointsPerHazard + decided * decisions.pointsPerSafeChoice + quiz.questions.length * quiz.pointsPerQuestion;
  return { raw, max: raw };
}

/** The result, then back to the map and "finish": the visit ends, the kiosk is at its start again. */
export async function resultAndLeave(page: Page, press: Press = tap) {
  const { raw, max } = fullScore();
  await expect(page.getByTestId('score')).toContainText(`${raw} / ${max}`);
  await press(page, page.getByRole('link', { name: '返回地图', exact: true }).last());
  await expect(page).toHaveURL(/\/map$/);
  await press(page, button(page, '结束体验'));
  await expect(page).toHaveURL(/\/$/);
  await expect(button(page, '轻触屏幕开始体验')).toBeVisible();
}

/** The visit started since `since` (an ISO time), once the server has its start. */
export async function visitSince(since: string): Promise<string> {
  await expect.poll(() => storedRecords(`type = 'visit-start' AND at >= ?`, since).length).toBe(1);
  return storedRecords(`type = 'visit-start' AND at >= ?`, since)[0]!.visit_id;
}
