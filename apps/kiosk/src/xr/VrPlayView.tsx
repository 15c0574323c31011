// The VR view of a scenario: ONE persistent canvas for the whole scenario (every step, then the result), because an
// XR session lives on one renderer. Mounted (tiny and invisible) wherever a session may start, so the "Enter VR" tap
// can call requestSession at once; while a session runs it draws the scene kit's world, the step panels (VrSteps, in
// the visitor's origin space) and the comfort controls.
//
// The app never moves the headset camera (XR poses it every frame); it moves only the XR origin (comfort/origin.ts):
// start on the pack camera's viewpoint, teleport to fixed points, snap turn, seated raise.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { IdleConfig, RunState } from '@ruyi/scenario-engine';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useXR, useXRControllerLocomotion, XR, XROrigin } from '@react-three/xr';
import { useEffect, useMemo, useRef, type CSSProperties, type JSX, type ReactNode } from 'react';
import type { Group } from 'three';
import { ShakingWorld } from '../mechanics/reaction/worldShaking.tsx';
import { useContent } from '../stores/content.ts';
import { useRun } from '../stores/run.ts';
import { useVisit } from '../stores/visit.ts';
import { ComfortBar } from './comfort/ComfortBar.tsx';
import { forgetHead, readHead } from './comfort/head.ts';
import { IdleNotice } from './comfort/IdleNotice.tsx';
import { applyPosture, placeAtStart, snapTurn, useOrigin } from './comfort/origin.ts';
import { SNAP_TURN_DEGREES } from './comfort/placement.ts';
import { XrFrameStatsProbe } from './session/frameStats.ts';
import { useSessionGuard } from './session/useSessionGuard.ts';
import { endXrSession, getXrStore, takeEndReason, type EndReason } from './session/xrStore.ts';
import { useXr } from './state.ts';
import { VrSteps } from './steps/VrSteps.tsx';
import { installXrTestApi } from './testApi.ts';
import { VrWorld } from './world/VrWorld.tsx';

export interface VrPlayViewProps {
  /** The scenario this view is for: it draws the run only while the run is of this pack and scenario. */
  packId: string;
  scenarioId: string;
  /**
   * A session of this view ended (the visitor's exit, the headset, the idle or hidden guard). Called before
   * `presenting` turns false, so what it records still says platform 'vr'.
   */
  onSessionEnd?: (reason: EndReason) => void;
}

// Not shown (a headset draws the session itself), but laid out: a canvas of size 0 never creates its renderer, and the
// store must be bound to a renderer before the tap that enters VR.
const HIDDEN: CSSProperties = { position: 'fixed', left: 0, bottom: 0, width: 2, height: 2, opacity: 0, pointerEvents: 'none', overflow: 'hidden' };
const GL = { antialias: true };
const CAMERA = { position: [0, 1.6, 0] as [number, number, number], near: 0.05, far: 250 };

export function VrPlayView({ packId, scenarioId, onSessionEnd }: VrPlayViewProps): JSX.Element {
  const store = useMemo(getXrStore, []);
  const presenting = useXr((s) => s.presenting);
  const active = useRun((s) => s.active);
  const run = active && active.pack.id === packId && active.scenario.id === scenarioId ? active : null;
  const config = useContent((s) => (s.status === 'ready' ? s.config : null));
  const idle = useMemo<IdleConfig | null>(
    () => (config ? { idleSeconds: config.idleSeconds, countdownSeconds: config.idleCountdownSeconds } : null),
    [config],
  );
  const onEnd = useRef(onSessionEnd);
  useEffect(() => {
    onEnd.current = onSessionEnd;
  }, [onSessionEnd]);

  // The session's start and end, straight from the store (not React state), so the end handler runs before
  // `presenting` turns false.
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (state.session === prev.session) return;
        forgetHead();
        if (state.session) useXr.getState().setPresenting(true);
        else {
          onEnd.current?.(takeEndReason());
          useXr.getState().setPresenting(false);
        }
      }),
    [store],
  );
  // Leaving the screen ends the session: it cannot outlive its renderer.
  useEffect(
    () => () => {
      endXrSession('left');
      useXr.getState().setPresenting(false);
    },
    [],
  );
  const session = presenting ? store.getState().session : undefined;
  const secondsLeft = useSessionGuard(session, idle);

  return (
    <div aria-hidden="true" style={HIDDEN}>
      <Canvas frameloop="demand" dpr={1} gl={GL} camera={CAMERA}>
        <XR store={store}>
          <Bound />
          <XrFrameStatsProbe />
          <TestApi />
          {presenting && run && <VrRun pack={run.pack} scenario={run.scenario} state={run.state} secondsLeft={secondsLeft} />}
        </XR>
      </Canvas>
    </div>
  );
}

/** Tells the app the store is bound to this view's renderer: "Enter VR" works from now on. */
function Bound(): null {
  useEffect(() => {
    useXr.getState().setCanEnter(true);
    return () => useXr.getState().setCanEnter(false);
  }, []);
  return null;
}

const exitVr = () => endXrSession('exit');

function VrRun({ pack, scenario, state, secondsLeft }: { pack: Pack; scenario: Scenario; state: RunState; secondsLeft: number | null }): JSX.Element {
  const eyeHeight = useOrigin((s) => s.eyeHeight);
  return (
    <>
      <HeadReader scene={scenario.scene} />
      <SnapTurnThumbstick />
      {/* A step may ask the world to shake (calm under reduced motion); the panels, in origin space, stay still. */}
      <ShakingWorld>
        <VrWorld pack={pack} scenario={scenario} state={state} />
      </ShakingWorld>
      <Origin>
        {/* H2's step panels, in origin space: they travel with every teleport and turn. */}
        <VrSteps pack={pack} scenario={scenario} state={state} onExit={exitVr} eyeHeight={eyeHeight ?? undefined} />
        <ComfortBar onExit={exitVr} />
        {secondsLeft !== null && <IdleNotice secondsLeft={secondsLeft} />}
      </Origin>
    </>
  );
}

/** The XR origin, where comfort/origin.ts says; the one object the app moves to move the visitor. */
let originObject: Group | null = null;

function Origin({ children }: { children: ReactNode }): JSX.Element {
  const pose = useOrigin((s) => s.pose);
  const ref = useRef<Group>(null);
  useEffect(() => {
    originObject = ref.current;
    return () => {
      if (originObject === ref.current) originObject = null;
    };
  }, []);
  return (
    <XROrigin ref={ref} position={[pose.x, pose.y, pose.z]} rotation={[0, pose.yaw, 0]}>
      {children}
    </XROrigin>
  );
}

/**
 * Reads the head each XR frame (after @react-three/xr's own frame work at -1000), places the visitor on the scene's
 * start point at the first tracked frame of a session or scene, and measures the eye height (for the panels and a
 * seated visitor's raise) once the headset knows it.
 */
function HeadReader({ scene }: { scene: Scenario['scene'] }): null {
  const gl = useThree((s) => s.gl);
  const session = useXR((s) => s.session);
  const placed = useRef(false);
  useEffect(() => {
    placed.current = false;
  }, [session, scene]);
  useFrame(
    (_state, _delta, frame) => {
      if (!frame) return;
      const camera = gl.xr.getCamera();
      // three fills the view cameras only once the viewer pose is known.
      if ((camera.cameras as readonly unknown[]).length === 0) return;
      readHead(camera);
      const { posture } = useVisit.getState();
      if (!placed.current) {
        placed.current = true;
        placeAtStart(scene, posture);
      } else if (!useOrigin.getState().measured) applyPosture(posture);
    },
    -900,
  );
  return null;
}

const onThumbstickTurn = (_velocity: unknown, rotationY: number) => {
  if (rotationY === 0) return;
  useVisit.getState().touch();
  snapTurn(rotationY);
};
const SNAP_ROTATION = { type: 'snap' as const, degrees: SNAP_TURN_DEGREES };

/** Snap turn on the right thumbstick (no smooth turning, no stick walking: both cause VR sickness). */
function SnapTurnThumbstick(): null {
  useXRControllerLocomotion(onThumbstickTurn, false, SNAP_ROTATION);
  return null;
}

function TestApi(): null {
  useEffect(() => installXrTestApi(() => originObject), []);
  return null;
}
