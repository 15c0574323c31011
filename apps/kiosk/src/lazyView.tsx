// A view whose code loads on demand (a dynamic import, so a separate chunk), with a preload to start that early.
// Unlike a bare React.lazy, a view whose code is already there when it mounts is drawn at once, without a frame of
// its Suspense fallback; the choice is made once per mount, since switching component types would remount it.
import { lazy, useState, type ComponentType, type JSX } from 'react';

export interface LazyView<P extends object> {
  /** The view: render it inside a Suspense boundary (it suspends only while its code is still loading). */
  View: (props: P) => JSX.Element;
  /** Starts loading the view's code (once; a failed load is tried again at the next call). */
  preload(): Promise<ComponentType<P>>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function View(props: P): JSX.Element {
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready {...props} /> : <Lazy {...props} />;
  }
  return { View, preload };
}
