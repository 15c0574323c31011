import { useTranslation } from 'react-i18next';
import { AdminApiError } from './api.ts';
import { knownRefusal } from './serverErrors.ts';

/** A refusal from the admin API in the staff's language; the server's own message when there is no better one. */
export function useAdminErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof AdminApiError)) return t('admin.failed', { message: error instanceof Error ? error.message : String(error) });
    // A 401 or 403 is about the login itself: the pages that meet one say so (wrong password, no password, logged out).
    const known = error.status !== 401 && error.status !== 403 ? knownRefusal(error.details) : null;
    if (known) return t(known.key, known.params);
    switch (error.status) {
      case 401:
        return t('admin.wrongPassword');
      case 403:
        return t('admin.noPassword');
      case 413:
        return t('admin.tooLarge');
      case 429:
        return t('admin.tooManyTries');
      default:
        return t('admin.failed', { message: error.message });
    }
  };
}
