// Turns what a visitor does into records and hands them to the device's outbox. The outbox belongs to the device,
// not to a visitor: it only carries records on their way to the kiosk-server.
import { createOutbox, createRecord, deviceStore, type RecordBody, type VisitRecord } from '@ruyi/records';
import { postRecords, RecordRejected } from '../api/client.ts';
import { useXr } from '../xr/state.ts';
import { screenDevice } from './device.ts';
import { useVisit } from './visit.ts';

// IndexedDB: what the server has not acknowledged survives a reload, a crash or a power cut, and is sent when the app
// starts again (flush below). The server takes a resent record as a duplicate, so nothing is counted twice.
const outbox = createOutbox({
  store: deviceStore<VisitRecord>(),
  send: postRecords,
  isPermanent: (error) => error instanceof RecordRejected,
  onRejected: (batch, error) => console.warn(`The kiosk-server refused ${batch.length} record(s):`, String(error)),
});

export function record(body: RecordBody): void {
  const { visitId, locale } = useVisit.getState();
  if (!visitId) return;
  void outbox.add(
    createRecord(
      {
        visitId,
        // In a headset (a VR session running) every record is the VR platform's, whichever screen started the visit.
        platform: useXr.getState().presenting ? 'vr' : screenDevice,
        locale: locale as VisitRecord['locale'],
        now: () => new Date(),
        newId: () => crypto.randomUUID(),
      },
      body,
    ),
  );
}

void outbox.flush();

/** For tests and the operator: how many records are still on their way. */
export const pendingRecords = () => outbox.pending();
