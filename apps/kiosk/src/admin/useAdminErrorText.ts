import { useTranslation } from 'react-i18next';
import { localizeProblem, codeOf } from '@ruyi/pack-schema';
import { AdminApiError } from './api.ts';
import { knownRefusal } from './serverErrors.ts';

/** A refusal from the admin API in the staff's language; the server's own message when there is no better one. */
export function useAdminErrorText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  /** The server's words, said in the staff's language when they are known ones (its own, or a validator's). */
  const said = (message: string) => {
    const known = knownRefusal(message);
    if (known) return t(known.key, known.params);
    return codeOf(message) ? localizeProblem({ message }, lang) : message;
  };
  return (error: unknown): string => {
    if (!(error instanceof AdminApiError)) return t('admin.failed', { message: error instanceof Error ? error.message : String(error) });
    if (error.status !== 401 && error.status !== 403 && knownRefusal(error.message)) return said(error.message);
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
        return t('admin.failed', { message: said(error.message) });
    }
  };
}
