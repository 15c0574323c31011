// Timed choices: "start", then in each situation a safe choice, by its label, as soon as it shows (the page's clock
// held meanwhile, so the countdown never outruns the test); the verdict, then the next situation.
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, pauseClock, sceneReady, text, words } from './words.ts';

export const playTimedChoice: TouchPlayer<'timed-choice'> = async ({ page, locale, clock, checkpoint }, step) => {
  if (!clock) throw new Error('the timed-choice player needs the page on Playwright’s clock (install it before the page loads)');
  const drill = page.locator('main.timed-choice');
  await expect(drill).toContainText(text(step.intro, locale));
  await sceneReady(page);
  await checkpoint('timed choice: intro');
  await button(page, words('timed-choice', 'start', locale)).tap();
  const total = step.situations.length;
  for (const [i, situation] of step.situations.entries()) {
    await expect(drill.locator('.prompt')).toHaveText(text(situation.prompt, locale));
    const safe = situation.choices.find((c) => c.safe);
    if (!safe) throw new Error(`situation ${situation.id} has no safe choice`);
    // The countdown runs on the page's clock: stopped while the touch travels, so a slow machine is not a slow visitor.
    await pauseClock(page);
    try {
      await button(page, text(safe.label, locale)).tap();
      await expect(drill.locator('.consequence')).toBeVisible();
    } finally {
      await page.clock.resume();
    }
    await expect(drill.locator('.consequence .verdict')).toContainText(words('timed-choice', 'safeChoice', locale, { choice: text(safe.label, locale) }));
    if (i === 0) await checkpoint('timed choice: verdict');
    await button(page, words('timed-choice', i === total - 1 ? 'finish' : 'continue', locale)).tap();
  }
  return { points: total * step.pointsPerSafeChoice, maxPoints: total * step.pointsPerSafeChoice };
};
