import type { Platform, RecordType, VisitRecord } from './schema.ts';

type Body<T extends RecordType> = Omit<Extract<VisitRecord, { type: T }>, 'id' | 'visitId' | 'at' | 'platform' | 'locale'>;
export type RecordBody = { [T in RecordType]: Body<T> }[RecordType];

/** Who is recording: the visit and device around a record. Time and ids come in so tests can fix them. */
export interface RecordContext {
  visitId: string;
  platform: Platform;
  locale: VisitRecord['locale'];
  now: () => Date;
  newId: () => string;
}

export function createRecord(ctx: RecordContext, body: RecordBody): VisitRecord {
  return {
    ...body,
    id: ctx.newId(),
    visitId: ctx.visitId,
    at: ctx.now().toISOString(),
    platform: ctx.platform,
    locale: ctx.locale,
  } as VisitRecord;
}
