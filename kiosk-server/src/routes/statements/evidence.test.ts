// POST /api/statements believes a scenario end only as far as its run bears it out: the forged visits are
// refused with the statement path named, and real played runs (the engine's `next`, the app's record → statement
// mapping) are taken however the kiosk's outbox cuts them into batches. A real SQLite file, checked from outside.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { VisitRecord } from '@ruyi/records';
import { iris, type Statement } from '@ruyi/xapi';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { newVisit, oneOfEach, played, records } from '../../test-support/fixture-content.ts';
import { playRun } from '../../test-support/played-run.ts';
import { statementsOf } from '../../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

const BASE = 'https://ruyi.localhost/xapi/';
const RUN = iris(BASE).extensions.run;

let env: TestEnv;
let app: App;
const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/statements', payload: payload as object });
const of = (...rs: VisitRecord[]) => statementsOf(app, env.config, rs);
const rows = () => env.openDb().prepare('SELECT kind, area, platform, score_scaled, passed FROM statements ORDER BY seq').all() as Record<string, unknown>[];
const rowCount = () => env.openDb().prepare('SELECT COUNT(*) FROM statements').pluck().get();

async function refused(payload: unknown) {
  const res = await post(payload);
  expect(res.statusCode, res.body).toBe(400);
  expect(rowCount()).toBe(0);
  return res.json() as { message: string; details: { path: string; message: string }[] };
}

describe('the fixture pack', () => {
  beforeEach(async () => {
    env = createTestEnv();
    app = await env.start();
  });
  afterEach(() => env.cleanup());

  it("refuses the issue's forged visit (launched, initialized, completed and passed at raw = max = 1) naming the score", async () => {
    const visit = newVisit();
    const forged = of(records.visitStart(visit), records.scenarioStart(visit), records.scenarioEnd(visit, 1, 1));
    expect(forged.map((s) => s.verb.id.split('/').pop())).toEqual(['launched', 'initialized', 'completed', 'passed']);
    const body = await refused(forged);
    expect(body.details).toContainEqual({
      path: '[2].result.score.raw',
      message: 'the run found 0 of 1 hazards, took 0 safe decisions of 0 and answered 0 of 2 questions right: its score is 0, not 1',
    });
    expect(body.details).toContainEqual({ path: '[2].result.score.max', message: expect.stringMatching(/maximum is 30 .* not 1$/) });
    expect(body.details).toContainEqual({ path: '[2].result.success', message: expect.stringMatching(/^must be false/) });
    expect(body.details).toContainEqual({ path: `[2].context.extensions.${RUN}`, message: expect.stringMatching(/is not finished: the run never left the case card/) });
    // The passed twin is judged the same way.
    expect(body.details).toContainEqual({ path: '[3].result.score.raw', message: expect.stringMatching(/its score is 0, not 1/) });
    expect(body.message).toMatch(/^\[2\]\.result\.score\.raw: the run found 0 of 1 hazards/);
  });

  it('refuses forged visits one after another: none is counted', async () => {
    for (let i = 0; i < 20; i++) {
      const visit = newVisit();
      expect((await post(of(records.visitStart(visit), records.scenarioStart(visit), records.scenarioEnd(visit, 40, 40)))).statusCode).toBe(400);
    }
    expect((await app.inject({ url: '/api/stats/summary' })).json()).toMatchObject({ visits: 0, completedScenarios: 0 });
  });

  it('refuses an area moved in the grouping, and one left out', async () => {
    const visit = newVisit();
    const batch = of(...played(visit));
    const end = batch.length - 2;
    const moved = structuredClone(batch);
    const grouping = moved[end]!.context!.contextActivities!.grouping as { id: string }[];
    grouping[0]!.id = `${BASE}areas/traffic`;
    const body = await refused(moved);
    // (The end's two statements share their grouping, as the app makes them: both name the moved area.)
    expect(body.details).toContainEqual(
      {
        path: `[${end}].context.contextActivities.grouping`,
        message: `names area 'traffic', but pack 'fire-test' is in area 'fire' (${BASE}areas/fire)`,
      },
    );
    const dropped = structuredClone(batch);
    dropped[1]!.context!.contextActivities!.grouping = (dropped[1]!.context!.contextActivities!.grouping as { id: string }[]).slice(1);
    expect((await refused(dropped)).details).toEqual([{ path: '[1].context.contextActivities.grouping', message: expect.stringMatching(/must hold the area of pack 'fire-test'/) }]);
  });

  it('refuses an end whose run did not answer the quiz, whatever score it claims', async () => {
    const visit = newVisit();
    const run = played(visit);
    const withoutAnswers = run.filter((r) => r.type !== 'answer');
    const body = await refused(of(...withoutAnswers));
    const end = withoutAnswers.length - 1;
    expect(body.details).toContainEqual({ path: `[${end}].context.extensions.${RUN}`, message: `run ${visit.runId} is not finished: the run never answered questions 'first-step', 'exit-rules'` });
    expect(body.details).toContainEqual({ path: `[${end}].result.score.raw`, message: expect.stringMatching(/answered 0 of 2 questions right: its score is 20, not 40$/) });
  });

  it('refuses a find recorded twice, naming the run', async () => {
    const visit = newVisit();
    const run = played(visit);
    const find = run.find((r) => r.type === 'hazard-found')!;
    const body = await refused(of(...run.toSpliced(run.indexOf(find) + 1, 0, { ...find, id: randomUUID() })));
    expect(body.details).toContainEqual({ path: `[${run.length}].context.extensions.${RUN}`, message: expect.stringMatching(/hazard 'locked-exit' was already found/) });
  });

  it('refuses run statements that disagree with the run’s start, and a second start or end', async () => {
    const visit = newVisit();
    const run = played(visit);
    const other = newVisit();
    const cases: [VisitRecord[], string, RegExp][] = [
      [run.map((r, i) => (i === 3 ? { ...r, visitId: other.visitId } : r)), '[3].actor.account.name', new RegExp(`must be visit ${visit.visitId}`)],
      [run.map((r, i) => (i === 3 ? { ...r, platform: 'web' as const } : r)), '[3].context.platform', /started on platform 'kiosk'/],
      [run.slice(1), `[0].context.extensions.${RUN}`, /has no scenario-start/],
      [[...run, { ...run[0]!, id: randomUUID() }], `[${run.length + 1}].context.extensions.${RUN}`, /has already started/],
      [[...run, { ...run.at(-1)!, id: randomUUID() }], `[${run.length + 1}].context.extensions.${RUN}`, /has already ended/],
    ];
    for (const [records, path, message] of cases) expect((await refused(of(...records))).details).toContainEqual({ path, message: expect.stringMatching(message) });
    // A run that goes on in a headset is the same run.
    expect((await post(of(...run.map((r, i) => (i > 4 ? { ...r, platform: 'vr' as const } : r))))).statusCode).toBe(200);
  });

  it('refuses extensions Ruyi does not use, wherever they are', async () => {
    const [start] = of(records.visitStart(newVisit()));
    const junk = 'https://junk.example/x';
    const body = await refused([
      { ...start!, context: { ...start!.context, extensions: { ...start!.context!.extensions, [junk]: 'x'.repeat(1000) } } },
      { ...start!, id: randomUUID(), result: { extensions: { [junk]: 1 } } },
      { ...start!, id: randomUUID(), object: { objectType: 'Activity', id: env.config.xapi.parkIri, definition: { extensions: { [junk]: 1 } } } },
    ]);
    expect(body.details).toEqual([
      { path: `[0].context.extensions.${junk}`, message: expect.stringMatching(/^unknown extension; Ruyi's statements carry .*extensions\/device/) },
      { path: `[1].result.extensions.${junk}`, message: expect.stringMatching(/^unknown extension/) },
      { path: `[2].object.definition.extensions.${junk}`, message: "unknown extension; Ruyi's statements carry no extension here" },
    ]);
  });

  it('stores score and verdict from the evidence, and counts each played run once', async () => {
    const scores = [
      { right: 1 }, // 30 of 40
      { safe: false, right: 0 }, // 10 of 40
      {}, // 40 of 40
    ];
    for (const plan of scores) expect((await post(of(...played(newVisit(), plan)))).statusCode).toBe(200);
    const ends = rows().filter((r) => r.kind === 'scenario-end');
    expect(ends).toEqual([
      { kind: 'scenario-end', area: 'fire', platform: 'kiosk', score_scaled: 0.75, passed: 1 },
      { kind: 'scenario-end', area: 'fire', platform: 'kiosk', score_scaled: 0.25, passed: 0 },
      { kind: 'scenario-end', area: 'fire', platform: 'kiosk', score_scaled: 1, passed: 1 },
    ]);
  });

  it('takes a visit whose outbox sent it in batches of any size, the end in the same batch as its last steps or alone', async () => {
    for (const size of [1, 2, 5, 50]) {
      const statements = of(...oneOfEach());
      for (let i = 0; i < statements.length; i += size) {
        const res = await post(statements.slice(i, i + size));
        expect(res.statusCode, `batches of ${size}: ${res.body}`).toBe(200);
      }
    }
    expect((await app.inject({ url: '/api/stats/summary' })).json()).toMatchObject({ visits: 4, completedScenarios: 4 });
  });
});

describe('the real fire pack (content/packs)', () => {
  beforeAll(async () => {
    env = createTestEnv({ noContent: true, config: { contentDir: fileURLToPath(new URL('../../../../content/', import.meta.url)) } });
    app = await env.start();
  });
  afterAll(() => env.cleanup());

  const fire = () => app.content.current().packs.find((p) => p.id === 'fire-dehui-2013')!;
  const playFire = (plan: Parameters<typeof playRun>[2] = {}) => {
    const visit = newVisit();
    const pack = fire();
    return [records.visitStart(visit), ...playRun(pack.scenarios[0]!, { ...visit, packId: pack.id }, plan), records.visitEnd(visit)];
  };

  it.each([
    ['a perfect run', {}],
    ['a hunt ended early with a wrong tap, unsafe choices, wrong answers', { finds: 2, wrongTap: true, safe: false, right: 0 }],
    ['no hazard found, safe choices, half the quiz', { finds: 0, right: 3 }],
  ])('accepts %s, in one batch and split at every statement', async (_name, plan) => {
    const whole = of(...playFire(plan));
    expect((await post(whole)).json()).toEqual({ stored: whole.length, duplicates: 0 });
    const split = of(...playFire(plan));
    for (const statement of split) expect((await post([statement])).statusCode).toBe(200);
    const ends = env.openDb().prepare("SELECT id, score_scaled FROM statements WHERE kind = 'scenario-end' AND id IN (?, ?)").all(whole.at(-3)!.id, split.at(-3)!.id) as { score_scaled: number }[];
    expect(ends.map((e) => e.score_scaled)).toEqual([whole.at(-3)!.result!.score!.scaled, split.at(-3)!.result!.score!.scaled]);
  });

  it('refuses the forged perfect end of the fire scenario: 0 of 6 hazards, not 110', async () => {
    const visit = newVisit();
    const pack = fire();
    const scenario = pack.scenarios[0]!;
    const start = { ...records.scenarioStart(visit), packId: pack.id, scenarioId: scenario.id };
    const end = { ...records.scenarioEnd(visit), packId: pack.id, scenarioId: scenario.id, score: { raw: 110, max: 110, scaled: 1 }, passed: true };
    const res = await post(of(records.visitStart(visit), start, end) as Statement[]);
    expect(res.statusCode).toBe(400);
    const hazards = scenario.hazardHunt.hazards.length;
    const questions = scenario.quiz.questions.length;
    expect(res.json().details).toContainEqual({
      path: '[2].result.score.raw',
      message: `the run found 0 of ${hazards} hazards, took 0 safe decisions of 0 and answered 0 of ${questions} questions right: its score is 0, not 110`,
    });
  });
});
