import { useTranslation } from 'react-i18next';
import { useVisit } from '../stores/visit.ts';

/** A class's name, times and devices as the staff language writes them. */
export function useClassWords() {
  const { t } = useTranslation();
  const locale = useVisit((s) => s.locale);
  return {
    locale,
    className: (c: { grade: number; label: string }) => t('classes.className', { grade: c.grade, label: c.label }),
    time: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    clock: (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(iso)),
    platform: (p: 'kiosk' | 'vr' | 'web') => t(`classes.platform.${p}`),
  };
}
