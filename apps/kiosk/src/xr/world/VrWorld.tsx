// The world of a scenario in VR: the same scene kit as the touch screens (SceneContent), wired to the run exactly as
// HazardHuntStep wires it (the same play/ hooks: found markers, the timed hint, a prop's tap → inspect), plus what
// only VR needs: the props as XR targets and the teleport pads. Shown for the whole scenario; taps count only during
// the hunt.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useCallback, useMemo, type JSX } from 'react';
import { modelUrlResolver } from '../../api/assets.ts';
import { useLocalize } from '../../components/useLocalize.ts';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { foundProps } from '../../play/huntView.ts';
import { runActions } from '../../play/runActions.ts';
import { useHuntHint } from '../../play/useHuntHint.ts';
import { SceneContent } from '../../scene/index.ts';
import { useVisit } from '../../stores/visit.ts';
import { TeleportPads } from '../comfort/TeleportPads.tsx';
import { PropTargets } from './PropTargets.tsx';

export function VrWorld({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }): JSX.Element {
  const l = useLocalize();
  const reducedMotion = useReducedMotion();
  const assetUrl = useMemo(() => modelUrlResolver(pack), [pack]);
  const hint = useHuntHint(scenario, state);
  // Only a find changes the markers (a new state object comes with every action).
  const found = useMemo(() => foundProps(scenario, state), [scenario, state.found]);
  const inspect = useCallback((propId: string) => {
    useVisit.getState().touch();
    // The world stays on screen for the whole scenario; the engine ignores a prop outside the hunt.
    runActions.inspect(propId);
  }, []);
  const labelOf = useCallback((p: Scenario['scene']['props'][number]) => l(p.label), [l]);

  // A different scene remounts everything below (as SceneView does), so its GPU resources go with it.
  const sceneKey = useMemo(() => JSON.stringify(scenario.scene), [scenario.scene]);
  return (
    <group key={sceneKey}>
      <SceneContent
        scene={scenario.scene}
        labelOf={labelOf}
        found={found}
        hinted={hint?.prop ?? null}
        reducedMotion={reducedMotion}
        onInspect={inspect}
        assetUrl={assetUrl}
      />
      <PropTargets scene={scenario.scene} />
      <TeleportPads scene={scenario.scene} />
    </group>
  );
}
