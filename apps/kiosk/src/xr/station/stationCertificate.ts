// The certificate a class visit earned in the headset, offered on the station's 2D page once the headset is off: the
// headset cannot print, the station's screen can. While the visit is in the headset its completed run is noted
// (`earned`, the same rule as the kiosk's result: classes/certificateOffer.ts; a run played again and left unfinished
// does not take it back); when that visit's session ends it becomes the page's offer (`offered`). The offer is that
// visit's only, and goes like a held seat does: after the kiosk's idle time without input on the page, when staff
// dismiss it, or when the next visitor starts (a join on the page or the hand-over), so it never falls to the next one.
import { create } from 'zustand';
import type { CertificateOffer } from '../../classes/certificateOffer.ts';

export interface OfferedCertificate {
  offer: CertificateOffer;
  /** When the page last had input with the offer shown (ms since the epoch). */
  since: number;
}

export interface StationCertificate {
  /** The visit in the headset completed a run of a class visit: its certificate, once the session ends. */
  earned: CertificateOffer | null;
  /** Shown on the station's page after that visit's session. */
  offered: OfferedCertificate | null;
}

export const NO_STATION_CERTIFICATE: StationCertificate = { earned: null, offered: null };

/** A run of the visit under way reached its result in a class visit (`offer` null otherwise: nothing changes). */
export function earn(state: StationCertificate, offer: CertificateOffer | null): StationCertificate {
  if (!offer || (state.earned && state.earned.visitId === offer.visitId && state.earned.scenario === offer.scenario)) return state;
  return { ...state, earned: offer };
}

/** The session of `visitId` ended: what it earned is offered on the page; nothing of another visit is. */
export function sessionEnded(state: StationCertificate, visitId: string | null, now: number): StationCertificate {
  const earned = state.earned;
  return { earned: null, offered: earned && visitId && earned.visitId === visitId ? { offer: earned, since: now } : null };
}

/** When an offer goes by itself: `waitMs` after the page's last input. */
export const offerExpiry = (offered: OfferedCertificate, waitMs: number): number => offered.since + waitMs;

/** Whether an offer is still shown at `now`. */
export const offerLive = (offered: OfferedCertificate | null, now: number, waitMs: number): offered is OfferedCertificate =>
  offered !== null && now < offerExpiry(offered, waitMs);

export const useStationCertificate = create<StationCertificate>(() => NO_STATION_CERTIFICATE);

export const earnStationCertificate = (offer: CertificateOffer | null): void => useStationCertificate.setState((s) => earn(s, offer));

export const endStationSession = (visitId: string | null, now = Date.now()): void => useStationCertificate.setState((s) => sessionEnded(s, visitId, now));

/** Input on the page: someone is still at the station, the offer stays. */
export function touchStationCertificate(now = Date.now()): void {
  const { offered } = useStationCertificate.getState();
  if (offered) useStationCertificate.setState({ offered: { ...offered, since: now } });
}

/** The next visitor starts, staff dismiss it, it ran out, or the page goes: nothing of the visit is left. */
export const dropStationCertificate = (): void => useStationCertificate.setState(NO_STATION_CERTIFICATE, true);
