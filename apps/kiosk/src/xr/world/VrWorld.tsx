// The world of a scenario in VR: the same scene kit as the touch screens (SceneContent), wired to the run through the
// current step's mechanic (its views' useWorld: what to mark, what a prop's tap does), plus what only VR needs: the
// props as XR targets and the teleport pads. Shown for the whole scenario; taps count only while a step takes them.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useCallback, useMemo, useRef, useState, type JSX } from 'react';
import { modelUrlResolver } from '../../api/assets.ts';
import { useLocalize } from '../../components/useLocalize.ts';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import type { WorldWiring } from '../../mechanics/views.ts';
import { CurrentWorld } from '../steps/currentVrStep.tsx';
import { SceneContent } from '../../scene/index.ts';
import { useVisit } from '../../stores/visit.ts';
import { TeleportPads } from '../comfort/TeleportPads.tsx';
import { PropTargets } from './PropTargets.tsx';

const NOTHING_FOUND: readonly string[] = [];

export function VrWorld({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }): JSX.Element {
  const l = useLocalize();
  const reducedMotion = useReducedMotion();
  const assetUrl = useMemo(() => modelUrlResolver(pack), [pack]);
  const [wiring, setWiring] = useState<WorldWiring | null>(null);
  // The tap handler stays the same function for the scene; it asks the wiring of the moment.
  const wiringRef = useRef(wiring);
  wiringRef.current = wiring;
  const inspect = useCallback((propId: string) => {
    useVisit.getState().touch();
    wiringRef.current?.onProp?.(propId);
  }, []);
  const labelOf = useCallback((p: Scenario['scene']['props'][number]) => l(p.label), [l]);
  const found = wiring?.found ?? NOTHING_FOUND;

  // A different scene remounts everything below (as SceneView does), so its GPU resources go with it.
  const sceneKey = useMemo(() => JSON.stringify(scenario.scene), [scenario.scene]);
  return (
    <group key={sceneKey}>
      <CurrentWorld pack={pack} scenario={scenario} state={state} onChange={setWiring} />
      <SceneContent
        scene={scenario.scene}
        labelOf={labelOf}
        found={found}
        hinted={wiring?.hinted ?? null}
        reducedMotion={reducedMotion}
        onInspect={inspect}
        assetUrl={assetUrl}
      />
      <PropTargets scene={scenario.scene} />
      <TeleportPads scene={scenario.scene} />
    </group>
  );
}
