// The reaction drill: "ready", then wait for the cue (it comes by itself after a delay drawn from the run's seed), then
// the right actions in order, by their labels, at a steady pace on the page's clock; then the verdict and "continue".
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, pauseClock, sceneReady, text, words } from './words.ts';

/** Between one action and the next: a visitor who knows the drill. */
const PACE_MS = 700;

export const playReaction: TouchPlayer<'reaction'> = async ({ page, locale, clock, checkpoint }, step) => {
  if (!clock) throw new Error('the reaction player needs the page on Playwright’s clock (install it before the page loads)');
  const drill = page.locator('main.reaction');
  await expect(drill).toContainText(text(step.instructions, locale));
  await sceneReady(page);
  await checkpoint('reaction: instructions');
  await button(page, words('reaction', 'ready', locale)).tap();
  await expect(drill.locator('.reaction-waiting')).toBeVisible();
  await expect(drill.locator('.reaction-cue')).toContainText(text(step.cue, locale), { timeout: step.cueAfterSeconds.max * 1000 + 15_000 });
  // The drill counts the seconds from the cue: the clock stops, and moves on by a brisk visitor's pace between touches.
  await pauseClock(page);
  try {
    for (const [i, action] of step.actions.entries()) {
      await button(page, text(action.label, locale)).tap();
      if (i === step.actions.length - 1) break;
      await expect(drill.locator(`[data-action="${action.id}"]`)).toHaveAttribute('aria-disabled', 'true');
      await page.clock.runFor(PACE_MS);
    }
    await expect(drill.locator('.verdict')).toHaveAttribute('data-outcome', 'in-time');
  } finally {
    await page.clock.resume();
  }
  await expect(drill).toContainText(words('reaction', 'points', locale, { points: step.points, max: step.points }));
  await checkpoint('reaction: verdict');
  await button(page, words('reaction', 'continue', locale)).tap();
  return { points: step.points, maxPoints: step.points };
};
