// How a quiz question's choices look: what is selected before the answer, and after it which were right and which the
// visitor took. Shared by the touch and VR quiz views.
import type { AnswerGiven, Question } from '@ruyi/mechanics';
import type { Translate } from '../../play/viewText.ts';

export type QuizChoice = Question['choices'][number];

/** A single-choice question keeps one selection; a multiple-choice one toggles each choice on and off. */
export function toggleChoice(selected: readonly string[], id: string, multiple: boolean): string[] {
  if (!multiple) return [id];
  return selected.includes(id) ? selected.filter((c) => c !== id) : [...selected, id];
}

export interface QuizChoiceView {
  id: string;
  choice: QuizChoice;
  /** Chosen: the visitor's current selection, or once answered what they answered. */
  selected: boolean;
  /** Once answered: whether this choice is one of the right ones; null before. */
  right: boolean | null;
  /** Once answered: the words "Right answer", "Your choice" that apply; empty before. */
  tags: string[];
}

/** The question's choices as shown, in `shown`'s order (the run's: quizChoiceOrder). */
export function quizChoices(
  question: Question,
  shown: readonly QuizChoice[],
  given: AnswerGiven | undefined,
  selected: readonly string[],
  t: Translate,
): QuizChoiceView[] {
  return shown.map((c) => {
    const isSelected = given ? given.choiceIds.includes(c.id) : selected.includes(c.id);
    const isRight = question.answer.includes(c.id);
    const tags = given
      ? [isRight ? t('mechanics.quiz.rightAnswer') : null, isSelected ? t('mechanics.quiz.yourChoice') : null].filter((s) => s !== null)
      : [];
    return { id: c.id, choice: c, selected: isSelected, right: given ? isRight : null, tags };
  });
}
