export * from './schema.ts';
export { createRecord, type RecordBody, type RecordContext } from './create.ts';
export { createOutbox, type Outbox, type OutboxOptions } from './outbox.ts';
