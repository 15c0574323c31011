// The civil air defence scenario played to its end at a touch kiosk: the sirens step by touch and by keyboard (its
// sound played through Web Audio, its patterns drawn and said in words), then the drill and the quiz; the result names
// the signal missed, and the server keeps one signal-identified record per round. Then the sirens once more in an
// emulated headset, by controller only.
import type { Page } from '@playwright/test';
import { MECHANICS, type MechanicName, type StepConfigOf } from '@ruyi/mechanics';
import { localize, type LocalizedText, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { expect, expectNoA11yViolations, storedRecords, test } from './fixtures.ts';
import { enterVr, select, waitForTarget, xrTargets, XR_VIEWPORT } from './xr/harness.ts';
import { test as xrTest } from './xr/fixtures.ts';
import { awaitRunVisit } from './xr/scenario.ts';
import { stationEnterButton, stationReady } from './xr/station.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

const content = readContent('content');
const pack: Pack | undefined = content.packs.find((p) => p.id === 'civil-defence-sirens');
if (!pack) throw new Error(`the civil defence pack did not load: ${JSON.stringify(content.problems)}`);
const scenario: Scenario = pack.scenarios.find((s) => s.id === 'three-signals')!;

const stepOf = <N extends MechanicName>(mechanic: N) => scenario.steps.find((s) => s.mechanic === mechanic) as unknown as StepConfigOf<N>;
const sirens = stepOf('audio-recognition');

const l = (text: LocalizedText) => localize(text, 'zh-CN');
function words(mechanic: MechanicName, key: string): string {
  const text = (MECHANICS[mechanic].locales['zh-CN'] as Record<string, unknown>)[key];
  if (typeof text !== 'string') throw new Error(`mechanics.${mechanic}.${key} is no string in zh-CN`);
  return text;
}
const K = (key: string) => words('audio-recognition', key);
const signal = (id: string) => sirens.signals.find((s) => s.id === id)!;

/** The drawn pattern's words for each signal of the scenario (real time). */
const PATTERN_WORDS: Record<string, string> = {
  'pre-attack-warning': '鸣响 36 秒，停 24 秒，反复 3 次，共 3 分钟',
  'air-raid-alarm': '鸣响 6 秒，停 6 秒，反复 15 次，共 3 分钟',
  'all-clear': '连续鸣响 3 分钟',
};

/** Picks a signal wrongly in this round: any other than the one playing. */
const wrongFor = (id: string) => sirens.signals.find((s) => s.id !== id)!.id;

async function checkRound(page: Page, n: number, signalId: string) {
  const main = page.locator('main.audio-recognition');
  await expect(main.locator('h1')).toContainText(`第 ${n} 轮，共 ${sirens.rounds.length} 轮`);
  await expect(main).toContainText(`快 ${sirens.timeScale} 倍`);
  // The sound played through Web Audio (headless Chromium has it); a device without it would say 'silent'.
  await expect(main).toHaveAttribute('data-siren', 'playing');
  // The pattern for visitors who cannot hear it: drawn, with its words as the drawing's name and caption.
  await expect(page.getByRole('img', { name: PATTERN_WORDS[signalId]! })).toBeVisible();
  const p = signal(signalId).pattern;
  await expect(main.locator('.siren-on')).toHaveCount(p.offSeconds === 0 ? 1 : p.cycles);
  // Every signal is an option.
  await expect(main.locator('.choice-list button')).toHaveCount(sirens.signals.length);
}

async function checkVerdict(page: Page, signalId: string, right: boolean, chosenId: string) {
  const verdict = page.locator('main.audio-recognition .consequence');
  const name = l(signal(signalId).name);
  await expect(verdict).toContainText(right ? K('right').replace('{{name}}', name) : K('wrong').replace('{{name}}', name).replace('{{chosen}}', l(signal(chosenId).name)));
  await expect(verdict).toContainText(l(signal(signalId).meaning));
  await expect(verdict).toHaveClass(right ? /safe/ : /unsafe/);
  // The right answer marked in words, the choices spent.
  await expect(page.getByRole('button', { name: new RegExp(`${name}.*${K('rightAnswer')}`) })).toBeDisabled();
}

test('a visitor tells the three air-raid signals apart by touch and keyboard, and plays the scenario to its end', async ({ page }) => {
  test.setTimeout(300_000);
  const startedAt = new Date().toISOString();
  await page.goto(`/play/${pack.id}/${scenario.id}`);

  // The case card.
  await page.getByRole('button', { name: words('case-card', 'begin') }).tap();

  // The sirens: round 1 right by touch, with a second listen.
  const [first, second, third] = sirens.rounds.map((r) => r.signal) as [string, string, string];
  await checkRound(page, 1, first);
  await expect(page.locator('main.audio-recognition .lead')).toHaveText(l(sirens.instructions));
  await expectNoA11yViolations(page, 'audio recognition');
  await page.getByRole('button', { name: K('playAgain') }).tap();
  await expect(page.locator('main.audio-recognition')).toHaveAttribute('data-siren', 'playing');
  await page.getByRole('button', { name: l(signal(first).name), exact: true }).tap();
  await checkVerdict(page, first, true, first);
  await expectNoA11yViolations(page, 'audio recognition verdict');
  await expect(page.getByRole('button', { name: K('continue') })).toBeFocused();
  await page.getByRole('button', { name: K('continue') }).tap();

  // Round 2 wrong, by touch.
  await checkRound(page, 2, second);
  const wrong = wrongFor(second);
  await page.getByRole('button', { name: l(signal(wrong).name), exact: true }).tap();
  await checkVerdict(page, second, false, wrong);
  await expect(page.getByRole('button', { name: new RegExp(`${l(signal(wrong).name)}.*${K('yourPick')}`) })).toBeVisible();
  await page.getByRole('button', { name: K('continue') }).tap();

  // Round 3 right, by keyboard only: focus is on the question; Tab to the right signal, Enter, then Space goes on.
  await checkRound(page, 3, third);
  await expect(page.getByRole('heading', { name: K('question') })).toBeFocused();
  const target = l(signal(third).name);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent ?? '')) === target) break;
  }
  await expect(page.getByRole('button', { name: target, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await checkVerdict(page, third, true, third);
  await expect(page.getByRole('button', { name: K('finish') })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('main.audio-recognition')).toHaveCount(0);

  // The drill: the safe choice at every decision, along the path they lead.
  const drill = stepOf('decisions');
  for (let nodeId: string | undefined = drill.start; nodeId; ) {
    const node = drill.nodes.find((n) => n.id === nodeId)!;
    await expect(page.getByRole('heading', { name: l(node.prompt) })).toBeVisible();
    const safe = node.choices.find((c) => c.safe)!;
    await page.getByRole('button', { name: l(safe.label), exact: true }).tap();
    await page.getByRole('button', { name: words('decisions', 'continue') }).tap();
    nodeId = safe.next;
  }

  // The quiz, every answer right.
  const quiz = stepOf('quiz');
  for (const [i, q] of quiz.questions.entries()) {
    await expect(page.locator('.question legend .prompt')).toHaveText(l(q.prompt));
    for (const id of q.answer) await page.getByLabel(l(q.choices.find((c) => c.id === id)!.label), { exact: true }).check();
    await page.getByRole('button', { name: words('quiz', 'submit') }).tap();
    await page.getByRole('button', { name: words('quiz', i === quiz.questions.length - 1 ? 'finish' : 'next') }).tap();
  }

  // The result names the signal missed, with what to do on it.
  await expect(page.locator('main.result')).toBeVisible();
  await expect(page.locator('main.result')).toContainText(`${l(signal(second).name)}：${l(signal(second).meaning)}`);
  await expectNoA11yViolations(page, 'result');

  // The server keeps a record per round, with the order this visit showed the signals in.
  const visitId = await expect
    .poll(() => storedRecords(`type = 'visit-start' AND at >= ?`, startedAt).map((r) => r.visit_id)[0])
    .toBeTruthy()
    .then(() => storedRecords(`type = 'visit-start' AND at >= ?`, startedAt)[0]!.visit_id);
  const rounds = () => storedRecords(`type = 'signal-identified' AND visit_id = ?`, visitId).map((r) => JSON.parse(r.body) as Record<string, unknown>);
  await expect.poll(() => rounds().length).toBe(3);
  const stored = rounds();
  expect(stored.map((r) => [r.roundId, r.chosenId, r.right])).toEqual([
    [sirens.rounds[0]!.id, first, true],
    [sirens.rounds[1]!.id, wrong, false],
    [sirens.rounds[2]!.id, third, true],
  ]);
  for (const r of stored) expect([...(r.order as string[])].sort()).toEqual(sirens.signals.map((s) => s.id).sort());
});

/**
 * Presses a button until `shown` appears. On a loaded machine the emulated headset's frames come slowly and a press
 * can be missed; pressing again is harmless here (a second pick or "continue" in the same state changes nothing), and
 * it is only done while the button is still there.
 */
async function pressUntil(page: Page, id: string, shown: string) {
  for (let i = 0; i < 3; i++) {
    await select(page, id);
    if (await waitForTarget(page, shown, 20_000).then(() => true, () => false)) return;
    if (!(await xrTargets(page)).some((t) => t.id === id && t.visible)) break;
  }
  await waitForTarget(page, shown, 60_000);
}

xrTest.describe('in the headset', () => {
  xrTest.use({ viewport: XR_VIEWPORT });

  xrTest('a visitor tells the signals apart by controller in an emulated Quest 3', async ({ page }) => {
    xrTest.setTimeout(600_000);
    const since = new Date().toISOString();
    await page.goto(`/vr/${pack.id}/${scenario.id}`);
    await stationReady(page);
    await enterVr(page, stationEnterButton(page));
    const choice = (id: string) => `button:audio-recognition.choice.${id}`;
    await pressUntil(page, 'button:case-card.continue', choice(sirens.signals[0]!.id));

    const picks: [string, string][] = [];
    for (const [i, round] of sirens.rounds.entries()) {
      // Every signal is a button named by the signal; the second round is answered wrongly.
      for (const s of sirens.signals) expect((await waitForTarget(page, choice(s.id))).label).toBe(l(s.name));
      if (i === 0) await select(page, 'button:audio-recognition.play');
      const pick = i === 1 ? wrongFor(round.signal) : round.signal;
      picks.push([round.id, pick]);
      // A pick hides the choices and shows the way on; going on shows the next round's choices (or the next step).
      await pressUntil(page, choice(pick), 'button:audio-recognition.continue');
      const drill = stepOf('decisions');
      const next = i < sirens.rounds.length - 1 ? choice(pick) : `button:decision.${drill.nodes.find((n) => n.id === drill.start)!.choices[0]!.id}`;
      await pressUntil(page, 'button:audio-recognition.continue', next);
    }
    const visitId = await awaitRunVisit(scenario, since);
    const rounds = () => storedRecords(`type = 'signal-identified' AND visit_id = ?`, visitId);
    await expect.poll(() => rounds().length, { timeout: 60_000 }).toBe(sirens.rounds.length);
    const stored = rounds();
    expect(stored.every((r) => r.platform === 'vr')).toBe(true);
    expect(stored.map((r) => JSON.parse(r.body) as Record<string, unknown>).map((r) => [r.roundId, r.chosenId, r.right])).toEqual(
      picks.map(([roundId, pick], i) => [roundId, pick, pick === sirens.rounds[i]!.signal]),
    );
  });
});
