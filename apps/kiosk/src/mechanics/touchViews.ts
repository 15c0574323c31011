// Every mechanic's screen view, by name: what the touch screen imports instead of registry.ts, whose VR views
// bring three.js and the XR kit with them (those are reached only from the VR view, loaded on demand). The type makes
// a mechanic without its touch view fail to compile, as the full registry does; touchViews.test.ts checks both list
// the same components.
import type { MechanicName } from '@ruyi/mechanics';
import type { ComponentType } from 'react';
import { Touch as audioRecognition } from './audio-recognition/Touch.tsx';
import { Touch as caseCard } from './case-card/Touch.tsx';
import { Touch as decisions } from './decisions/Touch.tsx';
import { Touch as hazardHunt } from './hazard-hunt/Touch.tsx';
import { Touch as orderedSteps } from './ordered-steps/Touch.tsx';
import { Touch as quiz } from './quiz/Touch.tsx';
import { Touch as reaction } from './reaction/Touch.tsx';
import { Touch as rhythm } from './rhythm/Touch.tsx';
import { Touch as timedChoice } from './timed-choice/Touch.tsx';
import type { StepViewProps } from './views.ts';

export const TOUCH_VIEWS: { [N in MechanicName]: ComponentType<StepViewProps<N>> } = {
  'case-card': caseCard,
  'hazard-hunt': hazardHunt,
  decisions,
  quiz,
  'audio-recognition': audioRecognition,
  rhythm,
  'timed-choice': timedChoice,
  'ordered-steps': orderedSteps,
  reaction,
};
