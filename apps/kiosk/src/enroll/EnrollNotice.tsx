import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { checkEnrollment } from '../api/client.ts';
import { isStaffPage } from '../staffPages.ts';
import { useEnrollment } from './enrollment.ts';

/**
 * A small note in a corner for park staff when the server refuses this device's statements: they wait on the device
 * until someone enrolls it. Small and out of the visitor's way; a visitor may ignore it and play on.
 */
export function EnrollNotice() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const status = useEnrollment((s) => s.status);
  const staffScreen = isStaffPage(location);

  // Asked once, on the first visitor screen: a staff screen (the admin page on another machine) has no need to know.
  useEffect(() => {
    if (!staffScreen && status === 'unknown') checkEnrollment().catch(() => undefined);
  }, [staffScreen, status]);

  if (status !== 'not-enrolled' || staffScreen) return null;
  return (
    <aside className="enroll-notice" aria-label={t('enroll.noticeLink')}>
      <p role="status">
        <span aria-hidden="true">⚠ </span>
        {t('enroll.notice')}
      </p>
      <Link href="/enroll">{t('enroll.noticeLink')}</Link>
    </aside>
  );
}
