// The hazard hunt: every hazard found by touching its object in the 3D scene (a good visitor touches nothing else), then
// the review, which lists them all as found.
import { findShare } from '@ruyi/mechanics';
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, sceneReady, tapProp, text, words } from './words.ts';

export const playHazardHunt: TouchPlayer<'hazard-hunt'> = async ({ page, locale, checkpoint }, step) => {
  const hunt = page.locator('main.hazard-hunt');
  await expect(hunt).toBeVisible();
  await sceneReady(page);
  const total = step.hazards.length;
  const counter = hunt.locator('.counter');
  await expect(counter).toHaveText(words('hazard-hunt', 'found', locale, { found: 0, total }));
  // The checks come after the finds: finds may earn less the later they come.
  for (const [i, hazard] of step.hazards.entries()) {
    await tapProp(page, hazard.prop);
    await expect(hunt.locator('.feedback')).toContainText(text(hazard.name, locale));
    await expect(counter).toHaveText(words('hazard-hunt', 'found', locale, { found: i + 1, total }));
  }
  await expect(hunt.locator('.all-found')).toBeVisible();
  await checkpoint('hazard hunt, all found');
  await button(page, words('hazard-hunt', 'done', locale)).tap();

  const review = page.locator('main.hunt-review');
  await expect(review.locator('.review-list li')).toHaveCount(total);
  await expect(review.locator('.review-list li.missed')).toHaveCount(0);
  await checkpoint('hazard review');
  await button(page, words('hazard-hunt', 'reviewContinue', locale)).tap();

  const full = total * step.pointsPerHazard;
  if (!step.earlyFinds) return { points: full, maxPoints: full };
  // Found as fast as a test can touch, but the scene takes its time to load on a software GPU.
  const latest = step.hazards.length * Math.round(step.pointsPerHazard * findShare(step, step.earlyFinds.lowestAfterSeconds * 1000));
  return { points: { atLeast: latest, atMost: full }, maxPoints: full };
};
