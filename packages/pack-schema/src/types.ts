export type { LocalizedText, AreaId, PropKind, Prop, Scene, Source, CaseCard, Hazard, HazardHunt, DecisionChoice, DecisionNode, Decisions, Question, Quiz, Scenario, Manifest, Pack, Area, Park } from './schema.ts';

/** One thing wrong with a content file, precise enough for an editor to fix it without a developer. */
export interface PackError {
  /** Path of the file, relative to the content folder (e.g. `packs/fire-dehui-2013/scenarios/plant.yaml`). */
  file: string;
  /** Where in the document, e.g. `quiz.questions[2].answer[0]`; empty for the whole file. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** A text file as read from disk (or from an archive later). */
export interface SourceFile {
  path: string;
  text: string;
}
