// The step being played, drawn by its mechanic's views: the one place that goes from a step's `mechanic` to what it
// shows, for the touch screen and the headset alike. Nothing here knows any mechanic by name.
import type { MechanicName } from '@ruyi/mechanics';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { envOf, stepOf, type RunState } from '@ruyi/scenario-engine';
import { useCallback, useEffect, useMemo, type JSX } from 'react';
import { MECHANIC_VIEWS } from '../mechanics/registry.ts';
import type { MechanicViews, StepViewProps, WorldWiring } from '../mechanics/views.ts';
import type { StepEvent } from '../stores/run.ts';
import { runActions } from './runActions.ts';

type AnyViews = MechanicViews<MechanicName>;
type AnyProps = StepViewProps<MechanicName>;

/** The views of a step's mechanic (undefined for a mechanic this build does not have). */
export function viewsOf(mechanic: string): AnyViews | undefined {
  return (MECHANIC_VIEWS as unknown as Record<string, AnyViews | undefined>)[mechanic];
}

/** What the current step's views are given; null once the run has reached its result. */
export function useCurrentStep(pack: Pack, scenario: Scenario, state: RunState): { views: AnyViews; props: AnyProps } | null {
  const stepId = state.current?.stepId ?? null;
  const dispatch = useCallback((event: StepEvent) => {
    if (stepId) runActions.dispatch(stepId, event);
  }, [stepId]);
  const env = useMemo(() => envOf(scenario, state.seed), [scenario, state.seed]);
  const found = stepOf(scenario, stepId);
  const views = found && viewsOf(found.step.mechanic);
  if (!state.current || !found || !views) return null;
  const props = { pack, scenario, step: found.step, state: state.current.state, env, dispatch } as unknown as AnyProps;
  return { views, props };
}

/** The current step on a screen or in the headset; keyed by the step's id, so a new step starts with fresh view state. */
export function CurrentStep({ pack, scenario, state, surface }: { pack: Pack; scenario: Scenario; state: RunState; surface: 'Touch' | 'Vr' }): JSX.Element | null {
  const current = useCurrentStep(pack, scenario, state);
  if (!current) return null;
  const View = current.views[surface];
  return <View key={state.current!.stepId} {...current.props} />;
}

/** Reports what the current step wants the VR world to show (nothing when its mechanic has no `useWorld`). */
export function CurrentWorld({ pack, scenario, state, onChange }: { pack: Pack; scenario: Scenario; state: RunState; onChange(wiring: WorldWiring | null): void }): JSX.Element | null {
  const current = useCurrentStep(pack, scenario, state);
  const useWorld = current?.views.useWorld;
  useEffect(() => {
    if (!useWorld) onChange(null);
  }, [useWorld, onChange]);
  if (!current || !useWorld) return null;
  return <WorldProbe key={state.current!.stepId} useWorld={useWorld} props={current.props} onChange={onChange} />;
}

function WorldProbe({ useWorld, props, onChange }: { useWorld: NonNullable<AnyViews['useWorld']>; props: AnyProps; onChange(wiring: WorldWiring | null): void }): null {
  const wiring = useWorld(props);
  const foundKey = wiring.found.join(' ');
  // A new object comes with every render: tell only what changed, so the world redraws only then. (Its onProp only
  // reads the step's id, which the key fixes.)
  useEffect(() => {
    onChange(wiring);
  }, [foundKey, wiring.hinted, onChange]);
  useEffect(() => () => onChange(null), [onChange]);
  return null;
}
