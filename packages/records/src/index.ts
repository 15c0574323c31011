export * from './schema.ts';
export { createRecord, type RecordBody, type RecordContext } from './create.ts';
export { createOutbox, memoryStore, type Outbox, type OutboxOptions, type OutboxStore } from './outbox.ts';
export { deviceStore, indexedDbStore } from './idb-store.ts';
export { adoptQueued } from './adopt.ts';
