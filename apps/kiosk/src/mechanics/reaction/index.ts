import type { MechanicViews } from '../views.ts';
import { Touch } from './Touch.tsx';
import { Vr } from './Vr.tsx';

export const reactionViews: MechanicViews<'reaction'> = { Touch, Vr };
export { ShakingWorld, useWorldShaking } from './worldShaking.tsx';
