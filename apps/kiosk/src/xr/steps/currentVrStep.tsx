// The step being played in the headset, drawn by its mechanic's Vr view, and what it wants the VR world to show.
// The headset's half of play/currentStep.tsx: it reaches the full registry (Vr views: panels, three.js), so only the
// VR view, itself loaded on demand, imports it.
import type { MechanicName } from '@ruyi/mechanics';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useEffect, type JSX } from 'react';
import { MECHANIC_VIEWS } from '../../mechanics/registry.ts';
import type { MechanicViews, WorldWiring } from '../../mechanics/views.ts';
import { useStepProps, type AnyStepProps } from '../../play/currentStep.tsx';

type AnyViews = MechanicViews<MechanicName>;

/** The views of a step's mechanic (undefined for a mechanic this build does not have). */
export function viewsOf(mechanic: string): AnyViews | undefined {
  return (MECHANIC_VIEWS as unknown as Record<string, AnyViews | undefined>)[mechanic];
}

function useCurrentViews(pack: Pack, scenario: Scenario, state: RunState): { views: AnyViews; props: AnyStepProps } | null {
  const current = useStepProps(pack, scenario, state);
  const views = current && viewsOf(current.mechanic);
  return current && views ? { views, props: current.props } : null;
}

/** The current step in the headset; keyed by the step's id, so a new step starts with fresh view state. */
export function CurrentVrStep({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }): JSX.Element | null {
  const current = useCurrentViews(pack, scenario, state);
  if (!current) return null;
  const View = current.views.Vr;
  return <View key={state.current!.stepId} {...current.props} />;
}

/** Reports what the current step wants the VR world to show (nothing when its mechanic has no `useWorld`). */
export function CurrentWorld({ pack, scenario, state, onChange }: { pack: Pack; scenario: Scenario; state: RunState; onChange(wiring: WorldWiring | null): void }): JSX.Element | null {
  const current = useCurrentViews(pack, scenario, state);
  const useWorld = current?.views.useWorld;
  useEffect(() => {
    if (!useWorld) onChange(null);
  }, [useWorld, onChange]);
  if (!current || !useWorld) return null;
  return <WorldProbe key={state.current!.stepId} useWorld={useWorld} props={current.props} onChange={onChange} />;
}

function WorldProbe({ useWorld, props, onChange }: { useWorld: NonNullable<AnyViews['useWorld']>; props: AnyStepProps; onChange(wiring: WorldWiring | null): void }): null {
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
