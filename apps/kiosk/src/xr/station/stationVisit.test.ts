import { afterEach, describe, expect, it } from 'vitest';
import { seatOf, type JoinedSeat } from '../../classes/membership.ts';
import { useVisit } from '../../stores/visit.ts';
import { holdSeat, useHeldSeat } from './heldSeat.ts';
import { beginStationVisit, heldSeatWaitMs } from './stationVisit.ts';

const seat: JoinedSeat = {
  classId: '5b0c6a57-2f7e-4c1b-9d62-0c8f3b1a7e10',
  classCode: 'SCH-0042/7KQ2MX',
  seat: 2,
  token: 'seat-token',
  school: 'SCH-0042',
  grade: 4,
  label: '2班',
  closesAt: new Date(Date.now() + 3600_000).toISOString(),
};

afterEach(() => {
  useVisit.getState().clear();
  useHeldSeat.setState({ held: null });
});

describe("the VR station's visit", () => {
  it('takes the seat held on the 2D page, tied to the new visit only', () => {
    holdSeat(seat);
    beginStationVisit();
    const { visitId } = useVisit.getState();
    expect(visitId).toBeTruthy();
    expect(seatOf(visitId)).toEqual({ ...seat, visitId });
    expect(useHeldSeat.getState().held).toBeNull();

    // The next visitor starts in no class.
    useVisit.getState().clear();
    beginStationVisit();
    const next = useVisit.getState().visitId;
    expect(next).toBeTruthy();
    expect(next).not.toBe(visitId);
    expect(seatOf(next)).toBeUndefined();
  });

  it('leaves a seat that ran out on the page', () => {
    holdSeat(seat, Date.now() - heldSeatWaitMs());
    beginStationVisit();
    expect(seatOf(useVisit.getState().visitId)).toBeUndefined();
  });
});
