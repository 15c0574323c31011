import type { Statement } from '@ruyi/xapi';
import { describe, expect, it } from 'vitest';
import { keepSeat, keptSeats, KEEP_AFTER_CLOSE_MS, parseSeats, seatOf, useClassSeats, type ClassSeat } from './membership.ts';
import { classCodeOf, postBySeat, seatRuns } from './seatDelivery.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const statement = (id: string, registration: string) => ({ id, context: { registration } }) as unknown as Statement;
const seat = (over: Partial<ClassSeat> = {}): Omit<ClassSeat, 'visitId'> => ({
  classId: 'c1',
  classCode: 'SCH-1/7KQ2MX',
  seat: 3,
  token: 'seat-token-a',
  school: 'SCH-1',
  grade: 4,
  label: '2班',
  closesAt: new Date(Date.now() + 3600_000).toISOString(),
  ...over,
});

describe('statements of class visits on their way', () => {
  it('go as runs of one seat each, in order', () => {
    const tokens: Record<string, string> = { [A]: 'ta', [C]: 'tc' };
    const runs = seatRuns([statement('1', A), statement('2', A), statement('3', B), statement('4', C), statement('5', A)], (v) => (v ? (tokens[v] ?? null) : null));
    expect(runs.map((r) => [r.token, r.statements.map((s) => s.id)])).toEqual([
      ['ta', ['1', '2']],
      [null, ['3']],
      ['tc', ['4']],
      ['ta', ['5']],
    ]);
  });

  it('carry the seat kept for their visit, and stop at the first failed run (the outbox sends the batch again)', async () => {
    useClassSeats.setState({ seats: [] });
    keepSeat(A, seat());
    const posted: [string[], string | null][] = [];
    await postBySeat([statement('1', B), statement('2', A)], async (s, token) => void posted.push([s.map((x) => x.id!), token]));
    expect(posted).toEqual([
      [['1'], null],
      [['2'], 'seat-token-a'],
    ]);
    const tried: string[] = [];
    await expect(
      postBySeat([statement('1', A), statement('2', B)], async (s) => {
        tried.push(s[0]!.id!);
        throw new Error('offline');
      }),
    ).rejects.toThrow('offline');
    expect(tried).toEqual(['1']);
  });
});

describe('class seats on the device', () => {
  it('belong to one visit each: a new visit is in no class', () => {
    useClassSeats.setState({ seats: [] });
    keepSeat(A, seat());
    expect(seatOf(A)?.classCode).toBe('SCH-1/7KQ2MX');
    expect(seatOf(B)).toBeUndefined();
    expect(seatOf(null)).toBeUndefined();
    keepSeat(A, seat({ seat: 9 }));
    expect(useClassSeats.getState().seats.map((s) => s.seat)).toEqual([9]);
  });

  it('are kept only while their statements may still be delivered, and unreadable ones are left out', () => {
    const now = Date.parse('2026-06-10T00:00:00Z');
    const old = { ...seat({ closesAt: new Date(now - KEEP_AFTER_CLOSE_MS - 1).toISOString() }), visitId: A };
    const recent = { ...seat({ closesAt: new Date(now - 3600_000).toISOString() }), visitId: B };
    expect(keptSeats([old, recent], now).map((s) => s.visitId)).toEqual([B]);
    expect(parseSeats(JSON.stringify([recent, { visitId: C }, null, 'x']))).toEqual([recent]);
    expect(parseSeats('not json')).toEqual([]);
    expect(parseSeats(null)).toEqual([]);
  });
});

describe('the class code on a record', () => {
  it('is its visit’s class while the class is open, and none after it closed or outside a class', () => {
    useClassSeats.setState({ seats: [] });
    const closes = Date.now() + 3600_000;
    keepSeat(A, seat({ closesAt: new Date(closes).toISOString() }));
    expect(classCodeOf(A, new Date(closes - 1000).toISOString())).toBe('SCH-1/7KQ2MX');
    expect(classCodeOf(A, new Date(closes).toISOString())).toBeNull();
    expect(classCodeOf(B, new Date(closes - 1000).toISOString())).toBeNull();
  });
});
