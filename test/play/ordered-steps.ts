// An ordered-steps drill: the right option of its question (if it asks one), then every step in the right order. A
// step done on an object of the scene is done by touching that object, as a visitor at the scene would; the others
// by their buttons (shown shuffled, found by label). No distractor is touched.
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, sceneReady, tapProp, text, words } from './words.ts';

export const playOrderedSteps: TouchPlayer<'ordered-steps'> = async ({ page, locale, checkpoint }, step) => {
  const drill = page.locator('main.ordered-steps');
  await expect(drill.locator('.os-live')).toBeAttached();
  const withScene = step.actions.some((a) => a.prop);
  if (withScene) await sceneReady(page);
  await expect(drill).toContainText(text(step.instructions, locale));
  await checkpoint(step.choose ? 'ordered steps: the question' : 'ordered steps');

  let points = 0;
  if (step.choose) {
    const right = step.choose.options.find((o) => o.right);
    if (!right) throw new Error(`step ${step.id} asks a question without a right option`);
    await button(page, text(right.label, locale)).tap();
    await expect(drill.locator('.os-feedback .verdict')).toContainText(words('ordered-steps', 'rightChoice', locale, { choice: text(right.label, locale) }));
    await button(page, words('ordered-steps', 'start', locale)).tap();
    await expect(drill.locator('.os-progress')).toBeVisible();
    await checkpoint('ordered steps: the steps');
    points += step.choose.pointsIfRight;
  }

  const total = step.actions.length;
  for (const [i, action] of step.actions.entries()) {
    const label = text(action.label, locale);
    await expect(drill.locator('.os-progress')).toContainText(words('ordered-steps', 'progress', locale, { done: i, total }));
    const onScene = action.prop && (await page.evaluate((id) => window.__ruyiScene?.propScreenPoint(id) ?? null, action.prop)) !== null;
    if (onScene) await tapProp(page, action.prop!);
    else await button(page, label).tap();
    await expect(drill.locator('.os-feedback .verdict')).toContainText(words('ordered-steps', 'done', locale, { action: label }));
    await expect(drill.locator('.os-feedback')).toContainText(text(action.feedback, locale));
  }
  await expect(drill.locator('.os-progress')).toContainText(words('ordered-steps', 'progress', locale, { done: total, total }));
  await expect(drill.locator('.os-mistakes')).toHaveCount(0);
  await checkpoint('ordered steps: all done');
  await button(page, words('ordered-steps', 'finish', locale)).tap();
  points += total * step.pointsPerStep;
  return { points, maxPoints: points };
};
