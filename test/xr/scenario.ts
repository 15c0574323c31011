// Playing a scenario in the headset by its in-world target ids (H2's contract), step by step, each step checked by
// what the app shows next (targets appearing) and what reached the kiosk-server (records in SQLite).
import type { Page } from '@playwright/test';
import type { Scenario } from '@ruyi/pack-schema';
import { expect, storedRecords, type StoredRecord } from '../fixtures.ts';
import { stepOf } from '../steps.ts';
import { pressTaken, select, visibleTargets, waitForTarget, worldToReference, XR_TIMEOUT, xrTargets, type AimOptions, type XrTarget } from './harness.ts';

export { stepOf };

export type Press = (page: Page, targetId: string, options?: AimOptions) => Promise<XrTarget>;

/** The records of one visit, oldest first. */
export const visitRecords = (visitId: string): StoredRecord[] => storedRecords('visit_id = ?', visitId);

/** The visit that started this scenario's run since `since` (ISO time), once its scenario-start reached the server. */
export async function awaitRunVisit(scenario: Scenario, since: string): Promise<string> {
  const find = () => storedRecords(`type = 'scenario-start' AND scenario_id = ? AND at >= ?`, scenario.id, since);
  await expect.poll(() => find().length, { message: 'a scenario-start record reached the kiosk-server', timeout: XR_TIMEOUT }).toBeGreaterThan(0);
  return find().at(-1)!.visit_id;
}

export async function countOf(visitId: string, type: string): Promise<number> {
  return storedRecords('visit_id = ? AND type = ?', visitId, type).length;
}

export async function expectRecords(visitId: string, type: string, n: number, message?: string): Promise<void> {
  await expect.poll(() => countOf(visitId, type), { message: message ?? `${n} ${type} record(s)`, timeout: XR_TIMEOUT }).toBe(n);
}

/** The current state of a target (or undefined when it is not shown). */
export async function targetState(page: Page, id: string): Promise<XrTarget | undefined> {
  return (await xrTargets(page)).find((t) => t.id === id && t.visible);
}

/**
 * Presses a prop until the app records it. A target's centre is its bounding box's, which need not be on the prop
 * (the overhead wiring's centre is air between its cables), and a prop deep in the room may be hidden behind another;
 * so later tries aim a little above, below and beside the centre, then from 1.2 m in front of it. A try is made only
 * when the one before made no record in the app: its statement may still be on its way to the server, and a second
 * press, or a miss beside the prop onto another one, would then do a second thing.
 */
export async function pressPropUntil(page: Page, press: Press, propId: string, done: () => Promise<boolean>): Promise<void> {
  const attempts: (AimOptions | 'near')[] = [
    {},
    { offset: [0, 0.18, 0] },
    { offset: [0, -0.15, 0] },
    { offset: [0.25, 0, 0] },
    { offset: [-0.25, 0, 0] },
    'near',
  ];
  const tried: string[] = [];
  for (const attempt of attempts) {
    const options = attempt === 'near' ? await nearOptions(page, `prop:${propId}`) : attempt;
    tried.push(JSON.stringify(options));
    const taken = await pressTaken(page, () => press(page, `prop:${propId}`, options));
    // Taken: the server gets it in time. Not taken: a short look, for a press that does its thing with no record.
    const ok = await expect
      .poll(done, { timeout: taken ? 60_000 : 3_000 })
      .toBe(true)
      .then(() => true)
      .catch(() => false);
    if (ok) {
      if (tried.length > 1) console.log(`prop:${propId} taken at try ${tried.length}: ${tried.at(-1)}`);
      return;
    }
  }
  throw new Error(`pressing prop:${propId} was never taken; tried ${tried.join(', ')}`);
}

/** A ray start 1.2 m in front of a target (on the side of the headset) and 0.4 m above its centre, reference space. */
async function nearOptions(page: Page, targetId: string): Promise<AimOptions> {
  const target = await waitForTarget(page, targetId);
  const to = await worldToReference(page, target.center);
  const head = await page.evaluate(() => [window.__iwer!.position.x, window.__iwer!.position.y, window.__iwer!.position.z] as const);
  const dx = head[0] - to[0];
  const dz = head[2] - to[2];
  const len = Math.hypot(dx, dz) || 1;
  return { from: [to[0] + (dx / len) * 1.2, to[1] + 0.4, to[2] + (dz / len) * 1.2] };
}

export interface PlayOptions {
  press?: Press;
  /** Hazard ids to find (all unless told). */
  find?: string[];
  /** Called in the hunt once every hazard is found (e.g. to measure the frame with every marker). */
  afterHunt?: () => Promise<void>;
}

/**
 * The whole scenario of a case card, a hazard hunt, decisions and a quiz, every answer right, to the result; returns
 * the decisions taken. Choices are pressed by their ids: a pack may show them in a shuffled order.
 */
export async function playWholeScenario(page: Page, scenario: Scenario, visitId: string, options: PlayOptions = {}) {
  const press = options.press ?? select;
  const hunt = stepOf(scenario, 'hazard-hunt');
  const drill = stepOf(scenario, 'decisions');
  const quiz = stepOf(scenario, 'quiz');
  const find = options.find ?? hunt.hazards.map((h) => h.id);

  // Case card → hunt
  await waitForTarget(page, 'button:case-card.continue');
  await press(page, 'button:case-card.continue');
  await waitForTarget(page, 'button:hunt.done');

  // Hazard hunt: every hazard prop, each recorded once
  for (const [i, hazardId] of find.entries()) {
    const hazard = hunt.hazards.find((h) => h.id === hazardId)!;
    await pressPropUntil(page, press, hazard.prop, async () => (await countOf(visitId, 'hazard-found')) >= i + 1);
  }
  await expectRecords(visitId, 'hazard-found', find.length);
  const found = visitRecords(visitId)
    .filter((r) => r.type === 'hazard-found')
    .map((r) => JSON.parse(r.body).hazardId);
  expect(found.sort()).toEqual([...find].sort());
  await options.afterHunt?.();
  await press(page, 'button:hunt.done');

  // Review → decisions
  await waitForTarget(page, 'button:review.continue');
  await press(page, 'button:review.continue');

  let nodeId: string | undefined = drill.start;
  const taken: { nodeId: string; choiceId: string; safe: boolean }[] = [];
  while (nodeId) {
    const node = drill.nodes.find((n) => n.id === nodeId)!;
    const choice = node.choices.find((c) => c.safe)!;
    await revealChoice(page, press, 'decision', `button:decision.${choice.id}`);
    await press(page, `button:decision.${choice.id}`);
    taken.push({ nodeId: node.id, choiceId: choice.id, safe: true });
    await expectRecords(visitId, 'decision', taken.length);
    await waitForTarget(page, 'button:decision.continue');
    await press(page, 'button:decision.continue');
    nodeId = choice.next ?? undefined;
  }

  // Quiz: the right choices (a multiple-choice question toggles each), submit, next
  for (const [i, q] of quiz.questions.entries()) {
    await waitForTarget(page, 'button:quiz.submit');
    for (const id of q.answer) {
      await revealChoice(page, press, 'quiz', `button:quiz.choice.${id}`);
      await press(page, `button:quiz.choice.${id}`);
      const state = (await targetState(page, `button:quiz.choice.${id}`))?.state;
      if (state !== undefined)
        await expect.poll(async () => (await targetState(page, `button:quiz.choice.${id}`))?.state, { timeout: XR_TIMEOUT }).toBe('on');
    }
    await press(page, 'button:quiz.submit');
    await expectRecords(visitId, 'answer', i + 1, `question ${q.id} answered`);
    await waitForTarget(page, 'button:quiz.next');
    await press(page, 'button:quiz.next');
  }

  // Result
  await waitForTarget(page, 'button:result.exit');
  await waitForTarget(page, 'button:result.again');
  return { taken, found: find };
}

/**
 * Shows a choice button of a split sheet: a long list of choices is paged, and choices may come in a shuffled order,
 * so the one wanted may be on another page. Presses the sheet's "more choices" until it is there.
 */
export async function revealChoice(page: Page, press: Press, sheet: string, targetId: string): Promise<void> {
  const pager = `button:${sheet}.choices-page`;
  // A page's buttons are registered together and each shows once its label's glyphs have loaded: the choice is on
  // another page only when every button of the sheet has shown without it.
  const look = async () => {
    const buttons = (await xrTargets(page)).filter((t) => t.id.startsWith(`button:${sheet}.`));
    if (buttons.some((t) => t.id === targetId && t.visible)) return 'shown';
    return buttons.some((t) => t.id === pager) && buttons.every((t) => t.visible) ? 'paged' : 'not yet';
  };
  for (let turn = 0; turn < 8; turn++) {
    let now = 'not yet';
    await expect.poll(async () => (now = await look()), { message: `${targetId} or ${pager} is shown`, timeout: XR_TIMEOUT }).not.toBe('not yet');
    if (now === 'shown') return;
    const before = (await shownButtons(page)).join(' ');
    await press(page, pager);
    await expect.poll(async () => (await shownButtons(page)).join(' '), { timeout: XR_TIMEOUT }).not.toBe(before);
  }
  throw new Error(`${targetId} is on none of the pages of ${sheet}'s choices`);
}

/** Visible in-world buttons now, for messages. */
export async function shownButtons(page: Page): Promise<string[]> {
  return (await visibleTargets(page, 'button:')).map((t) => t.id);
}
