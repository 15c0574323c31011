// Every record a visit can make: the core ones (visit, run start and end, a step's end) and each mechanic's own,
// built from the registry, so a new mechanic's records are known to the app, the xAPI mapping and the server at once.
import { CORE_RECORDS, stepRecord } from '@ruyi/records';
import { z } from 'zod';
import type { RecordSpec } from './contract.ts';
import { MECHANIC_NAMES, MECHANICS, type MechanicName } from './registry.ts';

export interface RecordEntry {
  type: string;
  mechanic: MechanicName;
  spec: RecordSpec<any, any>;
  schema: ReturnType<typeof stepRecord>;
}

/** Each step record type with its mechanic and spec. */
export const STEP_RECORDS: readonly RecordEntry[] = MECHANIC_NAMES.flatMap((mechanic) =>
  Object.entries(MECHANICS[mechanic].records as Record<string, RecordSpec<any, any>>).map(([type, spec]) => ({
    type,
    mechanic,
    spec,
    schema: stepRecord(type, spec.fields),
  })),
);

export const recordEntry = (type: string) => STEP_RECORDS.find((r) => r.type === type);

const SCHEMAS = [...CORE_RECORDS, ...STEP_RECORDS.map((r) => r.schema)] as const;
export const RECORD_TYPES = SCHEMAS.map((s) => s.shape.type.value as string);

export const VisitRecord = z.discriminatedUnion('type', SCHEMAS as unknown as [(typeof CORE_RECORDS)[number], ...(typeof CORE_RECORDS)[number][]], {
  error: (issue) => (issue.code === 'invalid_union' ? `unknown record type: must be one of ${RECORD_TYPES.join(', ')}` : undefined),
});

/** A core record, or a step record of some mechanic (its own fields are open here; the schema checks them). */
export type StepRecord = {
  type: string;
  id: string;
  visitId: string;
  at: string;
  platform: 'kiosk' | 'vr' | 'web';
  locale: 'zh-CN' | 'en' | 'ja' | 'ko' | 'ru';
  packId: string;
  scenarioId: string;
  runId: string;
  stepId: string;
  [field: string]: unknown;
};
export type VisitRecord = import('@ruyi/records').CoreRecord | StepRecord;
export type RecordType = VisitRecord['type'];

const CORE_TYPES = new Set<string>(CORE_RECORDS.map((s) => s.shape.type.value));
/** A visit or run record (as opposed to a step's own): narrows VisitRecord by its type. */
export function isCoreRecord(record: VisitRecord): record is import('@ruyi/records').CoreRecord {
  return CORE_TYPES.has(record.type);
}
