import { describe, expect, it } from 'vitest';
import { useVisit } from './visit.ts';

describe('the visit store', () => {
  it('starts for a general audience; the children\'s version is chosen per visit and ends with it', () => {
    expect(useVisit.getState().audience).toBe('general');
    useVisit.getState().begin();
    useVisit.getState().setAudience('child');
    expect(useVisit.getState().audience).toBe('child');
    const visitId = useVisit.getState().visitId;
    expect(visitId).not.toBeNull();
    useVisit.getState().clear();
    expect(useVisit.getState()).toMatchObject({ visitId: null, audience: 'general' });
  });
});
