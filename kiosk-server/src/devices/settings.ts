// The enrollment settings (RUYI_ENROLLMENT, RUYI_ENROLLMENT_EXEMPT), apart from the plugin so config.ts can use them.

export const ENROLLMENT_MODES = ['required', 'open'] as const;

export interface DeviceSettings {
  /** required: only enrolled devices and exempt addresses write; open: anyone on the network (closed networks only). */
  enrollment: (typeof ENROLLMENT_MODES)[number];
  /** Addresses and CIDR ranges that need no enrollment (default: loopback). */
  exempt: string[];
}

/** The server's own machine needs no enrollment, so `npm start` lets a browser there play at once. */
export const DEFAULT_EXEMPT = ['127.0.0.1', '::1'];
export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = { enrollment: 'required', exempt: DEFAULT_EXEMPT };
