// The step's scene beside its panel on a screen (the hunt's layout): the reaction, the timed choice and the
// ordered steps. Looked at, or with `onProp` tapped: a tap on an object passes its id.
import type { Pack, Scene } from '@ruyi/pack-schema';
import { useMemo, type HTMLAttributes, type JSX } from 'react';
import { modelUrlResolver } from '../api/assets.ts';
import { useLocalize } from '../components/useLocalize.ts';
import { useReducedMotion } from '../components/useReducedMotion.ts';
import { SceneView } from '../scene/LazyScene.tsx';

const NO_PROPS: readonly string[] = [];
const ignore = () => {};

export interface SceneBesideProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  pack: Pack;
  scene: Scene;
  /** The scene's accessible name. */
  label: string;
  /** Objects marked as done (the scene's check-mark badge). */
  found?: readonly string[];
  onProp?: (propId: string) => void;
}

export function SceneBeside({ pack, scene, label, found = NO_PROPS, onProp, className, ...rest }: SceneBesideProps): JSX.Element {
  const l = useLocalize();
  const reducedMotion = useReducedMotion();
  const assetUrl = useMemo(() => modelUrlResolver(pack), [pack]);
  return (
    <div className={className ? `scene-area ${className}` : 'scene-area'} {...rest}>
      <SceneView
        scene={scene}
        label={label}
        labelOf={(p) => l(p.label)}
        found={found}
        hinted={null}
        reducedMotion={reducedMotion}
        onInspect={onProp ?? ignore}
        tappable={onProp !== undefined}
        assetUrl={assetUrl}
      />
    </div>
  );
}
