// The statements a kiosk app would make of records about the fixture content (the real mapping, @ruyi/xapi): for
// tests on an app, the durability test on a server process, and the benchmarks.
import type { Pack } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import type { VisitRecord } from '@ruyi/mechanics';
import { statementsFromRecord, type Statement } from '@ruyi/xapi';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';

export const TEST_DEVICE = '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';

export interface StatementSource {
  packs: readonly Pack[];
  base: string;
  parkIri: string;
}

export function toStatements(source: StatementSource, records: readonly VisitRecord[]): Statement[] {
  return records.flatMap((record) =>
    statementsFromRecord(record, {
      base: source.base,
      parkIri: source.parkIri,
      deviceId: TEST_DEVICE,
      pack: (id) => source.packs.find((p) => p.id === id),
    }),
  );
}

/** With the packs a running app has loaded. */
export const statementsOf = (app: App, config: Pick<Config, 'xapi'>, records: readonly VisitRecord[]): Statement[] =>
  toStatements({ packs: app.content.current().packs, base: config.xapi.base, parkIri: config.xapi.parkIri }, records);

/** With the packs of a content folder (for a server in another process). */
export const statementSource = (config: { contentDir: string; xapi: { base: string; parkIri: string } }): StatementSource => ({
  packs: readContent(config.contentDir).packs,
  base: config.xapi.base,
  parkIri: config.xapi.parkIri,
});
