import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateOffer } from '../../classes/certificateOffer.ts';
import {
  dropStationCertificate,
  earn,
  earnStationCertificate,
  endStationSession,
  NO_STATION_CERTIFICATE,
  offerExpiry,
  offerLive,
  sessionEnded,
  touchStationCertificate,
  useStationCertificate,
} from './stationCertificate.ts';

const T0 = Date.parse('2026-06-01T02:00:00.000Z');
const WAIT = 120_000;
const offer = (visitId = 'v-1'): CertificateOffer => ({ visitId, scenario: 'fire/home', seatToken: 'seat-token' });

afterEach(dropStationCertificate);

describe('the certificate a visit earned in the headset', () => {
  it('is noted when a run completes, and a later unfinished run does not take it back', () => {
    const earned = earn(NO_STATION_CERTIFICATE, offer());
    expect(earned.earned).toEqual(offer());
    expect(earn(earned, null)).toBe(earned);
    expect(earn(earned, offer())).toBe(earned);
  });

  it('is offered once that visit’s session ends, and never for another visit', () => {
    const earned = earn(NO_STATION_CERTIFICATE, offer());
    expect(sessionEnded(earned, 'v-1', T0)).toEqual({ earned: null, offered: { offer: offer(), since: T0 } });
    expect(sessionEnded(earned, 'v-2', T0)).toEqual(NO_STATION_CERTIFICATE);
    expect(sessionEnded(earned, null, T0)).toEqual(NO_STATION_CERTIFICATE);
    // A session that earned nothing leaves no offer, not even the one before it.
    expect(sessionEnded({ earned: null, offered: { offer: offer('v-0'), since: T0 } }, 'v-1', T0)).toEqual(NO_STATION_CERTIFICATE);
  });

  it('goes after the wait without input on the page', () => {
    const offered = { offer: offer(), since: T0 };
    expect(offerExpiry(offered, WAIT)).toBe(T0 + WAIT);
    expect(offerLive(offered, T0 + WAIT - 1, WAIT)).toBe(true);
    expect(offerLive(offered, T0 + WAIT, WAIT)).toBe(false);
    expect(offerLive(null, T0, WAIT)).toBe(false);
  });

  it('lives in the station’s store: input keeps it, and dropping it leaves nothing', () => {
    earnStationCertificate(offer());
    endStationSession('v-1', T0);
    touchStationCertificate(T0 + 5000);
    expect(useStationCertificate.getState().offered).toEqual({ offer: offer(), since: T0 + 5000 });
    dropStationCertificate();
    expect(useStationCertificate.getState()).toEqual(NO_STATION_CERTIFICATE);
    touchStationCertificate(T0 + 6000);
    expect(useStationCertificate.getState().offered).toBeNull();
  });
});
