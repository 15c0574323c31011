import { Scenario } from '@ruyi/pack-schema';

const t = (s: string) => ({ 'zh-CN': `中文 ${s}`, en: s });

/**
 * A small scenario: 3 props (2 hazards); a poor hunt (under half its points) branches to a refresher question; a
 * 3-node drill where the unsafe first choice branches to an extra node and taking the lift ends the run at once
 * (no quiz); a 2-question quiz (the knowledge check).
 */
export const scenario: Scenario = Scenario.parse({
  id: 'test-plant',
  title: t('Test plant'),
  summary: t('A test'),
  scene: {
    room: { width: 10, depth: 8, height: 4 },
    camera: { position: [0, 2, 4], target: [0, 1, 0] },
    props: [
      { id: 'panel', kind: 'electrical-panel', position: [0, 1, -3], label: t('Panel') },
      { id: 'door', kind: 'exit-door-locked', position: [3, 0, -3], label: t('Door') },
      { id: 'bench', kind: 'workbench', position: [-3, 0, 0], label: t('Bench') },
    ],
  },
  steps: [
    { id: 'case-card', mechanic: 'case-card', title: t('Case'), date: '2013-06-03', place: t('Place'), what: t('What'), cause: t('Cause'), lesson: t('Lesson'), sources: ['src'] },
    {
      id: 'hazard-hunt',
      mechanic: 'hazard-hunt',
      instructions: t('Find'),
      hintAfterSeconds: 20,
      wrongTapPenalty: 5,
      hazards: [
        { id: 'wiring', prop: 'panel', name: t('Wiring'), feedback: t('Bad wiring'), hint: t('Look at the wall') },
        { id: 'locked-exit', prop: 'door', name: t('Locked exit'), feedback: t('Locked'), hint: t('Look at the doors') },
      ],
      branches: [{ scoreBelow: 0.5, to: 'refresher' }],
      next: 'decisions',
    },
    {
      id: 'refresher',
      mechanic: 'quiz',
      shuffle: false,
      passAt: 0,
      questions: [{ id: 'r1', kind: 'single', prompt: t('Exits?'), choices: [{ id: 'open', label: t('Open') }, { id: 'locked', label: t('Locked') }], answer: ['open'], explanation: t('Open') }],
    },
    {
      id: 'decisions',
      mechanic: 'decisions',
      shuffle: false,
      intro: t('Escape'),
      start: 'alarm',
      nodes: [
        {
          id: 'alarm',
          prompt: t('Alarm?'),
          choices: [
            { id: 'call-119', label: t('Call 119'), consequence: t('Good'), safe: true, next: 'stairs' },
            { id: 'ignore', label: t('Ignore'), consequence: t('Bad'), safe: false, next: 'recover' },
          ],
        },
        {
          id: 'recover',
          prompt: t('Now?'),
          choices: [
            { id: 'call-now', label: t('Call now'), consequence: t('Better late'), safe: true, next: 'stairs' },
            { id: 'still-ignore', label: t('Still ignore'), consequence: t('Worse'), safe: false, next: 'stairs' },
          ],
        },
        {
          id: 'stairs',
          prompt: t('Lift or stairs?'),
          choices: [
            { id: 'stairs', label: t('Stairs'), consequence: t('Safe'), safe: true },
            { id: 'lift', label: t('Lift'), consequence: t('Trapped'), safe: false, goto: 'end' },
          ],
        },
      ],
    },
    {
      id: 'quiz',
      mechanic: 'quiz',
      shuffle: false,
      questions: [
        { id: 'q1', kind: 'single', prompt: t('Number?'), choices: [{ id: 'a', label: t('119') }, { id: 'b', label: t('110') }], answer: ['a'], explanation: t('119') },
        {
          id: 'q2',
          kind: 'multiple',
          prompt: t('Which?'),
          choices: [{ id: 'a', label: t('A') }, { id: 'b', label: t('B') }, { id: 'c', label: t('C') }],
          answer: ['a', 'c'],
          explanation: t('A and C'),
        },
      ],
    },
  ],
  result: { lessons: [t('Lesson 1')], passScore: 0.6 },
});
