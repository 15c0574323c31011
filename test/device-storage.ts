// What the kiosk app keeps on the device, read straight from the page's IndexedDB: the outbox of statements waiting to
// be sent (`ruyi-statements`) and the statements the server refused (`ruyi-refused`); each keeps them in an object
// store named `outbox`.
import type { Page } from '@playwright/test';
import type { Statement } from '@ruyi/xapi';

export type DeviceStore = 'ruyi-statements' | 'ruyi-refused';

/** Every statement in the device store, oldest first; none when the app has not made the store yet. */
export function statementsOnDevice(page: Page, database: DeviceStore = 'ruyi-statements'): Promise<Statement[]> {
  return page.evaluate(
    (name) =>
      new Promise<Statement[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve(all.result as Statement[]);
            db.close();
          };
        };
      }),
    database,
  );
}
