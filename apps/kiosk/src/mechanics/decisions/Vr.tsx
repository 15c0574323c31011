// A drill of decisions in the headset: the situation above, one button per choice (in this run's order), then the
// consequence and "continue".
import type { JSX } from 'react';
import { continueAction } from '../../xr/steps/ActionSpec.ts';
import { SplitSheet } from '../../xr/steps/SplitSheet.tsx';
import { verdictBlock } from '../../xr/steps/verdictBlock.ts';
import type { TextBlock } from '../../xr/ui/index.ts';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { decisionView } from './decisionView.ts';

export function Vr({ step, state, env, dispatch }: StepViewProps<'decisions'>): JSX.Element | null {
  const { k, l } = useMechanicText('decisions');
  const view = decisionView(step, state, env.seed);
  if (!view) return null;
  const { node, choices, chosen, first } = view;
  const blocks: TextBlock[] = [{ style: 'small', text: k('heading'), tone: 'muted' }];
  if (first) blocks.push({ style: 'body', text: l(step.intro), gap: 0.2 });
  blocks.push({ style: 'label', text: l(node.prompt), gap: 0.4 });
  if (chosen)
    blocks.push(
      verdictBlock(chosen.safe, k(chosen.safe ? 'safeChoice' : 'unsafeChoice', { choice: l(chosen.label) }), { gap: 0.6 }),
      { style: 'body', text: l(chosen.consequence) },
    );
  return (
    <SplitSheet
      id="decision"
      blocks={blocks}
      choices={
        chosen
          ? []
          : choices.map((c) => ({ id: `button:decision.${c.id}`, label: l(c.label), labelStyle: 'choice' as const, onPress: () => dispatch({ type: 'choose', choiceId: c.id }) }))
      }
      action={chosen ? continueAction('decision', k('continue'), () => dispatch({ type: 'continue' })) : null}
    />
  );
}
