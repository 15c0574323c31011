// Checks what the record schema cannot, one record at a time: every id a record names exists in the loaded content
// (pack, scenario, step of the record's mechanic, the item it is about), and what its mechanic can check of it by the
// pack alone (a choice claimed safe is safe). A scenario end needs its run and is judged in admission.ts. A record
// that fails here would otherwise skew the statistics forever, so the whole batch is refused with the record index
// and field named.
import { isCoreRecord, recordEntry, type VisitRecord } from '@ruyi/mechanics';
import type { Content, Pack, Scenario } from '@ruyi/pack-schema';
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
  return 'packId' in record ? index.pack(record.packId as string)?.pack : undefined;
}

export function checkRecords(records: readonly VisitRecord[], index: ContentIndex): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  records.forEach((record, i) => {
    const problem = (field: string, message: string) => issues.push({ path: `records[${i}].${field}`, message });
    if (record.type === 'visit-start' || record.type === 'visit-end' || !('packId' in record)) return;

    const entry = index.pack(record.packId);
    if (!entry) return problem('packId', `unknown pack '${record.packId}': the loaded packs are ${list(index.packIds)}`);
    const scenario = entry.scenario(record.scenarioId);
    if (!scenario)
      return problem(
        'scenarioId',
        `unknown scenario '${record.scenarioId}' in pack '${record.packId}': its scenarios are ${list(entry.pack.scenarios.map((s) => s.id))}`,
      );
    if (isCoreRecord(record) && record.type !== 'step-end') return;
    const stepId = (record as { stepId: string }).stepId;
    const step = scenario.steps.find((s) => s.id === stepId);
    if (!step) return problem('stepId', `unknown step '${stepId}' in scenario '${scenario.id}': its steps are ${list(scenario.steps.map((s) => s.id))}`);
    if (isCoreRecord(record)) return;

    const spec = recordEntry(record.type);
    if (!spec) return problem('type', `unknown record type '${record.type}'`);
    if (spec.mechanic !== step.mechanic)
      return problem('stepId', `step '${step.id}' is a ${step.mechanic} step: it makes no ${record.type} records (a ${spec.mechanic} step does)`);
    for (const p of spec.spec.check?.(step, record) ?? []) problem(p.field, p.message);
  });
  return issues;
}
