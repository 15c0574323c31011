// A development page for the in-world steps without a headset: VrSteps in a plain canvas, seen from the visitor's eye
// at headset-like pixel density (45° vertical field on a 1080-pixel-high window ≈ 24 px per degree, a Quest 3's ≈ 25).
// Clicks go through the same R3F pointer events as a controller ray. Not in the kiosk build (App.tsx, DEV only).
// `?pack=<id>&scenario=<id>` picks the scenario; window.__ruyiVrStepsPreview drives it from a test.
import { Canvas, useThree } from '@react-three/fiber';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { useEffect, useLayoutEffect, useState, type JSX } from 'react';
import { Vector3 } from 'three';
import { useContent } from '../../stores/content.ts';
import { useRun, type StepEvent } from '../../stores/run.ts';
import { useVisit } from '../../stores/visit.ts';
import { useXr, type Posture } from '../state.ts';
import { EYE_HEIGHT } from '../steps/placement.ts';
import { VrSteps } from '../steps/VrSteps.tsx';
import { listXrTargets, type XrTargetInfo } from '../targets.ts';

export interface VrStepsPreviewControls {
  setPosture(posture: Posture): void;
  setLocale(locale: string): void;
  /** An event of the current step. */
  dispatch(event: StepEvent): void;
  restart(): void;
  /** Unmounts (false) and mounts again (true) the steps: GPU objects must go back to the baseline without them. */
  setMounted(mounted: boolean): void;
  /** Where the camera looks, degrees (pitch below the horizon negative; yaw left positive), and its vertical field. */
  setView(view: { pitch?: number; yaw?: number; fov?: number }): void;
  /** The current step's id; null on the result. */
  step(): string | null;
  targets(): XrTargetInfo[];
  /** Page coordinates of a target's centre, for page.mouse; null if it is not there. */
  screenPoint(id: string): { x: number; y: number } | null;
  /** renderer.info of the last frame and the GPU objects alive now. */
  info(): { calls: number; triangles: number; textures: number; geometries: number };
  exits: number;
}

declare global {
  interface Window {
    __ruyiVrStepsPreview?: VrStepsPreviewControls;
  }
}

const view = { pitch: -19.4, yaw: 0, fov: 45 };
let exits = 0;

function pick(packs: Pack[]): { pack: Pack; scenario: Scenario } | null {
  const q = new URLSearchParams(window.location.search);
  const pack = packs.find((p) => p.id === q.get('pack')) ?? packs[0];
  const scenario = pack?.scenarios.find((s) => s.id === q.get('scenario')) ?? pack?.scenarios[0];
  return pack && scenario ? { pack, scenario } : null;
}

export function VrStepsPreview(): JSX.Element {
  const content = useContent();
  const chosen = content.status === 'ready' ? pick(content.content.packs) : null;
  const active = useRun((s) => s.active);
  const [mounted, setMounted] = useState(true);
  useEffect(() => {
    if (chosen && (active?.pack.id !== chosen.pack.id || active.scenario.id !== chosen.scenario.id)) useRun.getState().start(chosen.pack, chosen.scenario);
  }, [chosen, active]);
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#0b1522' }}>
      <Canvas frameloop="demand" dpr={1} camera={{ fov: view.fov, near: 0.05, far: 50 }}>
        <color attach="background" args={['#0b1522']} />
        <PreviewRig setMounted={setMounted} />
        {mounted && active && chosen && <VrSteps pack={active.pack} scenario={active.scenario} state={active.state} onExit={() => void exits++} />}
      </Canvas>
    </div>
  );
}

function PreviewRig({ setMounted }: { setMounted: (mounted: boolean) => void }): null {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const posture = useVisit((s) => s.posture);

  const aim = () => {
    const eye = EYE_HEIGHT[useVisit.getState().posture];
    camera.position.set(0, eye, 0);
    camera.rotation.set((view.pitch * Math.PI) / 180, (view.yaw * Math.PI) / 180, 0, 'YXZ');
    if ('fov' in camera) {
      camera.fov = view.fov;
      camera.updateProjectionMatrix();
    }
    invalidate();
  };
  useLayoutEffect(aim, [camera, posture, size]);

  useEffect(() => {
    const p = new Vector3();
    window.__ruyiVrStepsPreview = {
      setPosture: (posture) => useVisit.getState().setPosture(posture),
      setLocale: (locale) => useVisit.getState().setLocale(locale),
      dispatch: (event) => {
        const current = useRun.getState().active?.state.current;
        if (current) useRun.getState().dispatch(current.stepId, event);
      },
      restart: () => {
        const a = useRun.getState().active;
        if (a) useRun.getState().start(a.pack, a.scenario);
      },
      setMounted,
      setView: (v) => {
        Object.assign(view, v);
        aim();
      },
      step: () => useRun.getState().active?.state.current?.stepId ?? null,
      targets: () => listXrTargets(),
      screenPoint: (id) => {
        const t = listXrTargets().find((x) => x.id === id);
        if (!t) return null;
        p.set(...t.center).project(camera);
        const rect = gl.domElement.getBoundingClientRect();
        return { x: rect.left + ((p.x + 1) / 2) * rect.width, y: rect.top + ((1 - p.y) / 2) * rect.height };
      },
      info: () => ({ calls: gl.info.render.calls, triangles: gl.info.render.triangles, textures: gl.info.memory.textures, geometries: gl.info.memory.geometries }),
      get exits() {
        return exits;
      },
    };
    return () => {
      delete window.__ruyiVrStepsPreview;
    };
  });
  return null;
}
