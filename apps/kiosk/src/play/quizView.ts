// How a quiz question's choices look: what is selected before the answer, and after it which were right and which the
// visitor took. Shared by the touch and VR quiz steps.
import type { Question } from '@ruyi/pack-schema';
import type { AnswerGiven } from '@ruyi/scenario-engine';
import type { Translate } from './viewText.ts';

/** A single-choice question keeps one selection; a multiple-choice one toggles each choice on and off. */
export function toggleChoice(selected: readonly string[], id: string, multiple: boolean): string[] {
  if (!multiple) return [id];
  return selected.includes(id) ? selected.filter((c) => c !== id) : [...selected, id];
}

export interface QuizChoiceView {
  id: string;
  /** Chosen: the visitor's current selection, or once answered what they answered. */
  selected: boolean;
  /** Once answered: whether this choice is one of the right ones; null before. */
  right: boolean | null;
  /** Once answered: the words "Right answer", "Your choice" that apply; empty before. */
  tags: string[];
}

export function quizChoices(question: Question, given: AnswerGiven | undefined, selected: readonly string[], t: Translate): QuizChoiceView[] {
  return question.choices.map((c) => {
    const isSelected = given ? given.choiceIds.includes(c.id) : selected.includes(c.id);
    const isRight = question.answer.includes(c.id);
    const tags = given ? [isRight ? t('quiz.rightAnswer') : null, isSelected ? t('quiz.yourChoice') : null].filter((s) => s !== null) : [];
    return { id: c.id, selected: isSelected, right: given ? isRight : null, tags };
  });
}
