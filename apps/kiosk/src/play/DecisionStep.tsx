import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';
import { useRun } from '../stores/run.ts';

export function DecisionStep({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const dispatch = useRun.getState().dispatch;
  const node = scenario.decisions.nodes.find((n) => n.id === state.nodeId);
  if (!node) return null;
  const chosen = node.choices.find((c) => c.id === state.pendingChoice);
  const first = state.decisions.length === 0 && !chosen;
  return (
    <main className="step decisions">
      <h1>{t('decisions.heading')}</h1>
      {first && <p className="lead">{l(scenario.decisions.intro)}</p>}
      <h2 className="prompt">{l(node.prompt)}</h2>
      {!chosen ? (
        <ul className="choice-list">
          {node.choices.map((c) => (
            <li key={c.id}>
              <button type="button" className="choice" onClick={() => dispatch({ type: 'choose', choiceId: c.id })}>
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
          <button type="button" className="primary" onClick={() => dispatch({ type: 'continue' })}>
            {t('decisions.continue')}
          </button>
        </div>
      )}
    </main>
  );
}
