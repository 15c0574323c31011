import { useEffect } from 'react';
import { useVisit } from '../stores/visit.ts';

const KEY = 'ruyi.staffLanguage';

/**
 * Staff pages remember the language staff last chose on this device, apart from visitors': a visit's language (and
 * whatever resets it between visitors) does not decide the language of the next staff page opened here.
 */
export function useStaffLanguage(): void {
  const locale = useVisit((s) => s.locale);
  const setLocale = useVisit((s) => s.setLocale);
  useEffect(() => {
    const saved = read();
    if (saved && saved !== useVisit.getState().locale) setLocale(saved);
    // Only on arrival: later choices are stored below.
  }, [setLocale]);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, locale);
    } catch {
      // Storage may be off (a private window): the choice then lasts while the page is open.
    }
  }, [locale]);
}

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
