import type { MechanicViews } from '../views.ts';
import { Touch } from './Touch.tsx';
import { Vr } from './Vr.tsx';

export const audioRecognitionViews: MechanicViews<'audio-recognition'> = { Touch, Vr };
