// Every scenario of every pack in content/, played to its result by touch at a 1920×1080 kiosk: opened from the park
// map (its area open, not "coming soon"), each step played by its mechanic's touch player along the path the run
// really takes, axe-core on each step's screens, the 3D scene held to the budget (≤ 100 draw calls, ≤ 300k
// triangles), the result's score as the steps earned it, the run's end stored by the server, and the scenes' GPU
// memory released once the visitor is back at the map.
import type { Page } from '@playwright/test';
import type { MechanicName, StepConfigOf } from '@ruyi/mechanics';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { readFileSync } from 'node:fs';
import { expect, expectNoA11yViolations, storedRecords, test } from './fixtures.ts';
import { NEEDS_CLOCK, TOUCH_PLAYERS, type PlayContext, type StepOutcome } from './play/index.ts';
import { fill, settledAnimations, words } from './play/words.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

const LOCALE = 'zh-CN';
const BUDGET = { calls: 100, triangles: 300_000 };
/**
 * What a renderer holds once its scene is released: no geometry, and at most three's own DFG lookup table (made once a
 * lit material has been drawn, kept by the renderer, not the scene).
 */
const RELEASED = { geometries: 0, textures: 1 };

const content = readContent('content');
if (content.problems.length > 0) throw new Error(`content/ has problems: ${JSON.stringify(content.problems)}`);
const park = content.park!;
const app = JSON.parse(readFileSync('apps/kiosk/src/locales/zh-CN.json', 'utf8')) as {
  play: Record<string, string>;
  result: Record<string, string>;
  map: Record<string, string>;
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface SceneFigures {
  screen: string;
  calls: number;
  triangles: number;
}

/**
 * The draw statistics of the step's 3D scene once it has settled, or null when the screen shows none. Settled: no
 * frame pending and none drawn between two looks; a scene that keeps drawing (a flickering fire, a pulsing hint) has
 * no such moment, and there two frames in a row with the same figures do.
 */
async function sceneFigures(page: Page): Promise<{ calls: number; triangles: number; geometries: number } | null> {
  if ((await page.locator('main canvas').count()) === 0) return null;
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  // Remember this scene's renderer: its GPU memory is looked at again once the visitor has left for the map.
  await page.evaluate(() => {
    const w = window as unknown as { __everyScenes?: unknown[] };
    w.__everyScenes ??= [];
    if (!w.__everyScenes.includes(window.__ruyiScene)) w.__everyScenes.push(window.__ruyiScene);
  });
  type Look = { idle: boolean; frame: number; calls: number; triangles: number; geometries: number };
  let last: Look | null = null;
  let settled: Look | null = null;
  await expect
    .poll(async () => {
      const now: Look = await page.evaluate(() => ({ idle: window.__ruyiScene!.idle, ...window.__ruyiScene!.info() }));
      const before: Look | null = last;
      last = now;
      if (!before) return false;
      const still = now.idle && before.idle && now.frame === before.frame;
      const steady = now.frame > before.frame && now.calls === before.calls && now.triangles === before.triangles;
      if (still || steady) settled = now;
      return settled !== null;
    })
    .toBe(true);
  const { calls, triangles, geometries } = settled!;
  return { calls, triangles, geometries };
}

/** The GPU memory of every scene renderer the scenario used, as its renderer counts it now. */
function sceneMemory(page: Page) {
  return page.evaluate(() =>
    ((window as unknown as { __everyScenes?: { info(): { geometries: number; textures: number } }[] }).__everyScenes ?? []).map((api) => {
      const { geometries, textures } = api.info();
      return { geometries, textures };
    }),
  );
}

/** An app string as a pattern: its text as it is, each {{value}} by the pattern given (or any text). */
const pattern = (template: string, values: Record<string, string>) =>
  new RegExp(`^${escape(template).replace(/\\\{\\\{(\w+)\\\}\\\}/g, (_, k: string) => values[k] ?? '.+')}$`);
const STEP_PLACE = pattern(app.play.stepOf!, { n: '(\\d+)', total: '\\d+' });

/** Waits until the step indicator names something other than `previous`: the step's index in the scenario, or null at the result. */
async function nextPlace(page: Page, scenario: Scenario, previous: string | null): Promise<{ index: number | null; text: string }> {
  const indicator = page.locator('.step-indicator');
  let now = '';
  await expect
    .poll(
      async () => {
        now = ((await indicator.textContent({ timeout: 1000 }).catch(() => null)) ?? '').trim();
        return now !== previous && (STEP_PLACE.test(now) || now === app.play.resultName);
      },
      { message: `the step after “${previous}” shows`, timeout: 30_000 },
    )
    .toBe(true);
  if (now === app.play.resultName) return { index: null, text: now };
  const index = Number(STEP_PLACE.exec(now)![1]) - 1;
  expect(scenario.steps[index], `step ${index + 1} of ${scenario.id}`).toBeDefined();
  return { index, text: now };
}

async function playScenario(page: Page, pack: Pack, scenario: Scenario) {
  const name = `${pack.id}/${scenario.id}`;
  const clock = scenario.steps.some((s) => NEEDS_CLOCK.has(s.mechanic as MechanicName));
  // Only where a player steps the clock: elsewhere the park runs on the real one.
  if (clock) await page.clock.install();
  const startedAt = new Date().toISOString();
  const figures: SceneFigures[] = [];
  let where = 'map';
  let checking = 0;
  const checkpoint = async (screen: string) => {
    const began = Date.now();
    await check(screen);
    checking += Date.now() - began;
  };
  const check = async (screen: string) => {
    const label = `${name}, ${where}: ${screen}`;
    await settledAnimations(page);
    await expectNoA11yViolations(page, label);
    const drawn = await sceneFigures(page);
    if (!drawn) return;
    figures.push({ screen: `${where}: ${screen}`, calls: drawn.calls, triangles: drawn.triangles });
    // What the release once back at the map is measured against.
    expect(drawn.geometries, `geometries on the GPU at ${label}`).toBeGreaterThan(RELEASED.geometries);
    expect(drawn.calls, `draw calls at ${label}`).toBeGreaterThan(0);
    expect(drawn.calls, `draw calls at ${label}`).toBeLessThanOrEqual(BUDGET.calls);
    expect(drawn.triangles, `triangles at ${label}`).toBeLessThanOrEqual(BUDGET.triangles);
  };

  // The map: the scenario's area is open and lists it.
  await page.goto('/map');
  const area = park.areas.find((a) => a.id === pack.area);
  expect(area, `the park has the area ${pack.area}`).toBeDefined();
  const card = page.locator(`.area-card[data-area="${pack.area}"]`);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(localize(area!.name, LOCALE));
  await expect(card).toHaveClass(/\bopen\b/);
  await expect(card.locator('.coming-soon')).toHaveCount(0);
  await expect(card).not.toContainText(app.map.comingSoon!);
  await card.getByRole('link', { name: fill(app.map.play!, { title: localize(scenario.title, LOCALE) }), exact: true }).tap();
  await expect(page).toHaveURL(`/play/${pack.id}/${scenario.id}`);

  // The steps, in the order the run takes them.
  const played: { step: Scenario['steps'][number]; outcome: StepOutcome; ms: number }[] = [];
  let place = await nextPlace(page, scenario, null);
  while (place.index !== null) {
    const step = scenario.steps[place.index]!;
    expect(played.length, `${name} ends within a sane number of steps`).toBeLessThan(scenario.steps.length * 3);
    where = `step ${place.index + 1} “${step.id}” (${step.mechanic})`;
    await expect(page.locator('.screen.play')).toHaveClass(new RegExp(`\\bstep-${escape(step.mechanic)}\\b`));
    const ctx: PlayContext = { page, scenario, locale: LOCALE, skill: 'good', clock, checkpoint };
    const player = TOUCH_PLAYERS[step.mechanic as MechanicName] as (ctx: PlayContext, step: StepConfigOf<MechanicName>) => Promise<StepOutcome>;
    const began = Date.now();
    const outcome = await player(ctx, step as unknown as StepConfigOf<MechanicName>);
    played.push({ step, outcome, ms: Date.now() - began });
    place = await nextPlace(page, scenario, place.text);
  }

  // The result: the score the steps earned, step by step and in all, and a pass.
  where = 'result';
  const least = (o: StepOutcome) => (typeof o.points === 'number' ? o.points : o.points.atLeast);
  const most = (o: StepOutcome) => (typeof o.points === 'number' ? o.points : o.points.atMost);
  const max = played.reduce((sum, p) => sum + p.outcome.maxPoints, 0);
  const scoreText = (await page.getByTestId('score').textContent()) ?? '';
  const shown = /(\d+) \/ (\d+)/.exec(scoreText);
  expect(shown, `the score line “${scoreText}”`).not.toBeNull();
  const raw = Number(shown![1]);
  expect(Number(shown![2]), 'the most points of the steps played').toBe(max);
  expect(raw).toBeGreaterThanOrEqual(played.reduce((sum, p) => sum + least(p.outcome), 0));
  expect(raw).toBeLessThanOrEqual(played.reduce((sum, p) => sum + most(p.outcome), 0));
  await expect(page.getByTestId('score')).toHaveText(pattern(app.result.score!, { raw: String(raw), max: String(max), percent: '\\d+' }));
  const lines = played
    .filter((p) => p.outcome.maxPoints > 0)
    .map((p) => {
      const title = words(p.step.mechanic as MechanicName, 'title', LOCALE);
      const points = typeof p.outcome.points === 'number' ? String(p.outcome.points) : '\\d+';
      return pattern(app.result.stepScore!, { name: escape(title), points, max: String(p.outcome.maxPoints) });
    });
  await expect(page.locator('.breakdown li')).toHaveText(lines);
  await expect(page.getByTestId('verdict')).toContainText(app.result.passed!);
  await expect(page.locator('.result-missed')).toHaveCount(0);
  await checkpoint('the score');

  // The server has the run: its end with this score, and every step's end in the order played.
  const ends = () => storedRecords(`type = 'scenario-end' AND pack_id = ? AND scenario_id = ? AND at >= ?`, pack.id, scenario.id, startedAt);
  await expect.poll(() => ends().length, { message: `${name}: the scenario end reaches the server` }).toBe(1);
  const end = JSON.parse(ends()[0]!.body) as { runId: string; score: { raw: number; max: number }; passed: boolean };
  expect(end.score).toMatchObject({ raw, max });
  expect(end.passed).toBe(true);
  expect(ends()[0]!.area).toBe(pack.area);
  const starts = storedRecords(`type = 'scenario-start' AND pack_id = ? AND scenario_id = ? AND at >= ?`, pack.id, scenario.id, startedAt);
  expect(starts.map((r) => (JSON.parse(r.body) as { runId: string }).runId)).toEqual([end.runId]);
  const steps = storedRecords(`type = 'step-end' AND pack_id = ? AND scenario_id = ? AND at >= ?`, pack.id, scenario.id, startedAt)
    .map((r) => JSON.parse(r.body) as { runId: string; stepId: string })
    .filter((r) => r.runId === end.runId);
  expect(steps.map((s) => s.stepId)).toEqual(played.map((p) => p.step.id));

  // Back to the map: every scene's geometries and textures released.
  await page.locator('main.result').getByRole('link', { name: app.result.backToMap!, exact: true }).tap();
  await expect(page).toHaveURL(/\/map$/);
  const scenes = (await sceneMemory(page)).length;
  const held = async () => (await sceneMemory(page)).filter((m) => m.geometries > RELEASED.geometries || m.textures > RELEASED.textures);
  await expect.poll(held, { message: `${name}: the scenes' GPU memory once back at the map` }).toEqual([]);

  const worst = figures.reduce<SceneFigures | null>((w, f) => (!w || f.calls > w.calls || (f.calls === w.calls && f.triangles > w.triangles) ? f : w), null);
  const summary = worst
    ? `${worst.calls} draw calls, ${worst.triangles.toLocaleString('en')} triangles at most (${worst.screen}); ${scenes} scene(s) released`
    : 'no 3D scene';
  const times = played.map((p) => `${p.step.id} ${(p.ms / 1000).toFixed(1)}`).join(', ');
  console.log(`${name}: ${raw} / ${max} points over ${played.length} steps; ${summary}; seconds: ${times}; checks ${(checking / 1000).toFixed(1)}`);
  test.info().annotations.push({ type: 'scene', description: `${name}: ${summary}` });
}

for (const pack of content.packs)
  for (const scenario of pack.scenarios)
    test(`${pack.id}/${scenario.id}: played to its result by touch, within the scene budget`, async ({ page }) => {
      await playScenario(page, pack, scenario);
    });
