import type { Pack, Scenario } from '@ruyi/pack-schema';
import { hintFor, msUntilHint, type RunState } from '@ruyi/scenario-engine';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelUrlResolver } from '../api/assets.ts';
import { useLocalize } from '../components/useLocalize.ts';
import { useReducedMotion } from '../components/useReducedMotion.ts';
import { SceneView } from '../scene/index.ts';
import { useRun } from '../stores/run.ts';

export function HazardHuntStep({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const reducedMotion = useReducedMotion();
  const [showObjects, setShowObjects] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const { hazards } = scenario.hazardHunt;
  const dispatch = useRun.getState().dispatch;
  // The pack's own models for its props, where it has them.
  const assetUrl = useMemo(() => modelUrlResolver(pack), [pack]);

  // Hints depend on time: wake up when the next one is due.
  const wait = msUntilHint(scenario, state, Date.now());
  useEffect(() => {
    if (wait === null) return;
    const timer = window.setTimeout(rerender, wait + 50);
    return () => window.clearTimeout(timer);
  }, [wait, state.lastProgressAt]);
  const hint = hintFor(scenario, state, Date.now());

  const foundProps = hazards.filter((h) => state.found.includes(h.id)).map((h) => h.prop);
  const allFound = state.found.length === hazards.length;
  const inspect = (propId: string) => dispatch({ type: 'inspect', propId });
  const propById = new Map(scenario.scene.props.map((p) => [p.id, p]));
  const hazardById = new Map(hazards.map((h) => [h.id, h]));

  let feedback: { tone: 'good' | 'info'; title: string; body?: string } | null = null;
  const ins = state.inspection;
  if (ins?.result === 'found') {
    const h = hazardById.get(ins.hazardId)!;
    feedback = { tone: 'good', title: t('hunt.foundHazard', { name: l(h.name) }), body: l(h.feedback) };
  } else if (ins?.result === 'already-found') {
    feedback = { tone: 'info', title: t('hunt.alreadyFound', { name: l(hazardById.get(ins.hazardId)!.name) }) };
  } else if (ins?.result === 'not-a-hazard') {
    const prop = propById.get(ins.propId);
    feedback = { tone: 'info', title: t('hunt.notAHazard', { label: prop ? l(prop.label) : ins.propId }) };
  }

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
        <button type="button" className={allFound ? 'primary' : 'secondary'} onClick={() => dispatch({ type: 'end-hunt' })}>
          {t('hunt.done')}
        </button>
      </aside>
    </main>
  );
}
