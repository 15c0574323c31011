import type { MechanicName } from '@ruyi/mechanics';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';

/** A mechanic view's words: `t` for any key, `k` for the mechanic's own (`mechanics.<name>.<key>`), `l` for the pack's. */
export function useMechanicText(name: MechanicName) {
  const { t } = useTranslation();
  const l = useLocalize();
  const k = (key: string, options?: Record<string, unknown>) => t(`mechanics.${name}.${key}`, options);
  return { t, k, l };
}
