import type { Audience } from '@ruyi/pack-schema';
import { chooseLocale, noVisit, startVisit, touch, type VisitState } from '@ruyi/scenario-engine';
import { create } from 'zustand';

interface VisitAudience {
  /** Whom the pack's texts are for: a visitor may choose the children's version. It ends with the visit. */
  audience: Audience;
}

interface VisitActions {
  begin(): void;
  setLocale(locale: string): void;
  setAudience(audience: Audience): void;
  touch(): void;
  /** Back to a clean kiosk for the next visitor. */
  clear(): void;
}

export const useVisit = create<VisitState & VisitAudience & VisitActions>((set, get) => ({
  ...noVisit(Date.now()),
  audience: 'general',
  begin: () => set(startVisit(get(), crypto.randomUUID(), Date.now())),
  setLocale: (locale) => set(chooseLocale(get(), locale, Date.now())),
  setAudience: (audience) => set({ ...touch(get(), Date.now()), audience }),
  touch: () => set(touch(get(), Date.now())),
  clear: () => set({ ...noVisit(Date.now()), audience: 'general' }),
}));
