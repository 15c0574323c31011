import { describe, expect, it } from 'vitest';
import { deviceFrom, deviceIdFrom } from './device.ts';

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

describe('deviceIdFrom', () => {
  const fresh = () => '0b6a4e2c-1d3f-4a5b-9c7d-8e9f0a1b2c3d';
  it('keeps a remembered id and makes one only when there is none or it is not a UUID', () => {
    expect(deviceIdFrom('5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f', fresh)).toBe('5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f');
    expect(deviceIdFrom(null, fresh)).toBe(fresh());
    expect(deviceIdFrom('kiosk 3 in hall B', fresh)).toBe(fresh());
  });
});
