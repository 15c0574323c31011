// POST /api/statements believes a scenario end only as far as its run bears it out: forged visits are refused with
// the statement path named, and real played runs (each mechanic's stand-in visitor through the engine's `next`, the
// app's record → statement mapping) are taken however the kiosk's outbox cuts them into batches. The real store (a
// SQLite file, or PostgreSQL), checked over a connection of its own.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { VisitRecord } from '@ruyi/mechanics';
import { iris, type Statement } from '@ruyi/xapi';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { newVisit, oneOfEach, played, records } from '../../test-support/fixture-content.ts';
import { playRun, type PlayPlan } from '../../test-support/played-run.ts';
import { statementsOf } from '../../test-support/statements.ts';
import { statementCount, storedStatements } from '../../test-support/stored-statements.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';
import { analystHeaders } from '../../test-support/admin.ts';

const BASE = 'https://ruyi.localhost/xapi/';
const RUN = iris(BASE).extensions.run;

let env: TestEnv;
let app: App;
const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/statements', payload: payload as object });
const of = (...rs: VisitRecord[]) => statementsOf(app, env.config, rs);
const rows = () => storedStatements(env.config, ['kind', 'area', 'platform', 'score_scaled', 'passed']);
const rowCount = () => statementCount(env.config);

async function refused(payload: unknown) {
  const res = await post(payload);
  expect(res.statusCode, res.body).toBe(400);
  expect(await rowCount()).toBe(0);
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
    expect(body.details).toContainEqual({ path: '[2].result.score.raw', message: "the run's steps scored nothing (no step was finished): its score is 0, not 1" });
    // The maximum counts the steps the run played, none here.
    expect(body.details).toContainEqual({ path: '[2].result.score.max', message: "the run's maximum is 0 (the steps it played: none), not 1" });
    expect(body.details).toContainEqual({ path: '[2].result.score.scaled', message: 'must be 0 (0/0), not 1' });
    expect(body.details).toContainEqual({ path: '[2].result.success', message: expect.stringMatching(/^must be false: the run's scaled score is 0 and scenario 'workshop' is passed at 0.6 or more/) });
    expect(body.details).toContainEqual({ path: `[2].context.extensions.${RUN}`, message: `run ${visit.runId} is not finished: the run never ended step 'case-card' (case-card)` });
    // The passed twin is judged the same way.
    expect(body.details).toContainEqual({ path: '[3].result.score.raw', message: expect.stringMatching(/its score is 0, not 1/) });
    expect(body.message).toMatch(/^\[2\]\.result\.score\.raw: the run's steps scored nothing/);
  });

  it('refuses forged visits one after another: none is counted', async () => {
    for (let i = 0; i < 20; i++) {
      const visit = newVisit();
      expect((await post(of(records.visitStart(visit), records.scenarioStart(visit), records.scenarioEnd(visit, 40, 40)))).statusCode).toBe(400);
    }
    expect((await app.inject({ url: '/api/stats/summary', headers: await analystHeaders(app) })).json()).toMatchObject({ visits: 0, completedScenarios: 0 });
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
    const quizEnd = withoutAnswers.findIndex((r) => r.type === 'step-end' && r.stepId === 'quiz');
    expect(body.details).toContainEqual({ path: `[${end}].context.extensions.${RUN}`, message: `run ${visit.runId} is not finished: the run never ended step 'quiz' (quiz)` });
    expect(body.details).toContainEqual({
      path: `[${end}].context.extensions.${RUN}`,
      message: `run ${visit.runId} has the end of step 'quiz' (record ${withoutAnswers[quizEnd]!.id}) where it does not fit: step 'quiz' (quiz) was not finished`,
    });
    expect(body.details).toContainEqual({
      path: `[${end}].result.score.raw`,
      message: "the run's steps scored case-card 0 of 0 (0 of 0 right), hazard-hunt 10 of 10 (1 of 1 right), decisions 10 of 10 (1 of 1 right): its score is 20, not 40",
    });
    expect(body.details).toContainEqual({ path: `[${end}].result.score.max`, message: "the run's maximum is 20 (the steps it played: case-card 0, hazard-hunt 10, decisions 10), not 40" });
  });

  it('refuses a pass whose knowledge check failed, however high the score', async () => {
    const visit = newVisit();
    // Hazard, decision and one of two questions right: 30 of 40 (0.75, above the pass mark), but the quiz is at 0.5.
    const run = played(visit, { skill: { quiz: 'poor' } });
    const end = run.at(-1)!;
    expect(end).toMatchObject({ score: { raw: 30, max: 40, scaled: 0.75 }, passed: false });
    const body = await refused(of(...run.slice(0, -1), { ...end, passed: true } as VisitRecord));
    // Only the verdict is wrong, in the completed statement and its passed twin.
    const message = "must be false: the run's scaled score is 0.75 and scenario 'workshop' is passed at 0.6 or more, with its knowledge checks passed (not: 'quiz' (needs 0.6))";
    expect(body.details).toEqual([
      { path: `[${run.length - 1}].result.success`, message },
      { path: `[${run.length}].result.success`, message },
    ]);
  });

  it('refuses an answer the run has not reached, and one sent with its choices in another order than shown', async () => {
    const visit = newVisit();
    const run = played(visit);
    const answer = run.findIndex((r) => r.type === 'answer');
    // The answer moved before the decision: the run is still at the decisions then.
    const early = run.toSpliced(answer, 1).toSpliced(3, 0, run[answer]!);
    expect((await refused(of(...early))).details).toContainEqual({
      path: `[${run.length - 1}].context.extensions.${RUN}`,
      message: expect.stringMatching(new RegExp(`has answer '\\S+' of step 'quiz' \\(record ${run[answer]!.id}\\) where it does not fit: the run is at step 'hazard-hunt', not at step 'quiz'`)),
    });
    // The order shown follows from the run's seed: another order is not what this run showed.
    const reordered = run.map((r, i) => (i === answer ? ({ ...r, order: [...(r as unknown as { order: string[] }).order].reverse() } as VisitRecord) : r));
    expect((await refused(of(...reordered))).details).toContainEqual({
      path: `[${run.length - 1}].context.extensions.${RUN}`,
      message: expect.stringMatching(/answer '\S+' of step 'quiz' .* cannot make it at this point/),
    });
  });

  it('refuses a find recorded twice, naming the run', async () => {
    const visit = newVisit();
    const run = played(visit);
    const find = run.find((r) => r.type === 'hazard-found')!;
    const body = await refused(of(...run.toSpliced(run.indexOf(find) + 1, 0, { ...find, id: randomUUID() })));
    expect(body.details).toContainEqual({
      path: `[${run.length}].context.extensions.${RUN}`,
      message: expect.stringMatching(/has hazard-found 'locked-exit' of step 'hazard-hunt' \(record [0-9a-f-]+\) where it does not fit: step 'hazard-hunt' \(hazard-hunt\) cannot make it at this point/),
    });
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
    const plans: PlayPlan[] = [
      { skill: { decisions: 'poor' } }, // 30 of 40, passed
      { skill: { quiz: 'poor' } }, // 30 of 40, but one of two questions right: the knowledge check fails
      { skill: 'poor' }, // 10 of 40
      {}, // 40 of 40
    ];
    for (const plan of plans) expect((await post(of(...played(newVisit(), plan)))).statusCode).toBe(200);
    const ends = (await rows()).filter((r) => r.kind === 'scenario-end');
    expect(ends).toEqual([
      { kind: 'scenario-end', area: 'fire', platform: 'kiosk', score_scaled: 0.75, passed: 1 },
      { kind: 'scenario-end', area: 'fire', platform: 'kiosk', score_scaled: 0.75, passed: 0 },
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
    expect((await app.inject({ url: '/api/stats/summary', headers: await analystHeaders(app) })).json()).toMatchObject({ visits: 4, completedScenarios: 4 });
  });
});

describe('the real fire pack (content/packs)', () => {
  beforeAll(async () => {
    env = createTestEnv({ noContent: true, config: { contentDir: fileURLToPath(new URL('../../../../content/', import.meta.url)) } });
    app = await env.start();
  });
  afterAll(() => env.cleanup());

  const fire = () => app.content.current().packs.find((p) => p.id === 'fire-dehui-2013')!;
  const playFire = (plan: PlayPlan = {}) => {
    const visit = newVisit();
    const pack = fire();
    return [records.visitStart(visit), ...playRun(pack.scenarios[0]!, { ...visit, packId: pack.id }, plan), records.visitEnd(visit)];
  };

  it.each([
    ['a perfect run', {}],
    ['a hurried run: a wrong tap, a hazard missed, unsafe choices, wrong answers', { skill: 'poor' }],
    ['a poor hunt and quiz, safe choices, another seed', { skill: { 'hazard-hunt': 'poor', quiz: 'poor' }, seed: 99 }],
  ] satisfies [string, PlayPlan][])('accepts %s, in one batch and split at every statement', async (_name, plan) => {
    const whole = of(...playFire(plan));
    expect((await post(whole)).json()).toEqual({ stored: whole.length, duplicates: 0 });
    const split = of(...playFire(plan));
    for (const statement of split) expect((await post([statement])).statusCode).toBe(200);
    const ids = [whole.at(-3)!.id, split.at(-3)!.id];
    const ends = (await storedStatements(env.config, ['id', 'kind', 'score_scaled'])).filter((r) => r.kind === 'scenario-end' && ids.includes(r.id as string));
    expect(ends.map((e) => e.score_scaled)).toEqual([whole.at(-3)!.result!.score!.scaled, split.at(-3)!.result!.score!.scaled]);
  });

  it('refuses the forged perfect end of the fire scenario with no run behind it', async () => {
    const visit = newVisit();
    const pack = fire();
    const scenario = pack.scenarios[0]!;
    const start = { ...records.scenarioStart(visit), packId: pack.id, scenarioId: scenario.id };
    const end = { ...records.scenarioEnd(visit), packId: pack.id, scenarioId: scenario.id, score: { raw: 200, max: 200, scaled: 1 }, passed: true };
    const res = await post(of(records.visitStart(visit), start, end) as Statement[]);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual({ path: '[2].result.score.raw', message: "the run's steps scored nothing (no step was finished): its score is 0, not 200" });
    expect(res.json().details).toContainEqual({ path: `[2].context.extensions.${RUN}`, message: `run ${visit.runId} is not finished: the run never ended step 'case-card' (case-card)` });
  });

  it("refuses a hurried run's end made perfect, naming what each step scored and the failed quiz", async () => {
    const pack = fire();
    const [visitStart, ...run] = playFire({ skill: 'poor' });
    const endAt = run.findIndex((r) => r.type === 'scenario-end');
    const end = run[endAt]! as Extract<VisitRecord, { type: 'scenario-end' }>;
    const hazards = (pack.scenarios[0]!.steps.find((s) => s.mechanic === 'hazard-hunt') as { hazards: unknown[] }).hazards.length;
    expect(end.passed).toBe(false);
    const forged = { ...end, score: { raw: end.score.max, max: end.score.max, scaled: 1 }, passed: true };
    const res = await post(of(visitStart!, ...run.toSpliced(endAt, 1, forged)));
    expect(res.statusCode).toBe(400);
    const at = endAt + 1;
    expect(res.json().details).toContainEqual({
      path: `[${at}].result.score.raw`,
      message: expect.stringMatching(new RegExp(`^the run's steps scored case-card 0 of 0 \\(0 of 0 right\\), hazard-hunt \\d+ of \\d+ \\(${hazards - 1} of ${hazards} right\\), decisions .*: its score is ${end.score.raw}, not ${end.score.max}$`)),
    });
    expect(res.json().details).toContainEqual({ path: `[${at}].result.success`, message: expect.stringMatching(/with its knowledge checks passed \(not: 'quiz' \(needs 0\.6\)\)$/) });
    expect(res.json().details.some((d: { path: string }) => d.path.endsWith('score.max'))).toBe(false);
  });
});
