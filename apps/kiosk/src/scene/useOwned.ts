// A GPU resource a component creates for itself (not shared through the scene's registry): made when its inputs change
// and disposed when they change again or the component unmounts. Under React StrictMode the effect is cleaned up and
// run again with the same object; three uploads a disposed resource again if it is drawn, so that is safe.
import { useEffect, useMemo, type DependencyList } from 'react';

export interface Disposable {
  dispose(): void;
}

export function useOwned<T extends Disposable>(create: () => T, deps: DependencyList): T {
  const owned = useMemo(create, deps);
  useEffect(() => () => owned.dispose(), [owned]);
  return owned;
}
