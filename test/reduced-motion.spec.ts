// Visitors who ask their device for reduced motion get no pulsing, glowing or flashing.
import { expect, loadFirePack, settledScene, test } from './fixtures.ts';
import { stepOf } from './steps.ts';

const pack = loadFirePack();
const scenario = pack.scenarios[0]!;

test.use({ reducedMotion: 'reduce' });

test('with reduced motion the attract button is still and the hint does not pulse', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.attract-start')).toHaveCSS('animation-name', 'none');

  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await page.getByRole('button', { name: '开始体验', exact: true }).tap();
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  await expect(page.locator('.hint')).toBeVisible({ timeout: (stepOf(scenario, 'hazard-hunt').hintAfterSeconds + 15) * 1000 });
  const frame = () => page.evaluate(() => window.__ruyiScene!.info().frame);
  await settledScene(page);
  const before = await frame();
  await page.waitForTimeout(2000);
  expect(await frame(), 'frames drawn in 2 s with a hint showing').toBe(before);
});
