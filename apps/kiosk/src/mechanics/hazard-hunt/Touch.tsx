// The hazard hunt on a screen: the 3D scene to tap (or the list of its objects, for keyboard and screen readers), the
// count, the last find's feedback and the timed hint; then, in the same step, the review of found and missed hazards.
import { useMemo, useState, type JSX } from 'react';
import { modelUrlResolver } from '../../api/assets.ts';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { SceneView } from '../../scene/LazyScene.tsx';
import { ContinueBar } from '../ContinueBar.tsx';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { allFound as everyHazardFound, foundProps as foundPropsOf, huntFeedback, huntReview } from './huntView.ts';
import { useHuntHint } from './useHuntHint.ts';

export function Touch(props: StepViewProps<'hazard-hunt'>): JSX.Element {
  return props.state.stage === 'review' ? <Review {...props} /> : <Search {...props} />;
}

function Search({ pack, scenario, step, state, dispatch }: StepViewProps<'hazard-hunt'>): JSX.Element {
  const { t, k, l } = useMechanicText('hazard-hunt');
  const reducedMotion = useReducedMotion();
  const [showObjects, setShowObjects] = useState(false);
  // The pack's own models for its props, where it has them.
  const assetUrl = useMemo(() => modelUrlResolver(pack), [pack]);
  const hint = useHuntHint(step, state);
  const foundProps = foundPropsOf(step, state);
  const allFound = everyHazardFound(step, state);
  const inspect = (propId: string) => dispatch({ type: 'inspect', propId });
  const feedback = huntFeedback(step, scenario.scene, state.inspection, t, l);

  return (
    <main className="step hazard-hunt">
      <div className="scene-area">
        <SceneView
          scene={scenario.scene}
          label={k('sceneLabel')}
          labelOf={(p) => l(p.label)}
          found={foundProps}
          hinted={hint?.prop ?? null}
          reducedMotion={reducedMotion}
          onInspect={inspect}
          assetUrl={assetUrl}
        />
      </div>
      <aside className="hunt-panel">
        <h1 className="panel-heading">{k('title')}</h1>
        <p className="instructions">{l(step.instructions)}</p>
        <NarrationButton text={l(step.instructions)} what={t('narration.instructions')} />
        <p className="counter" role="status">
          {k('found', { found: state.found.length, total: step.hazards.length })}
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
          {allFound && <p className="all-found">✔ {k('allFound')}</p>}
          {hint && !allFound && <p className="hint">{k('hint', { hint: l(hint.hint) })}</p>}
        </div>
        {feedback && <NarrationButton text={[feedback.title, feedback.body ?? ''].join('\n')} what={t('narration.feedback')} />}
        <button type="button" className="secondary" aria-expanded={showObjects} aria-controls="object-list" onClick={() => setShowObjects((v) => !v)}>
          {showObjects ? k('hideObjects') : k('objects')}
        </button>
        {showObjects && (
          <div id="object-list" className="object-list">
            <p>{k('objectsHelp')}</p>
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
        <button type="button" className={allFound ? 'primary' : 'secondary'} onClick={() => dispatch({ type: 'end-search' })}>
          {k('done')}
        </button>
      </aside>
    </main>
  );
}

function Review({ step, state, dispatch }: StepViewProps<'hazard-hunt'>): JSX.Element {
  const { k, l } = useMechanicText('hazard-hunt');
  const summary = k('reviewSummary', { found: state.found.length, total: step.hazards.length });
  const reading = huntReview(step, state).map(({ hazard: h, found }) => `${k('vrReviewItem', { mark: k(found ? 'foundMark' : 'missedMark'), name: l(h.name) })}\n${l(h.feedback)}`);
  return (
    <main className="step hunt-review">
      <h1>{k('reviewTitle')}</h1>
      <p className="lead">{summary}</p>
      <NarrationButton text={[summary, ...reading].join('\n')} />
      <ul className="review-list">
        {huntReview(step, state).map(({ hazard: h, found }) => (
          <li key={h.id} className={found ? 'found' : 'missed'}>
            <p className="review-title">
              <span className="mark">{found ? `✔ ${k('foundMark')}` : `✘ ${k('missedMark')}`}</span> {l(h.name)}
            </p>
            <p>{l(h.feedback)}</p>
          </li>
        ))}
      </ul>
      <ContinueBar label={k('reviewContinue')} onContinue={() => dispatch({ type: 'continue' })} />
    </main>
  );
}
