import { quizChoiceOrder, type Question, type QuizState, type QuizStep } from '@ruyi/mechanics';
import { useCallback, useMemo, useState } from 'react';
import { toggleChoice } from './quizView.ts';

/** The choices a visitor has ticked on a question, before submitting (mount it per question: key by its index). */
function useQuizSelection(question: Question): { selected: string[]; toggle: (id: string) => void } {
  const [selected, setSelected] = useState<string[]>([]);
  const multiple = question.kind === 'multiple';
  const toggle = useCallback((id: string) => setSelected((cur) => toggleChoice(cur, id, multiple)), [multiple]);
  return { selected, toggle };
}

/** The quiz's current question, its choices in this run's order, its answer if given, and the visitor's ticks. */
export function useQuizQuestion(step: QuizStep, state: QuizState, seed: number) {
  const { questions } = step;
  const question = questions[Math.min(state.index, questions.length - 1)]!;
  const { selected, toggle } = useQuizSelection(question);
  const choices = useMemo(() => quizChoiceOrder(step, question, seed), [step, question, seed]);
  return {
    question,
    choices,
    given: state.answers[question.id],
    selected,
    toggle,
    multiple: question.kind === 'multiple',
    last: state.index >= questions.length - 1,
    n: state.index + 1,
    total: questions.length,
  };
}
