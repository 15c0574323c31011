import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useCurrentSeat } from './membership.ts';
import './badge.css';

/** Screens of a visit, where a class visit shows its class. */
const visitorScreen = (path: string) => path === '/map' || path.startsWith('/play/');

/** A small badge in a corner for the rest of a class visit: the class (grade and label) and the seat, in words. */
export function ClassBadge() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const seat = useCurrentSeat();
  if (!seat || !visitorScreen(location)) return null;
  return (
    <p className="class-badge" data-testid="class-badge">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M2 9 12 4l10 5-10 5z" fill="currentColor" />
        <path d="M6 11v5c3 2.5 9 2.5 12 0v-5" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <span>{t('classes.badge', { class: t('classes.className', { grade: seat.grade, label: seat.label }), seat: seat.seat })}</span>
    </p>
  );
}
