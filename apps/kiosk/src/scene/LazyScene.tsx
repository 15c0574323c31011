// The scene kit behind a dynamic import: three.js and react-three-fiber are most of the app's weight, and the
// attract screen, the map and the case card need none of it. Screens import SceneView from here, never from
// ./index.ts; the chunk starts loading when a scenario opens (preloadScene), so it is usually there before the
// visitor reaches a 3D step, and a status fills the scene's box (same size: nothing moves) when it is not.
import { Suspense, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyView } from '../lazyView.tsx';
import type { SceneViewProps } from './SceneView.tsx';
import './LazyScene.css';

const scene = lazyView<SceneViewProps>(() => import('./SceneView.tsx').then((m) => m.SceneView));

/** Starts loading the 3D view (once; later calls get the same promise). */
export const preloadScene = scene.preload;

/** The 3D view while its code loads: the scene's accessible name and a status saying it is on its way. */
export function SceneLoading({ label, className }: { label: string; className?: string | undefined }): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className={className ? `scene-loading ${className}` : 'scene-loading'} aria-label={label} role="group">
      <div className="scene-loading-status" role="status">
        <span className="scene-loading-spinner" aria-hidden="true" />
        <span>{t('scene.loading')}</span>
      </div>
    </div>
  );
}

/** SceneView (scene/SceneView.tsx), loaded on first use. */
export function SceneView(props: SceneViewProps): JSX.Element {
  return (
    <Suspense fallback={<SceneLoading label={props.label} className={props.className} />}>
      <scene.View {...props} />
    </Suspense>
  );
}
