// The step being played on a screen, drawn by its mechanic's touch view: the one place that goes from a step's
// `mechanic` to what the screen shows. Nothing here knows any mechanic by name. The headset's side (its Vr views and
// world wiring) is xr/steps/currentVrStep.tsx, behind the VR view's dynamic import.
import type { MechanicName } from '@ruyi/mechanics';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { envOf, stepOf, type RunState } from '@ruyi/scenario-engine';
import { useCallback, useMemo, type ComponentType, type JSX } from 'react';
import { TOUCH_VIEWS } from '../mechanics/touchViews.ts';
import type { StepViewProps } from '../mechanics/views.ts';
import type { StepEvent } from '../stores/run.ts';
import { runActions } from './runActions.ts';

export type AnyStepProps = StepViewProps<MechanicName>;

/** What the current step's views are given, and its mechanic's name; null once the run has reached its result. */
export function useStepProps(pack: Pack, scenario: Scenario, state: RunState): { mechanic: string; props: AnyStepProps } | null {
  const stepId = state.current?.stepId ?? null;
  const dispatch = useCallback((event: StepEvent) => {
    if (stepId) runActions.dispatch(stepId, event);
  }, [stepId]);
  const env = useMemo(() => envOf(scenario, state.seed), [scenario, state.seed]);
  const found = stepOf(scenario, stepId);
  if (!state.current || !found) return null;
  const props = { pack, scenario, step: found.step, state: state.current.state, env, dispatch } as unknown as AnyStepProps;
  return { mechanic: found.step.mechanic, props };
}

/** The touch view of a step's mechanic (undefined for a mechanic this build does not have). */
export function touchViewOf(mechanic: string): ComponentType<AnyStepProps> | undefined {
  return (TOUCH_VIEWS as unknown as Record<string, ComponentType<AnyStepProps> | undefined>)[mechanic];
}

/** The current step on a screen; keyed by the step's id, so a new step starts with fresh view state. */
export function CurrentStep({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }): JSX.Element | null {
  const current = useStepProps(pack, scenario, state);
  const View = current && touchViewOf(current.mechanic);
  if (!current || !View) return null;
  return <View key={state.current!.stepId} {...current.props} />;
}
