// A small content folder for tests: park.yaml with three areas and one valid pack ('fire-test', one scenario with
// 2 props, 1 hazard, 1 decision with 2 choices, 1 single + 1 multiple question). Written as JSON, which is YAML.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VisitRecord } from '@ruyi/mechanics';
import { declareLocalesAndAssets, Scenario, scenarioAsSteps } from '@ruyi/pack-schema';
import { playRun, type PlayPlan } from './played-run.ts';

const t = (en: string) => ({ 'zh-CN': `（中文）${en}`, en });

/** Park order: fire, traffic, home. Only fire has a pack. */
export const AREAS = ['fire', 'traffic', 'home'] as const;
export const PACK_ID = 'fire-test';
export const SCENARIO_ID = 'workshop';
export const HAZARD_ID = 'locked-exit';
/** A prop that is not a hazard. */
export const SAFE_PROP = 'panel';
export const NODE_ID = 'alarm';
export const SAFE_CHOICE = 'leave-now';
export const UNSAFE_CHOICE = 'grab-things';
export const SINGLE_QUESTION = 'first-step';
export const MULTIPLE_QUESTION = 'exit-rules';
export const PASS_SCORE = 0.6;

export const park = {
  schemaVersion: 1,
  name: t('Test Park'),
  tagline: t('A park for tests'),
  areas: AREAS.map((id) => ({ id, name: t(`Area ${id}`), description: t(`About ${id}`) })),
};

export const manifest = {
  schemaVersion: 1,
  id: PACK_ID,
  version: '1.0.0',
  area: 'fire',
  title: t('Fire test pack'),
  authors: ['Test Author'],
  sources: [{ id: 'report', title: t('Investigation report'), url: 'https://example.org/report' }],
  scenarios: [SCENARIO_ID],
};

export const scenario = {
  id: SCENARIO_ID,
  title: t('Workshop fire'),
  summary: t('A fire in a small workshop'),
  caseCard: {
    title: t('Workshop fire'),
    date: '2013-06-03',
    place: t('A town'),
    what: t('A fire broke out'),
    cause: t('Faulty wiring'),
    lesson: t('Keep exits open'),
    sources: ['report'],
  },
  scene: {
    room: { width: 10, depth: 8, height: 4 },
    camera: { position: [0, 1.6, 4], target: [0, 1, 0] },
    props: [
      { id: 'panel', kind: 'electrical-panel', position: [-3, 0, -3], label: t('Electrical panel') },
      { id: 'exit', kind: 'exit-door-locked', position: [4, 0, 0], label: t('Exit door') },
    ],
  },
  hazardHunt: {
    instructions: t('Find the hazards'),
    hazards: [{ id: HAZARD_ID, prop: 'exit', name: t('Locked exit'), feedback: t('Exits must open'), hint: t('Look at the doors') }],
  },
  decisions: {
    intro: t('The alarm rings'),
    start: NODE_ID,
    nodes: [
      {
        id: NODE_ID,
        prompt: t('What do you do?'),
        choices: [
          { id: SAFE_CHOICE, label: t('Leave now'), consequence: t('You are out'), safe: true },
          { id: UNSAFE_CHOICE, label: t('Grab your things'), consequence: t('Smoke fills the room'), safe: false },
        ],
      },
    ],
  },
  quiz: {
    questions: [
      {
        id: SINGLE_QUESTION,
        kind: 'single',
        prompt: t('First step?'),
        choices: [
          { id: 'raise-alarm', label: t('Raise the alarm') },
          { id: 'hide', label: t('Hide') },
        ],
        answer: ['raise-alarm'],
        explanation: t('Raise the alarm first'),
      },
      {
        id: MULTIPLE_QUESTION,
        kind: 'multiple',
        prompt: t('Which are true?'),
        choices: [
          { id: 'keep-clear', label: t('Keep exits clear') },
          { id: 'lock-doors', label: t('Lock exits at night') },
          { id: 'know-two-ways', label: t('Know two ways out') },
        ],
        answer: ['keep-clear', 'know-two-ways'],
        explanation: t('Exits must stay usable'),
      },
    ],
  },
  result: { lessons: [t('Keep exits open')], passScore: PASS_SCORE },
};

const write = (path: string, value: unknown) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};

export interface FixtureOptions {
  /** Also write 'broken-pack', whose manifest names a scenario file that does not exist. */
  brokenPack?: boolean;
}

/** Writes park.yaml and packs/fire-test/ (and optionally packs/broken-pack/) into `dir`. */
export function writeFixtureContent(dir: string, options: FixtureOptions = {}): void {
  write(join(dir, 'park.yaml'), park);
  write(join(dir, 'packs', PACK_ID, 'pack.yaml'), manifest);
  write(join(dir, 'packs', PACK_ID, 'scenarios', `${SCENARIO_ID}.yaml`), scenario);
  if (options.brokenPack)
    write(join(dir, 'packs', 'broken-pack', 'pack.yaml'), { ...manifest, id: 'broken-pack', scenarios: ['missing'] });
}

// --- Records about the fixture content ---

/** The fixture scenario as the server loads it (migrated to steps, defaults filled in: 10 points each, pass at 0.6). */
export const loadedScenario = Scenario.parse(
  scenarioAsSteps.up(declareLocalesAndAssets.up({ manifest, scenarios: { [SCENARIO_ID]: scenario } })).scenarios[SCENARIO_ID],
);

/** The seed the fixture's runs are played with. */
export const SEED = 4242;

type Of<T extends string> = Extract<VisitRecord, { type: T }> & Record<string, unknown>;

export interface Visit {
  visitId: string;
  runId: string;
}

export const newVisit = (): Visit => ({ visitId: randomUUID(), runId: randomUUID() });

const base = (visit: Visit) => ({
  id: randomUUID(),
  visitId: visit.visitId,
  at: '2026-06-01T09:30:00.000Z',
  platform: 'kiosk' as const,
  locale: 'zh-CN' as const,
});
const inScenario = (visit: Visit) => ({ ...base(visit), packId: PACK_ID, scenarioId: SCENARIO_ID, runId: visit.runId });

export const records = {
  visitStart: (v: Visit): Of<'visit-start'> => ({ ...base(v), type: 'visit-start' }),
  visitEnd: (v: Visit): Of<'visit-end'> => ({ ...base(v), type: 'visit-end', reason: 'finished' }),
  scenarioStart: (v: Visit): Of<'scenario-start'> => ({ ...inScenario(v), type: 'scenario-start', seed: SEED }),
  stepEnd: (v: Visit, stepId = 'case-card'): Of<'step-end'> => ({ ...inScenario(v), type: 'step-end', stepId, durationMs: 42_500 }),
  propChecked: (v: Visit): VisitRecord => ({ ...inScenario(v), type: 'prop-checked', stepId: 'hazard-hunt', propId: SAFE_PROP, atMs: 4000 }),
  hazardFound: (v: Visit): VisitRecord => ({ ...inScenario(v), type: 'hazard-found', stepId: 'hazard-hunt', hazardId: HAZARD_ID, atMs: 6000 }),
  decision: (v: Visit, safe = true): VisitRecord => ({
    ...inScenario(v),
    type: 'decision',
    stepId: 'decisions',
    nodeId: NODE_ID,
    choiceId: safe ? SAFE_CHOICE : UNSAFE_CHOICE,
    safe,
    order: [SAFE_CHOICE, UNSAFE_CHOICE],
  }),
  answer: (v: Visit): VisitRecord => ({
    ...inScenario(v),
    type: 'answer',
    stepId: 'quiz',
    questionId: MULTIPLE_QUESTION,
    choiceIds: ['know-two-ways', 'keep-clear'],
    correct: true,
    order: ['keep-clear', 'lock-doors', 'know-two-ways'],
  }),
  /** A scenario-end with a consistent score: raw of 40 points. */
  scenarioEnd: (v: Visit, raw = 30, max = 40): Of<'scenario-end'> => {
    const scaled = max === 0 ? 0 : Math.round((raw / max) * 10_000) / 10_000;
    return { ...inScenario(v), type: 'scenario-end', score: { raw, max, scaled }, passed: scaled >= PASS_SCORE, durationMs: 120_000 };
  },
};

/**
 * A run of the fixture scenario played through the engine (scenario-start to scenario-end, every record as the app
 * makes it). Its score is 10 points a hazard found, a safe decision and a right answer, of 40.
 */
export const played = (visit: Visit, plan: PlayPlan = {}): VisitRecord[] => playRun(loadedScenario, { ...visit, packId: PACK_ID }, { seed: SEED, ...plan });

/**
 * A whole visit with a record of each type the fixture's steps make, played in the order a visit makes them: a wrong
 * tap, then the hazard found, an unsafe decision, both questions right. 30 of 40 points (0.75), passed.
 */
export function oneOfEach(visit = newVisit()): VisitRecord[] {
  const plan: PlayPlan = { skill: { decisions: 'poor' }, first: { 'hazard-hunt': [{ type: 'inspect', propId: SAFE_PROP }] } };
  return [records.visitStart(visit), ...played(visit, plan), records.visitEnd(visit)];
}
