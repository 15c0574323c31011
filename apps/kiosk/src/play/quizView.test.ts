import { describe, expect, it } from 'vitest';
import { quizChoices, toggleChoice } from './quizView.ts';
import { firePack, t } from './testScenario.ts';

describe('toggleChoice', () => {
  it('keeps one selection for a single-choice question', () => {
    expect(toggleChoice([], 'a', false)).toEqual(['a']);
    expect(toggleChoice(['a'], 'b', false)).toEqual(['b']);
    expect(toggleChoice(['a'], 'a', false)).toEqual(['a']);
  });

  it('toggles each choice of a multiple-choice question, in the order picked', () => {
    expect(toggleChoice([], 'b', true)).toEqual(['b']);
    expect(toggleChoice(['b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggleChoice(['b', 'a'], 'b', true)).toEqual(['a']);
  });
});

describe('quizChoices', () => {
  const { scenario } = firePack();
  const question = scenario.quiz.questions.find((q) => q.kind === 'multiple') ?? scenario.quiz.questions[0]!;
  const right = question.answer[0]!;
  const wrong = question.choices.find((c) => !question.answer.includes(c.id))!.id;

  it('shows the current selection before the answer, with no verdicts', () => {
    const views = quizChoices(question, undefined, [wrong], t);
    expect(views.map((v) => v.id)).toEqual(question.choices.map((c) => c.id));
    expect(views.find((v) => v.id === wrong)).toEqual({ id: wrong, selected: true, right: null, tags: [] });
    expect(views.filter((v) => v.selected)).toHaveLength(1);
  });

  it('after the answer, marks the right choices and the visitor\'s own, whatever is selected now', () => {
    const views = quizChoices(question, { choiceIds: [wrong], correct: false }, [], t);
    expect(views.find((v) => v.id === wrong)).toEqual({ id: wrong, selected: true, right: false, tags: ['quiz.yourChoice'] });
    expect(views.find((v) => v.id === right)).toEqual({ id: right, selected: false, right: true, tags: ['quiz.rightAnswer'] });
    const both = quizChoices(question, { choiceIds: [right], correct: question.answer.length === 1 }, [], t);
    expect(both.find((v) => v.id === right)!.tags).toEqual(['quiz.rightAnswer', 'quiz.yourChoice']);
  });
});
