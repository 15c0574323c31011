import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelUrlResolver } from '../api/assets.ts';
import { useLocalize } from '../components/useLocalize.ts';
import { useReducedMotion } from '../components/useReducedMotion.ts';
import { SceneView } from '../scene/index.ts';
import { allFound as everyHazardFound, foundProps as foundPropsOf, huntFeedback } from './huntView.ts';
import { runActions } from './runActions.ts';
import { useHuntHint } from './useHuntHint.ts';

export function HazardHuntStep({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const reducedMotion = useReducedMotion();
  const [showObjects, setShowObjects] = useState(false);
  const { hazards } = scenario.hazardHunt;
  // The pack's own models for its props, where it has them.
  const assetUrl = useMemo(() => modelUrlResolver(pack), [pack]);
  const hint = useHuntHint(scenario, state);
  const foundProps = foundPropsOf(scenario, state);
  const allFound = everyHazardFound(scenario, state);
  const inspect = runActions.inspect;
  const feedback = huntFeedback(scenario, state.inspection, t, l);

  return (
    <main className="step hazard-hunt">
      <div className="scene-area">
        <SceneView
          scene={scenario.scene}
          label={t('hunt.sceneLabel')}
          labelOf={(p) => l(p.label)}
          found={foundProps}
          hinted={hint?.prop ?? null}
          reducedMotion={reducedMotion}
          onInspect={inspect}
          assetUrl={assetUrl}
        />
      </div>
      <aside className="hunt-panel">
        <h1 className="panel-heading">{t('play.steps.hazard-hunt')}</h1>
        <p className="instructions">{l(scenario.hazardHunt.instructions)}</p>
        <p className="counter" role="status">
          {t('hunt.found', { found: state.found.length, total: hazards.length })}
        </p>
        <div className="feedback" aria-live="polite">
          {feedback && (
            <div className={`feedback-card ${feedback.tone}`}>
              <p className="feedback-title">
                <span aria-hidden="true">{feedback.tone === 'good' ? '⚠ ' : '› '}</span>
                {feedback.title}
              </p>
              {feedback.body && <p>{feedback.body}</p>}
            </div>
          )}
          {allFound && <p className="all-found">✔ {t('hunt.allFound')}</p>}
          {hint && !allFound && <p className="hint">{t('hunt.hint', { hint: l(hint.hint) })}</p>}
        </div>
        <button type="button" className="secondary" aria-expanded={showObjects} aria-controls="object-list" onClick={() => setShowObjects((v) => !v)}>
          {showObjects ? t('hunt.hideObjects') : t('hunt.objects')}
        </button>
        {showObjects && (
          <div id="object-list" className="object-list">
            <p>{t('hunt.objectsHelp')}</p>
            <ul>
              {scenario.scene.props.map((p) => (
                <li key={p.id}>
                  <button type="button" onClick={() => inspect(p.id)}>
                    {foundProps.includes(p.id) ? '✔ ' : ''}
                    {l(p.label)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <button type="button" className={allFound ? 'primary' : 'secondary'} onClick={runActions.endHunt}>
          {t('hunt.done')}
        </button>
      </aside>
    </main>
  );
}
