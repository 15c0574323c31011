import type { Platform } from './schema.ts';

/** A record as the app makes it: its type and fields, without who made it and when. */
export type RecordBody = { type: string; [field: string]: unknown };

/** Who is recording: the visit and device around a record. Time and ids come in so tests can fix them. */
export interface RecordContext {
  visitId: string;
  platform: Platform;
  locale: 'zh-CN' | 'en' | 'ja' | 'ko' | 'ru';
  now: () => Date;
  newId: () => string;
}

export function createRecord<B extends RecordBody>(ctx: RecordContext, body: B) {
  return {
    ...body,
    id: ctx.newId(),
    visitId: ctx.visitId,
    at: ctx.now().toISOString(),
    platform: ctx.platform,
    locale: ctx.locale,
  };
}
