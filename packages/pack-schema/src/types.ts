import type { z } from 'zod';
import type * as S from './schema.ts';

export type LocalizedText = z.infer<typeof S.LocalizedText>;
export type AreaId = z.infer<typeof S.AreaId>;
export type PropKind = z.infer<typeof S.PropKind>;
export type Prop = z.infer<typeof S.Prop>;
export type Scene = z.infer<typeof S.Scene>;
export type Source = z.infer<typeof S.Source>;
export type CaseCard = z.infer<typeof S.CaseCard>;
export type Hazard = z.infer<typeof S.Hazard>;
export type HazardHunt = z.infer<typeof S.HazardHunt>;
export type DecisionChoice = z.infer<typeof S.DecisionChoice>;
export type DecisionNode = z.infer<typeof S.DecisionNode>;
export type Decisions = z.infer<typeof S.Decisions>;
export type Question = z.infer<typeof S.Question>;
export type Quiz = z.infer<typeof S.Quiz>;
export type Scenario = z.infer<typeof S.Scenario>;
export type Manifest = z.infer<typeof S.Manifest>;
export type Pack = z.infer<typeof S.Pack>;
export type Area = z.infer<typeof S.Area>;
export type Park = z.infer<typeof S.Park>;

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
