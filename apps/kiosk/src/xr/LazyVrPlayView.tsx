// The VR view behind a dynamic import: it brings three.js, react-three-fiber and the XR kit, which a kiosk without a
// headset never needs. Mounted only where the browser can show immersive VR; until its code is there the "Enter VR"
// button stays disabled (the view enables it once bound to its renderer), so nothing is shown meanwhile.
import { lazy, Suspense, type ComponentProps, type JSX } from 'react';
import type { VrPlayView as RealVrPlayView } from './VrPlayView.tsx';

const LazyVrPlayView = lazy(() => import('./VrPlayView.tsx').then((m) => ({ default: m.VrPlayView })));

/** VrPlayView (xr/VrPlayView.tsx), loaded on first use. */
export function VrPlayView(props: ComponentProps<typeof RealVrPlayView>): JSX.Element {
  return (
    <Suspense fallback={null}>
      <LazyVrPlayView {...props} />
    </Suspense>
  );
}
