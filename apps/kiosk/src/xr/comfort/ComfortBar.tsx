// The visitor's controls that are always there: "Exit VR", snap turn left/right and the seated toggle, on a small
// board low on the left, out of the way of the step panels (xr/steps/placement.ts keeps them within ±25° ahead). It
// follows the visitor lazily (follow.ts): still while they look at it or lean in to poke it, catching up once they
// have turned or walked away, so the way out is never more than a glance down-left.
import { useFrame } from '@react-three/fiber';
import { useMemo, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Euler, type Group } from 'three';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { useVisit } from '../../stores/visit.ts';
import { ComfortButton } from './ComfortButton.tsx';
import { followHead, newAnchor } from './follow.ts';
import { head } from './head.ts';
import { applyPosture, snapTurn } from './origin.ts';
import { SNAP_TURN } from './placement.ts';

const RAD = Math.PI / 180;
/** Down-left of the eye: clear of the reading sheets (yaw ≤ 24°, pitch ≥ -32°) yet in reach of either hand. */
export const BAR_YAW = 38 * RAD;
export const BAR_PITCH = -33 * RAD;
export const BAR_DISTANCE = 0.7;

const W = 0.28;
const H = 0.075;
const GAP = 0.012;
const HALF = (W - GAP) / 2;

export function ComfortBar({ onExit }: { onExit: () => void }): JSX.Element {
  const { t } = useTranslation();
  const posture = useVisit((s) => s.posture);
  const reducedMotion = useReducedMotion();
  const group = useRef<Group>(null);
  const anchor = useRef(newAnchor());
  const direction = useMemo(() => new Euler(BAR_PITCH, BAR_YAW, 0, 'YXZ'), []);

  useFrame((_state, delta) => {
    const g = group.current;
    if (!g || !head.tracked) return;
    const a = followHead(anchor.current, head, delta, reducedMotion);
    g.position.set(a.x, a.y, a.z);
    g.rotation.y = a.yaw;
  });

  // Every control touches the visit: in VR there is no DOM pointer to tell the idle guard someone is there.
  const act = (f: () => void) => () => {
    useVisit.getState().touch();
    f();
  };
  const seated = posture === 'seated';
  return (
    <group ref={group}>
      <group rotation={direction}>
        <group position={[0, 0, -BAR_DISTANCE]}>
          <ComfortButton id="button:exit-vr" label={t('vr.exit')} tone="danger" width={W} height={H} position={[0, H + GAP, 0]} onPress={act(onExit)} />
          <ComfortButton id="button:turn-left" label={t('vr.turnLeft')} width={HALF} height={H} position={[-(HALF + GAP) / 2, 0, 0]} onPress={act(() => snapTurn(SNAP_TURN))} />
          <ComfortButton id="button:turn-right" label={t('vr.turnRight')} width={HALF} height={H} position={[(HALF + GAP) / 2, 0, 0]} onPress={act(() => snapTurn(-SNAP_TURN))} />
          <ComfortButton
            id="button:posture"
            label={t('vr.seated')}
            state={seated ? 'on' : 'off'}
            width={W}
            height={H}
            position={[0, -(H + GAP), 0]}
            onPress={act(() => {
              const next = seated ? 'standing' : 'seated';
              useVisit.getState().setPosture(next);
              applyPosture(next);
            })}
          />
        </group>
      </group>
    </group>
  );
}
