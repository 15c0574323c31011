export {
  ARCHIVE_EXTENSION,
  ARCHIVE_FORMAT,
  ArchiveMeta,
  archiveFileName,
  canonicalFilesJson,
  DEFAULT_LIMITS,
  filesDigest,
  formatBytes,
  META_FILE,
  PACK_FOLDER,
  PackFilePath,
  packPathProblem,
  type ArchiveLimits,
} from './format.ts';
export { buildPackArchive, PackBuildError, type BuildOptions, type BuiltArchive } from './build.ts';
export { readPackArchive, type ReadResult } from './read.ts';
export { loadArchivePack, packFilesFromArchive } from './pack-files.ts';
export { checkContent, isWarning, type ContentReport, type PackReport } from './check.ts';
