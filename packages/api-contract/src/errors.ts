// One error shape for every API answer that is not a success: { error, message, details? }. `error` is the HTTP status
// text, `message` says what is wrong and where (for people reading logs and the operator screen), `details` lists
// each problem with its path (for programs).
import { z } from 'zod';

export const ErrorDetail = z.object({
  path: z.string(),
  message: z.string(),
  /** For a problem in a content file (a rejected pack): the file and where in it. */
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** Set on a pack validator's warning listed next to its errors (it did not itself stop the pack). */
  severity: z.literal('warning').optional(),
  /**
   * A stable code for the problem, with its params, so an app can say it in its user's language: a pack validator's
   * (its message catalogue) or the server's own refusal (refusals.ts).
   */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(ErrorDetail).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
