import { describe, expect, it } from 'vitest';
import { certificateOffer, type OfferRun } from './certificateOffer.ts';

const seat = { visitId: 'v-1', token: 'seat-token' };
const finished: OfferRun = { pack: { id: 'fire' }, scenario: { id: 'home' }, state: { current: null } };
const playing: OfferRun = { ...finished, state: { current: { stepId: 'hunt', startedAt: 0, state: {} } } };

describe('certificateOffer', () => {
  it('offers the completed scenario of a class visit, with its seat token', () => {
    expect(certificateOffer('v-1', seat, finished)).toEqual({ visitId: 'v-1', scenario: 'fire/home', seatToken: 'seat-token' });
  });

  it('offers nothing before the result', () => {
    expect(certificateOffer('v-1', seat, playing)).toBeNull();
    expect(certificateOffer('v-1', seat, null)).toBeNull();
  });

  it('offers nothing outside a class visit, or with another visit’s seat', () => {
    expect(certificateOffer('v-1', undefined, finished)).toBeNull();
    expect(certificateOffer('v-2', seat, finished)).toBeNull();
    expect(certificateOffer(null, seat, finished)).toBeNull();
  });
});
