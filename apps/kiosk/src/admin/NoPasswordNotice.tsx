import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The command that sets the staff password on the server (kiosk-server/src/admin-cli.ts). */
export const SET_PASSWORD_COMMAND = 'npm run admin -- set-password';

/** Shown instead of the login form while the server has no staff password: what to run, and a way to look again. */
export function NoPasswordNotice({ checking, onCheckAgain }: { checking: boolean; onCheckAgain: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="admin-login admin-no-password" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('admin.noPasswordHeading')}
      </h2>
      <p>{t('admin.noPasswordSet')}</p>
      <pre>
        <code>{SET_PASSWORD_COMMAND}</code>
      </pre>
      <p>{t('admin.noPasswordThen')}</p>
      <button type="button" className="primary" onClick={onCheckAgain} disabled={checking} aria-busy={checking || undefined}>
        {t('admin.checkAgain')}
      </button>
    </section>
  );
}
