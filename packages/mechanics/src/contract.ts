// What a mechanic is: everything one kind of step needs, in one object. The registry (registry.ts) lists them typed,
// so a mechanic missing a piece does not compile, and the runner, the evidence check, the xAPI mapping, the pack
// validator and the app's step views all go through it: nothing outside a mechanic's folder switches on its name.
import type { LocalizedText } from '@ruyi/pack-schema/primitives';
import type { z } from 'zod';
import type { Issue, StepCommon } from './common.ts';

/** How one step scored: what went right out of what there was, and its points. */
export interface Tally {
  right: number;
  total: number;
  points: number;
  maxPoints: number;
}

/** What a step's records carry beyond the run they belong to: a `type` and the mechanic's own fields. */
export interface RecordPayload {
  type: string;
  [field: string]: unknown;
}

/** What a mechanic is told about the scenario around its step. */
export interface StepEnv {
  /** The scene's props, for steps done on an object in the scene. */
  props: readonly { id: string; label: LocalizedText }[];
  /** The run's seed: every shuffle and random delay is drawn from it, so a replay of the run sees the same. */
  seed: number;
}

/** A step's answer to one event. */
export interface Transition<S> {
  state: S;
  /** What happened worth recording, in order (the runner adds the run and the step to each). */
  records: RecordPayload[];
  /** The step is over: the runner records its end and moves on. */
  done?: boolean;
  /** With `done`: the step chosen to follow (a step id or `end`), overriding the scenario's order. */
  goto?: string;
}

/** A short result field written as xAPI (extensions by short name; the xAPI mapping makes them IRIs). */
export interface StatementResult {
  success?: boolean;
  response?: string;
  score?: { raw: number; min: number; max: number };
  extensions?: Record<string, unknown>;
}

/** The texts of a choice interaction, for its xAPI activity definition. */
export interface InteractionTexts {
  prompt: LocalizedText;
  choices: readonly { id: string; label: LocalizedText }[];
  /** xAPI correctResponsesPattern. */
  patterns: string[];
}

/**
 * How one record type travels as an xAPI statement and is read back. The statement's object is the activity
 * `<scenario IRI>/<segment>/<item>`; `segment` is unique across all mechanics, so reading back knows the type.
 */
export interface RecordSpec<Step, Rec extends RecordPayload> {
  /** The record's own fields (zod shape), besides `type` and the run's. */
  fields: z.ZodRawShape;
  segment: string;
  /** The record field whose value is the activity's last IRI segment (a kebab-case id). */
  itemField: keyof Rec & string;
  /** The activity type: `interaction` (a cmi.interaction choice) or a Ruyi activity type's short name. */
  activityType: string;
  verb: 'interacted' | 'answered' | 'completed' | 'experienced';
  /** The activity's name from the pack, when the record's item is found there. */
  name?(step: Step, record: Rec): LocalizedText | undefined;
  /** For `interaction` activities: the prompt, choices and right responses. */
  interaction?(step: Step, record: Rec): InteractionTexts | undefined;
  /**
   * What can be checked of one record by the pack alone, as it arrives (the run as a whole is judged at its end):
   * e.g. that a choice claimed safe is safe in the pack. `field` is the record's field.
   */
  check?(step: Step, record: Rec): { field: string; message: string }[];
  /** The short names of the result extensions toResult writes (a statement with any other is not Ruyi's). */
  extensions?: readonly string[];
  toResult(record: Rec): StatementResult;
  /** The record's fields (besides type and item) read back from a statement's result; the record schema checks them. */
  fromResult(result: StatementResult): Record<string, unknown>;
}

/**
 * A short sound a step's change makes (the app synthesises each): a find or a right answer, a wrong tap or answer, the
 * sudden start of a drill. The countdown's tick and the result's sound are the app's own.
 */
export type StepCue = 'find' | 'wrong' | 'alarm';

/** A step config as the pack holds it: the common fields and the mechanic's own. */
export type StepOf<C> = C & StepCommon;

/** One test play of a step, for the contract test: the events from the start to the step's end. */
export interface Example<C, E> {
  /** The mechanic's own fields of a small valid step (as YAML would have them, before defaults). */
  step: Record<string, unknown>;
  /** The scene's props the step needs (ids and labels), if it refers to any. */
  props?: { id: string; label: LocalizedText }[];
  /** Events (without `now`, which the contract test adds) that play the step to its end, getting something right. */
  play(step: StepOf<C>, env: StepEnv): { event: E; at: number }[];
  /**
   * A record the play could not have made, as if sent right after the play's last record (a forged or repeated
   * result): the evidence check must refuse it. Null for a mechanic without records.
   */
  forged(step: StepOf<C>): RecordPayload | null;
}

export interface Mechanic<Name extends string, C, S, E extends { type: string }, R extends RecordPayload> {
  name: Name;
  /**
   * What the step is as an xAPI activity (ADL's activity types): a `lesson` is read (its end is "experienced"), the
   * others are done ("completed"). Default `performance`.
   */
  stepActivity?: 'lesson' | 'performance' | 'simulation' | 'assessment';
  /** For editors: what the mechanic is, in one sentence (the JSON Schema and the guide show it). */
  description: string;
  /** The mechanic's own fields of a step (zod, with .describe() texts); the common fields are added by the registry. */
  fields: z.ZodRawShape;
  /** A knowledge check unless the step says otherwise: the share of points the step needs for the scenario to pass. */
  knowledgePassAt: number | null;
  start(step: StepOf<C>, env: StepEnv, now: number): S;
  /** Pure: the same state, step and event always give the same transition. Unknown or untimely events change nothing. */
  next(step: StepOf<C>, state: S, event: E & { now: number }, env: StepEnv): Transition<S>;
  /** Never above its maxPoints; maxPoints counts only what the visitor faced (a branch not taken costs nothing). */
  score(step: StepOf<C>, state: S): Tally;
  /** What the visitor missed or got wrong, for the result screen. */
  missed(step: StepOf<C>, state: S): LocalizedText[];
  /** The step's records: each type's fields and xAPI form. Record types are unique across all mechanics. */
  records: { [T in R['type']]: RecordSpec<StepOf<C>, Extract<R, { type: T }>> };
  /**
   * The events a record is the outcome of, for replaying a run's records on the server: silent events the visitor
   * made before it (a "continue"), then the event itself, with `now` in the step's time (ms from the step's start, as
   * the record tells it). Null when the record names something the step does not have.
   */
  eventsFor(step: StepOf<C>, state: S, record: R): (E & { now: number })[] | null;
  /** The silent events that end the step from `state` (e.g. "continue" after the last answer), for replay. */
  endEvents(step: StepOf<C>, state: S): E[];
  /** Ids the step defines, which must be unique in the scenario (they name xAPI activities). */
  ids(step: StepOf<C>): string[];
  /** The steps this step may lead to by itself (e.g. a choice's goto), with where it says so: checked to exist and not to loop. */
  targets(step: StepOf<C>): { path: (string | number)[]; to: string }[];
  /** Problems with what the step refers to outside itself (a prop of the scene): `path` is inside the step. */
  references(step: StepOf<C>, env: Pick<StepEnv, 'props'>): Issue[];
  /** The visitor-facing strings of the step's views (zh-CN and en), under the i18n key `mechanics.<name>`. */
  locales: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> };
  example: Example<C, E>;
  /**
   * A stand-in visitor for tests, examples and benchmarks: the next event a visitor of this skill would make from
   * `state` (`after`: ms since the last event), so any scenario can be played to its end without its content being
   * known. `good` gets everything right; `poor` makes the mistakes a hurried visitor makes. Null: nothing to do.
   */
  autoplay?(step: StepOf<C>, state: S, env: StepEnv, skill: 'good' | 'poor'): { event: E; after: number } | null;
  /**
   * Optional, pure: the sound the step's change from `before` to `after` (one event's transition) makes, or null. Read
   * from states, not events, so the sound follows what the run really took (a late double tap changes nothing, so
   * sounds nothing).
   */
  cue?(step: StepOf<C>, before: S, after: S): StepCue | null;
  /** Optional, pure: the whole seconds left of a countdown running at `now` (a tick sounds as each goes), or null. */
  countdown?(step: StepOf<C>, state: S, now: number): number | null;
}

// eslint-style escape: the registry holds mechanics of different types.
// biome-ignore lint: a heterogeneous registry
export type AnyMechanic = Mechanic<string, any, any, any, any>;
