import type { MechanicViews } from '../views.ts';
import { Touch } from './Touch.tsx';
import { Vr } from './Vr.tsx';

export const decisionsViews: MechanicViews<'decisions'> = { Touch, Vr };
