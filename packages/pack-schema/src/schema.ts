// The pack format: the single source of truth. Types are derived from it (see types.ts) and the server, the kiosk app
// and the validator all parse packs through it, so an editor's typo is caught once, with the same message everywhere.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

/** Locales every visitor-facing text must have. */
export const REQUIRED_LOCALES = ['zh-CN', 'en'] as const;
/** Locales a pack may add; a missing one falls back to English. */
export const OPTIONAL_LOCALES = ['ja', 'ko', 'ru'] as const;
export const LOCALES = [...REQUIRED_LOCALES, ...OPTIONAL_LOCALES] as const;
export type Locale = (typeof LOCALES)[number];

const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });

export const LocalizedText = z.strictObject({
  'zh-CN': nonEmpty,
  en: nonEmpty,
  ja: nonEmpty.optional(),
  ko: nonEmpty.optional(),
  ru: nonEmpty.optional(),
});

/** Ids are used in URLs, records and (later) xAPI activity IRIs, so keep them to URL-safe kebab-case. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case: lower-case letters, digits and single hyphens' })
  .max(64, { error: 'must be at most 64 characters' });

export const AREA_IDS = [
  'production',
  'traffic',
  'fire',
  'earthquake',
  'home',
  'health',
  'public-safety',
  'civil-defence',
] as const;
export const AreaId = z.enum(AREA_IDS);

const Vec3 = z.tuple([z.number(), z.number(), z.number()]);

/** The props the scene kit can draw. A new kind needs code; a new scenario built from these needs none. */
export const PROP_KINDS = [
  'electrical-panel',
  'overhead-wiring',
  'foam-panel-wall',
  'ammonia-tank',
  'pipe-run',
  'exit-door',
  'exit-door-locked',
  'exit-sign',
  'cardboard-stack',
  'conveyor',
  'workbench',
  'shelf',
  'pallet',
  'fire-extinguisher',
  'fire-alarm',
  'lockers',
] as const;
export const PropKind = z.enum(PROP_KINDS);

export const Prop = z.strictObject({
  id: Id,
  kind: PropKind,
  /** Metres, y up; the floor is y = 0 and the room is centred on the origin. */
  position: Vec3,
  /** Degrees about the vertical axis. */
  rotationY: z.number().default(0),
  /** Scales the prop's size; 1 is its natural size. */
  scale: z.number().positive().max(10).default(1),
  /** What the object is, spoken by screen readers and shown on the keyboard's object list. */
  label: LocalizedText,
});

export const Scene = z.strictObject({
  room: z.strictObject({
    width: z.number().min(4).max(60),
    depth: z.number().min(4).max(60),
    height: z.number().min(2.5).max(15),
  }),
  camera: z.strictObject({ position: Vec3, target: Vec3 }),
  props: z.array(Prop).min(1),
});

export const Source = z.strictObject({
  id: Id,
  title: LocalizedText,
  publisher: z.string().min(1).optional(),
  /** Where the editor read it; a page may be a repost, so say so in the title. */
  url: z.url({ error: 'must be a full URL (https://…)' }).optional(),
});

const SourceRef = Id;

export const CaseCard = z.strictObject({
  title: LocalizedText,
  date: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
  place: LocalizedText,
  what: LocalizedText,
  cause: LocalizedText,
  lesson: LocalizedText,
  sources: z.array(SourceRef).min(1, { error: 'a case card needs at least one source' }),
});

export const Hazard = z.strictObject({
  id: Id,
  /** The prop that is tapped to find this hazard. */
  prop: Id,
  name: LocalizedText,
  /** Why it is dangerous and what should have been done: shown when it is found. */
  feedback: LocalizedText,
  /** Shown after the visitor has searched a while without finding anything. */
  hint: LocalizedText,
  source: SourceRef.optional(),
});

export const HazardHunt = z.strictObject({
  instructions: LocalizedText,
  hintAfterSeconds: z.number().int().min(5).max(600).default(25),
  pointsPerHazard: z.number().int().min(0).max(100).default(10),
  hazards: z.array(Hazard).min(1),
});

export const DecisionChoice = z.strictObject({
  id: Id,
  label: LocalizedText,
  /** What happens next in the story when this is chosen. */
  consequence: LocalizedText,
  safe: z.boolean(),
  /** The next decision; omitted when the drill ends here. */
  next: Id.optional(),
  source: SourceRef.optional(),
});

export const DecisionNode = z.strictObject({
  id: Id,
  prompt: LocalizedText,
  choices: z.array(DecisionChoice).min(2, { error: 'a decision needs at least two choices' }),
});

export const Decisions = z.strictObject({
  intro: LocalizedText,
  start: Id,
  pointsPerSafeChoice: z.number().int().min(0).max(100).default(10),
  nodes: z.array(DecisionNode).min(1),
});

export const QuizChoice = z.strictObject({ id: Id, label: LocalizedText });

export const Question = z.strictObject({
  id: Id,
  kind: z.enum(['single', 'multiple']),
  prompt: LocalizedText,
  choices: z.array(QuizChoice).min(2, { error: 'a question needs at least two choices' }),
  /** The ids of the right choices: exactly one for `single`. */
  answer: z.array(Id).min(1, { error: 'name at least one right choice' }),
  explanation: LocalizedText,
  source: SourceRef.optional(),
});

export const Quiz = z.strictObject({
  pointsPerQuestion: z.number().int().min(0).max(100).default(10),
  questions: z.array(Question).min(1),
});

export const Scenario = z.strictObject({
  id: Id,
  title: LocalizedText,
  summary: LocalizedText,
  caseCard: CaseCard,
  scene: Scene,
  hazardHunt: HazardHunt,
  decisions: Decisions,
  quiz: Quiz,
  result: z.strictObject({
    lessons: z.array(LocalizedText).min(1),
    /** Scaled score (0–1) at or above which the scenario counts as passed. */
    passScore: z.number().min(0).max(1).default(0.6),
  }),
});

export const Manifest = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}, the pack format this version reads` }),
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version like 1.0.0' }),
  area: AreaId,
  title: LocalizedText,
  authors: z.array(z.string().min(1)).min(1),
  sources: z.array(Source).min(1),
  /** Scenario ids, in the order visitors see them; each is the file scenarios/<id>.yaml. */
  scenarios: z.array(Id).min(1),
});

/** A loaded pack: the manifest with its scenarios resolved. This is what the server sends and the app renders. */
export const Pack = Manifest.omit({ scenarios: true }).extend({ scenarios: z.array(Scenario).min(1) });

export const Area = z.strictObject({
  id: AreaId,
  name: LocalizedText,
  description: LocalizedText,
});

export const Park = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: LocalizedText,
  tagline: LocalizedText,
  areas: z.array(Area).min(1),
});

// Types derived from the schema, under the same names as their schemas.
export type LocalizedText = z.infer<typeof LocalizedText>;
export type AreaId = z.infer<typeof AreaId>;
export type PropKind = z.infer<typeof PropKind>;
export type Prop = z.infer<typeof Prop>;
export type Scene = z.infer<typeof Scene>;
export type Source = z.infer<typeof Source>;
export type CaseCard = z.infer<typeof CaseCard>;
export type Hazard = z.infer<typeof Hazard>;
export type HazardHunt = z.infer<typeof HazardHunt>;
export type DecisionChoice = z.infer<typeof DecisionChoice>;
export type DecisionNode = z.infer<typeof DecisionNode>;
export type Decisions = z.infer<typeof Decisions>;
export type Question = z.infer<typeof Question>;
export type Quiz = z.infer<typeof Quiz>;
export type Scenario = z.infer<typeof Scenario>;
export type Manifest = z.infer<typeof Manifest>;
export type Pack = z.infer<typeof Pack>;
export type Area = z.infer<typeof Area>;
export type Park = z.infer<typeof Park>;
