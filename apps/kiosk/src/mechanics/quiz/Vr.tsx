// One quiz question in the headset: the question above, one button per choice (in this run's order) that ticks it,
// then submit; after the answer, the verdict, the explanation and "next".
import type { JSX } from 'react';
import type { ActionSpec } from '../../xr/steps/ActionSpec.ts';
import { SplitSheet } from '../../xr/steps/SplitSheet.tsx';
import { verdictBlock } from '../../xr/steps/verdictBlock.ts';
import type { MarkKind, TextBlock, Tone } from '../../xr/ui/index.ts';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { quizChoices } from './quizView.ts';
import { useQuizQuestion } from './useQuizQuestion.ts';

export function Vr(props: StepViewProps<'quiz'>): JSX.Element {
  return <Question key={props.state.index} {...props} />;
}

function Question({ step, state, env, dispatch }: StepViewProps<'quiz'>): JSX.Element {
  const { t, k, l } = useMechanicText('quiz');
  const { question, choices, given, selected, toggle, multiple, last, n, total } = useQuizQuestion(step, state, env.seed);

  const blocks: TextBlock[] = [
    { style: 'small', text: `${k('heading')} · ${k('progress', { n, total })}`, tone: 'muted' },
    { style: 'label', text: l(question.prompt), gap: 0.2 },
    { style: 'small', text: multiple ? k('multiple') : k('single'), tone: 'muted' },
  ];
  if (given)
    blocks.push(
      verdictBlock(given.correct, given.correct ? k('correct') : k('incorrect'), { gap: 0.6 }),
      { style: 'body', text: l(question.explanation) },
    );

  const buttons = quizChoices(question, choices, given, selected, t).map<ActionSpec>((v) => {
    // Before the answer: a radio or check box, ticked when selected, and the word "Selected". After: the verdict.
    let mark: MarkKind = multiple ? (v.selected ? 'box-on' : 'box') : v.selected ? 'radio-on' : 'radio';
    let markTone: Tone | undefined;
    if (v.right === true) [mark, markTone] = ['check', 'good'];
    else if (v.right === false && v.selected) [mark, markTone] = ['cross', 'bad'];
    return {
      id: `button:quiz.choice.${v.id}`,
      label: l(v.choice.label),
      labelStyle: 'choice',
      mark,
      markTone,
      tag: given ? v.tags.join(' · ') : v.selected ? k('vrSelected') : '',
      // Room for "Selected" is kept on every choice, so ticking one never moves the ones below it.
      tagReserve: given ? undefined : k('vrSelected'),
      state: v.selected ? 'on' : 'off',
      disabled: given !== undefined,
      onPress: () => toggle(v.id),
    };
  });
  const action: ActionSpec = given
    ? { id: 'button:quiz.next', label: last ? k('finish') : k('next'), variant: 'primary', onPress: () => dispatch({ type: 'next' }) }
    : { id: 'button:quiz.submit', label: k('submit'), variant: 'primary', disabled: selected.length === 0, onPress: () => dispatch({ type: 'answer', choiceIds: selected }) };
  return <SplitSheet id="quiz" blocks={blocks} choices={buttons} action={action} />;
}
