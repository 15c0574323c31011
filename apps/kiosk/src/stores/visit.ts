import { chooseLocale, noVisit, startVisit, touch, type VisitState } from '@ruyi/scenario-engine';
import { create } from 'zustand';

interface VisitActions {
  begin(): void;
  setLocale(locale: string): void;
  touch(): void;
  /** Back to a clean kiosk for the next visitor. */
  clear(): void;
}

export const useVisit = create<VisitState & VisitActions>((set, get) => ({
  ...noVisit(Date.now()),
  begin: () => set(startVisit(get(), crypto.randomUUID(), Date.now())),
  setLocale: (locale) => set(chooseLocale(get(), locale, Date.now())),
  touch: () => set(touch(get(), Date.now())),
  clear: () => set(noVisit(Date.now())),
}));
