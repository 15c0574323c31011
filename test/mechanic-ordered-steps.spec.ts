// The ordered-steps mechanic, played to the end of the pack scenario that uses it (the extinguisher drill at the power
// panel), by touch and keyboard: the question first, then a distractor and a step too early (each a mistake with its
// own why), then every step in its order, one of them by tapping its object in the scene. The server stores each pick
// and tap as a record, with the options' shown order and each tap's time. Then the drill once more in an emulated
// headset by controller: a step by its in-world button, the others by pointing at their objects (take the
// extinguisher, aim at the fire) and pulling the trigger.
import type { Page } from '@playwright/test';
import { MECHANICS, type StepConfigOf } from '@ruyi/mechanics';
import { actionOrder } from '@ruyi/mechanics/ordered-steps';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { expect, expectNoA11yViolations, storedRecords, test } from './fixtures.ts';
import { enterVr, pressTaken, select, visibleTargets, waitForTarget, XR_VIEWPORT } from './xr/harness.ts';
import { test as xrTest } from './xr/fixtures.ts';
import { awaitRunVisit, countOf, pressPropUntil } from './xr/scenario.ts';
import { stationEnterButton, stationReady } from './xr/station.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

type OrderedStep = StepConfigOf<'ordered-steps'>;
type DecisionsStep = StepConfigOf<'decisions'>;
type QuizStep = StepConfigOf<'quiz'>;

/** The scenario with an ordered-steps step that has a question and does a step on a scene object. */
function drillScenario(): { pack: Pack; scenario: Scenario; step: OrderedStep } {
  for (const pack of readContent('content').packs)
    for (const scenario of pack.scenarios)
      for (const step of scenario.steps)
        if (step.mechanic === 'ordered-steps') {
          const s = step as OrderedStep;
          if (s.choose && s.distractors.length > 0 && s.actions.length >= 3 && s.actions.some((a) => a.prop)) return { pack, scenario, step: s };
        }
  throw new Error('no scenario in content/packs has an ordered-steps step with a question, distractors and a prop');
}

const { pack, scenario, step: drill } = drillScenario();
const locale = 'zh-CN';
const l = (text: Parameters<typeof localize>[0]) => localize(text, locale);
/** A mechanic's own string, as the app shows it (interpolation done here: only {{n}}-style values). */
function k(mechanic: keyof typeof MECHANICS, key: string, values: Record<string, string | number> = {}): string {
  const text = (MECHANICS[mechanic].locales[locale] as Record<string, string>)[key]!;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}
const os = (key: string, values?: Record<string, string | number>) => k('ordered-steps', key, values);

async function caseCard(page: Page) {
  await page.getByRole('button', { name: k('case-card', 'begin'), exact: true }).click();
}

async function decisions(page: Page, step: DecisionsStep) {
  // Follow the safe choices until the drill leaves the decisions.
  const prompt = page.locator('.decisions .prompt');
  await expect(prompt).toBeVisible();
  for (let n = 0; n < step.nodes.length; n++) {
    const text = await prompt.textContent();
    const node = step.nodes.find((x) => l(x.prompt) === text);
    if (!node) throw new Error(`no decision of step ${step.id} reads ${text}`);
    const safe = node.choices.find((c) => c.safe)!;
    await page.getByRole('button', { name: l(safe.label), exact: true }).click();
    await page.getByRole('button', { name: k('decisions', 'continue'), exact: true }).click();
    if (!safe.next) return;
    await expect(prompt).toHaveText(l(step.nodes.find((x) => x.id === safe.next)!.prompt));
  }
}

async function quiz(page: Page, step: QuizStep) {
  for (const [i, q] of step.questions.entries()) {
    await expect(page.locator('.quiz .prompt')).toHaveText(l(q.prompt));
    for (const id of q.answer)
      await page.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: l(q.choices.find((c) => c.id === id)!.label), exact: true }).click();
    await page.getByRole('button', { name: k('quiz', 'submit') }).click();
    await page.getByRole('button', { name: k('quiz', i === step.questions.length - 1 ? 'finish' : 'next') }).click();
  }
}

async function tapProp(page: Page, propId: string) {
  // A touch at a point does not wait, as a locator's tap does, for the screen to take touches after a change.
  await expect(page.locator('#root')).not.toHaveAttribute('aria-disabled', 'true');
  // The scene draws a frame or two before it can say where a prop is.
  await expect.poll(() => page.evaluate((id) => window.__ruyiScene?.propScreenPoint(id) ?? null, propId)).not.toBeNull();
  const point = await page.evaluate((id) => window.__ruyiScene!.propScreenPoint(id)!, propId);
  await page.touchscreen.tap(point.x, point.y);
}

const actionButton = (page: Page, id: string) => page.locator(`.os-actions button[data-action="${id}"]`);
const verdict = (page: Page) => page.locator('.os-live .verdict');

/** Plays the drill; returns the taps in order, each with whether it was right. */
async function orderedSteps(page: Page, step: OrderedStep) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(os('heading'));
  await expect(page.locator('main.ordered-steps')).toContainText(l(step.instructions));
  await expectNoA11yViolations(page, 'ordered steps, question');

  // The question by keyboard: Tab to the right option, Enter.
  const right = step.choose!.options.find((o) => o.right)!;
  for (let tabs = 0; tabs < 40; tabs++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-option'))) === right.id) break;
  }
  await expect(page.locator(`button[data-option="${right.id}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveText(`✔ ${os('rightChoice', { choice: l(right.label) })}`);
  await expect(page.locator('.os-live')).toContainText(l(right.feedback));
  const start = page.getByRole('button', { name: os('start'), exact: true });
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');

  // The steps: all shown, in this run's order, with the distractors among them.
  await expect(page.locator('.os-progress')).toBeFocused();
  await expect(page.locator('.os-progress')).toContainText(os('progress', { done: 0, total: step.actions.length }));
  const shown = await page.locator('.os-actions button').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  expect([...shown].sort()).toEqual([...step.actions, ...step.distractors].map((a) => a.id).sort());
  await expectNoA11yViolations(page, 'ordered steps, the steps');

  const taps: { actionId: string; right: boolean }[] = [];
  // A distractor: a mistake, with why it is always wrong; its button is spent.
  const distractor = step.distractors[0]!;
  await actionButton(page, distractor.id).tap();
  await expect(verdict(page)).toHaveText(`✘ ${os('distractor', { action: l(distractor.label) })}`);
  await expect(page.locator('.os-live')).toContainText(l(distractor.feedback));
  await expect(actionButton(page, distractor.id)).toHaveAttribute('aria-disabled', 'true');
  await expect(actionButton(page, distractor.id)).toContainText(os('wrongTag'));
  taps.push({ actionId: distractor.id, right: false });
  // A step too early: the order's why.
  const early = step.actions[2]!;
  await actionButton(page, early.id).tap();
  await expect(verdict(page)).toHaveText(`✘ ${os('tooEarly', { action: l(early.label) })}`);
  await expect(page.locator('.os-live')).toContainText(l(step.wrongOrderFeedback));
  await expect(page.locator('.os-progress')).toContainText(os('mistakes', { count: 2 }));
  taps.push({ actionId: early.id, right: false });
  await expectNoA11yViolations(page, 'ordered steps, a mistake');

  // Every step in its order: the first with a prop by tapping that object in the scene, one by keyboard, the rest by
  // touch.
  const byScene = step.actions.find((a) => a.prop)!;
  for (const [i, action] of step.actions.entries()) {
    if (action === byScene) await tapProp(page, action.prop!);
    else if (i === step.actions.length - 1) {
      await actionButton(page, action.id).focus();
      await page.keyboard.press('Enter');
    } else await actionButton(page, action.id).tap();
    await expect(verdict(page)).toHaveText(`✔ ${os('done', { action: l(action.label) })}`);
    await expect(page.locator('.os-live')).toContainText(l(action.feedback));
    taps.push({ actionId: action.id, right: true });
    if (i < step.actions.length - 1) {
      await expect(page.locator('.os-progress')).toContainText(os('progress', { done: i + 1, total: step.actions.length }));
      await expect(actionButton(page, action.id)).toContainText(os('doneTag', { n: i + 1 }));
    }
  }
  await expect(page.locator('.os-done li')).toHaveCount(step.actions.length);
  const finish = page.getByRole('button', { name: os('finish'), exact: true });
  await expect(finish).toBeFocused();
  await expectNoA11yViolations(page, 'ordered steps, all done');
  await finish.tap();
  return { chosen: right.id, taps, shown };
}

test('a visitor plays the ordered steps of a scenario to its end by touch and keyboard', async ({ page }) => {
  test.setTimeout(300_000);
  const startedAt = new Date().toISOString();
  await page.goto(`/play/${pack.id}/${scenario.id}`);

  let played: Awaited<ReturnType<typeof orderedSteps>> | null = null;
  for (const step of scenario.steps) {
    if (step.mechanic === 'case-card') await caseCard(page);
    else if (step.mechanic === 'ordered-steps') {
      if (step.id === drill.id) played = await orderedSteps(page, step as OrderedStep);
      else throw new Error('this spec plays one ordered-steps step per scenario');
    } else if (step.mechanic === 'decisions') await decisions(page, step as DecisionsStep);
    else if (step.mechanic === 'quiz') await quiz(page, step as QuizStep);
    else throw new Error(`this spec does not play ${step.mechanic} steps`);
  }
  await expect(page.getByTestId('score')).toBeVisible();

  // The records on the server: the pick with the order its options were shown in, then each tap with its verdict.
  const visitStart = () => storedRecords(`type = 'visit-start' AND at >= ?`, startedAt);
  await expect.poll(() => visitStart().length).toBe(1);
  const visitId = visitStart()[0]!.visit_id;
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-end').length).toBe(1);
  const chosen = storedRecords('visit_id = ? AND type = ?', visitId, 'option-chosen').map((r) => JSON.parse(r.body));
  expect(chosen).toHaveLength(1);
  expect(chosen[0]).toMatchObject({ stepId: drill.id, stepRef: drill.id, optionId: played!.chosen, right: true });
  expect([...chosen[0].order].sort()).toEqual(drill.choose!.options.map((o) => o.id).sort());
  const taps = storedRecords('visit_id = ? AND type = ?', visitId, 'action-taken').map((r) => JSON.parse(r.body));
  expect(taps.map((r) => ({ actionId: r.actionId, right: r.right }))).toEqual(played!.taps);
  const times = taps.map((r) => r.atMs as number);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(times[0]).toBeGreaterThan(0);
  // The run's seed decides the order the steps were shown in, so the server sees the same order.
  const seed = JSON.parse(storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-start')[0]!.body).seed as number;
  expect(played!.shown).toEqual(actionOrder(drill, seed));
});

/**
 * Presses an in-world button until its press has had its effect. The first press can come while the panel is still
 * settling (its text laid out once the fonts are in), and is then lost. A press the app took (it made a record) is
 * never repeated: its statement may be slow to reach the server on a loaded machine. One that made no record is tried
 * again while its button is still there (a lost press changes nothing).
 */
async function pressUntil(page: Page, id: string, done: () => Promise<boolean>) {
  for (let tries = 0; tries < 4; tries++) {
    const taken = await pressTaken(page, () => select(page, id));
    const ok = await expect
      .poll(done, { timeout: taken ? 60_000 : 8_000 })
      .toBe(true)
      .then(() => true)
      .catch(() => false);
    if (ok) return;
    if (taken) throw new Error(`pressing ${id} was taken, but its effect never came`);
    // Gone from view: the press was taken with no record of its own (a step moved on), so wait for its effect.
    if ((await visibleTargets(page, id)).length === 0) {
      await expect.poll(done, { timeout: 60_000 }).toBe(true);
      return;
    }
  }
  throw new Error(`pressing ${id} was never taken`);
}

const pressUntilGone = (page: Page, id: string) => pressUntil(page, id, async () => (await visibleTargets(page, id)).length === 0);

xrTest.describe('in the headset', () => {
  xrTest.use({ viewport: XR_VIEWPORT });

  xrTest('a visitor does the drill by controller in an emulated Quest 3, pointing at the objects', async ({ page }) => {
    xrTest.setTimeout(900_000);
    const since = new Date().toISOString();
    await page.goto(`/vr/${pack.id}/${scenario.id}`);
    await stationReady(page);
    await enterVr(page, stationEnterButton(page));
    await waitForTarget(page, 'button:case-card.continue', 60_000);
    await pressUntilGone(page, 'button:case-card.continue');
    const visitId = await awaitRunVisit(scenario, since);

    // The question: every option a button named by its label; the right one, then the way on.
    for (const o of drill.choose!.options) expect((await waitForTarget(page, `button:ordered-steps.option.${o.id}`)).label).toBe(l(o.label));
    const right = drill.choose!.options.find((o) => o.right)!;
    await pressUntilGone(page, `button:ordered-steps.option.${right.id}`);
    await expect.poll(() => countOf(visitId, 'option-chosen'), { timeout: 60_000 }).toBe(1);
    await pressUntilGone(page, 'button:ordered-steps.start');

    // The first step, and any without an object, by its button (turning the column's pages until it shows); the rest by their objects.
    await expect.poll(async () => (await visibleTargets(page, 'button:ordered-steps.action.')).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const shownNow = async () => (await visibleTargets(page, 'button:ordered-steps.action.')).map((t) => t.id).join(' ');
    // The column shows a page of steps in the run's shuffled order: turn its pages until the button is on the one shown.
    const turnTo = async (buttonId: string) => {
      for (let turns = 0; turns < 12 && !(await visibleTargets(page, buttonId)).some((t) => t.id === buttonId); turns++) {
        const before = await shownNow();
        await select(page, 'button:ordered-steps.choices-page');
        await expect.poll(shownNow, { timeout: 8_000 }).not.toBe(before).catch(() => undefined);
      }
    };
    for (const [i, action] of drill.actions.entries()) {
      const done = async () => (await countOf(visitId, 'action-taken')) >= i + 1;
      // Pressed again only if the press was lost: a step already done ignores its button.
      if (i === 0 || !action.prop) {
        const buttonId = `button:ordered-steps.action.${action.id}`;
        await turnTo(buttonId);
        await pressUntil(page, buttonId, done);
      } else await pressPropUntil(page, select, action.prop, done);
    }
    await waitForTarget(page, 'button:ordered-steps.finish', 60_000);
    await pressUntilGone(page, 'button:ordered-steps.finish');
    // The step ended: the next step's first button is up.
    const after = scenario.steps[scenario.steps.findIndex((s) => s.id === drill.id) + 1]!;
    if (after.mechanic === 'decisions') {
      const d = after as DecisionsStep;
      await waitForTarget(page, `button:decision.${d.nodes.find((n) => n.id === d.start)!.choices[0]!.id}`, 60_000);
    }

    const taps = () => storedRecords('visit_id = ? AND type = ?', visitId, 'action-taken');
    await expect.poll(() => taps().length, { timeout: 60_000 }).toBe(drill.actions.length);
    const stored = taps();
    expect(stored.every((r) => r.platform === 'vr')).toBe(true);
    // Every step at its turn: done by button or by pointing, each is the step due, right.
    expect(stored.map((r) => JSON.parse(r.body)).map((r) => [r.actionId, r.right])).toEqual(drill.actions.map((a) => [a.id, true]));
  });
});
