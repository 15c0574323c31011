// GET /api/admin/floor: what limits a kiosk-server's statement writes (per-client budgets and the disk floor), so the
// admin page can say why writes are refused and what staff should do.
import { z } from 'zod';

export const WriteBudget = z.object({
  statementsPerMinute: z.number().int().min(1),
  bytesPerMinute: z.number().int().min(1),
  /** The largest one statement may be (its JSON text; attachments not counted). */
  statementBytes: z.number().int().min(1),
});
export type WriteBudget = z.infer<typeof WriteBudget>;

export const FloorStatus = z.object({
  disk: z.object({
    /** Free bytes on the data folder's filesystem; null when it could not be read (then writes are not stopped). */
    freeBytes: z.number().int().min(0).nullable(),
    /** Below this, every statement write answers 507 and nothing is written. */
    floorBytes: z.number().int().min(0),
    /** True while writes are stopped for lack of space; they resume by themselves once space is back. */
    low: z.boolean(),
    checkedAt: z.iso.datetime(),
  }),
  /** Per client: the kiosk app's device route (/api/statements) and each xAPI client (/xapi/statements). */
  budgets: z.object({ device: WriteBudget, xapi: WriteBudget }),
  /** Requests refused since the server started, by reason. */
  refused: z.object({
    overBudget: z.number().int().min(0),
    tooLarge: z.number().int().min(0),
    diskLow: z.number().int().min(0),
  }),
});
export type FloorStatus = z.infer<typeof FloorStatus>;
