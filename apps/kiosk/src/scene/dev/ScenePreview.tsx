// A development page for the scene kit: every prop kind (the fire pack's 16 in one room, the newer ones in a home, a
// school, a street and a public space) or a 16-prop plant, with found and hinted examples and the switches needed to
// check reduced motion and GPU disposal. The lead may wire it to a dev route.
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { Prop, Scene } from '@ruyi/pack-schema';
import { SceneView } from '../index.ts';
import { FIRE_KINDS_SCENE, HOME_SCENE, PLANT_SCENE, PUBLIC_SCENE, SCHOOL_SCENE, STREET_SCENE } from './sampleScenes.ts';

const SCENES = {
  'fire-kinds': FIRE_KINDS_SCENE,
  plant: PLANT_SCENE,
  home: HOME_SCENE,
  school: SCHOOL_SCENE,
  street: STREET_SCENE,
  public: PUBLIC_SCENE,
} as const;
type SceneName = keyof typeof SCENES;
const NAMES = Object.keys(SCENES) as SceneName[];

export interface ScenePreviewControls {
  setScene(name: SceneName): void;
  /** Shows any scene instead of the named ones (null to go back). */
  setCustomScene(scene: Scene | null): void;
  setMounted(mounted: boolean): void;
  setFound(ids: string[]): void;
  setHinted(id: string | null): void;
  setReducedMotion(on: boolean): void;
  /** Pack models for the preview: asset id → URL (a prop names one with `model`); null for none. */
  setModelUrls(urls: Record<string, string> | null): void;
  inspected: string[];
}

declare global {
  interface Window {
    __ruyiScenePreview?: ScenePreviewControls;
  }
}

const labelOf = (prop: Prop): string => prop.label.en;

export function ScenePreview(): JSX.Element {
  const [name, setScene] = useState<SceneName>('fire-kinds');
  const [mounted, setMounted] = useState(true);
  const [found, setFound] = useState<string[]>(['panel', 'exit-locked', 'wiring', 'tank']);
  const [hinted, setHinted] = useState<string | null>('cartons');
  const [reducedMotion, setReducedMotion] = useState(false);
  const [customScene, setCustomScene] = useState<Scene | null>(null);
  const [inspected, setInspected] = useState<string[]>([]);
  const [modelUrls, setModelUrls] = useState<Record<string, string> | null>(null);
  const assetUrl = useCallback((id: string) => modelUrls?.[id] ?? null, [modelUrls]);
  const onInspect = useCallback((id: string) => setInspected((list) => [...list, id]), []);

  useEffect(() => {
    window.__ruyiScenePreview = { setScene, setCustomScene, setMounted, setFound, setHinted, setReducedMotion, setModelUrls, inspected };
    return () => {
      delete window.__ruyiScenePreview;
    };
  }, [inspected]);

  return (
    <div style={{ position: 'fixed', inset: 0, background: '#111' }}>
      {mounted && (
        <SceneView
          scene={customScene ?? SCENES[name]}
          label="Scene preview"
          labelOf={labelOf}
          found={found}
          hinted={hinted}
          reducedMotion={reducedMotion}
          onInspect={onInspect}
          assetUrl={modelUrls ? assetUrl : undefined}
        />
      )}
      <div style={{ position: 'absolute', left: 8, top: 8, display: 'flex', gap: 8, font: '14px sans-serif', color: '#fff' }}>
        <button onClick={() => setScene(NAMES[(NAMES.indexOf(name) + 1) % NAMES.length]!)}>scene: {name}</button>
        <button onClick={() => setMounted((m) => !m)}>{mounted ? 'unmount' : 'mount'}</button>
        <button onClick={() => setReducedMotion((r) => !r)}>reduced motion: {String(reducedMotion)}</button>
        <span>last tap: {inspected.at(-1) ?? '—'}</span>
      </div>
    </div>
  );
}
