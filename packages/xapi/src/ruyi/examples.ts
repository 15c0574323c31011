// One statement per verb, made by the real mapping from a scripted visit to a pack: the README shows these (written
// by `npm run -w @ruyi/xapi examples`, checked by a test), so the documented design cannot drift from the code.
import type { Pack } from '@ruyi/pack-schema';
import type { RecordBody, VisitRecord } from '@ruyi/records';
import { createRecord } from '@ruyi/records';
import { scoreRun, type RunScore } from '@ruyi/scenario-engine';
import type { Statement } from '../statement.ts';
import { statementsFromRecord } from './to-statements.ts';

export interface Example {
  /** What the visitor did, for the heading. */
  title: string;
  record: VisitRecord;
  statement: Statement;
}

export const EXAMPLE_BASE = 'https://ruyi.localhost/xapi/';
export const EXAMPLE_PARK = 'https://ruyi.localhost/parks/ruyi-creek';

/** Fixed ids and times, so the examples are the same on every run. */
function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(12, '0')}`;
}

export function exampleStatements(pack: Pack): Example[] {
  const scenario = pack.scenarios[0]!;
  const visitId = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
  const runId = '8d7c6b5a-4e3f-4a1b-8c9d-0e1f2a3b4c5d';
  const recordIds = counter('6e0b5c2a-1f3d-4c7e-9a8b-');
  let clock = Date.parse('2027-06-01T09:30:00.000Z');
  const hazard = scenario.hazardHunt.hazards[0]!;
  const hazardProps = new Set(scenario.hazardHunt.hazards.map((h) => h.prop));
  const safeProp = scenario.scene.props.find((p) => !hazardProps.has(p.id))!;
  const node = scenario.decisions.nodes.find((n) => n.id === scenario.decisions.start)!;
  const safe = node.choices.find((c) => c.safe)!;
  const question = scenario.quiz.questions[0]!;
  const unsafe = node.choices.find((c) => !c.safe)!;
  // Scores the pack's own rules give two plausible runs: most found, the safe choice, one answer wrong; and few found,
  // the unsafe choice, most answers wrong.
  const answers = (right: number) =>
    Object.fromEntries(scenario.quiz.questions.map((q, i) => [q.id, { choiceIds: q.answer, correct: i < right }]));
  const score = ({ raw, max, scaled, passed }: RunScore) => ({ score: { raw, max, scaled }, passed });
  const hazardIds = scenario.hazardHunt.hazards.map((h) => h.id);
  const good = scoreRun(scenario, {
    found: hazardIds.slice(1),
    decisions: [{ nodeId: node.id, choiceId: safe.id, safe: true }],
    answers: answers(scenario.quiz.questions.length - 1),
  });
  const poor = scoreRun(scenario, { found: hazardIds.slice(0, 2), decisions: [{ nodeId: node.id, choiceId: unsafe.id, safe: false }], answers: answers(1) });
  const run = { packId: pack.id, scenarioId: scenario.id, runId };

  const steps: [string, RecordBody][] = [
    ['A visitor starts at a kiosk', { type: 'visit-start' }],
    ['…and opens a scenario', { type: 'scenario-start', ...run }],
    ['…reads the accident case', { type: 'step-end', ...run, step: 'case-card', durationMs: 48_250 }],
    ['…taps something that is not a hazard', { type: 'prop-checked', ...run, propId: safeProp.id }],
    ['…finds a hazard', { type: 'hazard-found', ...run, hazardId: hazard.id }],
    ['…finishes the hazard hunt', { type: 'step-end', ...run, step: 'hazard-hunt', durationMs: 95_600 }],
    ['…takes a decision in the drill', { type: 'decision', ...run, nodeId: node.id, choiceId: safe.id, safe: true }],
    ['…answers a quiz question', { type: 'answer', ...run, questionId: question.id, choiceIds: question.answer, correct: true }],
    ['…ends the scenario with a pass', { type: 'scenario-end', ...run, ...score(good), durationMs: 412_300 }],
    ['Another run that ends below the pass mark', { type: 'scenario-end', ...run, runId: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091', ...score(poor), durationMs: 388_000 }],
    ['The visit ends', { type: 'visit-end', reason: 'finished' }],
  ];

  const examples: Example[] = [];
  for (const [title, body] of steps) {
    clock += 7_000;
    const at = clock;
    const record = createRecord({ visitId, platform: 'kiosk', locale: 'zh-CN', now: () => new Date(at), newId: recordIds }, body);
    const statements = statementsFromRecord(record, {
      base: EXAMPLE_BASE,
      parkIri: EXAMPLE_PARK,
      deviceId: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
      pack: (id) => (id === pack.id ? pack : undefined),
    });
    statements.forEach((statement, i) => examples.push({ title: i === 0 ? title : `${title} (its verdict)`, record, statement }));
  }
  return examples;
}

/** The README's section between the example markers. */
export function examplesMarkdown(examples: readonly Example[]): string {
  return examples
    .map((e) => {
      const verb = e.statement.verb.id.split('/').pop();
      return `#### ${verb}: ${e.title}\n\nFrom the record \`${e.record.type}\`:\n\n\`\`\`json\n${JSON.stringify(e.statement, null, 2)}\n\`\`\`\n`;
    })
    .join('\n');
}

export const EXAMPLES_START = '<!-- examples:start (written by `npm run -w @ruyi/xapi examples`; do not edit by hand) -->';
export const EXAMPLES_END = '<!-- examples:end -->';
