// The kiosk's invitation and reward: the attract loop shows the park's scenes (still under reduced motion, paused
// while hidden), the park map places all eight areas and says in words which are closed, a keyboard alone goes from the
// attract screen into a scenario, and the result celebrates as the score deserves.
import type { Page } from '@playwright/test';
import type { MechanicName, StepConfigOf } from '@ruyi/mechanics';
import { localize, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { readFileSync } from 'node:fs';
import { celebration } from '../apps/kiosk/src/play/celebration.ts';
import { expect, expectNoA11yViolations, test } from './fixtures.ts';
import { NEEDS_CLOCK, TOUCH_PLAYERS, type PlayContext, type StepOutcome } from './play/index.ts';
import { button, text, words } from './play/words.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

// The app's own strings, read as the app takes them.
const zh = JSON.parse(readFileSync('apps/kiosk/src/locales/zh-CN.json', 'utf8')) as typeof import('../apps/kiosk/src/locales/zh-CN.json');
const en = JSON.parse(readFileSync('apps/kiosk/src/locales/en.json', 'utf8')) as typeof import('../apps/kiosk/src/locales/en.json');
const content = readContent('content');
const park = content.park!;
const packsOf = (area: string) => content.packs.filter((p) => p.area === area);
const titlesOf = (area: string) => packsOf(area).flatMap((p) => p.scenarios.map((s) => localize(s.title, 'zh-CN')));
const running = (page: Page) => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);

test.describe('attract loop', () => {
  test('shows the park, each area with its scenarios in turn, moving; pauses while hidden; the start control starts a visit', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(localize(park.name, 'zh-CN'));
    const stage = page.getByRole('region', { name: zh.attract.scenes });
    await expect(stage).toHaveAttribute('data-motion', 'loop');
    // Every area of the park is named, in the park's order.
    await expect(stage.locator('.attract-areas li')).toHaveText(park.areas.map((a) => localize(a.name, 'zh-CN')));
    // The first two areas in turn, each with its name and its scenarios' titles from the content.
    for (const area of park.areas.slice(0, 2)) {
      const scene = stage.locator('.attract-scene');
      await expect(scene).toHaveAttribute('data-area', area.id);
      await expect(scene.getByRole('heading', { level: 2 })).toHaveText(localize(area.name, 'zh-CN'));
      await expect(scene.locator('.attract-scene-titles li')).toHaveText(titlesOf(area.id));
      await expect(stage.locator('.attract-areas li[aria-current="true"]')).toHaveAttribute('data-area', area.id);
    }
    await expect.poll(() => running(page), { message: 'animations running in the loop' }).toBeGreaterThan(0);
    await expectNoA11yViolations(page, 'attract');

    // A hidden page (another window in front, the screen off) stops the loop and holds the drawings.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(stage).toHaveAttribute('data-motion', 'still');
    await expect(stage).toHaveClass(/\bart-paused\b/);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(stage).toHaveAttribute('data-motion', 'loop');

    await page.getByRole('button', { name: zh.attract.start }).tap();
    await expect(page).toHaveURL(/\/map$/);
  });

  test.describe('under reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('the loop stands still: one scene, no animation running anywhere on the screen', async ({ page }) => {
      await page.goto('/');
      const stage = page.getByRole('region', { name: zh.attract.scenes });
      await expect(stage).toHaveAttribute('data-motion', 'still');
      await expect(stage.locator('.attract-scene')).toHaveAttribute('data-area', park.areas[0]!.id);
      await expect(stage.locator('.attract-areas li')).toHaveCount(park.areas.length);
      await expect.poll(() => running(page), { message: 'animations running under reduced motion' }).toBe(0);
      expect(await page.evaluate(() => document.getAnimations().length), 'animations at all').toBe(0);
      await expectNoA11yViolations(page, 'attract, reduced motion');
    });
  });
});

test.describe('park map', () => {
  // The content is narrowed in the page's requests: a service worker would answer them itself.
  test.use({ serviceWorkers: 'block' });
  const closedArea = park.areas.at(-1)!.id;

  test('places the eight areas in the park\'s order, each named with its scenarios; an area without packs says it is closed', async ({ page }) => {
    // The park as it would be without the last area's packs.
    await page.route('**/api/content', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { packs: { area: string }[] };
      await route.fulfill({ response, json: { ...body, packs: body.packs.filter((p) => p.area !== closedArea) } });
    });
    await page.goto('/map');
    const cards = page.locator('.area-card');
    await expect(cards).toHaveCount(8);
    await expect(cards.getByRole('heading', { level: 2 })).toHaveText(park.areas.map((a) => localize(a.name, 'zh-CN')));
    for (const area of park.areas) {
      const card = page.locator(`.area-card[data-area="${area.id}"]`);
      if (area.id === closedArea) {
        await expect(card).toHaveClass(/\bclosed\b/);
        await expect(card).toContainText(zh.map.comingSoon);
        await expect(card.locator('a, button')).toHaveCount(0);
      } else {
        await expect(card).toHaveClass(/\bopen\b/);
        await expect(card.getByRole('link')).toHaveText(titlesOf(area.id).map((title) => zh.map.play.replace('{{title}}', title)));
      }
    }
    await expect(page.locator('.park-map-creek-label')).toHaveText(zh.map.creek);
    await expectNoA11yViolations(page, 'map');

    // Landscape: two rows of four along the trail; portrait: four rows of two, the park taller than wide.
    // Pavilions stand centred in their plots: compare their centres.
    const boxes = async () =>
      Promise.all(
        (await cards.all()).map(async (c) => {
          const b = (await c.boundingBox())!;
          return { x: b.x + b.width / 2, y: b.y + b.height / 2, right: b.x + b.width };
        }),
      );
    const distinct = (values: number[]) => new Set(values.map((v) => Math.round(v))).size;
    let placed = await boxes();
    expect(distinct(placed.map((b) => b.y)), 'rows in landscape').toBe(2);
    expect(distinct(placed.map((b) => b.x)), 'columns in landscape').toBe(4);
    // The trail turns at the end of the first row: the fifth area stands under the fourth.
    expect(Math.round(placed[4]!.x)).toBe(Math.round(placed[3]!.x));
    await page.setViewportSize({ width: 1080, height: 1920 });
    await expect.poll(async () => distinct((await boxes()).map((b) => b.y)), { message: 'rows in portrait' }).toBe(4);
    placed = await boxes();
    expect(distinct(placed.map((b) => b.x)), 'columns in portrait').toBe(2);
    for (const b of placed) expect(b.right).toBeLessThanOrEqual(1080);
    await expectNoA11yViolations(page, 'map, portrait');

    // English: the same places, the closed area in English words.
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(page.locator(`.area-card[data-area="${closedArea}"]`)).toContainText(en.map.comingSoon);
  });
});

test('keyboard only: from the attract screen through the map, in the park\'s order, into a scenario', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? null, start: el?.classList.contains('attract-start') ?? false };
  });
  for (let i = 0; i < 10 && !(await focused()).start; i++) await page.keyboard.press('Tab');
  expect((await focused()).start, 'the start control is reached by Tab').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/map$/);

  // Tab through the scenarios: they come area by area in the park's order; Enter opens the fire area's first.
  const fire = packsOf('fire')[0]!;
  const target = `/play/${fire.id}/${fire.scenarios[0]!.id}`;
  const order = park.areas.flatMap((a) => packsOf(a.id).flatMap((p) => p.scenarios.map((s) => `/play/${p.id}/${s.id}`)));
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (now.href?.startsWith('/play/')) seen.push(now.href);
    if (now.href === target) break;
  }
  expect(seen).toEqual(order.slice(0, order.indexOf(target) + 1));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(target);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(localize((fire.scenarios[0]!.steps[0] as { title: Parameters<typeof localize>[0] }).title, 'zh-CN'));
});

// The result, reached by playing a scenario for real: every step well, or with every quiz question wrong. The sirens
// scenario has no 3D step, so the run is quick on software rendering.
const sirens = content.packs.find((p) => p.id === 'civil-defence-sirens')!;
const sirensScenario = sirens.scenarios[0]!;

async function playTo(page: Page, scenario: Scenario, quiz: 'right' | 'wrong') {
  const clock = scenario.steps.some((s) => NEEDS_CLOCK.has(s.mechanic as MechanicName));
  if (clock) await page.clock.install();
  await page.goto(`/play/${sirens.id}/${scenario.id}`);
  for (const step of scenario.steps) {
    await expect(page.locator('.screen.play')).toHaveClass(new RegExp(`\\bstep-${step.mechanic}\\b`));
    if (step.mechanic === 'quiz' && quiz === 'wrong') {
      await answerWrongly(page, step as unknown as StepConfigOf<'quiz'>);
      continue;
    }
    const ctx: PlayContext = { page, scenario, locale: 'zh-CN', skill: 'good', clock, checkpoint: async () => {} };
    const player = TOUCH_PLAYERS[step.mechanic as MechanicName] as (ctx: PlayContext, step: StepConfigOf<MechanicName>) => Promise<StepOutcome>;
    await player(ctx, step as unknown as StepConfigOf<MechanicName>);
  }
  await expect(page.locator('main.result')).toBeVisible();
}

async function answerWrongly(page: Page, step: StepConfigOf<'quiz'>) {
  const quiz = page.locator('main.quiz');
  for (const [i, q] of step.questions.entries()) {
    await expect(quiz.locator('.prompt')).toHaveText(text(q.prompt, 'zh-CN'));
    const wrong = q.choices.find((c) => !q.answer.includes(c.id))!;
    await quiz.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: text(wrong.label, 'zh-CN'), exact: true }).tap();
    await button(page, words('quiz', 'submit', 'zh-CN')).tap();
    await expect(quiz.locator('.explanation')).toBeVisible();
    await button(page, words('quiz', i === step.questions.length - 1 ? 'finish' : 'next', 'zh-CN')).tap();
  }
}

async function shownScore(page: Page) {
  const line = (await page.getByTestId('score').textContent()) ?? '';
  const [, raw, max] = /(\d+) \/ (\d+)/.exec(line) ?? [];
  return { raw: Number(raw), max: Number(max) };
}

test('a run played well is celebrated with its stars in words and a burst of confetti; still under reduced motion', async ({ page }) => {
  await playTo(page, sirensScenario, 'right');
  const result = page.locator('main.result');
  await expect(page.getByTestId('verdict')).toContainText(zh.result.passed);
  const { raw, max } = await shownScore(page);
  const expected = celebration({ passed: true, scaled: raw / max });
  expect(expected.level).not.toBe('try-again');
  await expect(result).toHaveAttribute('data-celebration', expected.level);
  await expect(result).toHaveAttribute('data-stars', String(expected.stars));
  const said = expected.level === 'excellent' ? zh.result.celebration.excellent : zh.result.celebration.passed;
  const words = said.replace('{{stars}}', String(expected.stars)).replace('{{max}}', '3');
  await expect(page.getByTestId('celebration')).toHaveText(words);
  // Said to screen readers too, with the score.
  await expect(page.getByRole('status').filter({ hasText: words })).toContainText(`${raw} / ${max}`);
  await expect(result.locator('.celebration-burst')).toHaveCount(expected.burst ? 1 : 0);
  await expect(result.locator('.star.earned')).toHaveCount(expected.stars);
  // The way on after a pass: another area.
  await expect(result.getByRole('link', { name: zh.result.backToMap })).toHaveClass(/\bprimary\b/);
  await expectNoA11yViolations(page, 'result, passed');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(result.locator('.celebration-burst')).toHaveCount(0);
  await expect(result.locator('.celebration-badge.still')).toBeVisible();
  await expect.poll(() => running(page), { message: 'animations running on the result under reduced motion' }).toBe(0);
});

test('a run with every quiz answer wrong gets warm words, no stars, and "play again" first and biggest', async ({ page }) => {
  await playTo(page, sirensScenario, 'wrong');
  const result = page.locator('main.result');
  await expect(result).toHaveAttribute('data-celebration', 'try-again');
  await expect(result).toHaveAttribute('data-stars', '0');
  await expect(page.getByTestId('celebration')).toHaveText(zh.result.celebration.tryAgain);
  await expect(page.getByRole('status').filter({ hasText: zh.result.celebration.tryAgain })).toHaveCount(1);
  await expect(result.locator('.celebration-burst')).toHaveCount(0);
  await expect(result.locator('.star')).toHaveCount(0);
  const again = result.getByRole('button', { name: zh.result.playAgain });
  await expect(again).toHaveClass(/\bprimary\b/);
  await expect(result.getByRole('link', { name: zh.result.backToMap })).not.toHaveClass(/\bprimary\b/);
  const [a, b] = [(await again.boundingBox())!, (await result.getByRole('link', { name: zh.result.backToMap }).boundingBox())!];
  expect(a.height, '"play again" is the bigger control').toBeGreaterThan(b.height);
  await expectNoA11yViolations(page, 'result, not passed');
  await again.tap();
  await expect(page.locator('.screen.play')).toHaveClass(/\bstep-case-card\b/);
});
