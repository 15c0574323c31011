import type { MechanicViews } from '../views.ts';
import { Touch } from './Touch.tsx';
import { Vr } from './Vr.tsx';

export const caseCardViews: MechanicViews<'case-card'> = { Touch, Vr };
