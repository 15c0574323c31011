import { create } from 'zustand';
import { fetchContent, fetchKioskConfig, type ContentResponse, type KioskConfig } from '../api/client.ts';

type ContentState =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'ready'; content: ContentResponse; config: KioskConfig };

/** The park's content and this kiosk's settings, loaded once when the kiosk starts. */
export const useContent = create<ContentState & { load: (overrides?: Partial<KioskConfig>) => Promise<void> }>((set) => ({
  status: 'loading',
  load: async (overrides = {}) => {
    try {
      const [content, config] = await Promise.all([fetchContent(), fetchKioskConfig()]);
      set({ status: 'ready', content, config: { ...config, ...overrides } });
    } catch (error) {
      set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

/** Per-kiosk overrides in the start-up URL (e.g. `?idleSeconds=45`), for stations that need another timeout. */
export function configOverrides(search: string): Partial<KioskConfig> {
  const params = new URLSearchParams(search);
  const out: Partial<KioskConfig> = {};
  const idle = Number(params.get('idleSeconds'));
  if (Number.isInteger(idle) && idle >= 3 && idle <= 3600) out.idleSeconds = idle;
  const countdown = Number(params.get('idleCountdownSeconds'));
  if (Number.isInteger(countdown) && countdown >= 3 && countdown <= 60) out.idleCountdownSeconds = countdown;
  return out;
}
