// Every step of a scenario in the headset, generic over the pack and its mechanics: the current step is drawn by its
// mechanic's Vr view (mechanics/registry.ts), the result when the run is over; every press goes through the same
// runActions as the touch steps. Mounted by the XR shell under the XROrigin, so the
// panels move with the visitor's teleports and turns; placement.ts says where they stand.
//
// Button target ids (xr/targets.ts), which the headset tests press:
//   button:case-card.continue · button:hunt.hint · button:hunt.done · button:review.continue
//   button:decision.<choiceId> · button:decision.continue
//   button:quiz.choice.<choiceId> · button:quiz.submit · button:quiz.next (also on the last question)
//   button:result.again · button:result.exit
//   button:<case-card|hunt|review|decision|quiz|result>.page: the next page of a panel whose text is too long for one
//   (each mechanic's own: see its Vr.tsx)
import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import type { JSX } from 'react';
import { EyeHeightContext } from './useEyeHeight.tsx';
import { CurrentVrStep } from './currentVrStep.tsx';
import { VrResult } from './VrResult.tsx';

export interface VrStepsProps {
  pack: Pack;
  scenario: Scenario;
  state: RunState;
  /** "Back to the map" on the result: the shell ends the XR session. Without it, the app goes to the map. */
  onExit?: () => void;
  /**
   * The visitor's eye height in origin space (metres), if the shell measures it (the head's height when the session
   * starts or the visitor recentres). A child's eyes are far below the 1.6 m of a standing adult. Without it the
   * posture's typical height is used (placement.ts).
   */
  eyeHeight?: number;
}

export function VrSteps({ pack, scenario, state, onExit, eyeHeight }: VrStepsProps): JSX.Element {
  return (
    <EyeHeightContext.Provider value={eyeHeight ?? null}>
      <group name="vr-steps">
        {state.current ? (
          <CurrentVrStep pack={pack} scenario={scenario} state={state} />
        ) : (
          <VrResult pack={pack} scenario={scenario} state={state} onExit={onExit} />
        )}
      </group>
    </EyeHeightContext.Provider>
  );
}
