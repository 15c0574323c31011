// The facts statistics count, one per stored Ruyi statement: what the server established when it stored the statement
// (from the loaded pack, the enrolled device, the class a visit joined, its own settings), never what a statement
// claims. A statement another tool sent has no facts and counts nowhere.

/** What a statement records. `item` kinds are the mechanics' step records (an answer, a find, a decision, ...). */
export type FactKind = 'visit-start' | 'visit-end' | 'scenario-start' | 'scenario-end' | 'step-end' | 'item';

export interface StatFact {
  /** Store order: roll-ups follow it, so a replay's first and second play are told apart. */
  seq: number;
  /** When it happened: the statement's timestamp, never later than when it was stored. ISO 8601, UTC. */
  at: string;
  kind: FactKind;
  visitId: string;
  runId: string | null;
  /** Where: the park (and its district) that stored it first. */
  park: string | null;
  district: string | null;
  /** A class visit's school and session code; null for a public visitor. */
  school: string | null;
  classSession: string | null;
  /** The enrolled device; null when it came through another route. */
  device: string | null;
  platform: string;
  locale: string;
  packId: string | null;
  packVersion: string | null;
  scenarioId: string | null;
  area: string | null;
  stepId: string | null;
  /** For `item`: the record type (e.g. 'answer', 'hazard-found', 'decision'), its item id, the choice made, and whether it was right (safe, found). */
  itemType: string | null;
  item: string | null;
  choice: string | null;
  correct: boolean | null;
  /** For `scenario-end`: the run's score (0..1) and verdict as the server judged them; its duration. */
  scoreScaled: number | null;
  passed: boolean | null;
  durationMs: number | null;
}

/** A calendar day (YYYY-MM-DD) in the park's time: statistics staff count days as the park's clock shows them. */
export function dayOf(at: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(at) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** China Standard Time, which has no daylight saving: the default offset. */
export const CHINA_OFFSET_MINUTES = 480;
