import { createOutbox, memoryStore } from '@ruyi/records';
import type { Statement } from '@ruyi/xapi';
import { beforeEach, describe, expect, it } from 'vitest';
import { StatementsRejected } from '../api/client.ts';
import { useDeviceHealth } from './deviceHealth.ts';
import { heartbeatInterval, viewOf } from './heartbeat.ts';
import { createRefusedStore, refusalKind, refusalReason, type RefusedStatement } from './refused.ts';

const statement = (id: string) => ({ id }) as unknown as Statement;
const REFUSAL = new StatementsRejected(`HTTP 400: ${JSON.stringify({ error: 'Bad Request', message: "[0].object.id: no scenario 'x' in pack 'fire-test'" })}`);

beforeEach(() => useDeviceHealth.setState({ pending: 0, refused: 0, latestRefusal: null, lastError: null }));

describe('refused statements', () => {
  it('are kept on the device with the server’s reason, counted for staff, and only then leave the outbox', async () => {
    const kept = memoryStore<RefusedStatement>();
    const refused = createRefusedStore(kept);
    const queue = memoryStore<Statement>();
    const outbox = createOutbox<Statement>({
      store: queue,
      send: async (batch) => {
        if (batch.some((s) => (s as unknown as { id: string }).id === 'bad')) throw REFUSAL;
      },
      isPermanent: (e) => e instanceof StatementsRejected,
      onRejected: (batch, error) => refused.keep(batch, error, new Date('2026-06-01T10:00:00.000Z')),
    });
    await outbox.add(statement('good-1'), statement('bad'), statement('good-2'));
    await outbox.flush();
    expect(await queue.count()).toBe(0);
    expect((await refused.all()).map((r) => [(r.statement as unknown as { id: string }).id, r.reason])).toEqual([
      ['bad', "HTTP 400: [0].object.id: no scenario 'x' in pack 'fire-test'"],
    ]);
    expect(useDeviceHealth.getState()).toMatchObject({
      refused: 1,
      latestRefusal: { message: "HTTP 400: [0].object.id: no scenario 'x' in pack 'fire-test'", at: '2026-06-01T10:00:00.000Z', code: 'invalid' },
    });
  });

  it('stay in the outbox when they cannot be kept (the store failed), to be tried again', async () => {
    const failing = { ...memoryStore<RefusedStatement>(), append: async () => Promise.reject(new Error('quota')) };
    const refused = createRefusedStore(failing);
    const queue = memoryStore<Statement>();
    const outbox = createOutbox<Statement>({
      store: queue,
      send: async () => Promise.reject(REFUSAL),
      isPermanent: (e) => e instanceof StatementsRejected,
      onRejected: (batch, error) => refused.keep(batch, error),
      setTimer: () => undefined,
    });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await outbox.add(statement('bad'));
      await outbox.flush();
    } finally {
      console.warn = warn;
    }
    expect(await queue.count()).toBe(1);
  });

  it('are bounded: the oldest go beyond the limit', async () => {
    const refused = createRefusedStore(memoryStore<RefusedStatement>(), 3);
    for (let i = 0; i < 5; i++) await refused.keep([statement(`s${i}`)], new StatementsRejected(`HTTP 400: reason ${i}`));
    expect((await refused.all()).map((r) => (r.statement as unknown as { id: string }).id)).toEqual(['s2', 's3', 's4']);
    expect(useDeviceHealth.getState()).toMatchObject({ refused: 3, latestRefusal: { message: 'HTTP 400: reason 4' } });
  });

  it('reason: the ErrorBody’s message, else the text, cut short', () => {
    expect(refusalReason(new Error('HTTP 413: too large'))).toBe('HTTP 413: too large');
    expect(refusalReason(new Error(`HTTP 400: ${'x'.repeat(900)}`))).toHaveLength(500);
  });

  it('kind: from the status of the answer, for staff in their language', () => {
    expect(['HTTP 400: x', 'HTTP 409: x', 'HTTP 413: x', 'HTTP 403: x', 'HTTP 422: x', 'offline'].map((m) => refusalKind(new Error(m)))).toEqual([
      'invalid',
      'conflict',
      'too-large',
      'forbidden',
      'other',
      'other',
    ]);
  });
});

describe('heartbeat', () => {
  it('reads what a path shows', () => {
    expect(viewOf('/')).toMatchObject({ view: 'attract', playing: null, staff: false });
    expect(viewOf('/play/fire-dehui-2013/dehui')).toMatchObject({ view: 'play', playing: { packId: 'fire-dehui-2013', scenarioId: 'dehui' } });
    expect(viewOf('/vr/fire-dehui-2013/dehui')).toMatchObject({ view: 'vr', vr: true });
    expect(viewOf('/operator').staff).toBe(true);
    expect(viewOf('/dashboard').staff).toBe(true);
    expect(viewOf('/classes/abc').staff).toBe(true);
    expect(viewOf('/certificate/abcdefghij').staff).toBe(true);
    expect(viewOf('/administrator').staff).toBe(false);
    expect(viewOf('/play/<script>/x').playing).toBeNull();
  });
  it('takes a shorter interval from the start-up URL', () => {
    expect(heartbeatInterval('?heartbeatSeconds=2')).toBe(2000);
    expect(heartbeatInterval('?heartbeatSeconds=0')).toBe(30_000);
    expect(heartbeatInterval('')).toBe(30_000);
  });
});
