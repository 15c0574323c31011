import { quizChoiceOrder } from '@ruyi/mechanics';
import { describe, expect, it } from 'vitest';
import { firePack, stepOfKind, t } from '../../play/testScenario.ts';
import { quizChoices, toggleChoice } from './quizView.ts';

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
  const quiz = stepOfKind(scenario, 'quiz');
  const question = quiz.questions.find((q) => q.kind === 'multiple') ?? quiz.questions[0]!;
  const right = question.answer[0]!;
  const wrong = question.choices.find((c) => !question.answer.includes(c.id))!.id;

  it('shows the current selection before the answer, with no verdicts, in the order given', () => {
    const shown = [...question.choices].reverse();
    const views = quizChoices(question, shown, undefined, [wrong], t);
    expect(views.map((v) => v.id)).toEqual(shown.map((c) => c.id));
    expect(views.find((v) => v.id === wrong)).toMatchObject({ id: wrong, selected: true, right: null, tags: [] });
    expect(views.filter((v) => v.selected)).toHaveLength(1);
  });

  it('after the answer, marks the right choices and the visitor\'s own, whatever is selected now', () => {
    const views = quizChoices(question, question.choices, { choiceIds: [wrong], correct: false }, [], t);
    expect(views.find((v) => v.id === wrong)).toMatchObject({ id: wrong, selected: true, right: false, tags: ['mechanics.quiz.yourChoice'] });
    expect(views.find((v) => v.id === right)).toMatchObject({ id: right, selected: false, right: true, tags: ['mechanics.quiz.rightAnswer'] });
    const both = quizChoices(question, question.choices, { choiceIds: [right], correct: question.answer.length === 1 }, [], t);
    expect(both.find((v) => v.id === right)!.tags).toEqual(['mechanics.quiz.rightAnswer', 'mechanics.quiz.yourChoice']);
  });

  it('the run\'s order is the seeded shuffle when the step shuffles, the written order when not', () => {
    expect(quizChoiceOrder({ shuffle: false }, question, 7)).toEqual(question.choices);
    const orders = [1, 2, 3, 4, 5, 6].map((seed) => quizChoiceOrder({ shuffle: true }, question, seed).map((c) => c.id).join());
    expect(new Set(orders).size).toBeGreaterThan(1);
  });
});
