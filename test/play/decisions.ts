// A drill of decisions: the safe choice at every situation, along the path the choices lead (a choice's `next`); the
// step ends at a choice without one (its `goto`, or the scenario's order, says what follows).
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, text, words } from './words.ts';

export const playDecisions: TouchPlayer<'decisions'> = async ({ page, locale, checkpoint }, step) => {
  const drill = page.locator('main.decisions');
  let node = step.nodes.find((n) => n.id === step.start);
  let taken = 0;
  while (node) {
    await expect(drill.locator('.prompt')).toHaveText(text(node.prompt, locale));
    if (taken === 0) await checkpoint('decision');
    const choice = node.choices.find((c) => c.safe);
    if (!choice) throw new Error(`decision ${node.id} has no safe choice`);
    await button(page, text(choice.label, locale)).tap();
    await expect(drill.locator('.consequence .verdict')).toContainText(words('decisions', 'safeChoice', locale, { choice: text(choice.label, locale) }));
    await expect(drill.locator('.consequence')).toContainText(text(choice.consequence, locale));
    if (taken === 0) await checkpoint('decision consequence');
    await button(page, words('decisions', 'continue', locale)).tap();
    taken++;
    const next = choice.next;
    node = next ? step.nodes.find((n) => n.id === next) : undefined;
    if (next && !node) throw new Error(`choice ${choice.id} leads to ${next}, which is no decision of step ${step.id}`);
  }
  return { points: taken * step.pointsPerSafeChoice, maxPoints: taken * step.pointsPerSafeChoice };
};
