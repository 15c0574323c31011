import { useTranslation } from 'react-i18next';
import { logout, type Session } from './api.ts';

/**
 * A staff page's "log out": the page forgets the session first (its polling stops before the token it uses is
 * revoked), then the server is told; a server that cannot be reached changes nothing for the page.
 */
export function LogoutButton({ session, onLoggedOut }: { session: Session | null; onLoggedOut: (why: string) => void }) {
  const { t } = useTranslation();
  if (!session) return null;
  return (
    <button
      type="button"
      onClick={() => {
        onLoggedOut(t('admin.loggedOut'));
        void logout(session.token).catch(() => undefined);
      }}
    >
      {t('admin.logout')}
    </button>
  );
}
