// The statistics repository on both stores, over statements written straight into the tables: the same figures from
// the same rows.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, DIALECTS, insertStatements, openTestStore, visitStatement, type TestStatement, type TestStore } from '../../privacy/test-support.ts';
import { createStatsRepository } from './summary.ts';

const AREAS = ['fire', 'traffic', 'home'];

describe.each(DIALECTS)('the statistics on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(dialect);
  });
  afterEach(() => store.close());

  const start = (visit: string, platform = 'kiosk', voided = false): TestStatement => ({
    statement: visitStatement(visit),
    facts: { kind: 'visit-start', visit_id: visit, platform, voided },
  });
  const end = (visit: string, area: string | null, score: number | null, platform = 'kiosk', voided = false): TestStatement => ({
    statement: visitStatement(visit),
    facts: { kind: 'scenario-end', visit_id: visit, platform, area: area ?? undefined, score_scaled: score, voided },
  });

  it('is zero everywhere, with every area and platform listed, when nothing is recorded', async () => {
    expect(await createStatsRepository(store.storage).summary(AREAS)).toEqual({
      visits: 0,
      completedScenarios: 0,
      areas: AREAS.map((area) => ({ area, completedScenarios: 0, averageScore: null })),
      platforms: ['kiosk', 'vr', 'web'].map((platform) => ({ platform, visits: 0, completedScenarios: 0, averageScore: null })),
    });
  });

  it('counts visits once each, completed scenarios, and average scores per area and platform, leaving out voided ones', async () => {
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await insertStatements(store.storage, [
      start(a),
      start(a), // sent twice (another id): still one visit
      start(b, 'vr'),
      start(c, 'web', true), // voided: not a visit
      end(a, 'fire', 0.75),
      end(a, 'fire', 1),
      end(b, 'fire', 0.25, 'vr'),
      end(b, 'home', null, 'vr'), // no score: counted, not averaged
      end(b, 'traffic', 0.5, 'vr', true), // voided
      end(d, 'elsewhere', 0.1, 'web'), // an area the park no longer has: in the total only
      { statement: visitStatement(d) }, // another tool's statement: no kind
    ]);
    expect(await countRows(store.storage, 'statements')).toBe(11);
    expect(await createStatsRepository(store.storage).summary(AREAS)).toEqual({
      visits: 2,
      completedScenarios: 5,
      areas: [
        { area: 'fire', completedScenarios: 3, averageScore: 0.6667 }, // (0.75 + 1 + 0.25) / 3
        { area: 'traffic', completedScenarios: 0, averageScore: null },
        { area: 'home', completedScenarios: 1, averageScore: null },
      ],
      platforms: [
        { platform: 'kiosk', visits: 1, completedScenarios: 2, averageScore: 0.875 },
        { platform: 'vr', visits: 1, completedScenarios: 2, averageScore: 0.25 },
        { platform: 'web', visits: 0, completedScenarios: 1, averageScore: 0.1 },
      ],
    });
  });
});
