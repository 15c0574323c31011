// When a visit may ask for a completion certificate, and for what: one rule for every screen that offers one (the
// kiosk's result, the VR station's page after the headset). No schema, no store: what it needs comes in as arguments.

/** What a certificate is asked for with: a class visit's completed scenario, and the seat token that vouches for it. */
export interface CertificateOffer {
  visitId: string;
  /** `<packId>/<scenarioId>`, as the certificate route takes it. */
  scenario: string;
  seatToken: string;
}

/** Just what the rule reads of a run (stores/visit.ts ActiveRun) and of a seat (classes/membership.ts ClassSeat). */
export interface OfferRun {
  pack: { id: string };
  scenario: { id: string };
  state: { current: unknown };
}
export interface OfferSeat {
  visitId: string;
  token: string;
}

/**
 * The certificate `visitId` may ask for now: its run has reached its result (no step left) and the visit holds a class
 * seat. Null outside a class visit, before the result, or for a seat of another visit.
 */
export function certificateOffer(visitId: string | null | undefined, seat: OfferSeat | undefined, run: OfferRun | null | undefined): CertificateOffer | null {
  if (!visitId || !seat || seat.visitId !== visitId || !run || run.state.current !== null) return null;
  return { visitId, scenario: `${run.pack.id}/${run.scenario.id}`, seatToken: seat.token };
}
