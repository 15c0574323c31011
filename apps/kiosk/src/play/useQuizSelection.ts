import type { Question } from '@ruyi/pack-schema';
import { useCallback, useState } from 'react';
import { toggleChoice } from './quizView.ts';

/** The choices a visitor has ticked on a question, before submitting (mount it per question: key by its index). */
export function useQuizSelection(question: Question): { selected: string[]; toggle: (id: string) => void } {
  const [selected, setSelected] = useState<string[]>([]);
  const multiple = question.kind === 'multiple';
  const toggle = useCallback((id: string) => setSelected((cur) => toggleChoice(cur, id, multiple)), [multiple]);
  return { selected, toggle };
}
