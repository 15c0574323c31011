// Nothing sounds before the visitor's first touch: the gate opens on a real touch, click or key press (an event the
// browser marks trusted, so a script cannot open it) and closes when the visit ends, so the next passer-by is not
// greeted by the last one's sounds. A reload keeps a visit but not the gate: the first touch after it opens it again.
import { create } from 'zustand';

export const useSoundGate = create<{ open: boolean }>(() => ({ open: false }));

export const soundAllowed = (): boolean => useSoundGate.getState().open;

/** Listens for the first touch; returns what removes the listeners. */
export function watchFirstTouch(target: Window): () => void {
  const open = (e: Event) => {
    if (e.isTrusted && !useSoundGate.getState().open) useSoundGate.setState({ open: true });
  };
  const events = ['pointerdown', 'keydown', 'touchstart'] as const;
  for (const type of events) target.addEventListener(type, open, { capture: true, passive: true });
  return () => {
    for (const type of events) target.removeEventListener(type, open, { capture: true });
  };
}

export const closeSoundGate = (): void => useSoundGate.setState({ open: false });
