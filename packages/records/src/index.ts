export * from './schema.ts';
export { createRecord, type RecordBody, type RecordContext } from './create.ts';
