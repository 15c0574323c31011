import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, formatTime } from './format.ts';

/** formatDateTime, formatTime and formatNumber in the page's language. */
export function useAdminFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      dateTime: (at: string | number | Date) => formatDateTime(at, locale),
      time: (at: string | number | Date) => formatTime(at, locale),
      number: (value: number) => formatNumber(value, locale),
    }),
    [locale],
  );
}
