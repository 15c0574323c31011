import { useTranslation } from 'react-i18next';
import { AdminApiError } from './api.ts';
import { knownRefusal } from './serverErrors.ts';

/** A refusal from the admin API in the staff's language; the server's own message when there is no better one. */
export function useAdminErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof AdminApiError)) return t('admin.failed', { message: error instanceof Error ? error.message : String(error) });
    // A 401 or 403 is about the login itself (wrong password, no password, logged out), unless the server says it is
    // about the account's role or scope.
    const refused = knownRefusal(error.details);
    const aboutAccount = refused !== null && ['admin.server.staffRole', 'admin.server.staffScope', 'admin.server.accountSelf'].includes(refused.key);
    const known = (error.status !== 401 && error.status !== 403) || aboutAccount ? refused : null;
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
