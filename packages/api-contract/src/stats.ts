// GET /api/stats/summary: participation and scores for the operator screen and safety-culture reports.
import { PLATFORMS } from '@ruyi/records';
import { z } from 'zod';

const AverageScore = z.number().min(0).max(1).nullable().describe('Mean scaled score (0–1, 4 decimals); null when nothing was completed.');

export const AreaSummary = z.object({
  area: z.string(),
  completedScenarios: z.number().int(),
  averageScore: AverageScore,
});
export type AreaSummary = z.infer<typeof AreaSummary>;

export const PlatformSummary = z.object({
  platform: z.enum(PLATFORMS),
  /** Visits whose visit-start came from this platform. */
  visits: z.number().int(),
  /** Scenarios completed on this platform (a VR station's visitors play in the headset). */
  completedScenarios: z.number().int(),
  averageScore: AverageScore,
});
export type PlatformSummary = z.infer<typeof PlatformSummary>;

export const SummaryResponse = z.object({
  /** Distinct visits that sent a visit-start. */
  visits: z.number().int(),
  /** scenario-end records, in every area. */
  completedScenarios: z.number().int(),
  /** Every area of the park, in park order; areas with no data have 0 and a null average. */
  areas: z.array(AreaSummary),
  /** Kiosk, VR and web (school PCs) apart, always all three, in that order. */
  platforms: z.array(PlatformSummary),
});
export type SummaryResponse = z.infer<typeof SummaryResponse>;
