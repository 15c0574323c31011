export * from './schema.ts';
export type { PackError, SourceFile } from './types.ts';
export { loadPack, loadPark, formatError, formatPath, MANIFEST_FILE, scenarioFileName, type PackFiles, type LoadResult } from './load.ts';
export { loadContent, PARK_FILE, type Content, type ContentFiles, type PackProblem } from './content.ts';
export { checkScenarioReferences, type ReferenceIssue } from './references.ts';
export { localize } from './localize.ts';
