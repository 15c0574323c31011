// The timed-choice mechanic, played to the end of the pack scenario that uses it, by touch and by keyboard: the
// countdown counts in words, the bar shrinks (and stands still under reduced motion), a choice in time is judged, the
// time running out is judged "too late" and still teaches the safe choice, and every situation reaches the server as
// a record with its shown order and time taken. Then the drill once by controller in an emulated headset.
import type { Page } from '@playwright/test';
import { MECHANICS, type StepConfigOf } from '@ruyi/mechanics';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { recordFromStatement, type Statement } from '@ruyi/xapi';
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { expect, expectNoA11yViolations, extraPort, storedRecords, test, XAPI_BASE } from './fixtures.ts';
import { startServer, type ServerHandle } from './servers.ts';
import { enterVr, select, visibleTargets, waitForTarget, XR_TIMEOUT, XR_VIEWPORT } from './xr/harness.ts';
import { test as xrTest } from './xr/fixtures.ts';
import { revealChoice } from './xr/scenario.ts';
import { stationEnterButton, stationReady } from './xr/station.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

type TimedStep = StepConfigOf<'timed-choice'>;
type QuizStep = StepConfigOf<'quiz'>;

function timedScenario(): { pack: Pack; scenario: Scenario } {
  for (const pack of readContent('content').packs)
    for (const scenario of pack.scenarios) if (scenario.steps.some((s) => s.mechanic === 'timed-choice')) return { pack, scenario };
  throw new Error('no scenario in content/packs has a timed-choice step');
}

const { pack, scenario } = timedScenario();
const locale = 'zh-CN';
const l = (text: Parameters<typeof localize>[0]) => localize(text, locale);
/** A mechanic's own string, as the app shows it (interpolation done here: only {{n}}-style values). */
function k(mechanic: keyof typeof MECHANICS, key: string, values: Record<string, string | number> = {}): string {
  const text = (MECHANICS[mechanic].locales[locale] as Record<string, string>)[key]!;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

async function caseCard(page: Page) {
  await page.getByRole('button', { name: k('case-card', 'begin'), exact: true }).click();
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

/** What to do in each situation: the first by keyboard, the second a wrong tap, the shortest one left to run out. */
type Plan = { how: 'keyboard' | 'tap-safe' | 'tap-unsafe' | 'wait' };

function plans(step: TimedStep): Plan[] {
  const shortest = step.situations.reduce((best, s, i) => (s.seconds < step.situations[best]!.seconds ? i : best), step.situations.length - 1);
  return step.situations.map((_, i) => ({ how: i === shortest ? 'wait' : i === 0 ? 'keyboard' : i === 1 ? 'tap-unsafe' : 'tap-safe' }));
}

const secondsText = (page: Page) => page.locator('.tc-seconds').textContent();

async function timedChoice(page: Page, step: TimedStep) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(k('timed-choice', 'heading'));
  await expect(page.locator('.tc-panel')).toContainText(l(step.intro));
  await expectNoA11yViolations(page, 'timed choice intro');
  await page.getByRole('button', { name: k('timed-choice', 'start') }).click();

  const taken: { situationId: string; choiceId: string | null }[] = [];
  for (const [i, plan] of plans(step).entries()) {
    const situation = step.situations[i]!;
    const last = i === step.situations.length - 1;
    const prompt = page.locator('.tc-panel .prompt');
    await expect(prompt).toHaveText(l(situation.prompt));
    // The new situation's text has the focus: a keyboard or screen-reader visitor starts there.
    await expect(prompt).toBeFocused();
    await expect(page.getByRole('timer')).toBeVisible();
    await expect(page.locator('.tc-bar-fill')).toHaveCSS('animation-name', 'tc-shrink');
    const safe = situation.choices.find((c) => c.safe)!;
    const unsafe = situation.choices.find((c) => !c.safe)!;
    if (i === 0) await expectNoA11yViolations(page, 'timed choice situation');

    let chosen: typeof safe | null = null;
    if (plan.how === 'keyboard') {
      // Tab from the situation's text through the choices to the safe one; Enter takes it.
      for (let tabs = 0; tabs <= situation.choices.length; tabs++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.textContent)) === l(safe.label)) break;
      }
      await expect(page.getByRole('button', { name: l(safe.label), exact: true })).toBeFocused();
      await page.keyboard.press('Enter');
      chosen = safe;
    } else if (plan.how === 'wait') {
      // The number counts down in words while nothing is chosen, then the time runs out.
      const first = await secondsText(page);
      await expect.poll(() => secondsText(page)).not.toBe(first);
      await expect(page.locator('.verdict')).toContainText(k('timed-choice', 'tooLate'), { timeout: situation.seconds * 1000 + 10_000 });
    } else {
      chosen = plan.how === 'tap-safe' ? safe : unsafe;
      await page.getByRole('button', { name: l(chosen.label), exact: true }).tap();
    }
    taken.push({ situationId: situation.id, choiceId: chosen?.id ?? null });

    const consequence = page.locator('.tc-panel .consequence');
    await expect(consequence).toContainText(chosen ? l(chosen.feedback) : l(situation.timeoutFeedback));
    const verdict = chosen
      ? k('timed-choice', chosen.safe ? 'safeChoice' : 'unsafeChoice', { choice: l(chosen.label) })
      : k('timed-choice', 'tooLate');
    await expect(consequence.locator('.verdict')).toHaveText(`${chosen?.safe ? '✔' : '✘'} ${verdict}`);
    // Wrong or too late: the safe choice is still explained, so nobody misses the lesson.
    const explain = consequence.locator('.tc-explain');
    if (chosen?.safe) await expect(explain).toHaveCount(0);
    else {
      await expect(explain).toContainText(k('timed-choice', 'whatToDo'));
      await expect(explain).toContainText(l(safe.label));
      await expect(explain).toContainText(l(safe.feedback));
    }
    if (plan.how === 'wait') await expectNoA11yViolations(page, 'timed choice, too late');
    const next = page.getByRole('button', { name: k('timed-choice', last ? 'finish' : 'continue'), exact: true });
    await expect(next).toBeFocused();
    if (plan.how === 'keyboard') await page.keyboard.press('Enter');
    else await next.tap();
  }
  return taken;
}

test('a visitor plays the timed choices of a scenario to its end by touch and keyboard', async ({ page }) => {
  test.setTimeout(300_000);
  const startedAt = new Date().toISOString();
  await page.goto(`/play/${pack.id}/${scenario.id}`);

  let taken: Awaited<ReturnType<typeof timedChoice>> = [];
  for (const step of scenario.steps) {
    if (step.mechanic === 'case-card') await caseCard(page);
    else if (step.mechanic === 'timed-choice') taken = await timedChoice(page, step as TimedStep);
    else if (step.mechanic === 'quiz') await quiz(page, step as QuizStep);
    else throw new Error(`this spec does not play ${step.mechanic} steps`);
  }
  await expect(page.getByTestId('score')).toBeVisible();

  // The records on the server: one per situation, with the order it was shown in and the time it took.
  const visitStart = () => storedRecords(`type = 'visit-start' AND at >= ?`, startedAt);
  await expect.poll(() => visitStart().length).toBe(1);
  const visitId = visitStart()[0]!.visit_id;
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-end').length).toBe(1);
  const step = scenario.steps.find((s) => s.mechanic === 'timed-choice') as TimedStep;
  const records = storedRecords('visit_id = ? AND type = ?', visitId, 'timed-choice').map((r) => JSON.parse(r.body));
  expect(records.map((r) => ({ situationId: r.situationId, choiceId: r.choiceId }))).toEqual(taken);
  for (const r of records) {
    const situation = step.situations.find((s) => s.id === r.situationId)!;
    expect([...r.order].sort()).toEqual(situation.choices.map((c) => c.id).sort());
    expect(r.safe).toBe(r.choiceId !== null && situation.choices.find((c) => c.id === r.choiceId)!.safe);
    if (r.choiceId === null) expect(r.ms).toBeGreaterThanOrEqual(situation.seconds * 1000);
    else expect(r.ms).toBeLessThan(situation.seconds * 1000);
  }
});

test('under reduced motion the bar stands still and the number still counts', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  for (const step of scenario.steps) {
    if (step.mechanic !== 'timed-choice') {
      if (step.mechanic === 'case-card') await caseCard(page);
      else throw new Error(`this spec does not play ${step.mechanic} steps before the timed choice`);
      continue;
    }
    await page.getByRole('button', { name: k('timed-choice', 'start') }).click();
    await expect(page.locator('.tc-panel .prompt')).toHaveText(l((step as TimedStep).situations[0]!.prompt));
    const fill = page.locator('.tc-bar-fill');
    await expect(fill).toHaveCSS('animation-name', 'none');
    const width = await fill.evaluate((el) => el.getBoundingClientRect().width);
    const first = await secondsText(page);
    await expect.poll(() => secondsText(page)).not.toBe(first);
    expect(await fill.evaluate((el) => el.getBoundingClientRect().width)).toBe(width);
    return;
  }
});

// Software GL draws the emulated headset at a few frames a second: aiming and pressing one button takes seconds, so
// with the pack's own times the clock, not the controller, would decide. The headset test has its own server whose
// copy of the scenario gives every situation the longest time allowed; the touch test above plays the real times.
xrTest.describe('in the headset', () => {
  const PORT = extraPort(51);
  let server: ServerHandle | undefined;
  let root: string;

  xrTest.use({ viewport: XR_VIEWPORT, baseURL: `http://127.0.0.1:${PORT}` });

  xrTest.beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ruyi-timed-choice-vr-'));
    const content = join(root, 'content');
    cpSync('content', content, { recursive: true });
    const file = join(content, 'packs', pack.id, 'scenarios', `${scenario.id}.yaml`);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    scenario.steps.forEach((step, i) => {
      if (step.mechanic === 'timed-choice') (step as TimedStep).situations.forEach((_, j) => doc.setIn(['steps', i, 'situations', j, 'seconds'], 120));
    });
    writeFileSync(file, doc.toString());
    server = await startServer({ port: PORT, dataDir: join(root, 'data'), env: { RUYI_CONTENT_DIR: content } });
  });

  xrTest.afterAll(async () => {
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** This server's records of a type, read back from its statements. */
  function records(type: string): Record<string, unknown>[] {
    const db = new Database(server!.dbPath, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT body FROM statements WHERE kind = ? ORDER BY timestamp, seq').all(type) as { body: string }[];
      return rows.map((r) => recordFromStatement(JSON.parse(r.body) as Statement, XAPI_BASE)!.record as Record<string, unknown>);
    } finally {
      db.close();
    }
  }

  const shownNow = async (page: Page, id: string) => (await visibleTargets(page, id)).some((t) => t.id === id);

  /**
   * Presses a button until `done`: at a few frames a second a press can land before the ray has settled on a button
   * that has just appeared. It is pressed again only while it is still there, so nothing is pressed twice.
   */
  async function pressUntil(page: Page, id: string, done: () => Promise<boolean>) {
    await waitForTarget(page, id, 60_000);
    for (let tries = 0; tries < 4 && !(await done()); tries++) {
      if (await shownNow(page, id)) await select(page, id);
      await expect.poll(done, { timeout: 15_000 }).toBe(true).catch(() => {});
    }
    await expect.poll(done, { timeout: 30_000, message: `pressing ${id} had its effect` }).toBe(true);
  }

  /** Waits for the situation's choices, then turns their pages until the wanted one shows (long ones may not all fit on one). */
  async function reveal(page: Page, situation: TimedStep['situations'][number], id: string) {
    const shown = async () => (await visibleTargets(page, 'button:timed-choice.')).filter((t) => situation.choices.some((c) => t.id === `button:timed-choice.${c.id}`)).length;
    await expect.poll(shown, { timeout: 60_000 }).toBeGreaterThan(0);
    await revealChoice(page, select, 'timed-choice', id);
  }

  // The timed choices, every situation, by controller; the quiz after them is the same panel as the fire visit's
  // (vr-fire-visit.spec.ts plays one by controller to the result), so the visit stops once the drill is over.
  xrTest('a visitor plays the timed choices by controller in an emulated Quest 3', async ({ page }) => {
    xrTest.setTimeout(600_000);
    await page.goto(`/vr/${pack.id}/${scenario.id}`);
    await stationReady(page);
    await enterVr(page, stationEnterButton(page));

    const timedAt = scenario.steps.findIndex((s) => s.mechanic === 'timed-choice');
    for (const step of scenario.steps.slice(0, timedAt))
      if (step.mechanic !== 'case-card') throw new Error(`this spec does not play ${step.mechanic} steps before the timed choice`);
    await pressUntil(page, 'button:case-card.continue', async () => !(await shownNow(page, 'button:case-card.continue')));

    const timed = scenario.steps[timedAt] as TimedStep;
    const taken: { situationId: string; choiceId: string }[] = [];
    await pressUntil(page, 'button:timed-choice.start', async () => !(await shownNow(page, 'button:timed-choice.start')));
    for (const [i, situation] of timed.situations.entries()) {
      // The first situation is answered wrongly, the rest safely; each choice is a button on the panel.
      const choice = i === 0 ? situation.choices.find((c) => !c.safe)! : situation.choices.find((c) => c.safe)!;
      const id = `button:timed-choice.${choice.id}`;
      await reveal(page, situation, id);
      expect((await waitForTarget(page, id)).label).toBe(l(choice.label));
      taken.push({ situationId: situation.id, choiceId: choice.id });
      await pressUntil(page, id, async () => records('timed-choice').length === taken.length);
      await pressUntil(page, 'button:timed-choice.continue', async () => !(await shownNow(page, 'button:timed-choice.continue')));
    }
    // The drill is over: the next step's panel shows.
    const next = scenario.steps[timedAt + 1];
    if (next?.mechanic === 'quiz') await waitForTarget(page, 'button:quiz.submit', 60_000);

    const made = records('timed-choice');
    expect(made.map((r) => ({ situationId: r.situationId, choiceId: r.choiceId }))).toEqual(taken);
    expect(made.every((r) => r.platform === 'vr')).toBe(true);
    expect(made.map((r) => r.safe)).toEqual(taken.map((_, i) => i !== 0));
  });
});
