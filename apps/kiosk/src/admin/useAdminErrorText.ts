import { useTranslation } from 'react-i18next';
import { AdminApiError } from './api.ts';

/** A refusal from the admin API in the staff's language; the server's own message when there is no better one. */
export function useAdminErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof AdminApiError)) return t('admin.failed', { message: error instanceof Error ? error.message : String(error) });
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
