// The case card: read (its title is the heading), then "begin".
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, text, words } from './words.ts';

export const playCaseCard: TouchPlayer<'case-card'> = async ({ page, locale, checkpoint }, step) => {
  const card = page.locator('main.case-card');
  await expect(card.getByRole('heading', { level: 1 })).toHaveText(text(step.title, locale));
  await expect(card).toContainText(text(step.cause, locale));
  await checkpoint('case card');
  await button(page, words('case-card', 'begin', locale)).tap();
  return { points: 0, maxPoints: 0 };
};
