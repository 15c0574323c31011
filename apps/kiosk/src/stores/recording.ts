// Turns what a visitor does into records, and each record into xAPI statements made here on the device (UUIDs and
// all), handed to the device's outbox. The outbox belongs to the device, not to a visitor: it only carries statements
// on their way to the kiosk-server.
import { createOutbox, createRecord, deviceStore, type RecordBody, type VisitRecord } from '@ruyi/records';
import { statementsFromRecord, type Statement } from '@ruyi/xapi';
import { postStatements, StatementsRejected } from '../api/client.ts';
import { useXr } from '../xr/state.ts';
import { useContent } from './content.ts';
import { deviceId, screenDevice } from './device.ts';
import { useVisit } from './visit.ts';

// IndexedDB: what the server has not acknowledged survives a reload, a crash or a power cut, and is sent when the app
// starts again (flush below). The server takes a resent statement as a duplicate, so nothing is counted twice.
const outbox = createOutbox<Statement>({
  store: deviceStore<Statement>('ruyi-statements'),
  send: postStatements,
  isPermanent: (error) => error instanceof StatementsRejected,
  onRejected: (batch, error) => console.warn(`The kiosk-server refused ${batch.length} statement(s):`, String(error)),
});

export function record(body: RecordBody): void {
  const { visitId, locale } = useVisit.getState();
  const content = useContent.getState();
  // Visits start on screens that need the content, so it is loaded whenever there is a visit.
  if (!visitId || content.status !== 'ready') return;
  const visitRecord = createRecord(
    {
      visitId,
      // In a headset (a VR session running) every record is the VR platform's, whichever screen started the visit.
      platform: useXr.getState().presenting ? 'vr' : screenDevice,
      locale: locale as VisitRecord['locale'],
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    },
    body,
  );
  const statements = statementsFromRecord(visitRecord, {
    base: content.config.xapi.base,
    parkIri: content.config.xapi.parkIri,
    deviceId,
    pack: (id) => content.content.packs.find((p) => p.id === id),
    newId: () => crypto.randomUUID(),
  });
  void outbox.add(...statements);
}

void outbox.flush();

/** For tests and the operator: how many statements are still on their way. */
export const pendingStatements = () => outbox.pending();
