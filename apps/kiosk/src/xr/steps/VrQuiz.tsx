import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import { quizChoices } from '../../play/quizView.ts';
import { runActions } from '../../play/runActions.ts';
import { useQuizQuestion } from '../../play/useQuizQuestion.ts';
import type { MarkKind, TextBlock, Tone } from '../ui/index.ts';
import type { ActionSpec } from './ActionSpec.ts';
import { SplitSheet } from './SplitSheet.tsx';

/** One quiz question (mount it per question, keyed by its index, like the touch step). */
export function VrQuiz({ scenario, state }: { scenario: Scenario; state: RunState }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const { question, given, selected, toggle, multiple, last, total } = useQuizQuestion(scenario, state);

  const blocks: TextBlock[] = [
    { style: 'small', text: `${t('quiz.heading')} · ${t('quiz.progress', { n: state.questionIndex + 1, total })}`, tone: 'muted' },
    { style: 'label', text: l(question.prompt), gap: 0.2 },
    { style: 'small', text: multiple ? t('quiz.multiple') : t('quiz.single'), tone: 'muted' },
  ];
  if (given)
    blocks.push(
      { style: 'label', text: given.correct ? t('quiz.correct') : t('quiz.incorrect'), mark: given.correct ? 'check' : 'cross', tone: given.correct ? 'good' : 'bad', gap: 0.6 },
      { style: 'body', text: l(question.explanation) },
    );

  const choices = quizChoices(question, given, selected, t).map<ActionSpec>((v, i) => {
    // Before the answer: a radio or check box, ticked when selected, and the word "Selected". After: the verdict.
    let mark: MarkKind = multiple ? (v.selected ? 'box-on' : 'box') : v.selected ? 'radio-on' : 'radio';
    let markTone: Tone | undefined;
    if (v.right === true) [mark, markTone] = ['check', 'good'];
    else if (v.right === false && v.selected) [mark, markTone] = ['cross', 'bad'];
    return {
      id: `button:quiz.choice.${v.id}`,
      label: l(question.choices[i]!.label),
      labelStyle: 'choice',
      mark,
      markTone,
      tag: given ? v.tags.join(' · ') : v.selected ? t('vrSteps.selected') : '',
      // Room for "Selected" is kept on every choice, so ticking one never moves the ones below it.
      tagReserve: given ? undefined : t('vrSteps.selected'),
      state: v.selected ? 'on' : 'off',
      disabled: given !== undefined,
      onPress: () => toggle(v.id),
    };
  });
  const action: ActionSpec = given
    ? { id: 'button:quiz.next', label: last ? t('quiz.finish') : t('quiz.next'), variant: 'primary', onPress: runActions.nextQuestion }
    : { id: 'button:quiz.submit', label: t('quiz.submit'), variant: 'primary', disabled: selected.length === 0, onPress: () => runActions.answer(selected) };
  return <SplitSheet id="quiz" blocks={blocks} choices={choices} action={action} />;
}
