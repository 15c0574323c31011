// The pack format: the single source of truth. Types are derived from it (see types.ts) and the server, the kiosk app
// and the validator all parse packs through it, so an editor's typo is caught once, with the same message everywhere.
import { z } from 'zod';
import { codedError } from './messages/coded.ts';

/** The pack format this build writes and reads natively; older packs are migrated on load (see migrations.ts). */
export const SCHEMA_VERSION = 3;

export {
  REQUIRED_LOCALES,
  OPTIONAL_LOCALES,
  LOCALES,
  Locale,
  LocalizedText,
  ChildText,
  Id,
  SourceRef,
  AUDIENCES,
  type Audience,
} from './primitives.ts';
import { Step } from '@ruyi/mechanics/schemas';
import { Id, Locale, LocalizedText, localizedTextShape, REQUIRED_LOCALES } from './primitives.ts';

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
  // home
  'kitchen-counter',
  'gas-stove',
  'gas-hose',
  'gas-meter',
  'gas-valve',
  'coal-stove',
  'stove-flue',
  'co-alarm',
  'window',
  'bed',
  'heated-bed',
  'door',
  // school
  'school-desk',
  'blackboard',
  'stairwell',
  // street
  'road-crossing',
  'traffic-light',
  'car',
  'light-truck',
  'snow-patch',
  // public space
  'crowd',
  'siren-speaker',
  'shelter-sign',
  'steps',
  // health and work
  'manikin',
  'aed',
  'small-fire',
  'manhole',
  'gas-detector',
  'fire-extinguisher-co2',
  'fire-blanket',
] as const;
export const PropKind = z.enum(PROP_KINDS);

export const Prop = z.strictObject({
  id: Id.describe('The prop\'s id, unique in the scenario; hazards name it in prop:.'),
  kind: PropKind.describe('Which built-in object the scene draws. With model: set, it is drawn only if the model cannot be loaded.'),
  /** A model asset (pack format 2): drawn instead of the built-in kind, which stays as the fallback. */
  model: Id.describe('Optional: the id of a model asset (a .glb file listed under assets: in pack.yaml) to draw instead of the built-in kind.').optional(),
  /** Metres, y up; the floor is y = 0 and the room is centred on the origin. */
  position: Vec3.describe('Where it stands, in metres: [x, y, z]; y is up and the floor is y = 0; the room is centred on [0, 0, 0].'),
  /** Degrees about the vertical axis. */
  rotationY: z.number().default(0).describe('Turn about the vertical axis, in degrees.'),
  /** Scales the prop's size; 1 is its natural size. */
  scale: z.number().positive().max(10).default(1).describe('Size: 1 is its natural size, 2 twice as big.'),
  /** What the object is, spoken by screen readers and shown on the keyboard's object list. */
  label: LocalizedText.describe('What the object is: read out by screen readers and listed for keyboard users.'),
});

/** Indoor scenes stand in a room with walls; outdoor ones on open ground under the sky. */
export const SCENE_SETTINGS = ['indoor', 'outdoor'] as const;

export const Scene = z.strictObject({
  setting: z
    .enum(SCENE_SETTINGS)
    .optional()
    .describe(
      'Optional: indoor (the default: a floor with back and side walls) or outdoor (paved ground reaching to the horizon under the sky, no walls or ceiling; room: then only sizes the paved area).',
    ),
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
  url: z.url({ error: codedError('schema.url') }).describe('Where the editor read it: a full URL (https://…).').optional(),
});


export const Scenario = z.strictObject({
  id: Id,
  title: LocalizedText,
  summary: LocalizedText,
  scene: Scene,
  /** Played in order (unless a step says where to go next): each step is one instance of a mechanic. */
  steps: z.array(Step).min(1).describe('The steps of the scenario, played in order: each is { id, mechanic, … } with the fields of its mechanic.'),
  result: z.strictObject({
    lessons: z.array(LocalizedText).min(1),
    /** Scaled score (0–1) at or above which the scenario counts as passed. */
    passScore: z.number().min(0).max(1).default(0.6).describe('The share of points (0 to 1) of the steps played needed to pass; default 0.6. Knowledge checks (a quiz) must also be passed.'),
  }),
});

export const ASSET_KINDS = ['model', 'image', 'audio'] as const;
const unknownAssetKind = codedError('schema.asset-kind', { values: ASSET_KINDS.join(', ') });
const imageNeedsAlt = codedError('schema.image-alt');
export const AssetKind = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof AssetKind>;

/** The file extensions each kind of asset may have (compared ignoring upper/lower case). */
export const ASSET_EXTENSIONS = {
  model: ['.glb'],
  image: ['.png', '.jpg', '.jpeg', '.webp'],
  audio: ['.mp3', '.ogg', '.m4a', '.wav'],
} as const satisfies Record<AssetKind, readonly string[]>;

/** `.png or .jpg` as an editor reads it. */
export function extensionList(kind: AssetKind): string {
  const list = ASSET_EXTENSIONS[kind];
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

// Written as patterns (not refinements) so the JSON Schema for editors carries them too. Case-insensitive by hand:
// JSON Schema patterns have no flags.
const anyCase = (ext: string) => ext.replace(/[a-z0-9]/g, (c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c));
const endsWithOneOf = (kind: AssetKind) => new RegExp(`\\.(?:${ASSET_EXTENSIONS[kind].map((e) => anyCase(e.slice(1))).join('|')})$`);

/** A path inside the pack's assets/ folder: relative, `/`-separated, never leaving the folder. */
export const AssetPath = z
  .string()
  .min(1, { error: codedError('schema.not-empty') })
  .regex(/^[^\\]*$/, { error: codedError('schema.path-backslash') })
  .regex(/^(?![a-zA-Z]:)(?!\/)/, { error: codedError('schema.path-absolute') })
  .regex(/^(?!(?:.*\/)?\.\.?(?:\/|$))/, { error: codedError('schema.path-outside') })
  .regex(/^(?!.*\/\/)(?!.*\/$)/, { error: codedError('schema.path-not-file') })
  .max(200, { error: codedError('schema.max-chars', { max: 200 }) });

const assetId = Id.describe('The asset\'s id, unique in the pack: scenarios name it (model:, image:, narration:).');
const assetFile = (kind: AssetKind, what: string) =>
  AssetPath.regex(endsWithOneOf(kind), { error: codedError('schema.file-extension', { what, extensions: extensionList(kind) }) }).describe(
    `The file, relative to the pack's assets/ folder, with forward slashes: e.g. ${kind === 'model' ? 'models/boxes.glb' : kind === 'image' ? 'case-photo.jpg' : 'narration/case-zh.mp3'}. Allowed: ${extensionList(kind)}.`,
  );

export const ModelAsset = z
  .strictObject({
    id: assetId,
    kind: z.literal('model'),
    file: assetFile('model', 'a model'),
    alt: LocalizedText.describe('Optional: what the model shows.').optional(),
  })
  .describe('A 3D model (.glb), drawn in place of a built-in prop: at most 8 MiB, 100,000 triangles, textures up to 2048 px.');
export const ImageAsset = z
  .strictObject({
    id: assetId,
    kind: z.literal('image'),
    file: assetFile('image', 'an image'),
    alt: z
      .strictObject(localizedTextShape, { error: (iss) => (iss.input === undefined ? imageNeedsAlt(iss) : undefined) })
      .describe('What the picture shows, in each language, for visitors who use a screen reader. Required for images.'),
  })
  .describe('A picture (.png, .jpg, .jpeg, .webp): at most 2048 px on each side and 4 MiB.');
export const AudioAsset = z
  .strictObject({
    id: assetId,
    kind: z.literal('audio'),
    file: assetFile('audio', 'an audio asset'),
    alt: LocalizedText.describe('Optional: what the recording is.').optional(),
  })
  .describe('A recording (.mp3, .ogg, .m4a, .wav): at most 180 seconds and 8 MiB.');

/** A file in the pack's assets/ folder that scenarios refer to by id. */
export const Asset = z
  .discriminatedUnion('kind', [ModelAsset, ImageAsset, AudioAsset], {
    error: (iss) => (iss.code === 'invalid_union' ? unknownAssetKind(iss) : undefined),
  })
  .describe('A file in the pack\'s assets/ folder: { id, file, kind: model | image | audio, alt }.');

/** Every pack declares the languages it provides; Chinese and English are always among them. */
export const Locales = z
  .array(Locale)
  .refine((list) => REQUIRED_LOCALES.every((l) => list.includes(l)), { error: codedError('schema.locales-required', { locales: REQUIRED_LOCALES.join(' and ') }) })
  .refine((list) => new Set(list).size === list.length, { error: codedError('schema.locale-twice') })
  .describe(`The languages the pack provides: always zh-CN and en; add ja, ko or ru when every text has them. A text missing a declared language shows English.`);

export const Manifest = z.strictObject({
  schemaVersion: z
    .literal(SCHEMA_VERSION, { error: codedError('schema.pack-format', { version: SCHEMA_VERSION }) })
    .describe(`The pack format the pack is written in: ${SCHEMA_VERSION} for a pack written today. Older packs are still read.`),
  id: Id.describe('The pack\'s id: kebab-case, the same as its folder name (content/packs/<id>).'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: codedError('schema.version-format') }).describe('The pack\'s own version, like 1.0.0; raise it with every change you publish.'),
  area: AreaId.describe('The park area the pack belongs to (one of the areas in park.yaml).'),
  title: LocalizedText.describe('The pack\'s title.'),
  authors: z.array(z.string().min(1)).min(1).describe('Who wrote the pack.'),
  /** The languages the pack provides (pack format 2). */
  locales: Locales,
  /** Files in the pack's assets/ folder (pack format 2). */
  assets: z.array(Asset).describe('The pack\'s own files (3D models, pictures, recordings) in its assets/ folder; write [] for none.'),
  sources: z.array(Source).min(1).describe('Where the facts come from; case cards, hazards, choices and questions name them by id.'),
  /** Scenario ids, in the order visitors see them; each is the file scenarios/<id>.yaml. */
  scenarios: z.array(Id).min(1).describe('The scenarios, in the order visitors see them; each id is the file scenarios/<id>.yaml.'),
});

/** A loaded pack: the manifest with its scenarios resolved. This is what the server sends and the app renders. */
export const Pack = Manifest.omit({ scenarios: true }).extend({ scenarios: z.array(Scenario).min(1) });

export const Area = z.strictObject({
  id: AreaId,
  name: LocalizedText,
  description: LocalizedText,
});

export const Park = z.strictObject({
  schemaVersion: z
    .literal(SCHEMA_VERSION, { error: codedError('schema.content-format', { version: SCHEMA_VERSION }) })
    .describe(`The content format: ${SCHEMA_VERSION}. Older files are still read.`),
  name: LocalizedText,
  tagline: LocalizedText,
  areas: z.array(Area).min(1),
});

// Types derived from the schema, under the same names as their schemas.
export type AreaId = z.infer<typeof AreaId>;
export type PropKind = z.infer<typeof PropKind>;
export type Prop = z.infer<typeof Prop>;
export type Scene = z.infer<typeof Scene>;
export type Source = z.infer<typeof Source>;
export type Scenario = z.infer<typeof Scenario>;
export type { Step };
export type ModelAsset = z.infer<typeof ModelAsset>;
export type ImageAsset = z.infer<typeof ImageAsset>;
export type AudioAsset = z.infer<typeof AudioAsset>;
export type Asset = z.infer<typeof Asset>;
export type Manifest = z.infer<typeof Manifest>;
export type Pack = z.infer<typeof Pack>;
export type Area = z.infer<typeof Area>;
export type Park = z.infer<typeof Park>;
