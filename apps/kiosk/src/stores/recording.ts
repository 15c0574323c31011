// Turns what a visitor does into records, and each record into xAPI statements made here on the device (UUIDs and
// all), handed to the device's outbox. The outbox belongs to the device, not to a visitor: it only carries statements
// on their way to the kiosk-server. Loaded after the first screen: screens record through record.ts.
import { VisitRecord } from '@ruyi/mechanics';
import { adoptQueued, createOutbox, deviceStore, indexedDbStore } from '@ruyi/records';
import { statementsFromRecord, type Statement } from '@ruyi/xapi';
import { postStatements, StatementsRejected } from '../api/client.ts';
import { classCodeOf, postBySeat } from '../classes/seatDelivery.ts';
import { useEnrollment } from '../enroll/enrollment.ts';
import { startHeartbeat } from '../fleet/heartbeat.ts';
import { createRefusedStore } from '../fleet/refused.ts';
import { useContent } from './content.ts';
import { deviceId } from './device.ts';

const refused = createRefusedStore();
// IndexedDB: what the server has not acknowledged survives a reload, a crash or a power cut, and is sent when the app
// starts again (flush below). The server takes a resent statement as a duplicate, so nothing is counted twice.
const outbox = createOutbox<Statement>({
  store: deviceStore<Statement>('ruyi-statements'),
  send: (batch) => postBySeat(batch, postStatements),
  isPermanent: (error) => error instanceof StatementsRejected,
  // Refused for good: kept on the device, counted for staff (heartbeat, staff indicator), never just dropped.
  onRejected: (batch, error) => refused.keep(batch, error),
});

type Ready = Extract<ReturnType<typeof useContent.getState>, { status: 'ready' }>;

/** The statements of a record, made with this park's IRIs and the device's id. */
function statementsOf(record: VisitRecord, content: Ready): Statement[] {
  return statementsFromRecord(record, {
    base: content.config.xapi.base,
    parkIri: content.config.xapi.parkIri,
    deviceId,
    // A visit that joined a class (classes/): each of its statements names the class.
    classCode: classCodeOf(record.visitId, record.at),
    pack: (id) => content.content.packs.find((p) => p.id === id),
  });
}

/** Hands a record made by `record` (record.ts) to the outbox as statements, with the content of when it was made. */
export function send(visitRecord: VisitRecord, content: Ready): void {
  // The run's bodies are records of the registry's types (the engine makes them); the server checks each again.
  void outbox.add(...statementsOf(visitRecord, content));
}

void outbox.flush();
void refused.load().catch((error: unknown) => console.warn('Ruyi: could not read the refused statements kept on this device:', error));
startHeartbeat({ pending: () => outbox.pending() });
// Statements made before staff enrolled this device waited in the outbox: send them now, not at the next retry.
useEnrollment.subscribe((state, previous) => {
  if (state.token && state.token !== previous.token) void outbox.flush();
});

/** The records outbox of the app before statements ('ruyi-outbox'): what it still holds is sent as statements. */
const LEGACY_OUTBOX = 'ruyi-outbox';

async function adoptLegacyRecords(content: Ready): Promise<void> {
  // Opening a database creates it: look first, so a kiosk that never had one does not get an empty one.
  if (typeof indexedDB === 'undefined' || !('databases' in indexedDB)) return;
  if (!(await indexedDB.databases()).some((d) => d.name === LEGACY_OUTBOX)) return;
  const legacy = await indexedDbStore<unknown>(LEGACY_OUTBOX);
  const moved = await adoptQueued(
    legacy,
    (item) => {
      const parsed = VisitRecord.safeParse(item);
      if (parsed.success) return statementsOf(parsed.data, content);
      console.warn('Ruyi outbox: a queued record of an older version is not valid and is dropped:', item);
      return [];
    },
    outbox,
  );
  if (moved) console.info(`Ruyi outbox: ${moved} record(s) queued by an older version are sent as statements`);
  indexedDB.deleteDatabase(LEGACY_OUTBOX);
}

// Once, when the content (the park's IRIs and the packs' texts) is first loaded.
const stopWaiting = useContent.subscribe((state) => {
  if (state.status !== 'ready') return;
  stopWaiting();
  adoptLegacyRecords(state).catch((error: unknown) => console.warn('Ruyi outbox: could not read the older outbox; it is kept for the next start:', error));
});

/** For tests and the operator: how many statements are still on their way. */
export const pendingStatements = () => outbox.pending();

/** Sends what waits now, e.g. when the server is back after an outage, rather than at the outbox's next retry. */
export const flushStatements = () => outbox.flush();
