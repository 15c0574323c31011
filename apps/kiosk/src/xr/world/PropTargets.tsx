// Registers every prop of the scene as an XR target `prop:<propId>` (with its name in the visitor's language), so a
// test or the operator can aim at it. Mounted after the scene content, with the same key, so it sees the new groups.
import { useThree } from '@react-three/fiber';
import type { Scene } from '@ruyi/pack-schema';
import { useEffect } from 'react';
import { useLocalize } from '../../components/useLocalize.ts';
import { registerXrTarget } from '../targets.ts';
import { propObjects } from './sceneProps.ts';

export function PropTargets({ scene }: { scene: Scene }): null {
  const l = useLocalize();
  const root = useThree((s) => s.scene);
  useEffect(() => {
    const objects = propObjects(root);
    const unregister = scene.props.flatMap((prop) => {
      const object = objects.get(prop.id);
      return object ? [registerXrTarget({ id: `prop:${prop.id}`, kind: 'prop', label: l(prop.label), object })] : [];
    });
    return () => unregister.forEach((u) => u());
  }, [root, scene, l]);
  return null;
}
