// The first screens load without three.js: attract, the map and a scenario's case card are shown and usable while
// every chunk with three.js in it is held back, and none is even asked for before a scenario opens. The case card
// starts loading the 3D view (so it is usually there when the visitor reaches the hunt); a visitor who is faster sees
// a status in the scene's place, which the scene replaces in the same box once its code arrives.
import type { Page, Route } from '@playwright/test';
import { localize } from '@ruyi/pack-schema';
import { expect, loadFirePack, test } from './fixtures.ts';
import { stepOf } from './steps.ts';

const pack = loadFirePack();
const scenario = pack.scenarios[0]!;
const caseCard = stepOf(scenario, 'case-card');
const l = (text: Parameters<typeof localize>[0]) => localize(text, 'zh-CN');

// three.js marks the page with its revision (`window.__THREE__ = REVISION`): a property name minifiers keep, so it
// finds three in any chunk, whatever the bundler named it.
const THREE_MARKER = '__THREE__';

interface Script {
  url: string;
  three: boolean;
  /** What the visitor was looking at when the page asked for it. */
  during: string;
}

/** Watches every script the page loads; with `hold`, scripts with three.js in them wait until `release()`. */
async function watchScripts(page: Page, { hold }: { hold: boolean }) {
  const scripts: Script[] = [];
  const stage = { now: 'attract' };
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.m?js(\?.*)?$/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    const three = body.includes(THREE_MARKER);
    scripts.push({ url: new URL(route.request().url()).pathname, three, during: stage.now });
    if (three && hold) await released;
    await route.fulfill({ response, body });
  });
  return { scripts, stage, release };
}

test('attract, map and case card load without three.js; the hunt then loads the 3D view', async ({ page, request }) => {
  // Nothing in the page's head asks for three: no script, no modulepreload.
  const html = await (await request.get('/')).text();
  const heads = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
  expect(heads.length, 'scripts in index.html').toBeGreaterThan(0);
  for (const href of heads) expect(await (await request.get(href)).text(), `${href} (in index.html)`).not.toContain(THREE_MARKER);

  const { scripts, stage, release } = await watchScripts(page, { hold: true });
  try {
    // 1. Attract
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('如意溪安全教育体验公园');
    await page.locator('.attract-start').tap();

    // 2. The map
    await expect(page).toHaveURL(/\/map$/);
    stage.now = 'map';
    const link = page.locator(`a[href="/play/${pack.id}/${scenario.id}"]`);
    await expect(link).toBeVisible();
    expect(scripts.filter((s) => s.three), 'scripts with three.js before a scenario opens').toEqual([]);
    // From the tap on, the scenario is open: what is asked for now is asked for while its case card is read.
    stage.now = 'case card';
    await link.tap();

    // 3. The case card: shown and usable with three.js still held back; the 3D view's code is on its way meanwhile.
    await expect(page).toHaveURL(`/play/${pack.id}/${scenario.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l(caseCard.title));
    await expect(page.locator('.case-card')).toContainText(l(caseCard.cause));
    const begin = page.getByRole('button', { name: '开始体验', exact: true });
    await expect(begin).toBeEnabled();
    await expect.poll(() => scripts.filter((s) => s.three).map((s) => s.during), { message: 'three.js asked for while the case card is read' }).toContain('case card');
    expect(scripts.filter((s) => s.three && s.during !== 'case card'), 'scripts with three.js asked for earlier').toEqual([]);
    await expect(page.locator('canvas')).toHaveCount(0);

    // 4. A visitor faster than the download: the hunt's scene area says the 3D scene is loading, in its own box.
    await begin.tap();
    stage.now = 'hunt';
    const area = page.locator('.scene-area').first();
    const status = area.getByRole('status');
    await expect(status).toHaveText('正在载入三维场景…');
    const waiting = await area.boundingBox();
    expect(waiting!.width * waiting!.height, 'the loading box fills the scene area').toBeGreaterThan(100 * 100);
    const placeholder = await area.locator('.scene-loading').boundingBox();
    expect(placeholder, 'the status fills the scene area').toEqual(waiting);

    // 5. The code arrives: the 3D view takes the same box, the status goes.
    release();
    await page.waitForFunction(() => window.__ruyiScene?.ready === true);
    await expect(area.locator('canvas')).toBeVisible();
    await expect(status).toHaveCount(0);
    expect(await area.boundingBox(), 'the scene area did not move or resize').toEqual(waiting);
  } finally {
    release();
  }
});

test('the 3D view is usually ready before the hunt: the case card preloads it', async ({ page }) => {
  const { scripts, stage } = await watchScripts(page, { hold: false });
  stage.now = 'case card';
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l(caseCard.title));
  await expect.poll(() => scripts.some((s) => s.three), { message: 'three.js asked for while the case card is read' }).toBe(true);
  // The visitor reads on until the preloaded scripts have run: importing them again resolves once they have.
  const urls = scripts.map((s) => s.url);
  await page.evaluate(async (all) => {
    await Promise.all(all.map((url) => import(url)));
  }, urls);
  // From then on the hunt's scene is drawn without a single frame of the loading status.
  await page.evaluate(() => {
    const seen = ((window as { __sawSceneLoading?: boolean }).__sawSceneLoading = false);
    new MutationObserver(() => {
      if (document.querySelector('.scene-loading')) (window as { __sawSceneLoading?: boolean }).__sawSceneLoading = true;
    }).observe(document.body, { childList: true, subtree: true });
    return seen;
  });
  await page.getByRole('button', { name: '开始体验', exact: true }).tap();
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  await expect(page.locator('.scene-area canvas')).toBeVisible();
  expect(await page.evaluate(() => (window as { __sawSceneLoading?: boolean }).__sawSceneLoading), 'the loading status was shown').toBe(false);
});
