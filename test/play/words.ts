// What the players share: the texts they look for (the pack's, in the visitor's language for the general audience, and
// each mechanic's own strings, read from the mechanic as the app's locale files take them), touches on the 3D scene,
// and the page's clock held for drills that count seconds.
import type { Page } from '@playwright/test';
import { MECHANICS, type MechanicName } from '@ruyi/mechanics';
import { localize, type LocalizedText } from '@ruyi/pack-schema';
import { expect } from '../fixtures.ts';
import type { Locale } from './types.ts';

export const text = (value: LocalizedText, locale: Locale) => localize(value, locale);

/** An app or mechanic string with its {{values}} filled in, as i18next does for these plain keys. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`“${template}” needs {{${name}}}`);
    return String(values[name]);
  });
}

/** A mechanic's string with its {{values}} filled in. */
export function words(mechanic: MechanicName, key: string, locale: Locale, values: Record<string, string | number> = {}): string {
  const found = (MECHANICS[mechanic].locales[locale] as Record<string, unknown>)[key];
  if (typeof found !== 'string') throw new Error(`mechanics.${mechanic}.${key} is no string in ${locale}`);
  return fill(found, values);
}

/** The button with exactly this accessible name. */
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Waits until the step's 3D scene has drawn a frame. */
export async function sceneReady(page: Page) {
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
}

/**
 * Waits until the screen takes touches: after a screen change the kiosk ignores them for a moment (ghost taps), and
 * says so on its root. A locator's tap waits for that by itself; a touch at a point does not.
 */
export async function screenSettled(page: Page) {
  await expect(page.locator('#root')).not.toHaveAttribute('aria-disabled', 'true');
}

/** A touch on the scene where it hits the prop (the scene's test API finds such a point). */
export async function tapProp(page: Page, propId: string) {
  await screenSettled(page);
  const point = await page.evaluate((id) => window.__ruyiScene?.propScreenPoint(id) ?? null, propId);
  expect(point, `prop ${propId} is on screen and can be touched`).not.toBeNull();
  await page.touchscreen.tap(point!.x, point!.y);
}

/**
 * Stops the page's clock (Playwright's, installed before the app loaded) about now: from here the app's time moves
 * only as the player steps it, so a drill that counts seconds sees the pace the player sets, however slowly this
 * machine delivers the touches.
 */
export async function pauseClock(page: Page) {
  // The screen's settling ends on a page timer: held by a stopped clock, the screen would never take the touch.
  await screenSettled(page);
  for (let ahead = 100; ; ahead *= 4) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + ahead);
      return;
    } catch (error) {
      // The clock moved past `now + ahead` before the pause reached it: ask again, a little further on.
      if (!/past/.test(String(error)) || ahead > 10_000) throw error;
    }
  }
}

/**
 * Waits until the short animations have ended: a card fading in is checked as the visitor reads it, not half
 * transparent (axe-core would measure its contrast mid-fade). Endless or long ones (a shaking scene, a pulsing hint, a
 * siren's playhead running for the length of its sound) go on.
 */
export async function settledAnimations(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number(a.effect?.getComputedTiming().endTime ?? Infinity) <= 2000)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
