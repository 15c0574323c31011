import { createContext, useContext } from 'react';
import { useVisit } from '../../stores/visit.ts';
import { EYE_HEIGHT } from './placement.ts';

/** A measured eye height (origin space, metres) from the XR shell, when it has one; see VrStepsProps.eyeHeight. */
export const EyeHeightContext = createContext<number | null>(null);

/** The visitor's eye height in origin space: measured if the shell gave one, else from the posture they chose. */
export function useEyeHeight(): number {
  const measured = useContext(EyeHeightContext);
  const fromPosture = EYE_HEIGHT[useVisit((s) => s.posture)];
  return measured ?? fromPosture;
}
