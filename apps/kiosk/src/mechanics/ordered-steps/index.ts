import type { MechanicViews } from '../views.ts';
import { Touch } from './Touch.tsx';
import { useOrderedStepsWorld, Vr } from './Vr.tsx';

export const orderedStepsViews: MechanicViews<'ordered-steps'> = { Touch, Vr, useWorld: useOrderedStepsWorld };
