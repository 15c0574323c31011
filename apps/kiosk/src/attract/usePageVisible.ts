import { useSyncExternalStore } from 'react';

/** False while the page is hidden (another tab, a screen saver, a minimised window): loops stop there. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
    () => !document.hidden,
  );
}
