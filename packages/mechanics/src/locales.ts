// Every mechanic's strings, by name, without the mechanics themselves (their schemas and rules): what the kiosk's
// first screen needs to set up i18next. The type names every mechanic of the registry, so one left out does not compile.
import type { MechanicName } from './registry.ts';
import { locales as audioRecognition } from './audio-recognition/locales.ts';
import { locales as caseCard } from './case-card/locales.ts';
import { locales as decisions } from './decisions/locales.ts';
import { locales as hazardHunt } from './hazard-hunt/locales.ts';
import { locales as orderedSteps } from './ordered-steps/locales.ts';
import { locales as quiz } from './quiz/locales.ts';
import { locales as reaction } from './reaction/locales.ts';
import { locales as rhythm } from './rhythm/locales.ts';
import { locales as timedChoice } from './timed-choice/locales.ts';

export const MECHANIC_LOCALES: { [N in MechanicName]: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> } } = {
  'audio-recognition': audioRecognition,
  'case-card': caseCard,
  decisions,
  'hazard-hunt': hazardHunt,
  'ordered-steps': orderedSteps,
  quiz,
  reaction,
  rhythm,
  'timed-choice': timedChoice,
};
