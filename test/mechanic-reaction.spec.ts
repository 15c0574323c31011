// The reaction mechanic, played in the pack scenario that uses it, by keyboard and touch: "ready", an unannounced
// wait, the cue (the scene shakes, and stands still under reduced motion), the right actions in order among wrong
// ones, the verdict, and the record on the server with the shown order and the reaction time. A second visit gets
// things wrong and lets the time run out.
import type { Page } from '@playwright/test';
import { MECHANICS, type StepConfigOf } from '@ruyi/mechanics';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { expect, expectNoA11yViolations, storedRecords, test } from './fixtures.ts';
import { pauseClock } from './play/words.ts';
import { enterVr, select, visibleTargets, waitForTarget, xrTargets, XR_VIEWPORT } from './xr/harness.ts';
import { test as xrTest } from './xr/fixtures.ts';
import { awaitRunVisit } from './xr/scenario.ts';
import { stationEnterButton, stationReady } from './xr/station.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

type ReactionStep = StepConfigOf<'reaction'>;
type DecisionsStep = StepConfigOf<'decisions'>;
type QuizStep = StepConfigOf<'quiz'>;

function reactionScenario(): { pack: Pack; scenario: Scenario } {
  for (const pack of readContent('content').packs)
    for (const scenario of pack.scenarios) if (scenario.steps.some((s) => s.mechanic === 'reaction')) return { pack, scenario };
  throw new Error('no scenario in content/packs has a reaction step');
}

const { pack, scenario } = reactionScenario();
const locale = 'zh-CN';
const l = (text: Parameters<typeof localize>[0]) => localize(text, locale);
/** A mechanic's own string, as the app shows it (interpolation done here: only {{n}}-style values). */
function k(mechanic: keyof typeof MECHANICS, key: string, values: Record<string, string | number> = {}): string {
  const text = (MECHANICS[mechanic].locales[locale] as Record<string, string>)[key]!;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}
const reactionStep = scenario.steps.find((s) => s.mechanic === 'reaction') as ReactionStep;
const label = (id: string) => l([...reactionStep.actions, ...reactionStep.distractors].find((a) => a.id === id)!.label);

async function caseCard(page: Page) {
  await page.getByRole('button', { name: k('case-card', 'begin'), exact: true }).click();
}

async function decisions(page: Page, step: DecisionsStep) {
  let node = step.nodes.find((n) => n.id === step.start) ?? step.nodes[0]!;
  for (;;) {
    await expect(page.locator('.decisions .prompt')).toHaveText(l(node.prompt));
    const safe = node.choices.find((c) => c.safe)!;
    await page.getByRole('button', { name: l(safe.label), exact: true }).click();
    await page.getByRole('button', { name: k('decisions', 'continue'), exact: true }).click();
    const next = safe.next && step.nodes.find((n) => n.id === safe.next);
    if (!next) return;
    node = next;
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

/** From the instructions to the cue: "ready" by keyboard, then the wait, then the cue with the focus on it. */
async function readyForCue(page: Page, step: ReactionStep) {
  await expect(page.locator('.reaction-panel .panel-heading')).toHaveText(k('reaction', 'title'));
  await expect(page.locator('.reaction-panel')).toContainText(l(step.instructions));
  const ready = page.getByRole('button', { name: k('reaction', 'ready'), exact: true });
  await ready.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.reaction-waiting')).toHaveText(k('reaction', 'waiting'));
  // Nothing to tap while waiting, and the scene is still.
  await expect(page.locator('.reaction-actions')).toHaveCount(0);
  await expect(page.locator('.reaction-scene')).toHaveAttribute('data-shaking', 'false');
  // The cue comes by itself, at most cueAfterSeconds.max after "ready".
  const cue = page.locator('.reaction-cue');
  await expect(cue).toContainText(l(step.cue), { timeout: step.cueAfterSeconds.max * 1000 + 10_000 });
  await expect(cue).toBeFocused();
}

async function reactInTime(page: Page, step: ReactionStep) {
  await readyForCue(page, step);
  // The clock runs from the cue (withinSeconds for full points): one look at the page, then the actions, checks after.
  const cueState = await page.evaluate(() => ({
    shaking: document.querySelector<HTMLElement>('.reaction-scene')!.dataset.shaking,
    animation: getComputedStyle(document.querySelector('.reaction-scene')!).animationName,
    shown: [...document.querySelectorAll<HTMLElement>('.reaction-actions button')].map((b) => b.dataset.action!),
  }));
  // The drill counts from the cue: the page's clock stops there and moves on a brisk visitor's pace between
  // actions, so a slow machine cannot run the drill out of time while the test is still reaching the buttons.
  await pauseClock(page);
  try {
    // The first right action by keyboard: Tab from the cue to it, Enter; the rest by touch.
    const first = step.actions[0]!;
    for (let tabs = 0; tabs <= cueState.shown.indexOf(first.id); tabs++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (const a of step.actions.slice(1)) {
      await page.clock.runFor(700);
      await page.locator(`.reaction-actions [data-action="${a.id}"]`).tap();
    }
    await expect(page.locator('.reaction-panel .verdict')).toHaveAttribute('data-outcome', 'in-time');
  } finally {
    await page.clock.resume();
  }

  expect(cueState.shaking).toBe('true');
  expect(cueState.animation).toBe('reaction-shake');
  expect([...cueState.shown].sort()).toEqual([...step.actions, ...step.distractors].map((a) => a.id).sort());

  const verdict = page.locator('.reaction-panel .verdict');
  await expect(verdict).toHaveAttribute('data-outcome', 'in-time');
  await expect(verdict).toBeFocused();
  await expect(page.locator('.reaction-scene')).toHaveAttribute('data-shaking', 'false');
  await expect(page.locator('.reaction-panel')).toContainText(k('reaction', 'points', { points: step.points, max: step.points }));
  for (const a of step.actions) await expect(page.locator('.reaction-review')).toContainText(l(a.feedback));
  await expectNoA11yViolations(page, 'reaction feedback');
  await page.getByRole('button', { name: k('reaction', 'continue'), exact: true }).tap();
}

test('a visitor drops, covers and holds on in time, by keyboard and touch, and plays the scenario to its end', async ({ page }) => {
  test.setTimeout(300_000);
  const startedAt = new Date().toISOString();
  await page.clock.install();
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  for (const step of scenario.steps) {
    if (step.mechanic === 'case-card') await caseCard(page);
    else if (step.mechanic === 'reaction') {
      await expectNoA11yViolations(page, 'reaction instructions');
      await reactInTime(page, step as ReactionStep);
    } else if (step.mechanic === 'decisions') await decisions(page, step as DecisionsStep);
    else if (step.mechanic === 'quiz') await quiz(page, step as QuizStep);
    else throw new Error(`this spec does not play ${step.mechanic} steps`);
  }
  await expect(page.getByTestId('score')).toBeVisible();

  // The record on the server: the taps in order, the time from the cue, the order the actions were shown in.
  const visitStart = () => storedRecords(`type = 'visit-start' AND at >= ?`, startedAt);
  await expect.poll(() => visitStart().length).toBe(1);
  const visitId = visitStart()[0]!.visit_id;
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-end').length).toBe(1);
  const records = storedRecords('visit_id = ? AND type = ?', visitId, 'reaction').map((r) => JSON.parse(r.body));
  expect(records).toHaveLength(1);
  const [r] = records;
  expect(r.drill).toBe(reactionStep.id);
  expect(r.actionIds).toEqual(reactionStep.actions.map((a) => a.id));
  expect(r.reactionMs).toBeGreaterThan(0);
  expect(r.reactionMs).toBeLessThanOrEqual(reactionStep.withinSeconds * 1000);
  expect([...r.order].sort()).toEqual([...reactionStep.actions, ...reactionStep.distractors].map((a) => a.id).sort());
});

test('wrong actions and the time running out: live feedback, a calm scene under reduced motion, and what was wrong', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await caseCard(page);
  const step = reactionStep;
  await readyForCue(page, step);
  // Reduced motion: the cue still comes, in words, but the scene does not move.
  await expect(page.locator('.reaction-scene')).toHaveAttribute('data-shaking', 'false');
  await expect(page.locator('.reaction-scene')).toHaveCSS('animation-name', 'none');

  const distractor = step.distractors[0]!;
  await page.locator(`.reaction-actions [data-action="${distractor.id}"]`).tap();
  await expect(page.locator('.reaction-live')).toContainText(k('reaction', 'distractor', { action: l(distractor.label) }));
  await expect(page.locator(`.reaction-actions [data-action="${distractor.id}"]`)).toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator(`.reaction-actions [data-action="${distractor.id}"]`)).toContainText(k('reaction', 'wrong'));
  const last = step.actions.at(-1)!;
  await page.locator(`.reaction-actions [data-action="${last.id}"]`).tap();
  await expect(page.locator('.reaction-live')).toContainText(k('reaction', 'wrongOrder', { action: l(last.label), next: l(step.actions[0]!.label) }));
  await expectNoA11yViolations(page, 'reaction cue');

  // Nothing more: the drill ends by itself twice withinSeconds after the cue.
  const verdict = page.locator('.reaction-panel .verdict');
  await expect(verdict).toHaveAttribute('data-outcome', 'wrong', { timeout: step.withinSeconds * 2000 + 10_000 });
  await expect(verdict).toContainText(k('reaction', 'wrongVerdict'));
  await expect(page.locator('.reaction-panel')).toContainText(k('reaction', 'points', { points: 0, max: step.points }));
  await expect(page.locator('.reaction-panel')).toContainText(k('reaction', 'yourWrong'));
  await expect(page.locator('.reaction-panel')).toContainText(l(distractor.feedback));
  await expect(page.locator('.reaction-panel')).toContainText(label(last.id));
  await expectNoA11yViolations(page, 'reaction, wrong');
  await page.getByRole('button', { name: k('reaction', 'continue'), exact: true }).tap();
  await expect(page.locator('.decisions .prompt')).toBeVisible();
});

xrTest.describe('in the headset', () => {
  xrTest.use({ viewport: XR_VIEWPORT });

  xrTest('a visitor drops, covers and holds on by controller in an emulated Quest 3 while the world shakes', async ({ page }) => {
    xrTest.setTimeout(600_000);
    const step = reactionStep;
    const since = new Date().toISOString();
    await page.goto(`/vr/${pack.id}/${scenario.id}`);
    await stationReady(page);
    await enterVr(page, stationEnterButton(page));
    await waitForTarget(page, 'button:case-card.continue', 60_000);
    await select(page, 'button:case-card.continue');
    await waitForTarget(page, 'button:reaction.ready', 60_000);
    const visitId = await awaitRunVisit(scenario, since);

    // The world while it is calm: where a prop is. The panel is pressed; the cue comes by itself.
    const prop = scenario.scene.props[0]!.id;
    const propAt = async () => (await xrTargets(page)).find((t) => t.id === `prop:${prop}`)!.center;
    const calm = await propAt();
    await select(page, 'button:reaction.ready');
    const buttonOf = (id: string) => `button:reaction.action.${id}`;
    await waitForTarget(page, buttonOf(step.actions[0]!.id), step.cueAfterSeconds.max * 1000 + 60_000);

    // Every action is a button named by its label (on a page of the column; turned until the action shows). The
    // drill may end by its time first: a loaded machine draws an emulated headset at a frame or two a second, and
    // one press takes several frames.
    const over = async () => (await visibleTargets(page, 'button:reaction.continue')).length > 0;
    for (const action of step.actions) {
      if (await over()) break;
      const id = buttonOf(action.id);
      for (let turns = 0; turns < 4 && (await visibleTargets(page, id)).length === 0 && !(await over()); turns++)
        await select(page, 'button:reaction.choices-page');
      if (action === step.actions[0]) expect((await waitForTarget(page, id)).label).toBe(l(action.label));
      await select(page, id);
      // Taken: the button turns spent (the last one ends the drill, and its button goes with the others).
      await expect.poll(async () => (await over()) || (await xrTargets(page)).find((t) => t.id === id)?.state === 'disabled', { timeout: 15_000 }).toBe(true);
      // The world has moved since the cue (the panel, in the visitor's space, has not).
      if (action === step.actions[0] && !(await over())) expect(await propAt()).not.toEqual(calm);
    }
    await waitForTarget(page, 'button:reaction.continue', 60_000);
    // The drill is over: the world is back where it was.
    await expect.poll(propAt).toEqual(calm);
    await select(page, 'button:reaction.continue');

    const stored = () => storedRecords('visit_id = ? AND type = ?', visitId, 'reaction');
    await expect.poll(() => stored().length, { timeout: 60_000 }).toBe(1);
    const [row] = stored();
    expect(row!.platform).toBe('vr');
    const r = JSON.parse(row!.body);
    expect(r.actionIds).toEqual(step.actions.slice(0, r.actionIds.length).map((a) => a.id));
    if (r.actionIds.length === step.actions.length) {
      expect(r.reactionMs).toBeGreaterThan(0);
      expect(r.reactionMs).toBeLessThan(step.withinSeconds * 2000);
    } else {
      console.log(`the drill's time ran out after ${r.actionIds.length} of ${step.actions.length} presses (the emulated headset drew too few frames)`);
      expect(r.reactionMs).toBeNull();
    }
  });
});
