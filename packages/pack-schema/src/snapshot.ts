// The content snapshot as it crosses the wire (GET /api/content): one schema for the server's response and the app's
// check of it, so the two can never drift apart.
import { z } from 'zod';
import { Pack, Park } from './schema.ts';

/** The `file` of a problem with an uploaded archive as a whole (not one file in it): staff pages name it in words. */
export const WHOLE_ARCHIVE = '(archive)';

/** One thing wrong with a content file, precise enough for an editor to fix it without a developer. */
export const PackErrorSchema = z.object({
  /** Path of the file, relative to the content folder (e.g. `packs/fire-dehui-2013/scenarios/plant.yaml`). */
  file: z.string(),
  /** Where in the document, e.g. `quiz.questions[2].answer[0]`; empty for the whole file. */
  path: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** In English, as it always read; `code` and `params` render it in another language (messages/catalogue.ts). */
  message: z.string(),
  /** A stable code for the kind of problem, e.g. `yaml.tab`, `zod.required`, `step.loop`. */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /**
   * `'warning'`: the content loads, but something reads wrong (a missing translation, a stray space in Chinese text);
   * absent: an error, which keeps the pack from loading.
   */
  severity: z.literal('warning').optional(),
});

/** The errors (or warnings) of one folder: a pack's, or `.` for park.yaml. */
export const PackProblemSchema = z.object({ dir: z.string(), errors: z.array(PackErrorSchema) });

export const ContentSnapshot = z.object({
  park: Park.nullable(),
  packs: z.array(Pack),
  /** What keeps a pack (or the park) from loading: errors only. */
  problems: z.array(PackProblemSchema),
  /** What reads wrong but loads, per folder; folders without warnings are left out. */
  warnings: z.array(PackProblemSchema),
});
