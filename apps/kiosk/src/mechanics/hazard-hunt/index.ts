import type { MechanicViews } from '../views.ts';
import { Touch } from './Touch.tsx';
import { useHuntWorld, Vr } from './Vr.tsx';

export const hazardHuntViews: MechanicViews<'hazard-hunt'> = { Touch, Vr, useWorld: useHuntWorld };
