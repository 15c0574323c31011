// Checks what the record schema cannot, one record at a time: every id a record names exists in the loaded content,
// and what the client claims of a step (a safe choice, a correct answer) agrees with the pack. A scenario end needs
// its run and is judged in admission.ts. A record that fails here would
// otherwise skew the statistics forever, so the whole batch is refused with the record index and field named.
import { isCorrect } from '@ruyi/scenario-engine';
import type { Content, Pack, Scenario } from '@ruyi/pack-schema';
import type { VisitRecord } from '@ruyi/records';
import type { ErrorDetail } from '../errors.ts';

export interface ContentIndex {
  pack(id: string): { pack: Pack; scenario(id: string): Scenario | undefined } | undefined;
  packIds: string[];
}

export function indexContent(content: Pick<Content, 'packs'>): ContentIndex {
  const packs = new Map(
    content.packs.map((pack) => {
      const scenarios = new Map(pack.scenarios.map((s) => [s.id, s]));
      return [pack.id, { pack, scenario: (id: string) => scenarios.get(id) }] as const;
    }),
  );
  return { pack: (id) => packs.get(id), packIds: [...packs.keys()] };
}

const list = (ids: readonly string[]) => (ids.length ? ids.map((id) => `'${id}'`).join(', ') : '(none)');

/** The pack a scenario record belongs to, or undefined for visit records. */
export function packOf(index: ContentIndex, record: VisitRecord): Pack | undefined {
  return 'packId' in record ? index.pack(record.packId)?.pack : undefined;
}

export function checkRecords(records: readonly VisitRecord[], index: ContentIndex): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  records.forEach((record, i) => {
    const problem = (field: string, message: string) => issues.push({ path: `records[${i}].${field}`, message });
    if (record.type === 'visit-start' || record.type === 'visit-end') return;

    const entry = index.pack(record.packId);
    if (!entry) return problem('packId', `unknown pack '${record.packId}': the loaded packs are ${list(index.packIds)}`);
    const scenario = entry.scenario(record.scenarioId);
    if (!scenario)
      return problem(
        'scenarioId',
        `unknown scenario '${record.scenarioId}' in pack '${record.packId}': its scenarios are ${list(entry.pack.scenarios.map((s) => s.id))}`,
      );

    switch (record.type) {
      case 'scenario-start':
      case 'step-end':
        return;
      case 'prop-checked': {
        const props = scenario.scene.props.map((p) => p.id);
        if (!props.includes(record.propId))
          return problem('propId', `unknown prop '${record.propId}' in scenario '${scenario.id}': its props are ${list(props)}`);
        const hazard = scenario.hazardHunt.hazards.find((h) => h.prop === record.propId);
        if (hazard) problem('propId', `prop '${record.propId}' is hazard '${hazard.id}': a find is recorded as hazard-found`);
        return;
      }
      case 'hazard-found': {
        const hazards = scenario.hazardHunt.hazards.map((h) => h.id);
        if (!hazards.includes(record.hazardId))
          problem('hazardId', `unknown hazard '${record.hazardId}' in scenario '${scenario.id}': its hazards are ${list(hazards)}`);
        return;
      }
      case 'decision': {
        const node = scenario.decisions.nodes.find((n) => n.id === record.nodeId);
        if (!node)
          return problem(
            'nodeId',
            `unknown decision '${record.nodeId}' in scenario '${scenario.id}': its decisions are ${list(scenario.decisions.nodes.map((n) => n.id))}`,
          );
        const choice = node.choices.find((c) => c.id === record.choiceId);
        if (!choice)
          return problem('choiceId', `unknown choice '${record.choiceId}' in decision '${node.id}': its choices are ${list(node.choices.map((c) => c.id))}`);
        if (record.safe !== choice.safe)
          problem('safe', `must be ${choice.safe}: choice '${choice.id}' of decision '${node.id}' is ${choice.safe ? 'safe' : 'unsafe'} in the pack`);
        return;
      }
      case 'answer': {
        const question = scenario.quiz.questions.find((q) => q.id === record.questionId);
        if (!question)
          return problem(
            'questionId',
            `unknown question '${record.questionId}' in scenario '${scenario.id}': its questions are ${list(scenario.quiz.questions.map((q) => q.id))}`,
          );
        const known = question.choices.map((c) => c.id);
        const seen = new Set<string>();
        let bad = false;
        record.choiceIds.forEach((id, j) => {
          if (!known.includes(id)) {
            problem(`choiceIds[${j}]`, `unknown choice '${id}' in question '${question.id}': its choices are ${list(known)}`);
            bad = true;
          } else if (seen.has(id)) {
            problem(`choiceIds[${j}]`, `choice '${id}' is listed twice`);
            bad = true;
          }
          seen.add(id);
        });
        if (bad) return;
        if (question.kind === 'single' && record.choiceIds.length !== 1)
          return problem('choiceIds', `question '${question.id}' is single-choice: send exactly one choice, not ${record.choiceIds.length}`);
        const correct = isCorrect(question.answer, record.choiceIds);
        if (record.correct !== correct)
          problem('correct', `must be ${correct}: the answer to question '${question.id}' is ${list(question.answer)}`);
        return;
      }
      case 'scenario-end':
        // Its score and verdict are judged against the run's evidence (admission.ts, by the engine's rules).
        return;
    }
  });
  return issues;
}
