// The statements a kiosk app would make of records about the fixture content (the real mapping, @ruyi/xapi).
import type { VisitRecord } from '@ruyi/records';
import { statementsFromRecord, type Statement } from '@ruyi/xapi';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';

export const TEST_DEVICE = '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';

export function statementsOf(app: App, config: Pick<Config, 'xapi'>, records: readonly VisitRecord[]): Statement[] {
  const packs = app.content.current().packs;
  return records.flatMap((record) =>
    statementsFromRecord(record, {
      base: config.xapi.base,
      parkIri: config.xapi.parkIri,
      deviceId: TEST_DEVICE,
      pack: (id) => packs.find((p) => p.id === id),
    }),
  );
}
