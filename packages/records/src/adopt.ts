// What an older version of the app left queued in another store (visit records, before statements) is moved into the
// current outbox, converted, oldest first. An item leaves the old store only once its conversion is in the new one, so
// a power cut in the middle loses nothing; converting the same item twice must give the same items (the server then
// stores them once).
import type { Outbox, OutboxStore } from './outbox.ts';

export async function adoptQueued<A, B>(from: OutboxStore<A>, convert: (item: A) => B[], into: Outbox<B>, batchSize = 50): Promise<number> {
  let moved = 0;
  for (;;) {
    const batch = await from.head(batchSize);
    if (batch.length === 0) return moved;
    for (const { item } of batch) await into.add(...convert(item));
    await from.remove(batch.map((b) => b.key));
    moved += batch.length;
  }
}
