// A drill of decisions on a screen: the situation, the choices (in this run's order), then the consequence.
import type { JSX } from 'react';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import { ChoiceList } from '../Choices.tsx';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { decisionView } from './decisionView.ts';

export function Touch({ step, state, env, dispatch }: StepViewProps<'decisions'>): JSX.Element | null {
  const { t, k, l } = useMechanicText('decisions');
  const view = decisionView(step, state, env.seed);
  if (!view) return null;
  const { node, choices, chosen, first } = view;
  return (
    <main className="step decisions">
      <h1>{k('heading')}</h1>
      {first && <p className="lead">{l(step.intro)}</p>}
      <h2 className="prompt">{l(node.prompt)}</h2>
      {!chosen && <NarrationButton text={[first ? l(step.intro) : '', l(node.prompt), ...choices.map((c) => l(c.label))].join('\n')} what={t('narration.question')} />}
      {!chosen ? (
        <ChoiceList items={choices.map((c) => ({ id: c.id, label: l(c.label) }))} onChoose={(choiceId) => dispatch({ type: 'choose', choiceId })} />
      ) : (
        <div className={`consequence ${chosen.safe ? 'safe' : 'unsafe'}`} role="status">
          <p className="verdict">
            <span aria-hidden="true">{chosen.safe ? '✔ ' : '✘ '}</span>
            {k(chosen.safe ? 'safeChoice' : 'unsafeChoice', { choice: l(chosen.label) })}
          </p>
          <p>{l(chosen.consequence)}</p>
          <NarrationButton text={[k(chosen.safe ? 'safeChoice' : 'unsafeChoice', { choice: l(chosen.label) }), l(chosen.consequence)].join('\n')} what={t('narration.feedback')} />
          <button type="button" className="primary" onClick={() => dispatch({ type: 'continue' })}>
            {k('continue')}
          </button>
        </div>
      )}
    </main>
  );
}
