// The quiz: every question answered rightly (its right choices ticked by their labels), then on to the next.
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, text, words } from './words.ts';

export const playQuiz: TouchPlayer<'quiz'> = async ({ page, locale, checkpoint }, step) => {
  const quiz = page.locator('main.quiz');
  const total = step.questions.length;
  for (const [i, q] of step.questions.entries()) {
    await expect(quiz.locator('.prompt')).toHaveText(text(q.prompt, locale));
    await expect(quiz.locator('h1')).toContainText(words('quiz', 'progress', locale, { n: i + 1, total }));
    for (const id of q.answer) {
      const choice = q.choices.find((c) => c.id === id);
      if (!choice) throw new Error(`question ${q.id} answers ${id}, which is none of its choices`);
      await quiz.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: text(choice.label, locale), exact: true }).tap();
    }
    if (i === 0) await checkpoint('quiz question');
    await button(page, words('quiz', 'submit', locale)).tap();
    await expect(quiz.locator('.explanation .verdict')).toContainText(words('quiz', 'correct', locale));
    await expect(quiz.locator('.explanation')).toContainText(text(q.explanation, locale));
    if (i === 0) await checkpoint('quiz explanation');
    await button(page, words('quiz', i === total - 1 ? 'finish' : 'next', locale)).tap();
  }
  return { points: total * step.pointsPerQuestion, maxPoints: total * step.pointsPerQuestion };
};
