import { describe, expect, it } from 'vitest';
import { deviceFrom } from './device.ts';

describe('deviceFrom', () => {
  it('takes the URL first, then what the browser remembers, else a kiosk', () => {
    expect(deviceFrom('?device=web', null)).toBe('web');
    expect(deviceFrom('?device=kiosk', 'web')).toBe('kiosk');
    expect(deviceFrom('', 'web')).toBe('web');
    expect(deviceFrom('', null)).toBe('kiosk');
  });
  it('ignores what it does not know: a URL cannot claim to be a headset', () => {
    expect(deviceFrom('?device=vr', 'web')).toBe('web');
    expect(deviceFrom('?device=', 'something')).toBe('kiosk');
  });
});
