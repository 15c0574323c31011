export * from './schema.ts';
export type { PackError, SourceFile } from './types.ts';
export { PackErrorSchema, PackProblemSchema, ContentSnapshot, WHOLE_ARCHIVE } from './snapshot.ts';
export { loadPack, loadPark, errorLocation, formatError, formatPath, MANIFEST_FILE, scenarioFileName, type PackFiles, type LoadResult } from './load.ts';
export { loadContent, PARK_FILE, type Content, type ContentFiles, type PackProblem } from './content.ts';
export { checkScenarioReferences, checkAssetReferences, checkManifestAssets, assetRefsOf, type ReferenceIssue } from './references.ts';
export {
  migrate,
  migratePark,
  schemaVersionProblem,
  MIGRATIONS,
  scenarioAsSteps,
  declareLocalesAndAssets,
  OLDEST_SCHEMA_VERSION,
  type Migration,
  type MigrateResult,
  type PackDocument,
} from './migrations.ts';
export {
  checkAssets,
  checkAssetFiles,
  assetFacts,
  ASSET_BUDGETS,
  ASSETS_DIR,
  MIB,
  MODEL_MAX_BYTES,
  MODEL_MAX_TRIANGLES,
  MODEL_MAX_TEXTURE_SIDE,
  MODEL_UNSUPPORTED_EXTENSIONS,
  IMAGE_MAX_BYTES,
  IMAGE_MAX_SIDE,
  AUDIO_MAX_BYTES,
  AUDIO_MAX_SECONDS,
  type AssetFacts,
  type ReadAsset,
} from './assets.ts';
export { checkTranslations, checkChineseSpacing, localizedTexts } from './translations.ts';
export { localize, languagesOf } from './localize.ts';
export { CATALOGUE, type MessageCode, type MessageEntry } from './messages/catalogue.ts';
export {
  localizeProblem,
  problemLang,
  codeOf,
  coded,
  withReason,
  REASON_CODE,
  render as renderMessage,
  isMessageCode,
  PROBLEM_LANGS,
  type ProblemLang,
  type MessageParams,
  type CodedMessage,
  type RenderableProblem,
} from './messages/render.ts';
export { yamlSyntaxProblem } from './messages/yaml.ts';
export { codedIssue, ZOD_ISSUE_CODES } from './messages/zod.ts';
