// The fleet's settings (RUYI_FLEET_* in config.ts); tests that build a Config without them get these defaults.
export interface FleetSettings {
  /** Devices the server keeps a heartbeat row for; a new device beyond this is refused (507). */
  maxDevices: number;
  /** Heartbeats accepted per minute from one client address (a device sends ~2 a minute and one per change). */
  heartbeatsPerMinute: number;
  /** How often this server sends its own heartbeat to its sync target's hub; 0: never. */
  reportSeconds: number;
}

export const DEFAULT_FLEET: FleetSettings = { maxDevices: 500, heartbeatsPerMinute: 30, reportSeconds: 60 };
