// Recording a visit, as the screens call it. The machinery behind it (xAPI statements, the device's outbox and its
// heartbeat, with their schemas) is a chunk of its own, loaded right after the first screen (main.tsx): a record is made
// here at once, with the visit, content and time of that moment (a visit-end is recorded just before the visit is
// cleared), and handed on once the chunk is there. Every hand-over waits on the same load, and callbacks on one promise
// run in the order they were added, so records reach the outbox in the order they were made.
import type { VisitRecord } from '@ruyi/mechanics';
import { createRecord, type RecordBody } from '@ruyi/records';
import { useXr } from '../xr/state.ts';
import { useContent } from './content.ts';
import { screenDevice } from './device.ts';
import { useVisit } from './visit.ts';

type Recording = typeof import('./recording.ts');
let loading: Promise<Recording> | undefined;
/** Once loaded, and nothing made before waits for it any more, records go to the outbox at once (no later tick). */
let loaded: Recording | undefined;
let waiting = 0;
/** Records made by this page since it loaded: lets a headset test tell a press that was taken from one that was lost. */
let made = 0;
export const recordsMade = (): number => made;

/** The recording machinery, loaded once; loading it starts the outbox (it sends what waits) and the heartbeat. */
export function loadRecording(): Promise<Recording> {
  loading ??= import('./recording.ts').then((recording) => (loaded = recording)).catch((error: unknown) => {
    loading = undefined; // a failed chunk load is tried again by the next caller
    throw error;
  });
  return loading;
}

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
  ) as VisitRecord;
  made++;
  if (loaded && waiting === 0) return loaded.send(visitRecord, content);
  waiting++;
  loadRecording()
    .then(
      (recording) => recording.send(visitRecord, content),
      (error: unknown) => console.warn('Ruyi: a record could not be sent, the recording code did not load:', error),
    )
    .finally(() => waiting--);
}

/** For tests and the operator: how many statements are still on their way. */
export const pendingStatements = (): Promise<number> => loadRecording().then((recording) => recording.pendingStatements());

/** Sends what waits now, e.g. when the server is back after an outage, rather than at the outbox's next retry. */
export const flushStatements = (): Promise<void> => loadRecording().then((recording) => recording.flushStatements());
