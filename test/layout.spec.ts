// Every visitor screen at the kiosk sizes the parks use (a landscape kiosk, a portrait one, a small school PC and a 4K
// panel), in both languages: the attract screen, the map, every screen of the fire scenario played by touch, its
// result, and the first screen of each other mechanic. Each screen is screenshotted into the report and checked by
// test/layout/checks.ts: nothing overflows its box or the screen, no controls overlap, no label breaks inside a word,
// every control and every tappable 3D object is at least 80 px. One page per size, never reloaded.
import type { Page, TestInfo } from '@playwright/test';
import type { MechanicName, StepConfigOf } from '@ruyi/mechanics';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { layoutProblems, STAFF, VISITOR, type LayoutOptions } from './layout/checks.ts';
import { TOUCH_PLAYERS, type Locale, type PlayContext, type StepOutcome } from './play/index.ts';
import { button, sceneReady, settledAnimations, words } from './play/words.ts';

interface Size {
  width: number;
  height: number;
  /** The language the visit is played in; every screen is checked in it and, switched there and back, in the other. */
  locale: Locale;
  /** Play the hunt (elsewhere its screens and targets are checked without playing it). */
  scenes: boolean;
  /** Check the other mechanics' first screens (each costs a scene load: not at every size). */
  others: boolean;
  /**
   * The smallest hit area of a 3D object: a kiosk's 80 px, but 44 px (the staff pages' size) on the 1280×800 school
   * PC, which is used with a mouse or a laptop's touch screen and whose 850 px wide scene cannot give a dozen props side
   * by side 80 px each.
   */
  sceneTarget: number;
}

// Every screen is checked at every size in both languages, the hunt's targets included: the visit is played once per
// size, and each screen is checked in the played language and again after switching to the other and back (as a
// visitor may). Playing the hunt (tapping each hazard at the point the scene reports) and the other mechanics' scene
// loads are spread over the sizes, since each costs a software-rendered scene and the suite must stay within CI's time.
const SIZES: readonly Size[] = [
  { width: 1920, height: 1080, locale: 'zh-CN', scenes: true, others: true, sceneTarget: 80 },
  { width: 1080, height: 1920, locale: 'en', scenes: true, others: true, sceneTarget: 80 },
  { width: 1280, height: 800, locale: 'zh-CN', scenes: false, others: false, sceneTarget: 44 },
  { width: 3840, height: 2160, locale: 'en', scenes: false, others: false, sceneTarget: 80 },
];
const SHOTS = process.env.RUYI_LAYOUT_SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const content = readContent('content');
const packOf = (id: string): Pack => {
  const pack = content.packs.find((p) => p.id === id);
  if (!pack) throw new Error(`content/ has no pack ${id}: ${JSON.stringify(content.problems)}`);
  return pack;
};
const fire = packOf('fire-dehui-2013');
const fireScenario = fire.scenarios[0]!;
/** For each other mechanic, a scenario whose second step (after its case card) is one. */
const OTHERS: readonly { pack: Pack; mechanic: MechanicName }[] = [
  { pack: packOf('fire-first-response'), mechanic: 'ordered-steps' },
  { pack: packOf('earthquake-school-drill'), mechanic: 'reaction' },
  { pack: packOf('crowd-bund-2014'), mechanic: 'timed-choice' },
  { pack: packOf('civil-defence-sirens'), mechanic: 'audio-recognition' },
];

type AppStrings = { attract: Record<string, string>; play: Record<string, string>; result: Record<string, string> };
const appStrings = (locale: Locale) => JSON.parse(readFileSync(`apps/kiosk/src/locales/${locale}.json`, 'utf8')) as AppStrings;

class Screens {
  readonly problems: string[] = [];
  private n = 0;
  constructor(
    private readonly page: Page,
    private readonly info: TestInfo,
    private readonly prefix: string,
    private readonly visitor: LayoutOptions = VISITOR,
    /** Visitor screens: the played language, and the other one each screen is checked in too. */
    private readonly languages?: { played: Locale; other: Locale },
  ) {}

  /** The screen in the played language, then in the other (switched there and back, so the visit goes on as it was). */
  async check(screen: string, options = this.visitor) {
    await this.checkOne(`${screen}${this.languages ? ` (${this.languages.played})` : ''}`, options);
    if (!this.languages) return;
    const { played, other } = this.languages;
    await this.switchTo(other);
    await this.checkOne(`${screen} (${other})`, options);
    await this.switchTo(played);
  }

  private async switchTo(locale: Locale) {
    await this.page.locator(`.language-switch button[lang="${locale}"]`).first().tap();
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }

  private async checkOne(screen: string, options: LayoutOptions) {
    const page = this.page;
    await settledAnimations(page);
    if ((await page.locator('main canvas').count()) > 0) await sceneReady(page);
    const name = `${this.prefix} ${String(++this.n).padStart(2, '0')} ${screen}`;
    const shot = await page.screenshot({ type: 'jpeg', quality: 60 });
    await this.info.attach(`${name}.jpg`, { body: shot, contentType: 'image/jpeg' });
    // For looking at them outside a report: RUYI_LAYOUT_SHOTS=<a folder outside the repository>.
    if (SHOTS) writeFileSync(join(SHOTS, `${name.replace(/[^\w.-]+/g, '_')}.jpg`), shot);
    const found = await page.evaluate(layoutProblems, options);
    this.problems.push(...found.map((p) => `${screen}: ${p}`));
    if (found.length > 0) console.log(`${name}:\n  ${found.join('\n  ')}`);
  }
}

async function openScenario(page: Page, pack: Pack, scenario: Scenario, locale: Locale) {
  const href = `/play/${pack.id}/${scenario.id}`;
  const link = page.locator(`a[href="${href}"]`);
  if ((await link.count()) > 0) await link.first().tap();
  else await page.getByRole('button', { name: localize(scenario.title, locale) }).first().tap();
  await expect(page).toHaveURL(href);
}

async function atStep(page: Page, mechanic: string) {
  await expect(page.locator('.screen.play')).toHaveClass(new RegExp(`\\bstep-${mechanic}\\b`), { timeout: 30_000 });
}

// The sizes' tests and the staff pages' share nothing but the worker's server: each may run on any worker, so the
// 4K test, the longest, does not hold the run's end on one worker while the other waits.
test.describe.configure({ mode: 'parallel' });

for (const size of SIZES)
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });

    test(`both languages: every screen fits, nothing overlaps, every target is big enough`, async ({ page }, testInfo) => {
      // A whole scenario and four more steps on a software GPU.
      test.setTimeout(600_000);
      const locale = size.locale;
      const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
      const app = appStrings(locale);
      const screens = new Screens(page, testInfo, `${size.width}x${size.height}`, { ...VISITOR, minSceneTarget: size.sceneTarget }, { played: locale, other });
      const scenes = size.scenes;

      await page.goto('/');
      await page.locator(`.language-switch button[lang="${locale}"]`).first().tap();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await screens.check('attract');
      await page.getByRole('button', { name: app.attract.start!, exact: true }).first().tap();
      await expect(page).toHaveURL(/\/map$/);
      await screens.check('map');

      // The fire scenario, every screen of it.
      await openScenario(page, fire, fireScenario, locale);
      const checkpoint = (screen: string) => screens.check(screen);
      for (const step of fireScenario.steps) {
        await atStep(page, step.mechanic);
        if (step.mechanic === 'hazard-hunt' && !scenes) {
          // The layout of the hunt's panel is still checked, without finding anything in the slow 4K canvas.
          await expect(page.locator('main.hazard-hunt')).toBeVisible();
          await screens.check('hazard hunt (not played)');
          await button(page, words('hazard-hunt', 'done', locale)).tap();
          await screens.check('hazard review');
          await button(page, words('hazard-hunt', 'reviewContinue', locale)).tap();
          continue;
        }
        if (step.mechanic === 'hazard-hunt') {
          await expect(page.locator('main.hazard-hunt')).toBeVisible();
          await screens.check('hazard hunt');
        }
        const ctx: PlayContext = { page, scenario: fireScenario, locale, skill: 'good', clock: false, checkpoint };
        const player = TOUCH_PLAYERS[step.mechanic as MechanicName] as (c: PlayContext, s: StepConfigOf<MechanicName>) => Promise<StepOutcome>;
        await player(ctx, step as unknown as StepConfigOf<MechanicName>);
      }
      await expect(page.getByTestId('score')).toBeVisible();
      await screens.check('result');

      // Each other mechanic's first screen, reached from the map.
      await page.locator('main.result').getByRole('link', { name: app.result.backToMap!, exact: true }).tap();
      await expect(page).toHaveURL(/\/map$/);
      if (size.others)
        for (const { pack, mechanic } of OTHERS) {
          const scenario = pack.scenarios[0]!;
          expect(scenario.steps[1]?.mechanic, `${pack.id}'s second step`).toBe(mechanic);
          await openScenario(page, pack, scenario, locale);
          await atStep(page, 'case-card');
          await button(page, words('case-card', 'begin', locale)).tap();
          await atStep(page, mechanic);
          await expect(page.locator(`main.${mechanic}`)).toBeVisible();
          await screens.check(mechanic);
          await page.getByRole('link', { name: app.play.backToMap!, exact: true }).tap();
          await expect(page).toHaveURL(/\/map$/);
        }

      expect(screens.problems, `layout problems at ${size.width}×${size.height}`).toEqual([]);
    });
  });

// Staff pages: the same checks, with the staff pages' 44 px targets, at the smallest and the portrait screen. Each page
// as it first shows (its login where it has one): the layout, not the staff's work, is under test.
test('staff pages fit at every size, their controls at least 44 px', async ({ page }, testInfo) => {
  const screens = new Screens(page, testInfo, 'staff');
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const path of ['/admin', '/operator']) {
      await page.goto(path);
      await expect(page.locator('main, .screen').first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await screens.check(`${size.width}x${size.height} ${path}`, STAFF);
    }
  }
  expect(screens.problems, 'layout problems on the staff pages').toEqual([]);
});
