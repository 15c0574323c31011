// GET /api/stats/report: the statistics dashboard's figures for a period and a scope, read from the roll-up cubes
// (@ruyi/statistics computes them; this is their shape on the wire).
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a day, YYYY-MM-DD' });
const Code = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, { error: 'must be a code: letters, digits, - and _' });
const Rate = z.number().min(0).nullable();

export const ReportQuery = z
  .object({
    from: Day.describe('First day of the period (the park\'s calendar), inclusive.'),
    to: Day.describe('Last day of the period, inclusive.'),
    district: Code.optional(),
    park: Code.optional(),
    school: Code.optional(),
  })
  .refine((q) => q.from <= q.to, { error: 'from must not be after to', path: ['to'] })
  .refine((q) => [q.district, q.park, q.school].filter(Boolean).length <= 1, { error: 'give at most one of district, park and school', path: ['district'] });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const RunFigures = z.object({
  visits: z.number().int(),
  runs: z.number().int().describe('Scenario plays started.'),
  completed: z.number().int(),
  passed: z.number().int(),
  completionRate: Rate.describe('completed / runs; null when no run started.'),
  passRate: Rate.describe('passed / completed.'),
  averageScore: Rate.describe('Mean score (0–1) of completed plays.'),
  averageDurationMs: z.number().nullable(),
});
export type RunFigures = z.infer<typeof RunFigures>;

const Keyed = z.object({ key: z.string(), figures: RunFigures });

export const ItemReport = z.object({
  scenario: z.string().describe('pack/scenario'),
  step: z.string(),
  item: z.string(),
  n: z.number().int(),
  correct: z.number().int(),
  correctRate: Rate,
  choices: z.array(z.object({ choice: z.string(), n: z.number().int(), correct: z.boolean().nullable() })),
  topWrong: z.object({ choice: z.string(), n: z.number().int() }).nullable(),
});

export const StatisticsReport = z.object({
  period: z.object({ from: Day, to: Day }),
  scope: z.object({ kind: z.enum(['city', 'district', 'park', 'school']), id: z.string().nullable() }),
  totals: RunFigures,
  /** The same period a year earlier (安全生产月 compared with last year's). */
  previousYear: RunFigures,
  byDay: z.array(Keyed),
  byWeek: z.array(Keyed),
  byArea: z.array(Keyed),
  byScenario: z.array(Keyed),
  byPlatform: z.array(Keyed),
  byLocale: z.array(Keyed),
  byDevice: z.array(z.object({ park: z.string(), device: z.string(), platform: z.string(), visits: z.number().int(), runs: z.number().int(), completed: z.number().int() })),
  questions: z.array(ItemReport),
  decisions: z.array(ItemReport),
  hazards: z.array(
    z.object({ scenario: z.string(), step: z.string(), hazard: z.string(), found: z.number().int(), hunts: z.number().int(), foundShare: Rate }),
  ),
  replays: z.array(
    z.object({
      scenario: z.string(),
      pairs: z.number().int(),
      firstAverage: Rate,
      secondAverage: Rate,
      firstPassRate: Rate,
      secondPassRate: Rate,
    }),
  ),
  /** 安康杯-style: by average score, then participation rate, then visits. */
  schools: z.array(z.object({ rank: z.number().int(), unit: z.string(), figures: RunFigures, participationRate: Rate })),
  parks: z.array(z.object({ rank: z.number().int(), unit: z.string(), figures: RunFigures, participationRate: Rate })),
});
export type StatisticsReport = z.infer<typeof StatisticsReport>;
