// One statement per verb, made by the real mapping from a scripted visit to a pack: the README shows these (written
// by `npm run -w @ruyi/xapi examples`, checked by a test), so the documented design cannot drift from the code.
import type { VisitRecord } from '@ruyi/mechanics';
import type { Pack } from '@ruyi/pack-schema';
import { createRecord, type RecordBody } from '@ruyi/records';
import { playScenario } from '@ruyi/scenario-engine/testing';
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

/** What each kind of record shows in the README's headings. */
const TITLES: Record<string, string> = {
  'scenario-start': '…and opens a scenario',
  'step-end': '…finishes a step (here: reads the accident case)',
  'prop-checked': '…taps something that is not a hazard',
  'hazard-found': '…finds a hazard',
  decision: '…takes a decision in the drill',
  answer: '…answers a quiz question',
  'scenario-end': '…ends the scenario with a pass',
};

export function exampleStatements(pack: Pack): Example[] {
  const scenario = pack.scenarios[0]!;
  const visitId = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
  const runId = '8d7c6b5a-4e3f-4a1b-8c9d-0e1f2a3b4c5d';
  const recordIds = counter('6e0b5c2a-1f3d-4c7e-9a8b-');
  let clock = Date.parse('2027-06-01T09:30:00.000Z');
  const run = { packId: pack.id, scenarioId: scenario.id, runId };
  // Two plausible runs played by the pack's own rules: one gets things right, one hurries (a wrong tap, a hazard
  // missed, an unsafe choice, half the quiz wrong) and ends below the pass mark.
  const good = playScenario(scenario, run, { skill: 'good', seed: 20270601 }).records.map((r) => r.body);
  const poor = playScenario(scenario, { ...run, runId: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091' }, { skill: 'poor', seed: 20270602 }).records.map((r) => r.body);
  const first = (records: RecordBody[], type: string) => records.find((r) => r.type === type);
  const shown = ['scenario-start', 'step-end', 'prop-checked', 'hazard-found', 'decision', 'answer', 'scenario-end'];
  const steps: [string, RecordBody][] = [
    ['A visitor starts at a kiosk', { type: 'visit-start' }],
    ...shown.flatMap((type): [string, RecordBody][] => {
      const body = first(type === 'prop-checked' ? poor : good, type);
      return body ? [[TITLES[type]!, body]] : [];
    }),
    ...(first(poor, 'scenario-end') ? [['Another run that ends below the pass mark', first(poor, 'scenario-end')!] as [string, RecordBody]] : []),
    ['The visit ends', { type: 'visit-end', reason: 'finished' }],
  ];

  const examples: Example[] = [];
  for (const [title, body] of steps) {
    clock += 7_000;
    const at = clock;
    const record = createRecord({ visitId, platform: 'kiosk', locale: 'zh-CN', now: () => new Date(at), newId: recordIds }, body) as VisitRecord;
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
