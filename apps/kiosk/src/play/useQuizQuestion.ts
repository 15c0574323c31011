import type { Question, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useCallback, useState } from 'react';
import { toggleChoice } from './quizView.ts';

/** The choices a visitor has ticked on a question, before submitting (mount it per question: key by its index). */
function useQuizSelection(question: Question): { selected: string[]; toggle: (id: string) => void } {
  const [selected, setSelected] = useState<string[]>([]);
  const multiple = question.kind === 'multiple';
  const toggle = useCallback((id: string) => setSelected((cur) => toggleChoice(cur, id, multiple)), [multiple]);
  return { selected, toggle };
}

/** The question of the run's quiz step, its answer if given, and the visitor's ticks: what the touch and VR steps show. */
export function useQuizQuestion(scenario: Scenario, state: RunState) {
  const { questions } = scenario.quiz;
  const question = questions[state.questionIndex]!;
  const { selected, toggle } = useQuizSelection(question);
  return {
    question,
    given: state.answers[question.id],
    selected,
    toggle,
    multiple: question.kind === 'multiple',
    last: state.questionIndex === questions.length - 1,
    total: questions.length,
  };
}
