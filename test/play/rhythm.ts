// The rhythm drill (chest compressions): the press button touched `count` times at the middle of the rate band. The
// mechanic measures the time between presses, so the page's clock is paused and stepped by exactly one interval
// between touches: an exact pace, and no waiting for it. Then the summary's "continue".
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, pauseClock, text, words } from './words.ts';

export const playRhythm: TouchPlayer<'rhythm'> = async ({ page, locale, clock, checkpoint }, step) => {
  if (!clock) throw new Error('the rhythm player needs the page on Playwright’s clock (install it before the page loads)');
  const drill = page.locator('main.rhythm');
  const press = button(page, words('rhythm', 'press', locale));
  await expect(press).toBeVisible();
  await checkpoint('rhythm');
  const everyMs = Math.round(60_000 / ((step.minPerMinute + step.maxPerMinute) / 2));
  const counter = drill.locator('.rhythm-counter [aria-hidden="true"]');
  await pauseClock(page);
  try {
    for (let n = 1; n <= step.count; n++) {
      await press.tap();
      if (n < step.count) {
        await expect(counter).toHaveText(words('rhythm', 'counter', locale, { n, count: step.count }));
        // The live verdict once there is a pace to judge, and again near the end.
        if (n === 2 || n === step.count - 1) await expect(drill.locator('.rhythm-feedback')).toContainText(text(step.good, locale));
        await page.clock.runFor(everyMs);
      }
    }
  } finally {
    await page.clock.resume();
  }
  const summary = drill.locator('.rhythm-summary');
  await expect(summary).toContainText(words('rhythm', 'summaryCount', locale, { n: step.count, count: step.count }));
  await expect(summary).toContainText(words('rhythm', 'summaryRate', locale, { good: step.count - 1, total: step.count - 1 }));
  await checkpoint('rhythm summary');
  await button(page, words('rhythm', 'continue', locale)).tap();
  const full = step.pointsForCount + step.pointsForRate;
  return { points: full, maxPoints: full };
};
