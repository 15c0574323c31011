import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';
import { decisionView } from './decisionView.ts';
import { runActions } from './runActions.ts';

export function DecisionStep({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const view = decisionView(scenario, state);
  if (!view) return null;
  const { node, chosen, first } = view;
  return (
    <main className="step decisions">
      <h1>{t('decisions.heading')}</h1>
      {first && <p className="lead">{l(scenario.decisions.intro)}</p>}
      <h2 className="prompt">{l(node.prompt)}</h2>
      {!chosen ? (
        <ul className="choice-list">
          {node.choices.map((c) => (
            <li key={c.id}>
              <button type="button" className="choice" onClick={() => runActions.choose(c.id)}>
                {l(c.label)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className={`consequence ${chosen.safe ? 'safe' : 'unsafe'}`} role="status">
          <p className="verdict">
            <span aria-hidden="true">{chosen.safe ? '✔ ' : '✘ '}</span>
            {t(chosen.safe ? 'decisions.safeChoice' : 'decisions.unsafeChoice', { choice: l(chosen.label) })}
          </p>
          <p>{l(chosen.consequence)}</p>
          <button type="button" className="primary" onClick={runActions.continueDecisions}>
            {t('decisions.continue')}
          </button>
        </div>
      )}
    </main>
  );
}
