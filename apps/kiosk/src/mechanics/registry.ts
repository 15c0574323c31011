// Every mechanic's views, by name. The type makes a mechanic without its views (or a view for a mechanic the engine
// does not know) fail to compile.
import type { MechanicName } from '@ruyi/mechanics';
import { caseCardViews } from './case-card/index.ts';
import { decisionsViews } from './decisions/index.ts';
import { hazardHuntViews } from './hazard-hunt/index.ts';
import { quizViews } from './quiz/index.ts';
import { audioRecognitionViews } from './audio-recognition/index.ts';
import { rhythmViews } from './rhythm/index.ts';
import { timedChoiceViews } from './timed-choice/index.ts';
import { orderedStepsViews } from './ordered-steps/index.ts';
import { reactionViews } from './reaction/index.ts';
import type { MechanicViews } from './views.ts';

export const MECHANIC_VIEWS: { [N in MechanicName]: MechanicViews<N> } = {
  'case-card': caseCardViews,
  'hazard-hunt': hazardHuntViews,
  decisions: decisionsViews,
  quiz: quizViews,
  'audio-recognition': audioRecognitionViews,
  rhythm: rhythmViews,
  'timed-choice': timedChoiceViews,
  'ordered-steps': orderedStepsViews,
  reaction: reactionViews,
};
